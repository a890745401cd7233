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

test('the message loop stays free while a long analysis runs: a cancelled request returns before the diagnostics', async () => {
  const { HoverRequest, CancellationTokenSource, LSPErrorCodes } = await import('vscode-languageserver-protocol/node');
  const { generateLines } = await import('../../bench/generate-protocol');
  const big = path.join(repoRoot, 'samples', 'big-generated.faraday');
  const events: string[] = [];
  const uri = await client.open(big, generateLines(10_000));
  const diagnostics = client.waitForDiagnostics(uri, (p) => p.version === 1, 60000).then(() => events.push('diagnostics'));
  // The hover waits behind the analysis in the worker; its cancellation is read by the main thread at once.
  const source = new CancellationTokenSource();
  const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 5 } }, source.token).then(
    () => events.push('hover answered'),
    (e: { code?: number }) => events.push(e.code === LSPErrorCodes.RequestCancelled ? 'hover cancelled' : `hover failed ${e.code}`),
  );
  source.cancel();
  await Promise.all([diagnostics, hover]);
  assert.deepEqual(events, ['hover cancelled', 'diagnostics']);
});

test('editing an imported file analyses the files that import it again; unrelated files are left alone', async () => {
  const dir = path.join(repoRoot, 'samples', 'unsaved-imports');
  const lib = path.join(dir, 'lib', 'reagents.faraday');
  const main = path.join(dir, 'main.faraday');
  const other = path.join(dir, 'other.faraday');
  const libUri = await client.open(lib, 'reagent XY-H = C8H10S density 1.032 g/mL\n');
  const mainUri = await client.open(main, 'import "lib/reagents.faraday"\nsynthesis A {\n  add 10 µL XY-H\n}\n');
  // Mentions the library's file name without importing it: must not be analysed again.
  const otherUri = await client.open(other, '# notes on reagents.faraday\ntemperature 25 °C\n');
  const before = await client.waitForDiagnostics(mainUri, (p) => p.version === 1);
  assert.ok(!before.diagnostics.some((d) => d.code === 'FD0301'), JSON.stringify(before.diagnostics));
  await client.waitForDiagnostics(otherUri, (p) => p.version === 1);
  const publishedForOther = () => client.published(otherUri).length;
  const otherCount = publishedForOther();
  await client.replaceAll(libUri, 'reagent XZ-H = C8H10S density 1.032 g/mL\n');
  const after = await client.waitForDiagnostics(mainUri, (p) => p.diagnostics.some((d) => d.code === 'FD0301' && /XY-H/.test(String(d.message))));
  assert.equal(after.version, 1, 'the importer itself did not change');
  await client.waitForDiagnostics(libUri, (p) => p.version === 2);
  assert.equal(publishedForOther(), otherCount);
});

test('a file analysed again because an imported file changed has the editor ask again for its inlay hints, code lenses and semantic tokens', async () => {
  const { InlayHintRequest } = await import('vscode-languageserver-protocol/node');
  const dir = path.join(repoRoot, 'samples', 'unsaved-imports');
  const libUri = await client.open(path.join(dir, 'lib', 'refresh-reagents.faraday'), 'reagent XY-H = C8H10S density 1.032 g/mL\n');
  const mainUri = await client.open(path.join(dir, 'refresh-main.faraday'), 'import "lib/refresh-reagents.faraday"\nsynthesis A {\n  add 10 µL XY-H\n}\n');
  await client.waitForDiagnostics(mainUri, (p) => p.version === 1);
  const hints = async () => JSON.stringify(await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: mainUri }, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } } }));
  const before = await hints();
  assert.match(before, /mmol/, 'the amount of the imported reagent is shown');
  // An edit of the file itself: the editor asks again by itself, the server does not ask it to.
  const asked = client.refreshes.length;
  const v2 = await client.edit(mainUri, { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, '# note\n');
  await client.waitForDiagnostics(mainUri, (p) => p.version === v2);
  assert.equal(client.refreshes.length, asked);
  // The imported reagent renamed: the importer is analysed again at the same version, and what the editor shows of it is asked for again.
  await client.replaceAll(libUri, 'reagent XZ-H = C8H10S density 1.032 g/mL\n');
  await client.waitForDiagnostics(mainUri, (p) => p.version === v2 && p.diagnostics.some((d) => d.code === 'FD0301'));
  for (let waited = 0; waited < 300 && client.refreshes.length < asked + 3; waited++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(client.refreshes.slice(asked).sort(), ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']);
  const after = await hints();
  assert.doesNotMatch(after, /mmol/, 'asked again, the hints no longer show an amount of a reagent that is gone');
});
