// Semantic tokens over stdio: the server offers deltas, and after an edit a
// delta request gets the few tokens that changed, which applied to the first
// result give what a full request gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { SemanticTokensRequest, SemanticTokensDeltaRequest, type SemanticTokensEdit } from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from './lsp-client';
import { applyTokenEdits } from '../fuzz/lsp-fuzz';

test('after an edit, a delta request gets only the changed tokens', async () => {
  const sample = path.join(repoRoot, 'samples', 'au28cu12-si.faraday');
  const text = readFileSync(sample, 'utf8');
  const client = new TestClient();
  try {
    const init = await client.initialize();
    assert.deepEqual(init.capabilities.semanticTokensProvider && 'full' in init.capabilities.semanticTokensProvider ? init.capabilities.semanticTokensProvider.full : undefined, { delta: true });
    const uri = await client.open(sample, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const first = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(first?.resultId && first.data.length > 500);
    const line = text.split('\n').findIndex((l) => l.includes('stir 10 min'));
    const character = text.split('\n')[line]!.indexOf('10 min');
    const version = await client.edit(uri, { start: { line, character }, end: { line, character: character + 2 } }, '12.5');
    await client.waitForDiagnostics(uri, (p) => p.version === version);
    const delta = await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.ok(delta && 'edits' in delta, 'edits, not the whole list');
    const edits = delta.edits as SemanticTokensEdit[];
    const sent = edits.reduce((n, e) => n + (e.data?.length ?? 0), 0);
    assert.ok(sent > 0 && sent < 50, `only the changed tokens are sent (${sent} numbers)`);
    const applied = applyTokenEdits(first.data, edits);
    const full = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.deepEqual(applied, full!.data);
  } finally {
    await client.close();
  }
});
