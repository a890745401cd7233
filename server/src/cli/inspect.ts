// `faraday inspect DATAFILE [--format json]`: what the importer read, for
// every format: technique, columns with their SI units, points, the first
// and last rows, header fields; for gas chromatograms the peaks of each
// injection. The JSON shape is documented in docs/report-format.md.
import { runCharge, streamedTrapezoid } from '../instruments/derived';
import { importInstrumentFile, MAX_DATA_FILE_BYTES } from '../instruments/detect';
import { isRefusal, readBytesBounded } from '../instruments/read-bytes';
import { column, type ImportedData } from '../instruments/series';
import { formatExact, formatNumber } from '../units/format';
import { UsageError } from './files';

export interface InspectReport {
  file: string;
  format: string | null;
  technique: string;
  techniqueLabel: string | null;
  instrument: string | null;
  date: string | null;
  columns: { name: string; unit: string; label?: string }[];
  points: number;
  first: number[] | null;
  last: number[] | null;
  metadata: Record<string, number | string | { value: number | string; unit: string }>;
  segments?: { name: string; first: number; points: number }[];
  /** CA: charge over the record in C (signed); `instrument` when the file carries the instrument's integral, else the trapezoid. */
  charge?: number;
  chargeSource?: 'instrument' | 'trapezoid';
  trapezoidCharge?: number;
  chromatograms?: {
    time: string | null;
    sample: string | null;
    channels: { name: string; samplingRateHz: number | null; points: number; traceUnit: string | null; carrierGas: string | null; peaks: { name: string | null; retentionTimeS: number; area: number; height: number | null; volumeFraction: number | null }[] }[];
  }[];
  partial?: { pointsRead: number; reason: string };
  problems: ImportedData['problems'];
}

export function inspectReport(file: string, data: ImportedData): InspectReport {
  const time = column(data, /^Time$/);
  const current = column(data, /^Current$/);
  const q = data.technique === 'CA' && time && current ? runCharge(time.values, current.values, column(data, /^Charge$/)?.values, streamedTrapezoid(data, time, current)) : undefined;
  const row = (i: number) => (data.points > 0 ? data.columns.map((c) => c.values[i]!) : null);
  return {
    file,
    format: data.format ?? null,
    technique: data.technique,
    techniqueLabel: data.techniqueLabel ?? null,
    instrument: data.instrument ?? null,
    date: data.date ?? null,
    columns: data.columns.map((c) => ({ name: c.name, unit: c.unit, ...(c.label && c.label !== c.name && c.label !== `${c.name}/${c.unit}` ? { label: c.label } : {}) })),
    points: data.points,
    first: row(0),
    last: row(data.points - 1),
    metadata: Object.fromEntries(Object.entries(data.metadata).map(([k, v]) => [k, v.unit ? { value: v.value, unit: v.unit } : v.value])),
    ...(data.segments ? { segments: data.segments } : {}),
    ...(q ? { charge: q.chargeC, chargeSource: q.source, trapezoidCharge: q.trapezoidC } : {}),
    ...(data.chromatograms
      ? {
          chromatograms: data.chromatograms.map((inj) => ({
            time: inj.time ?? null,
            sample: inj.sample ?? null,
            channels: inj.channels.map((c) => ({
              name: c.name,
              samplingRateHz: c.samplingRateHz ?? null,
              points: c.trace?.length ?? 0,
              traceUnit: c.traceUnit ?? null,
              carrierGas: c.carrierGas ?? null,
              peaks: c.peaks.map((p) => ({ name: p.name ?? null, retentionTimeS: p.retentionTimeS, area: p.area, height: p.height ?? null, volumeFraction: p.volumeFraction ?? null })),
            })),
          })),
        }
      : {}),
    ...(data.partial ? { partial: data.partial } : {}),
    problems: data.problems,
  };
}

/** Six significant digits: a look at the file, not a report. */
const show = (x: number) => formatNumber(x, { significant: 6, trim: true });

function textReport(r: InspectReport): string {
  const peaks = (r.chromatograms ?? []).reduce((n, i) => n + i.channels.reduce((m, c) => m + c.peaks.length, 0), 0);
  const size = r.chromatograms ? `${r.chromatograms.length} injection(s), ${peaks} peaks` : `${r.points} points`;
  const lines = [
    `${r.file}: ${r.techniqueLabel ?? r.technique}${r.techniqueLabel && r.technique !== 'unknown' ? ` (${r.technique})` : ''}${r.instrument ? ` on ${r.instrument}` : ''}, ${size}${r.format ? ` [${r.format}]` : ''}`,
  ];
  if (r.date) lines.push(`date: ${r.date}`);
  if (r.columns.length) lines.push(`columns: ${r.columns.map((c) => `${c.name}${c.unit ? ` (${c.unit})` : ''}${c.label ? ` [${c.label}]` : ''}`).join(', ')}`);
  const values = (v: number[]) => r.columns.map((c, k) => `${c.name} ${show(v[k]!)}${c.unit ? ' ' + c.unit : ''}`).join(', ');
  if (r.first) lines.push(`first: ${values(r.first)}`);
  if (r.last) lines.push(`last: ${values(r.last)}`);
  for (const s of r.segments ?? []) lines.push(`table ${s.name}: ${s.points} points from point ${s.first + 1}`);
  const exact = (v: number | string) => (typeof v === 'number' ? formatExact(v) : v);
  for (const [k, v] of Object.entries(r.metadata)) lines.push(`${k}: ${typeof v === 'object' ? `${exact(v.value)} ${v.unit}` : exact(v)}`);
  if (r.charge !== undefined) lines.push(r.chargeSource === 'instrument' ? `charge: ${show(r.charge)} C (the instrument's integral; trapezoid over the points ${show(r.trapezoidCharge!)} C)` : `charge: ${show(r.charge)} C (trapezoidal)`);
  for (const inj of r.chromatograms ?? []) {
    lines.push(`injection${inj.time ? ' ' + inj.time : ''}${inj.sample ? ` (${inj.sample})` : ''}`);
    for (const c of inj.channels) {
      lines.push(`  ${c.name}: ${c.points} points${c.samplingRateHz ? ` at ${c.samplingRateHz} Hz` : ''}${c.carrierGas ? `, carrier ${c.carrierGas}` : ''}, ${c.peaks.length} peaks`);
      for (const p of c.peaks) lines.push(`    ${p.name ?? '(unassigned)'} at ${show(p.retentionTimeS)} s: area ${show(p.area)}${p.volumeFraction !== null ? `, ${show(p.volumeFraction * 100)} % by volume` : ''}`);
    }
  }
  for (const p of r.problems) lines.push(`${r.file}:${p.byteOffset !== undefined ? `byte ${p.byteOffset}` : p.line}: ${p.severity} ${p.code} ${p.message}`);
  return lines.join('\n') + '\n';
}

export function runInspect(file: string, format: 'text' | 'json'): { output: string; errors: number } {
  const bytes = readBytesBounded(file, MAX_DATA_FILE_BYTES);
  if (bytes === undefined) throw new UsageError(`cannot read ${file}: no such file`);
  if (isRefusal(bytes)) {
    throw new UsageError(bytes.refused === 'not-a-file' ? `${file} is ${bytes.kind}, not a data file` : `${file} is larger than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB, more than Faraday reads`);
  }
  const report = inspectReport(file, importInstrumentFile(bytes, file));
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  return { output: format === 'json' ? JSON.stringify(report, null, 2) + '\n' : textReport(report), errors };
}
