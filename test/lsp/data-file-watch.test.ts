// Files changed on disk (the editor's file watcher, workspace/didChangeWatchedFiles): the open protocols
// are analysed again, and the editor is asked to ask again for what it shows of them, so a value read
// from a data file is never the old file's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, InlayHintRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from './lsp-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("an i-t file rewritten on disk: the open protocol's faradaic efficiencies are the new file's", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-watch-'));
  const client = new TestClient();
  try {
    mkdirSync(path.join(dir, 'data'));
    const dataFile = path.join(dir, 'data', 'it-au28cu12--0.7.txt');
    const original = readFileSync(path.join(repoRoot, 'samples', 'data', 'it-au28cu12--0.7.txt'), 'utf8');
    writeFileSync(dataFile, original);
    const text = readFileSync(path.join(repoRoot, 'samples', 'au28cu12-si.faraday'), 'utf8');
    await client.initialize({ root: dir });
    const uri = await client.open(path.join(dir, 'au28cu12-si.faraday'), text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    // The result whose charge is integrated from that file: its header shows the sum of its FEs.
    const line = text.split('\n').findIndex((l) => l.includes('data "data/it-au28cu12--0.7.txt"'));
    const sumOfFE = async () => {
      const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: line - 1, character: 0 }, end: { line: line + 1, character: 0 } } });
      const label = (hints ?? []).map((h) => String(h.label)).find((l) => l.startsWith('ΣFE'));
      return Number(label?.match(/ΣFE ([\d.]+) %/)?.[1]);
    };
    const before = await sumOfFE();
    assert.ok(before > 50 && before < 100, `ΣFE ${before} %`);

    // The same run exported again with twice the current: twice the charge, half the efficiencies.
    writeFileSync(dataFile, original.replace(/^(\d+\.\d+), (-?[\d.]+e[-+]\d+)$/gm, (_, t: string, i: string) => `${t}, ${(2 * Number(i)).toExponential(4)}`));
    const published = client.published(uri).length;
    const asked = client.refreshes.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(dataFile).toString(), type: FileChangeType.Changed }] });
    for (let waited = 0; waited < 500 && (client.published(uri).length === published || client.refreshes.length < asked + 3); waited++) await sleep(10);
    assert.equal(client.published(uri).at(-1)!.version, 1, 'analysed again at the version the editor holds');
    assert.deepEqual(client.refreshes.slice(asked).sort(), ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']);
    const after = await sumOfFE();
    assert.ok(Math.abs(after - before / 2) < 0.02, `ΣFE ${before} → ${after} %`);

    // A file no protocol reads, in a folder none lists: analysed again, the same values.
    mkdirSync(path.join(dir, 'notes'));
    const count = client.published(uri).length;
    writeFileSync(path.join(dir, 'notes', 'todo.txt'), 'unrelated\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(dir, 'notes', 'todo.txt')).toString(), type: FileChangeType.Created }] });
    for (let waited = 0; waited < 500 && client.published(uri).length === count; waited++) await sleep(10);
    assert.ok(client.published(uri).length > count, 'analysed again');
    assert.equal(await sumOfFE(), after);
    // Edits of the open protocol itself arrive as edits: its own file's change on disk (a save) is no reason to analyse it again.
    const saved = client.published(uri).length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
    // Nor is a change inside a version-control folder, which no protocol reads.
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(dir, '.git', 'index')).toString(), type: FileChangeType.Changed }] });
    await sleep(300);
    assert.equal(client.published(uri).length, saved);
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
