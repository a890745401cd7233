// Short versions of `npm run fuzz` (test/fuzz), against the bundled server:
// random hostile edits with every request checked, and a large protocol typed
// into; and the workspace-trust setting as VS Code sends it. The long runs,
// with their figures, are `npm run fuzz`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { tmpdir } from 'node:os';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from './lsp-client';
import { fuzzLanguageServer } from '../fuzz/lsp-fuzz';
import { typeIntoLargeFile } from '../fuzz/typing-memory';

test('15 hostile edits of the samples: no crash, hang, range outside the document or non-finite value', async () => {
  const r = await fuzzLanguageServer({ edits: 15, seed: 20261124 });
  assert.equal(r.edits, 15);
  // Twenty requests after each edit, and a semantic-token delta after about half of them.
  assert.ok(r.requests > 15 * 20 && r.requests <= 15 * 21, `${r.requests} requests`);
  assert.deepEqual(r.failures.map((f) => `${f.kind} ${f.method}: ${f.detail}`), []);
});

test('typing into a 2000-line protocol: the server stays alive and under 1 GB', async () => {
  const r = await typeIntoLargeFile({ lines: 2000, keystrokes: 10 });
  assert.ok(r.alive);
  assert.ok(r.peakRssMb > 0 && r.peakRssMb < 1024, `${r.peakRssMb} MB`);
});

test('an untrusted workspace (initializationOptions trusted: false) reads no data file; a trusted one does', async () => {
  const ws = realpathSync(mkdtempSync(path.join(tmpdir(), 'faraday-trust-')));
  mkdirSync(path.join(ws, 'data'));
  copyFileSync(path.join(repoRoot, 'samples', 'data', 'it-au28cu12--0.8.txt'), path.join(ws, 'data', 'it.txt'));
  const text = 'run {\n  CA at -0.8 V vs RHE for 2 h, data "data/it.txt"\n}\n';
  writeFileSync(path.join(ws, 'p.faraday'), text);
  const position = { line: 1, character: text.split('\n')[1]!.indexOf('data/it.txt') + 2 };
  for (const trusted of [false, true]) {
    const client = new TestClient();
    try {
      await client.initialize({ trusted, root: ws });
      const uri = await client.open(path.join(ws, 'p.faraday'), text);
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
      const codes = published.diagnostics.map((d) => d.code);
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      const shown = JSON.stringify(hover ?? '');
      if (!trusted) {
        assert.ok(codes.includes('FD0705'), codes.join(' '));
        assert.doesNotMatch(shown, /7201 points/);
      } else {
        assert.ok(!codes.includes('FD0705'), codes.join(' '));
        // 7200 s at one point a second, both ends included.
        assert.match(shown, /7201 points/);
      }
    } finally {
      await client.close();
    }
  }
});

test('a 20 MB document: one FD0133 published, and every request answered from the unread file', async () => {
  // Found by `npm run fuzz` (seed 20261204): a pasted line repeated into 355 MB held every request for over 30 s.
  const client = new TestClient();
  try {
    await client.initialize({ trusted: true, root: repoRoot });
    const line = 'ligand SR = SC6H3Cl2   # ' + 'x'.repeat(75) + '\n';
    const uri = await client.open(path.join(repoRoot, 'samples', 'zz-too-large.faraday'), line.repeat(200_000));
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['FD0133']);
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
    const tokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }) as { data: number[] };
    assert.equal(tokens.data.length, 0);
  } finally {
    await client.close();
  }
});
