// The bundled server publishes diagnostics as a chemist types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { TestClient, repoRoot } from './lsp-client';

const sample = path.join(repoRoot, 'samples', 'au28cu12-si.faraday');
let client: TestClient;

before(async () => {
  client = new TestClient();
  await client.initialize();
});
after(async () => client.close());

test('the sample has no syntax errors, and a typed unit typo appears and disappears', async () => {
  const text = readFileSync(sample, 'utf8');
  const uri = await client.open(sample, text);
  const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.deepEqual(first.diagnostics.filter((d) => String(d.code).startsWith('FD01')), []);

  const broken = text.replace('synthesis Au25 {', 'synthesis Au25 {\n  add 5 mg CuCl @ 25 °C');
  const v2 = await client.replaceAll(uri, broken);
  const second = await client.waitForDiagnostics(uri, (p) => p.version === v2);
  const d = second.diagnostics.find((x) => x.code === 'FD0105');
  assert.ok(d, 'the stray character is reported');
  assert.match(String(d.message), /unexpected character `@`/);
  const line = broken.split('\n').findIndex((l) => l.includes('@'));
  assert.equal(d.range.start.line, line);
  assert.equal(d.range.start.character, broken.split('\n')[line]!.indexOf('@'));
  assert.ok(d.codeDescription?.href.includes('diagnostics.md#fd0105'), 'the code links to its documentation');

  const v3 = await client.replaceAll(uri, text);
  const third = await client.waitForDiagnostics(uri, (p) => p.version === v3);
  assert.equal(third.diagnostics.filter((x) => x.code === 'FD0105').length, 0);
});

test('an unclosed block reports at its brace and the following blocks are still analysed', async () => {
  const file = path.join(repoRoot, 'samples', 'unclosed.faraday');
  const text = 'electrode w {\n  area 1 cm2\n\ncell H {\n  working nowhere\n}\n';
  const uri = await client.open(file, text);
  const p = await client.waitForDiagnostics(uri, (x) => x.version === 1);
  const unclosed = p.diagnostics.find((d) => d.code === 'FD0102');
  assert.ok(unclosed);
  assert.deepEqual(unclosed.range.start, { line: 0, character: 12 });
  const unknown = p.diagnostics.find((d) => d.code === 'FD0202');
  assert.ok(unknown, 'the cell after the unclosed block is still checked');
  assert.match(String(unknown.message), /unknown electrode `nowhere`/);
});
