// However edits arrive (one at a time with their analyses, in bursts that
// stop analyses half-way, with hovers and completions between them), the
// diagnostics published once they settle are those of a fresh server opened
// on the final text.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { HoverRequest, CompletionRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from './lsp-client';
import { LineIndex } from '../../server/src/syntax/line-index';

const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.close();
});

async function started(): Promise<TestClient> {
  const client = new TestClient();
  clients.push(client);
  await client.initialize();
  return client;
}

function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** What an edit may type: names, numbers, units, braces, line breaks and keywords at column 1. */
const TYPED = ['x', '1', '0', ' ', 'm', 'L', '\n', '}', '{', '\nsynthesis Z {\n', '\ncell', '.', '-'];

for (const [name, seed] of [['au28cu12-si.faraday', 7], ['co2-reduction-cu.faraday', 11], ['orr-rde-pt.faraday', 13]] as const) {
  test(`after 40 random edits of ${name}, the settled diagnostics equal a fresh server's`, async () => {
    const file = path.join(repoRoot, 'samples', name);
    let text = readFileSync(file, 'utf8');
    const client = await started();
    const uri = await client.open(file, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
    const rnd = random(seed);
    let version = 1;
    for (let i = 0; i < 40; i++) {
      const lines = new LineIndex(text);
      const start = Math.floor(rnd() * text.length);
      // Mostly one typed character; sometimes a deletion of up to 40 characters, or a keyword line.
      const end = rnd() < 0.3 ? Math.min(text.length, start + 1 + Math.floor(rnd() * 40)) : start;
      const typed = end > start && rnd() < 0.5 ? '' : TYPED[Math.floor(rnd() * TYPED.length)]!;
      version = await client.edit(uri, lines.range({ start, end }), typed);
      text = text.slice(0, start) + typed + text.slice(end);
      const now = new LineIndex(text);
      const what = rnd();
      if (what < 0.25) await client.waitForDiagnostics(uri, (p) => p.version === version, 60_000);
      else if (what < 0.6) {
        // Requests between edits: at the edit and anywhere, answered from whichever analysis answers there.
        const anywhere = now.position(Math.floor(rnd() * text.length));
        await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: anywhere });
        await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: now.position(start + typed.length) });
        await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: anywhere });
      }
    }
    const settled = await client.waitForDiagnostics(uri, (p) => p.version === version, 60_000);
    const fresh = await started();
    const freshUri = await fresh.open(file, text);
    const expected = await fresh.waitForDiagnostics(freshUri, (p) => p.version === 1, 60_000);
    assert.ok(expected.diagnostics.length > 0, 'the edits left something to report');
    assert.deepEqual(settled.diagnostics, expected.diagnostics);
    assert.deepEqual(client.errorLogs, []);
  });
}
