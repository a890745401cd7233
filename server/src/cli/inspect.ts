// `faraday inspect DATAFILE [--format json]`: what the importer read.
import { importChi } from '../instruments/chi-import';
import { importDelimited, looksLikeChi } from '../instruments/delimited-import';
import { chargeAndMeanCurrent } from '../instruments/derived';
import { column } from '../instruments/series';
import { readTextFile } from './files';
import { formatExact, formatNumber } from '../units/format';

export function runInspect(file: string, format: 'text' | 'json'): { output: string; errors: number } {
  const text = readTextFile(file);
  const data = looksLikeChi(text) ? importChi(text, file) : importDelimited(text, file);
  const time = column(data, /^Time$/i);
  const current = column(data, /^Current$/i);
  const charge = data.technique === 'CA' && time && current ? chargeAndMeanCurrent(time.values, current.values).chargeC : undefined;
  const metadata = Object.fromEntries(Object.entries(data.metadata).map(([k, v]) => [k, v.unit ? { value: v.value, unit: v.unit } : v.value]));
  const report = {
    technique: data.technique,
    instrument: data.instrument ?? null,
    columns: data.columns.map((c) => ({ name: c.name, unit: c.unit })),
    points: data.points,
    metadata,
    ...(charge !== undefined ? { charge } : {}),
    problems: data.problems,
  };
  const errors = data.problems.filter((p) => p.severity === 'error').length;
  if (format === 'json') return { output: JSON.stringify(report, null, 2) + '\n', errors };
  const lines = [
    `${file}: ${data.techniqueLabel ?? data.technique}${data.instrument ? ` on ${data.instrument}` : ''}, ${data.points} points`,
    `columns: ${report.columns.map((c) => `${c.name} (${c.unit})`).join(', ')}`,
    ...Object.entries(data.metadata).map(([k, v]) => `${k}: ${typeof v.value === 'number' ? formatExact(v.value) : v.value}${v.unit ? ' ' + v.unit : ''}`),
    ...(charge !== undefined ? [`charge: ${formatNumber(charge, { significant: 6 })} C (trapezoidal)`] : []),
    ...data.problems.map((p) => `${file}:${p.line}: ${p.severity} ${p.code} ${p.message}`),
  ];
  return { output: lines.join('\n') + '\n', errors };
}
