// Instrument data named by `data "…"`: files are read only when allowed
// (trusted workspace) and only inside the workspace; the file's technique,
// scan rate and Init E are checked against the protocol line, and i-t files
// give charges. The data pass that reads the runs' files is run-data.ts.
import * as path from 'node:path';
import type { StringLit, TechniqueLine } from '../../syntax/ast';
import type { AnalysisContext } from '../context';
import { importInstrumentFile, importText, MAX_DATA_FILE_BYTES } from '../../instruments/detect';
import { runCharge, streamedTrapezoid } from '../../instruments/derived';
import { column, type ImportedData } from '../../instruments/series';
import { InstrumentCodes } from '../../instruments/codes';
import { isRefusal, type DataFileRefusal } from '../../instruments/read-bytes';
import { formatExact, formatNumber } from '../../units/format';
import { unchanging } from '../incremental/snapshot';

export interface DataFile {
  path: string;
  data?: ImportedData;
  span: StringLit['span'];
  /** An i-t record's charge (C), as its `charge` value at the data string gives it. */
  charge?: number;
}

/**
 * Imports are memoised by path and exact content: a protocol that names a file
 * twice, or an analysis after each keystroke, parses it once. The result
 * depends only on the content, so the memo cannot change an answer.
 */
const imported = new Map<string, { content: string | Uint8Array; relative: string; data: ImportedData }>();
const MEMO_FILES = 64;
/** The memo keeps at most this much file content (the newest file always), so it never holds gigabytes. */
const MEMO_BYTES = 256 * 1024 * 1024;

function sameContent(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (a === b || typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.length !== b.length) return false;
  // Node's native comparison: a data file of 100 MB is compared in milliseconds on every analysis.
  if (typeof Buffer !== 'undefined') return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function importOnce(absolute: string, content: string | Uint8Array, relative: string): ImportedData {
  const hit = imported.get(absolute);
  if (hit && hit.relative === relative && sameContent(hit.content, content)) {
    // The bytes just read stand for the file from now on: the next line of this analysis that names it
    // finds the very same array and compares nothing (a file named on 200 lines was compared 200 times).
    hit.content = content;
    return hit.data;
  }
  // Bytes when the shell gives them (binary .mpr, Latin-1 text); text otherwise. The format is chosen by the content.
  // Never changed once made: units keep it by reference and compare it by identity (incremental/snapshot.ts).
  const data = unchanging(typeof content === 'string' ? importText(content, relative) : importInstrumentFile(content, relative));
  imported.delete(absolute);
  imported.set(absolute, { content, relative, data });
  let bytes = 0;
  for (const e of imported.values()) bytes += e.content.length;
  for (const [key, e] of imported) {
    if (imported.size <= MEMO_FILES && bytes <= MEMO_BYTES) break;
    if (key === absolute) continue;
    imported.delete(key);
    bytes -= e.content.length;
  }
  return data;
}

/** Files read for one `{E}`, `{rate}`, `{rpm}` or `{j}` pattern; a protocol line lists a handful of values. */
export const MAX_PATTERN_FILES = 100;
/**
 * Bytes of data files one analysis reads in all, one largest file's worth. Reading a text export holds
 * its bytes and 8 bytes per number read, about twice its size (a 209 MB export of 10⁷ rows peaks at
 * 441 MB in `faraday inspect`, the process included; at most about five times for one-digit cells), so
 * the data of one analysis stay under about 1.3 GB even so.
 */
export const MAX_ANALYSIS_DATA_BYTES = MAX_DATA_FILE_BYTES;

const MB = (bytes: number) => `${formatNumber(bytes / 1024 / 1024, { significant: 4 })} MB`;

/** A file the shell's reader would not read: why, at the data string. */
function refused(ctx: AnalysisContext, relative: string, root: string, r: DataFileRefusal, literal: StringLit): void {
  if (r.refused === 'not-a-file') {
    ctx.report(InstrumentCodes.notAFile, 'error', `\`${relative}\` is ${r.kind}, not a data file; name the exported file itself`, literal.span);
  } else if (r.refused === 'outside-workspace') {
    ctx.report(InstrumentCodes.outsideWorkspace, 'error', `\`${relative}\` is a link to ${r.realPath}, outside the workspace (${root}); data files must be inside it: copy the data into the workspace`, literal.span);
  } else if (r.size > MAX_DATA_FILE_BYTES) {
    ctx.report(InstrumentCodes.tooLarge, 'error', `\`${relative}\` is larger than the ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB Faraday reads (${MB(r.size)}); export a shorter run or average points on export`, literal.span);
  } else {
    ctx.report(InstrumentCodes.dataBudget, 'error', `\`${relative}\` (${MB(r.size)}) is not read: with it, the data files of this protocol would pass ${MAX_ANALYSIS_DATA_BYTES / 1024 / 1024} MB, more than one analysis reads; average points on export, or split the protocol`, literal.span);
  }
}

/** The files a pattern names, or none (with FD0771) when it names more than Faraday reads for one line. */
export function patternWithinLimit(ctx: AnalysisContext, pattern: StringLit, count: number): boolean {
  if (count <= MAX_PATTERN_FILES) return true;
  ctx.report(InstrumentCodes.tooManyFiles, 'error', `\`${pattern.value}\` expands to ${count} files, more than the ${MAX_PATTERN_FILES} Faraday reads for one line, so none is read; list fewer values, or split the line`, pattern.span);
  return false;
}

/** What a data file's label says: points for series, injections and peaks for gas chromatograms. */
function contents(data: ImportedData): string {
  if (!data.chromatograms) return `${data.points} points`;
  const peaks = data.chromatograms.reduce((n, i) => n + i.channels.reduce((m, c) => m + c.peaks.length, 0), 0);
  const channels = data.chromatograms[0]?.channels.length ?? 0;
  return `${data.chromatograms.length} injection${data.chromatograms.length === 1 ? '' : 's'}, ${channels} channel${channels === 1 ? '' : 's'}, ${peaks} peaks`;
}

/**
 * Where a data path written in `fileName` points, and whether that lies inside `root`: a pure function of
 * the three strings, kept because every analysis asks it for every `data` line (720 of them in the
 * benchmark's 10 000-line protocol), and path arithmetic was a fifth of the data pass's time per edit.
 */
const resolvedPaths = new Map<string, { absolute: string; inside: boolean }>();

function resolvedPath(fileName: string, root: string, relative: string): { absolute: string; inside: boolean } {
  const key = `${fileName}\u0000${root}\u0000${relative}`;
  let r = resolvedPaths.get(key);
  if (!r) {
    if (resolvedPaths.size >= 10_000) resolvedPaths.clear();
    const absolute = path.resolve(path.dirname(fileName), relative);
    const fromRoot = path.relative(root, absolute);
    resolvedPaths.set(key, (r = { absolute, inside: !fromRoot.startsWith('..') && !path.isAbsolute(fromRoot) }));
  }
  return r;
}

/**
 * The absolute path of a data file or folder named relative to the protocol, or undefined after
 * saying why it may not be read (untrusted workspace, outside the workspace); silently undefined
 * for unsaved text, which has nothing to resolve against.
 */
export function dataPath(ctx: AnalysisContext, relative: string, literal: StringLit): string | undefined {
  const { fileName, readFile, readBytes, readData, workspaceRoot } = ctx.options;
  if (!fileName || (!readFile && !readBytes)) return undefined; // unsaved text: nothing to resolve against
  if (readData === false) {
    ctx.report(InstrumentCodes.untrusted, 'information', `data files are read only in a trusted workspace; \`${relative}\` was not read`, literal.span);
    return undefined;
  }
  if (relative.includes('\0')) {
    ctx.report(InstrumentCodes.notAFile, 'error', `the data path \`${relative.replace(/\0/g, '\\0')}\` holds a NUL character, which no file name has; retype the path`, literal.span);
    return undefined;
  }
  const root = workspaceRoot ?? path.dirname(fileName);
  const { absolute, inside } = resolvedPath(fileName, root, relative);
  if (!inside) {
    ctx.report(InstrumentCodes.outsideWorkspace, 'error', `\`${relative}\` lies outside the workspace (${root}); data files must be inside it`, literal.span);
    return undefined;
  }
  return absolute;
}

interface Described {
  label: string;
  detail: string;
  /** An i-t record's charge and mean current, with the warning when its points are too sparse. */
  charge?: { chargeC: number; meanMA: number; label: string; detail: string; meanLabel: string; sparse?: string };
}

/**
 * What a data file's values say, by import and by the path as written: the same
 * for as long as the file is unchanged (one import object), so every keystroke
 * in the protocol does not integrate and format every record again.
 */
const descriptions = new WeakMap<ImportedData, Map<string, Described>>();

function described(data: ImportedData, relative: string): Described {
  let byPath = descriptions.get(data);
  if (!byPath) descriptions.set(data, (byPath = new Map()));
  const kept = byPath.get(relative);
  if (kept) return kept;
  const time = column(data, /^Time$/i);
  const current = column(data, /^Current$/i);
  const span = time && time.values.length > 1 ? `${formatNumber(time.values[time.values.length - 1]! - time.values[0]!, { significant: 4 })} s` : undefined;
  const fields = Object.entries(data.metadata).slice(0, 6).map(([k, v]) => `${k} = ${typeof v.value === 'number' ? formatExact(v.value) : v.value}${v.unit ? ' ' + v.unit : ''}`);
  const d: Described = {
    label: `${relative}: ${data.techniqueLabel ?? data.technique}, ${contents(data)}`,
    detail: [`**${relative}**`, `${data.techniqueLabel ?? data.technique}${data.instrument ? ` on ${data.instrument}` : ''} · ${contents(data)}${span ? ` over ${span}` : ''}${data.format ? ` · ${data.format}` : ''}`, ...fields].join('  \n'),
  };
  if (data.technique === 'CA' && time && current) {
    const q = runCharge(time.values, current.values, column(data, /^Charge$/)?.values, streamedTrapezoid(data, time, current));
    const how = q.source === 'instrument'
      ? `The instrument's own integral of the current (its charge column) over ${data.points} points: ${formatNumber(q.chargeC, { significant: 6 })} C; the trapezoid over the recorded points gives ${formatNumber(q.trapezoidC, { significant: 6 })} C`
      : `Trapezoidal integral of ${data.points} points: ${formatNumber(q.chargeC, { significant: 6 })} C`;
    const meanMA = Math.abs(q.meanCurrentA) * 1000;
    // Points recorded far apart around a fast change (the spike after a potential step) make the trapezoid wrong.
    const scale = Math.max(Math.abs(q.chargeC), Math.abs(q.trapezoidC));
    const sparse = q.source === 'instrument' && scale > 0 && Math.abs(q.chargeC - q.trapezoidC) > 0.02 * scale
      ? `the trapezoid over the ${data.points} recorded points of \`${relative}\` gives ${formatNumber(q.trapezoidC, { significant: 4 })} C, the instrument's own integral ${formatNumber(q.chargeC, { significant: 4 })} C: the points are too far apart for the changes of the current; the instrument's charge is used`
      : undefined;
    d.charge = {
      chargeC: Math.abs(q.chargeC), meanMA, sparse,
      label: `${formatNumber(Math.abs(q.chargeC), { significant: 4 })} C`,
      detail: `${how}; mean current ${formatNumber(q.meanCurrentA * 1000, { significant: 4 })} mA.`,
      meanLabel: `${formatNumber(meanMA, { significant: 4 })} mA`,
    };
  }
  byPath.set(relative, d);
  return d;
}

/** Reads one data file, reporting why it cannot be read. */
export function loadDataFile(ctx: AnalysisContext, relative: string, literal: StringLit): DataFile | undefined {
  const absolute = dataPath(ctx, relative, literal);
  if (absolute === undefined) return undefined;
  const root = ctx.options.workspaceRoot ?? path.dirname(ctx.options.fileName!);
  // The data of one analysis share a budget, so a pattern over many large files cannot exhaust memory.
  const budget = MAX_ANALYSIS_DATA_BYTES - ctx.dataBytesRead;
  // One byte more than the limit tells a file at the limit from a larger one.
  const content = ctx.options.readBytes ? ctx.readBytes(absolute, Math.min(MAX_DATA_FILE_BYTES, budget) + 1, root) : ctx.readFile(absolute);
  if (content === undefined) {
    ctx.report(InstrumentCodes.missingFile, 'warning', `cannot find the data file \`${relative}\` (looked for ${absolute})`, literal.span);
    return { path: relative, span: literal.span };
  }
  if (isRefusal(content)) {
    refused(ctx, relative, root, content, literal);
    return { path: relative, span: literal.span };
  }
  if (content.length > MAX_DATA_FILE_BYTES || content.length > budget) {
    refused(ctx, relative, root, { refused: 'too-large', size: content.length }, literal);
    return { path: relative, span: literal.span };
  }
  const data = importOnce(absolute, content, relative);
  for (const p of data.problems) ctx.report(p.code, p.severity, p.message, literal.span);
  const d = described(data, relative);
  ctx.value({ kind: 'dataFile', subject: relative, value: data.points, unit: 'points', span: literal.span, label: d.label, detail: d.detail });
  if (d.charge) {
    const { chargeC, meanMA } = d.charge;
    ctx.value({ kind: 'charge', subject: relative, value: chargeC, unit: 'C', span: literal.span, label: d.charge.label, detail: d.charge.detail });
    ctx.value({ kind: 'meanCurrent', subject: relative, value: meanMA, unit: 'mA', span: literal.span, label: d.charge.meanLabel });
    if (d.charge.sparse) ctx.report(InstrumentCodes.sparseRecord, 'warning', d.charge.sparse, literal.span);
  }
  // As the value: a charge that is not finite is not recorded.
  const charge = d.charge && Number.isFinite(d.charge.chargeC) ? d.charge.chargeC : undefined;
  return { path: relative, data, span: literal.span, ...(charge === undefined ? {} : { charge }) };
}

const FILE_TECHNIQUE: Record<string, string> = { CV: 'CV', LSV: 'LSV', CA: 'CA', EIS: 'EIS', DPV: 'DPV', OCP: 'OCP', CP: 'CP', SWV: 'SWV' };

export function checkTechnique(ctx: AnalysisContext, t: TechniqueLine, file: DataFile): void {
  const expected = FILE_TECHNIQUE[t.technique.text.toUpperCase()];
  const got = file.data?.technique;
  if (!got || got === 'unknown' || !expected || got === expected) return;
  ctx.report(InstrumentCodes.techniqueMismatch, 'warning', `\`${file.path}\` holds ${file.data!.techniqueLabel ?? got} data, but the line runs ${t.technique.text}`, file.span);
}

export function checkScanRate(ctx: AnalysisContext, file: DataFile, rate: number | undefined): void {
  const written = file.data?.metadata['Scan Rate'];
  if (rate === undefined || !written || typeof written.value !== 'number') return;
  if (Math.abs(written.value - rate) > 0.01 * rate) {
    ctx.report(InstrumentCodes.scanRateMismatch, 'warning', `\`${file.path}\` was recorded at ${formatExact(written.value)} V/s, but the line says ${formatNumber(rate, { significant: 3 })} V/s`, file.span);
  }
}

/** Init E of a CA file against the set-point of its potential. */
export function checkInitE(ctx: AnalysisContext, file: DataFile, potentialText: string, written: number, setpointOf: () => number | undefined): void {
  const init = file.data?.metadata['Init E'];
  if (!init || typeof init.value !== 'number') return;
  // Asked only now: a file without Init E does not depend on the set-point.
  const setpoint = setpointOf();
  if (setpoint === undefined) return;
  if (Math.abs(init.value - setpoint) <= 0.005) return;
  const wrongScale = Math.abs(init.value - written) <= 0.005;
  ctx.report(
    InstrumentCodes.initEMismatch,
    'warning',
    wrongScale
      ? `\`${file.path}\` was run at Init E = ${formatExact(init.value)} V, the potential as written (${potentialText}): the set-point vs the reference is ${formatNumber(setpoint, { decimals: 3 })} V, so the run was on the wrong scale`
      : `\`${file.path}\` was run at Init E = ${formatExact(init.value)} V, but the set-point of ${potentialText} is ${formatNumber(setpoint, { decimals: 3 })} V`,
    file.span,
  );
}

/** Charges of results that name an i-t file and state no charge (runs before the electrochemistry pass). */
export function resultDataPass(ctx: AnalysisContext): void {
  for (const s of ctx.document.statements) {
    ctx.stopIfCancelled();
    if (s.kind !== 'result' || !s.data) continue;
    const data = s.data;
    ctx.unit(s, 'resultData', () => {
      const file = loadDataFile(ctx, data.value, data);
      if (file?.charge !== undefined) ctx.facts.dataCharges.set(s.span.start, file.charge);
      // When the electrolysis started, for the GC injections of the result.
      if (file?.data?.date) ctx.facts.dataStarts.set(s.span.start, { time: file.data.date, file: file.path });
    });
  }
}
