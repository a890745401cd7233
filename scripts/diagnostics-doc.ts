// Renders docs/diagnostics.md from the diagnostic catalogue.
//   node --conditions=import --import tsx scripts/diagnostics-doc.ts [--write]
import { readFileSync, writeFileSync } from 'node:fs';
import { diagnosticCatalogue } from '../server/src/analysis/catalogue';

export function renderDiagnosticsDoc(): string {
  const out: string[] = [
    '# Faraday diagnostics',
    '',
    'Every diagnostic has a stable code. Editors link each code to its entry here.',
    'This file is generated from the code catalogues in `server/src/**/codes.ts` by',
    '`node --conditions=import --import tsx scripts/diagnostics-doc.ts --write`; do not edit it by hand.',
    '',
    '| code | severity | title |',
    '|---|---|---|',
    ...diagnosticCatalogue.map((c) => `| [${c.code}](#${c.code.toLowerCase()}) | ${c.severity} | ${c.title} |`),
    '',
  ];
  for (const c of diagnosticCatalogue) {
    out.push(`## ${c.code}`, '', `**${c.title}** (${c.severity})`, '', c.explanation, '');
    if (c.example) out.push('Example:', '', '```faraday', c.example, '```', '');
    if (c.fix) out.push(`Fix: ${c.fix}`, '');
  }
  return out.join('\n');
}

if (process.argv[1]?.endsWith('diagnostics-doc.ts')) {
  const target = new URL('../docs/diagnostics.md', import.meta.url);
  const text = renderDiagnosticsDoc();
  if (process.argv.includes('--write')) writeFileSync(target, text);
  else if (readFileSync(target, 'utf8') !== text) {
    console.error('docs/diagnostics.md is out of date: run with --write');
    process.exitCode = 1;
  }
}
