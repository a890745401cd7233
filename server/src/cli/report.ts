// `faraday report FILE [--format json|md]`: every computed value with its place.
import { analyze } from '../analysis/analyze';
import { readIfExists, readTextFile } from './files';
import { toJsonReport } from './report-json';

export function runReport(file: string, format: 'json' | 'md'): string {
  const text = readTextFile(file);
  const analysis = analyze(text, { fileName: file, readFile: readIfExists, workspaceRoot: process.cwd() });
  const report = toJsonReport(file, analysis);
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  const out: string[] = [`# Faraday report: ${file}`, ''];
  out.push('## Computed values', '', '| line | kind | subject | value |', '|---|---|---|---|');
  for (const v of report.values) out.push(`| ${v.range.start.line + 1} | ${v.kind} | ${v.subject} | ${v.label} |`);
  out.push('', '## Diagnostics', '');
  if (report.diagnostics.length === 0) out.push('None.');
  for (const d of report.diagnostics) out.push(`- line ${d.range.start.line + 1}: ${d.severity} ${d.code} ${d.message}`);
  return out.join('\n') + '\n';
}
