// Language-server latency on a generated 10 000-line protocol, through the
// bundled dist/server.js over stdio: hover and completion (median and p95 of
// 200 requests at random positions) and a one-character edit to published diagnostics.
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { HoverRequest, CompletionRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from '../test/lsp/lsp-client';
import { generateLines } from './generate-protocol';

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(1)} ms, p95 ${s[Math.floor(s.length * 0.95)]!.toFixed(1)} ms`;
}

function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

export async function run(): Promise<string> {
  if (!existsSync(path.join(repoRoot, 'dist/server.js'))) execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs')]);
  const text = generateLines(10_000);
  const lines = text.split('\n');
  const client = new TestClient();
  await client.initialize();
  const uri = await client.open(path.join(repoRoot, 'samples', 'bench-10k.faraday'), text);
  await client.waitForDiagnostics(uri, (p) => p.version === 1, 60000);
  const rnd = random(42);
  const position = () => {
    const line = Math.floor(rnd() * lines.length);
    return { line, character: Math.floor(rnd() * Math.max(1, lines[line]!.length)) };
  };
  const hover: number[] = [];
  const completion: number[] = [];
  for (let i = 0; i < 200; i++) {
    let t = performance.now();
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position() });
    hover.push(performance.now() - t);
    t = performance.now();
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: position() });
    completion.push(performance.now() - t);
  }
  const edits: number[] = [];
  let current = text;
  for (let i = 0; i < 5; i++) {
    current = current.replace('stir 10 min', i % 2 ? 'stir 10 min' : 'stir 11 min');
    const t = performance.now();
    const version = await client.replaceAll(uri, current);
    await client.waitForDiagnostics(uri, (p) => p.version === version, 60000);
    edits.push(performance.now() - t);
  }
  await client.close();
  return [
    `## Language server on ${lines.length} lines`,
    `- hover: ${stats(hover)} (200 requests)`,
    `- completion: ${stats(completion)} (200 requests)`,
    `- one-character edit to published diagnostics: ${stats(edits)} (5 edits; includes the 150 ms debounce)`,
  ].join('\n');
}
