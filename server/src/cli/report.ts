// `faraday report FILE [--format json|md]`: every computed value with its place.
import { analyze } from '../analysis/analyze';
import { readIfExists, readTextFile, UsageError, workspaceRootFor } from './files';
import { readBytesBounded } from '../instruments/read-bytes';
import { listDirectory } from '../instruments/list-directory';
import { toJsonReport } from './report-json';
import { csvCell, paperTables, tableToCsv, tableToMarkdown } from '../analysis/tables';

export function runReport(file: string, format: 'json' | 'md' | 'csv', table: 'values' | 'fe' | 'gc' | 'crystal' = 'values'): string {
  const text = readTextFile(file);
  const analysis = analyze(text, { fileName: file, readFile: readIfExists, readBytes: readBytesBounded, listDirectory, workspaceRoot: workspaceRootFor(file) });
  const report = toJsonReport(file, analysis);
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  const tables = paperTables(analysis);
  if (format === 'csv') {
    if (table === 'values') {
      const rows = report.values.map((v) => [String(v.range.start.line + 1), v.kind, v.subject, String(v.value), v.unit, v.label]);
      return [['line', 'kind', 'subject', 'value', 'unit', 'label'], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
    }
    const t = tables.find((x) => x.id === table);
    if (!t) throw new UsageError(`${file} has no ${table === 'fe' ? 'results with faradaic efficiencies' : table === 'gc' ? 'results read from GC files' : 'crystal blocks'}`);
    return tableToCsv(t);
  }
  const out: string[] = [`# Faraday report: ${file}`, ''];
  out.push('## Computed values', '', '| line | kind | subject | value |', '|---|---|---|---|');
  for (const v of report.values) out.push(`| ${v.range.start.line + 1} | ${v.kind} | ${v.subject} | ${v.label} |`);
  if (tables.length > 0) out.push('', '## Tables', '', ...tables.flatMap((t) => [tableToMarkdown(t), '']));
  out.push('', '## Diagnostics', '');
  if (report.diagnostics.length === 0) out.push('None.');
  for (const d of report.diagnostics) out.push(`- line ${d.range.start.line + 1}: ${d.severity} ${d.code} ${d.message}`);
  return out.join('\n') + '\n';
}
