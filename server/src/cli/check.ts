// `faraday check [--format text|json] PATH...`
import { analyze } from '../analysis/analyze';
import { collectProtocolFiles, readIfExists, readTextFile, workspaceRootFor } from './files';
import { readBytesBounded } from '../instruments/read-bytes';
import { listDirectory } from '../instruments/list-directory';
import { toJsonReport } from './report-json';

export interface CheckOutcome {
  output: string;
  errors: number;
}

export function runCheck(paths: string[], format: 'text' | 'json'): CheckOutcome {
  const files = collectProtocolFiles(paths);
  const lines: string[] = [];
  const reports = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const text = readTextFile(file);
    const analysis = analyze(text, { fileName: file, readFile: readIfExists, readBytes: readBytesBounded, listDirectory, workspaceRoot: workspaceRootFor(file) });
    errors += analysis.diagnostics.filter((d) => d.severity === 'error').length;
    warnings += analysis.diagnostics.filter((d) => d.severity === 'warning').length;
    if (format === 'json') {
      const report = toJsonReport(file, analysis);
      reports.push({ file: report.file, diagnostics: report.diagnostics });
      continue;
    }
    for (const d of analysis.diagnostics) {
      if (d.severity === 'hint') continue;
      const pos = analysis.parse.lineIndex.position(d.span.start);
      lines.push(`${file}:${pos.line + 1}:${pos.character + 1}: ${d.severity} ${d.code} ${d.message}`);
    }
  }
  if (format === 'json') return { output: JSON.stringify(reports, null, 2) + '\n', errors };
  lines.push(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return { output: lines.join('\n') + '\n', errors };
}
