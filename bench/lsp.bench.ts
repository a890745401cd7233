// Language-server latency on a generated 10 000-line protocol, through the
// bundled dist/server.js over stdio, as an editor talks to it: hover and
// completion at random places (idle, and right after an edit, before its
// analysis), one-character edits spread across the file to their published
// diagnostics, completion at the character just typed, and the code lenses,
// semantic tokens and inlay hints the editor asks for after each analysis, and
// the open preview's figures; and Copy Methods Section. Edits are timed
// again on the worst case of the generated protocol (generate-protocol.ts).
import * as path from 'node:path';
import * as os from 'node:os';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { HoverRequest, CompletionRequest, CodeLensRequest, SemanticTokensRequest, SemanticTokensDeltaRequest, InlayHintRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from '../test/lsp/lsp-client';
import { FIGURES_REQUEST, METHODS_REQUEST } from '../server/src/lsp/protocol';
import { generateLines } from './generate-protocol';

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(1)} ms, p95 ${s[Math.floor(s.length * 0.95)]!.toFixed(1)} ms`;
}

function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** Where a typo lands: in the middle of the first word of a non-blank, non-comment line. */
function editPlaces(lines: string[], rnd: () => number): () => { line: number; character: number } {
  const editLines = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim().length > 0 && !l.trim().startsWith('#'));
  return () => {
    const [l, line] = editLines[Math.floor(rnd() * editLines.length)]!;
    // In the middle of the line's first word after the indentation: a typo in a name, a number or a keyword.
    const indent = l.length - l.trimStart().length;
    return { line, character: indent + 1 + Math.floor(rnd() * Math.min(3, Math.max(1, l.trimStart().length - 1))) };
  };
}

const DEBOUNCE_MS = 150;

/** One-character edits spread across the file, as an editor sends them; each waits for its diagnostics. */
async function timeEdits(client: TestClient, uri: string, pick: () => { line: number; character: number }): Promise<number[]> {
  const edits: number[] = [];
  for (let i = 0; i < 60; i++) {
    const at = pick();
    const t = performance.now();
    const version = await client.edit(uri, { start: at, end: at }, 'x');
    await client.waitForDiagnostics(uri, (p) => p.version === version, 60000);
    edits.push(performance.now() - t);
  }
  return edits;
}

async function openGenerated(text: string): Promise<{ client: TestClient; uri: string; diagnostics: number; openMs: number; tokenDeltas: boolean }> {
  const client = new TestClient();
  // The benchmark reads no history of diagnostics: kept, 120 publishes of 958 each grew this process's heap, and its
  // garbage collection was counted as the server's latency.
  client.keepHistory = false;
  const init = await client.initialize();
  const tokens = init.capabilities.semanticTokensProvider;
  const tokenDeltas = !!tokens && typeof tokens.full === 'object' && tokens.full.delta === true;
  const opened = performance.now();
  const uri = await client.open(path.join(repoRoot, 'samples', 'bench-10k.faraday'), text);
  const first = await client.waitForDiagnostics(uri, (p) => p.version === 1, 60000);
  return { client, uri, diagnostics: first.diagnostics.length, openMs: performance.now() - opened, tokenDeltas };
}

export async function run(): Promise<string> {
  if (!existsSync(path.join(repoRoot, 'dist/server.js'))) execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs')]);
  const text = generateLines(10_000);
  const lines = text.split('\n');
  const { client, uri, diagnostics, openMs, tokenDeltas } = await openGenerated(text);
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
  const pick = editPlaces(lines, rnd);
  const edits = await timeEdits(client, uri, pick);
  // Hover and completion while edits arrive: each request is sent right after an edit, before its analysis.
  const hoverEditing: number[] = [];
  const completionEditing: number[] = [];
  for (let i = 0; i < 60; i++) {
    const at = pick();
    await client.edit(uri, { start: at, end: at }, 'x');
    let t = performance.now();
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position() });
    hoverEditing.push(performance.now() - t);
    t = performance.now();
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: position() });
    completionEditing.push(performance.now() - t);
  }
  // Completion where the chemist is typing: answered from a parse of the edited block, before its analysis.
  const completionTyping: number[] = [];
  for (let i = 0; i < 20; i++) {
    const at = pick();
    await client.edit(uri, { start: at, end: at }, 'x');
    const t = performance.now();
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: at.line, character: at.character + 1 } });
    completionTyping.push(performance.now() - t);
  }
  // What the editor asks of the whole file once an edit's analysis lands: its code lenses, semantic tokens
  // and the inlay hints of a screenful. The worker answers nothing else meanwhile.
  // Semantic tokens as the editor asks for them: the changes since its last result when the server offers that.
  // The open preview's request too: compiled figures, less those it holds already (by key).
  const afterEdit = { codeLens: [] as number[], semanticTokens: [] as number[], inlayHints: [] as number[], figures: [] as number[] };
  let heldFigures: string[] = (await client.connection.sendRequest<{ order: { key: string }[] }>(FIGURES_REQUEST, { uri, format: 'vega', known: [] })).order.map((o) => o.key);
  let tokensResult = tokenDeltas ? (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))?.resultId : undefined;
  for (let i = 0; i < 20; i++) {
    const at = pick();
    const version = await client.edit(uri, { start: at, end: at }, 'x');
    await client.waitForDiagnostics(uri, (p) => p.version === version, 60000);
    let t = performance.now();
    await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    afterEdit.codeLens.push(performance.now() - t);
    t = performance.now();
    if (tokensResult !== undefined) tokensResult = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: tokensResult }))?.resultId;
    else await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    afterEdit.semanticTokens.push(performance.now() - t);
    const screen = { start: { line: Math.max(0, at.line - 25), character: 0 }, end: { line: at.line + 25, character: 0 } };
    t = performance.now();
    await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: screen });
    afterEdit.inlayHints.push(performance.now() - t);
    t = performance.now();
    heldFigures = (await client.connection.sendRequest<{ order: { key: string }[] }>(FIGURES_REQUEST, { uri, format: 'vega', known: heldFigures })).order.map((o) => o.key);
    afterEdit.figures.push(performance.now() - t);
  }
  // When the new version's analysis is ready: inlay hints asked right after an edit wait for it. A quick
  // document is analysed early in the debounce (scheduler.ts), so this is less than the debounce.
  const ready: number[] = [];
  for (let i = 0; i < 20; i++) {
    const at = pick();
    const t = performance.now();
    const version = await client.edit(uri, { start: at, end: at }, 'x');
    const screen = { start: { line: Math.max(0, at.line - 25), character: 0 }, end: { line: at.line + 25, character: 0 } };
    await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: screen });
    ready.push(performance.now() - t);
    await client.waitForDiagnostics(uri, (p) => p.version === version, 60000);
  }
  // Copy Methods Section of the whole protocol, three times (the first runs its code cold).
  const methods: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await client.connection.sendRequest(METHODS_REQUEST, { uri, format: 'md' });
    methods.push(performance.now() - t);
  }
  const beyond = edits.map((ms) => ms - DEBOUNCE_MS);
  await client.close();
  // Edits of the worst case: every result fits every copy's cell, so an edit of a cell or a run
  // re-analyses every result, and each analysis publishes about a thousand diagnostics.
  const worstText = generateLines(10_000, { ambiguous: true });
  const worst = await openGenerated(worstText);
  const worstEdits = (await timeEdits(worst.client, worst.uri, editPlaces(worstText.split('\n'), random(42)))).map((ms) => ms - DEBOUNCE_MS);
  await worst.client.close();
  return [
    `## Language server on ${lines.length} lines (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
    `- open to first published diagnostics (a fresh server, so the first analysis of the process): ${openMs.toFixed(0)} ms`,
    `- hover, idle: ${stats(hover)} (200 requests)`,
    `- completion, idle: ${stats(completion)} (200 requests)`,
    `- one-character edit to published diagnostics (${diagnostics} diagnostics before the edits): ${stats(edits)} (60 edits spread across the file, including the ${DEBOUNCE_MS} ms debounce); beyond the debounce: ${stats(beyond)} (target p95 ≤ 50 ms)`,
    `- one-character edit to its analysis ready (inlay hints asked at once, answered from the new version): ${stats(ready)} (20 edits; the analysis runs early in the debounce when the document's analyses are quick)`,
    `- 60 such edits of the worst case (results name no cell and every copy's cell fits them: ${worst.diagnostics} diagnostics), beyond the debounce: ${stats(worstEdits)}`,
    `- while edits arrive (each request right after an edit): hover ${stats(hoverEditing)}, completion ${stats(completionEditing)} (60 each, random places; target p95 ≤ 5 ms)`,
    `- completion at the character just typed (from a parse of its block, before the analysis): ${stats(completionTyping)} (20 requests)`,
    `- after an edit's diagnostics, what the editor asks next (20 edits): code lenses of the file ${stats(afterEdit.codeLens)}, semantic tokens of the file ${tokenDeltas ? '(the changes since the last result) ' : ''}${stats(afterEdit.semanticTokens)}, inlay hints of 50 lines ${stats(afterEdit.inlayHints)}, the open preview's figures ${stats(afterEdit.figures)}`,
    `- Copy Methods Section of the whole protocol (Markdown): ${methods.map((ms) => ms.toFixed(0)).join(', ')} ms`,
  ].join('\n');
}
