import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { diagnosticCatalogue } from '../../server/src/analysis/catalogue';
import { renderDiagnosticsDoc } from '../../scripts/diagnostics-doc';
import { analyze } from '../../server/src/analysis/analyze';

test('every code is FD + four digits, unique, and fully documented', () => {
  const seen = new Set<string>();
  for (const c of diagnosticCatalogue) {
    assert.match(c.code, /^FD\d{4}$/);
    assert.ok(!seen.has(c.code), `duplicate code ${c.code}`);
    seen.add(c.code);
    assert.ok(c.title.length > 3 && c.explanation.length > 20, `${c.code} needs a title and an explanation`);
  }
});

test('docs/diagnostics.md is generated from the catalogue and up to date', () => {
  const doc = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');
  assert.equal(doc, renderDiagnosticsDoc());
});

test('every code the samples and broken inputs produce has a catalogue entry', () => {
  const texts = [
    readFileSync(new URL('../../samples/au28cu12-si.faraday', import.meta.url), 'utf8'),
    'synthesis {\n  frobnicate 3 mg X\n}\nligand SR SC6H3Cl2\n"unclosed\n@\n}\nreaction A : B C\ncell H {\n  working nowhere\n}\n',
  ];
  const known = new Set(diagnosticCatalogue.map((c) => c.code));
  for (const text of texts) {
    for (const d of analyze(text).diagnostics) assert.ok(known.has(d.code), `${d.code} (${d.message}) is not in the catalogue`);
  }
});
