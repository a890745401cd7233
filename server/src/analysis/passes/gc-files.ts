// The GC files a result reads its gases from
// (`H2, CO by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min`): the pattern
// expanded (`{E}` over the result's potential as written, `{n}` over the
// injection numbers of the files in the folder), every injection placed
// against the electrolysis (warned and left out when it was taken outside
// it), and each product's value per injection: the instrument's calibrated
// volume fraction, or a peak area (the instrument's, or integrated over the
// calibration's window of a trace) for a gas calibration to read.
import * as path from 'node:path';
import type { GcFileReading, ResultBlock, Span } from '../../syntax/ast';
import type { AnalysisContext } from '../context';
import type { CalibrationInfo } from './calibrations';
import type { GcInjection } from '../../instruments/series';
import { dataPath, loadDataFile } from './data';
import { InstrumentCodes } from '../../instruments/codes';
import { findPeak, namedCompounds } from '../../instruments/gc-peaks';
import { peakArea } from '../../instruments/peak-area';
import { parseInstrumentTime } from '../../instruments/instrument-time';
import { placeInjections, type InjectionWindow, type Placement } from '../../instruments/injection-window';
import { siOf } from '../quantities';
import { formatNumber } from '../../units/format';

/** More injections than a run plausibly has: a pattern that matches them names more than one run. */
export const MAX_INJECTIONS = 200;

export interface ReadInjection {
  /** The file, relative to the protocol, as the pattern expanded. */
  file: string;
  /** What `{n}` stood for; undefined for a pattern without `{n}`. */
  number?: number;
  /** 1-based position among the injections read, for messages when there is no `{n}`. */
  position: number;
  injection: GcInjection;
  placement: Placement;
}

export interface GcRun {
  injections: ReadInjection[];
  window: InjectionWindow;
  /** What t = 0 is, for hovers: `the first injection`, `the start of data/it.mpt (…)`. */
  origin: string;
}

/** The runs read in one analysis, by the offset of their `data "…"` string: the products of one line share them. */
const runsByAnalysis = new WeakMap<AnalysisContext, Map<number, GcRun | undefined>>();

/** `injection 2 (gc/run-2.fusion-data, 2022-06-08T14:17:06.467Z)`. */
export function injectionLabel(r: ReadInjection): string {
  return `injection ${r.number ?? r.position} (\`${r.file}\`${r.injection.time ? `, ${r.injection.time}` : ''})`;
}

/** `368 s`, `6.14 min`, `1.32 h`: a span of time as a chemist reads it. */
export function durationText(seconds: number): string {
  const s = Math.abs(seconds);
  if (s < 120) return `${formatNumber(s, { significant: 3, trim: true })} s`;
  if (s < 7200) return `${formatNumber(s / 60, { significant: 3, trim: true })} min`;
  return `${formatNumber(s / 3600, { significant: 3, trim: true })} h`;
}

/** The duration of a result in s (the quantities pass reports a bad unit or value). */
function durationS(ctx: AnalysisContext, result: ResultBlock): number | undefined {
  return siOf(ctx, result.duration);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The files a pattern names, in injection order; undefined after saying why it cannot be expanded. */
function expand(ctx: AnalysisContext, result: ResultBlock, reading: GcFileReading): { file: string; number?: number }[] | undefined {
  const literal = reading.data;
  let pattern = literal.value;
  if (pattern.includes('{E}')) {
    const values = result.potential?.quantity.values ?? [];
    if (values.length !== 1) {
      ctx.report(InstrumentCodes.gcPattern, 'error', `\`{E}\` stands for the potential of the result, but the result states ${values.length === 0 ? 'none' : `${values.length}`}: a result is one electrolysis; write its one potential (\`at -1.0 V vs RHE\`) or the file names without \`{E}\``, literal.span);
      return undefined;
    }
    pattern = pattern.replace(/\{E\}/g, values[0]!.text);
  }
  if (!pattern.includes('{n}')) return [{ file: pattern }];
  const slash = pattern.replace(/\\/g, '/');
  const folder = path.posix.dirname(slash);
  const name = path.posix.basename(slash);
  if (folder.includes('{n}')) {
    ctx.report(InstrumentCodes.gcPattern, 'error', `\`{n}\` stands for the injection number in the file name, but here it is in the folder \`${folder}\`: put the injections of a run in one folder, as in \`gc/run-{n}.fusion-data\``, literal.span);
    return undefined;
  }
  if (!ctx.options.listDirectory) {
    if (ctx.options.fileName && (ctx.options.readFile || ctx.options.readBytes)) {
      ctx.report(InstrumentCodes.gcPattern, 'error', `\`{n}\` is expanded by listing the folder \`${folder}\`, which this reader cannot do: check the protocol with \`faraday check\` or in the editor, or name one file`, literal.span);
    }
    return undefined;
  }
  const absolute = dataPath(ctx, folder, literal);
  if (absolute === undefined) return undefined;
  const names = ctx.listDirectory(absolute);
  const matcher = new RegExp(`^${name.split('{n}').map(escapeRegExp).join('(\\d{1,9})')}$`);
  const found: { file: string; number: number }[] = [];
  for (const entry of names ?? []) {
    const m = matcher.exec(entry);
    if (!m) continue;
    const numbers = m.slice(1).map(Number);
    if (numbers.some((x) => x !== numbers[0])) continue; // `{n}` written twice stands for one number
    found.push({ file: folder === '.' ? entry : `${folder}/${entry}`, number: numbers[0]! });
  }
  if (found.length === 0) {
    ctx.report(InstrumentCodes.gcNoInjections, 'warning', names === undefined
      ? `cannot read the folder \`${folder}\` of \`${pattern}\` (looked in ${absolute}): correct the path`
      : `no file in \`${folder}\` matches \`${name}\` (\`{n}\` stands for an injection number, as in \`${name.replace(/\{n\}/g, '1')}\`): correct the pattern or the file names`, literal.span);
    return [];
  }
  found.sort((a, b) => a.number - b.number || a.file.localeCompare(b.file));
  if (found.length > MAX_INJECTIONS) {
    ctx.report(InstrumentCodes.gcTooManyInjections, 'warning', `${found.length} files match \`${pattern}\`, more than the ${MAX_INJECTIONS} injections a run is read with; the first ${MAX_INJECTIONS} by number are read: put the potential or the run in the pattern to name one run's injections`, literal.span);
    found.length = MAX_INJECTIONS;
  }
  return found;
}

/** The injections of a GC line, read once for all its products, with the window checked and reported. */
export function gcRunOf(ctx: AnalysisContext, result: ResultBlock, reading: GcFileReading): GcRun | undefined {
  let runs = runsByAnalysis.get(ctx);
  if (!runs) runsByAnalysis.set(ctx, (runs = new Map()));
  const key = reading.data.span.start;
  if (!runs.has(key)) runs.set(key, readRun(ctx, result, reading));
  return runs.get(key);
}

function readRun(ctx: AnalysisContext, result: ResultBlock, reading: GcFileReading): GcRun | undefined {
  const literal = reading.data;
  const files = expand(ctx, result, reading);
  if (!files) return undefined;
  const read: Omit<ReadInjection, 'placement'>[] = [];
  for (const f of files) {
    ctx.stopIfCancelled(); // up to 200 exports: a newer edit need not wait for them all
    const loaded = loadDataFile(ctx, f.file, literal);
    if (!loaded?.data) continue;
    const injections = loaded.data.chromatograms ?? [];
    if (injections.length === 0) {
      ctx.report(InstrumentCodes.gcNotChromatogram, 'error', `\`${f.file}\` holds ${loaded.data.techniqueLabel ?? loaded.data.technique} data, not a gas chromatogram: name the GC exports of the run`, literal.span);
      continue;
    }
    for (const injection of injections) read.push({ file: f.file, number: f.number, position: read.length + 1, injection });
  }
  const startOfRun = ctx.facts.dataStarts.get(result.span.start);
  const start = parseInstrumentTime(startOfRun?.time);
  const duration = durationS(ctx, result);
  const window = placeInjections(read.map((r) => parseInstrumentTime(r.injection.time)), start, duration);
  const injections = read.map((r, i) => ({ ...r, placement: window.placements[i]! }));
  const origin = window.origin === 'start' ? `the start of \`${startOfRun!.file}\` (${startOfRun!.time})` : 'the first injection';
  if (window.clockMismatch) {
    ctx.report(InstrumentCodes.gcClockMismatch, 'information', `\`${startOfRun!.file}\` writes its start (${startOfRun!.time}) on ${start!.zoned ? 'a clock with a zone' : 'the computer\'s wall clock'}, the GC its injections on ${start!.zoned ? 'the wall clock' : 'a clock with a zone'}; they cannot be compared, so the first injection stands for the start of the electrolysis`, literal.span);
  }
  const during = result.duration ? ctx.textOf(result.duration.span) : '';
  for (const r of injections) {
    const p = r.placement;
    if (p.inside || p.offsetS === undefined) continue;
    const when = p.side === 'before'
      ? `${durationText(-p.offsetS)} before the electrolysis started (${origin})`
      : `${durationText(p.offsetS)} after ${origin}, when the ${during} electrolysis had ended`;
    ctx.report(InstrumentCodes.gcInjectionOutsideRun, 'warning', `${injectionLabel(r)} was taken ${when}: its gas is not of this run, so it is left out of the mean; remove its file from the pattern's folder or correct the duration`, literal.span);
  }
  const used = injections.filter((r) => r.placement.inside).length;
  if (injections.length > 0) {
    const lines = injections.map((r) => `${injectionLabel(r)}${r.placement.offsetS !== undefined ? `, t = ${durationText(r.placement.offsetS)}` : ''}${r.placement.inside ? '' : ': outside the electrolysis, left out'}`);
    const compounds = namedCompounds(injections[0]!.injection);
    ctx.value({
      kind: 'gcInjections', subject: `${result.name?.text ?? 'result'}/${literal.value}`, value: used, unit: 'injections', span: literal.span,
      label: used === injections.length ? `${used} GC injection${used === 1 ? '' : 's'} averaged` : `${used} of ${injections.length} GC injections averaged`,
      detail: [...lines, window.origin === 'none' ? 'The times or the duration are unknown: every injection is averaged.' : `t = 0 is ${origin}; the electrolysis lasts ${during}.`, compounds.length ? `Compounds: ${compounds.join(', ')}.` : `No named peaks: traces of ${injections[0]!.injection.channels.map((c) => c.name).join(', ')}.`].join('  \n'),
    });
  }
  return { injections, window, origin };
}

/** A product's value in one injection: a volume fraction, or a peak area with where it came from. */
export interface InjectionValue {
  read: ReadInjection;
  value: number;
  /** For areas: the instrument's peak, or the trace integrated over the calibration's window. */
  source: 'calibrated' | 'peak' | 'trace';
}

/** The channel a calibration's window names, or the only one with a trace; a message when neither. */
function channelFor(injection: GcInjection, wanted: string | undefined): GcInjection['channels'][number] | string {
  const traced = injection.channels.filter((c) => c.trace && c.samplingRateHz);
  const names = traced.map((c) => `\`${c.name}\``).join(', ');
  if (wanted === undefined) {
    if (traced.length === 1) return traced[0]!;
    return traced.length === 0 ? 'the file has no detector trace' : `the file has ${traced.length} traces (${names}): name one after the window, as in \`on ${traced[0]!.name}\``;
  }
  const w = wanted.toLowerCase().replace(/\s+/g, ' ');
  const found = traced.find((c) => c.name.toLowerCase() === w || c.name.toLowerCase() === `channel ${w}`);
  return found ?? `the file has no trace \`${wanted}\`; its traces: ${names || 'none'}`;
}

/**
 * Each used injection's value for the product, or undefined after saying why: through a gas
 * calibration, its peak area (the instrument's peak, else the trace over the calibration's
 * window); otherwise the instrument's calibrated volume fraction.
 */
export function productValues(ctx: AnalysisContext, run: GcRun, reading: GcFileReading, cal: CalibrationInfo | undefined, at: Span): InjectionValue[] | undefined {
  const product = reading.analyte.text;
  const out: InjectionValue[] = [];
  for (const r of run.injections) {
    if (!r.placement.inside) continue;
    const found = findPeak(r.injection, product);
    const has = namedCompounds(r.injection);
    const missing = () => {
      const traces = r.injection.channels.filter((c) => c.trace).map((c) => c.name);
      const what = has.length > 0
        ? `it has ${has.join(', ')}`
        : `it has no named peaks, only the detector trace${traces.length === 1 ? '' : 's'} ${traces.map((t) => `\`${t}\``).join(', ')}: read ${product} through a gas calibration with a peak window (\`window 6.59 to 6.95 min on ${traces[0] ?? 'channel 1'}\`)`;
      ctx.report(InstrumentCodes.gcProductMissing, 'error', `${injectionLabel(r)} has no peak of ${product}; ${what}`, at);
    };
    if (cal) {
      if (found) {
        out.push({ read: r, value: found.peak.area, source: 'peak' });
        continue;
      }
      if (!cal.window) {
        if (has.length > 0) missing();
        else ctx.report(InstrumentCodes.gcNoWindow, 'error', `${injectionLabel(r)} has no peak table, only detector traces, and calibration ${cal.name} gives no window to integrate ${product} over: add one to it, as in \`window 6.59 to 6.95 min on ${r.injection.channels[0]?.name ?? 'channel 1'}\``, at);
        return undefined;
      }
      const channel = channelFor(r.injection, cal.window.channel);
      if (typeof channel === 'string') {
        ctx.report(InstrumentCodes.gcChannel, 'error', `the window of ${cal.name} (${cal.window.text}) is not on a trace of ${injectionLabel(r)}: ${channel}`, at);
        return undefined;
      }
      const area = peakArea(channel.trace!, channel.samplingRateHz!, cal.window.fromS, cal.window.toS);
      if ('error' in area) {
        ctx.report(InstrumentCodes.gcChannel, 'error', `the window of ${cal.name} (${cal.window.text}) cannot be integrated in ${injectionLabel(r)}: ${area.error}`, at);
        return undefined;
      }
      out.push({ read: r, value: area.area, source: 'trace' });
      continue;
    }
    if (!found) {
      missing();
      return undefined;
    }
    if (found.peak.volumeFraction === undefined) {
      ctx.report(InstrumentCodes.gcPeakNotCalibrated, 'error', `the ${found.peak.name} peak of ${injectionLabel(r)} has an area (${formatNumber(found.peak.area, { significant: 6, trim: true })}) but no calibrated concentration: the instrument's method does not calibrate ${product}; name a gas calibration of ${product} whose standards are peak areas (\`${product} by <calibration> data …\`)`, at);
      return undefined;
    }
    out.push({ read: r, value: found.peak.volumeFraction, source: 'calibrated' });
  }
  return out;
}
