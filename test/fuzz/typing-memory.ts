// The language server with a 100 000-line protocol open while someone types
// into it: its semantic tokens once open, one character every 30 ms in the
// middle of the file, a completion every tenth keystroke, then the diagnostics
// of the last version and its semantic tokens (the changes since the first
// result, when the server offers them), as an editor asks. The peak
// resident memory of the server process (main thread and analysis worker)
// is read from /proc (VmHWM).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SemanticTokensRequest, SemanticTokensDeltaRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from '../lsp/lsp-client';
import { generateLines } from '../../bench/generate-protocol';

export interface TypingReport {
  lines: number;
  keystrokes: number;
  seconds: number;
  peakRssMb: number;
  lastDiagnosticsMs: number;
  alive: boolean;
}

/** Peak and current resident set of a process, in MB (Linux). */
export function residentMb(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

export async function typeIntoLargeFile(options: { lines: number; keystrokes: number }): Promise<TypingReport> {
  const text = generateLines(options.lines);
  const lines = text.split('\n');
  const client = new TestClient();
  client.keepHistory = false;
  let alive = true;
  void client.exited.then(() => (alive = false));
  const init = await client.initialize();
  const tokens = init.capabilities.semanticTokensProvider;
  const deltas = !!tokens && typeof tokens.full === 'object' && tokens.full.delta === true;
  const uri = await client.open(path.join(repoRoot, 'samples', `typing-${options.lines}.faraday`), text);
  await client.waitForDiagnostics(uri, (p) => p.version === 1, 15 * 60_000);
  const firstTokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
  const started = performance.now();
  // Typing a new step into the middle of the file, one character at a time.
  const line = Math.floor(lines.length / 2);
  const typed = '  add 20 mg CuCl in 10 mL THF\n';
  let version = 1;
  let character = 0;
  let at = line;
  for (let k = 0; k < options.keystrokes && alive; k++) {
    const c = typed[k % typed.length]!;
    version = await client.edit(uri, { start: { line: at, character }, end: { line: at, character } }, c);
    if (c === '\n') {
      at++;
      character = 0;
    } else character++;
    if (k % 10 === 9) void client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: at, character } }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 30));
  }
  const typedAt = performance.now();
  const last = version;
  if (alive) await client.waitForDiagnostics(uri, (p) => p.version === last, 15 * 60_000);
  const lastDiagnosticsMs = performance.now() - typedAt;
  if (alive) {
    if (deltas && firstTokens?.resultId) await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: firstTokens.resultId });
    else await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
  }
  const peak = alive && client.pid ? residentMb(client.pid).peak : Number.NaN;
  const seconds = (performance.now() - started) / 1000;
  await client.close().catch(() => undefined);
  return { lines: options.lines, keystrokes: options.keystrokes, seconds, peakRssMb: peak, lastDiagnosticsMs, alive };
}
