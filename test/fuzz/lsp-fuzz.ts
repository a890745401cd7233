// Fuzzing the bundled language server over stdio, as an editor drives it:
// each random edit of a sample is sent as an incremental didChange, then
// hover, completion, symbols, semantic tokens, formatting, code actions,
// inlay hints, definition and the preview's figures are asked at random
// positions, all at once. Every answer is checked (response-checks.ts); a
// crash (the process or its analysis worker dies, a handler throws), a hang
// (an answer later than the limit for which the server worked longer than
// the limit, or no answer in 30 s) and every bad range or non-finite value
// is a failure, recorded with the text and the request that showed it.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ResponseError, LSPErrorCodes, ErrorCodes } from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from '../lsp/lsp-client';
import { Random, loadSamples, randomEdit, applyEdit, type EditKind, type Sample } from './hostile-edits';
import { checkResponse, checkSemanticTokens, lineLengths, type Problem } from './response-checks';

export type FailureKind = 'crash' | 'hang' | 'range' | 'non-finite' | 'format';

export interface Failure {
  kind: FailureKind;
  method: string;
  params: unknown;
  /** The document's text when the request was asked, and the file it stands for. */
  text: string;
  file: string;
  seed: number;
  edit: number;
  detail: string;
}

export interface FuzzOptions {
  edits: number;
  seed: number;
  /** An answer later than this is a hang (default 2000 ms). */
  requestTimeoutMs?: number;
  /** Edits of one document before a fresh sample is opened (default 25). */
  resetEvery?: number;
  /** Progress lines, every `progressEvery` edits. */
  log?: (line: string) => void;
  progressEvery?: number;
  /** Called with each distinct failure as soon as it is found (the long run saves it). */
  onFailure?: (f: Failure) => void;
}

export interface FuzzReport {
  seed: number;
  edits: number;
  requests: number;
  seconds: number;
  /** Failures by kind, and one example of each distinct failure. */
  counts: Record<FailureKind, number>;
  failures: Failure[];
  slowestMs: Record<string, number>;
  /** Answers later than the limit while the server used less CPU than the limit: the machine was busy, not the server. */
  lateWhileBusy: number;
  editKinds: Partial<Record<EditKind, number>>;
  serverRestarts: number;
}

/** CPU time (user + system) the process has used, in ms, from /proc (Linux; 0 elsewhere). */
export function serverCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** LSP line and character of a UTF-16 offset (the text's own line ends). */
function positionAt(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** An offset between \r and \n has no LSP position: the editor would put it before the \r. */
function snap(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}

/** Applies LSP text edits to a text (for the formatting check). */
function applyTextEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = lineStarts(text);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const visible = (s: string) => s.replace(/\s+/g, '');

/** A full or delta answer to a semantic-tokens request. */
interface SemanticTokensAnswer {
  resultId?: string;
  data?: number[];
  edits?: { start: number; deleteCount: number; data?: number[] }[];
}

/** A held result with a delta's edits applied, as the editor applies them. */
export function applyTokenEdits(data: number[], edits: NonNullable<SemanticTokensAnswer['edits']>): number[] {
  const out = [...data];
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

/** The requests asked after an edit, at random positions (some past a line's end or the last line). */
export function requestsAt(rnd: Random, text: string, uri: string): [string, unknown][] {
  const lengths = lineLengths(text);
  const position = () => {
    // Mostly inside the text; sometimes past a line's end or the last line, which the server must clamp.
    if (rnd.chance(0.03)) return { line: lengths.length + rnd.int(3), character: rnd.int(200) };
    const line = rnd.int(lengths.length);
    return { line, character: rnd.chance(0.03) ? lengths[line]! + 1 + rnd.int(50) : rnd.int(lengths[line]! + 1) };
  };
  const range = () => {
    const a = position();
    const b = position();
    return a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
  };
  const doc = { textDocument: { uri } };
  const requests: [string, unknown][] = [
    ['textDocument/hover', { ...doc, position: position() }],
    ['textDocument/completion', { ...doc, position: position() }],
    ['textDocument/documentSymbol', doc],
    ['textDocument/semanticTokens/full', doc],
    ['textDocument/formatting', { ...doc, options: { tabSize: 2, insertSpaces: true } }],
    ['textDocument/codeAction', { ...doc, range: range(), context: { diagnostics: [] } }],
    ['textDocument/inlayHint', { ...doc, range: rnd.chance(0.5) ? { start: { line: 0, character: 0 }, end: { line: lengths.length, character: 0 } } : range() }],
    ['textDocument/definition', { ...doc, position: position() }],
    ['textDocument/selectionRange', { ...doc, positions: [position(), position()] }],
    ['textDocument/codeLens', doc],
    ['textDocument/documentLink', doc],
    ['textDocument/foldingRange', doc],
    ['textDocument/references', { ...doc, position: position(), context: { includeDeclaration: true } }],
    ['textDocument/documentHighlight', { ...doc, position: position() }],
    ['textDocument/prepareRename', { ...doc, position: position() }],
    ['textDocument/rename', { ...doc, position: position(), newName: rnd.pick(['X1', 'nitrate', 'a b', '', 'µ-ligand', 'NO3-']) }],
    ['faraday/methods', { uri, format: rnd.pick(['md', 'tex', 'txt']) }],
    ['textDocument/rangeFormatting', { ...doc, range: range(), options: { tabSize: 2, insertSpaces: true } }],
    ['workspace/symbol', { query: rnd.pick(['', 'a', 'Au', 'nitrate', 'µ']) }],
    ['faraday/figures', { uri, format: rnd.chance(0.2) ? 'vega' : 'vega-lite' }],
  ];
  return requests;
}

export async function fuzzLanguageServer(options: FuzzOptions): Promise<FuzzReport> {
  const timeoutMs = options.requestTimeoutMs ?? 2000;
  const resetEvery = options.resetEvery ?? 25;
  const rnd = new Random(options.seed);
  const samples = loadSamples(repoRoot);
  const report: FuzzReport = {
    seed: options.seed, edits: 0, requests: 0, seconds: 0, counts: { crash: 0, hang: 0, range: 0, 'non-finite': 0, format: 0 },
    failures: [], slowestMs: {}, lateWhileBusy: 0, editKinds: {}, serverRestarts: 0,
  };
  const seen = new Set<string>();
  const otherFiles = new Map<string, number[] | undefined>();
  const linesOf = (uri: string) => {
    if (!otherFiles.has(uri)) {
      try {
        otherFiles.set(uri, lineLengths(readFileSync(fileURLToPath(uri), 'utf8')));
      } catch {
        otherFiles.set(uri, undefined);
      }
    }
    return otherFiles.get(uri);
  };

  let client!: TestClient;
  let crashed = false;
  let logsSeen = 0;
  const start = async () => {
    const started = new TestClient();
    client = started;
    client.keepHistory = false;
    crashed = false;
    logsSeen = 0;
    // Only this server's exit is a crash: the one stopped after a hang exits later, while its successor runs.
    void started.exited.then(() => {
      if (client === started) crashed = true;
    });
    await client.initialize();
  };
  await start();

  let sample: Sample = samples[0]!;
  let uri = '';
  let text = '';
  const fail = (kind: FailureKind, method: string, params: unknown, detail: string) => {
    report.counts[kind]++;
    // One example per distinct failure: the kind, the method and the detail without its numbers.
    const signature = `${kind} ${method} ${detail.replace(/\d+/g, 'N').slice(0, 120)}`;
    if (seen.has(signature)) return;
    seen.add(signature);
    const failure = { kind, method, params, text, file: sample.file, seed: options.seed, edit: report.edits, detail };
    report.failures.push(failure);
    options.onFailure?.(failure);
    options.log?.(`FAILURE ${kind} in ${method} at edit ${report.edits} (seed ${options.seed}): ${detail}`);
  };
  /** Semantic-token results received for the open document, by id: a delta answer is applied to the one it was asked against. */
  const tokenResults = new Map<string, number[]>();
  const heldTokens = (answer: SemanticTokensAnswer, params: { previousResultId?: string }): number[] => {
    const data = answer.data ?? applyTokenEdits(tokenResults.get(params.previousResultId!) ?? [], answer.edits ?? []);
    if (answer.resultId !== undefined) {
      tokenResults.set(answer.resultId, data);
      if (tokenResults.size > 8) tokenResults.delete(tokenResults.keys().next().value!);
    }
    return data;
  };
  const openFresh = async () => {
    tokenResults.clear();
    if (uri) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    sample = rnd.pick(samples);
    text = sample.text;
    uri = await client.open(sample.file, text);
  };
  await openFresh();
  // The first preview request loads the Vega-Lite compiler: not a hang of the fuzzed text.
  await client.connection.sendRequest('faraday/figures', { uri, format: 'vega' });

  const started = performance.now();
  for (let n = 0; n < options.edits; n++) {
    if (n % resetEvery === 0 || text.length > 4_000_000) await openFresh();
    const e = randomEdit(rnd, text, samples);
    e.start = snap(text, e.start);
    e.end = Math.max(e.start, snap(text, e.end));
    const starts = lineStarts(text);
    await client.edit(uri, { start: positionAt(starts, e.start), end: positionAt(starts, e.end) }, e.insert);
    text = applyEdit(text, e);
    report.edits++;
    report.editKinds[e.kind] = (report.editKinds[e.kind] ?? 0) + 1;

    const requests = requestsAt(rnd, text, uri);
    // Every other edit, the semantic tokens are asked as the editor asks them: the changes since a result it holds.
    const held = [...tokenResults.keys()];
    if (held.length > 0 && rnd.chance(0.5)) requests.push(['textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: rnd.pick(held) }]);
    const asked = text;
    const late: { method: string; params: unknown; ms: number }[] = [];
    const cpuBefore = serverCpuMs(client.pid);
    const answers = requests.map(async ([method, params]) => {
      const t0 = performance.now();
      let gaveUp: NodeJS.Timeout | undefined;
      // Not answered within 30 s: the server is stuck, whatever the machine's load.
      const hang = new Promise<'hung'>((resolve) => (gaveUp = setTimeout(() => resolve('hung'), 30_000)));
      try {
        const result = await Promise.race([client.connection.sendRequest(method, params), hang]);
        if (result === 'hung') {
          fail('hang', method, params, 'no answer within 30 s');
          return 'hung';
        }
        const ms = performance.now() - t0;
        report.slowestMs[method] = Math.max(report.slowestMs[method] ?? 0, Math.round(ms));
        if (ms > timeoutMs) late.push({ method, params, ms });
        const ctx = { uri, text: asked, linesOf };
        const problems: Problem[] = method.startsWith('textDocument/semanticTokens/full')
          ? checkSemanticTokens(heldTokens(result as SemanticTokensAnswer, params as { previousResultId?: string }), asked)
          : checkResponse(method, result, ctx);
        for (const p of problems.slice(0, 3)) fail(p.check, method, params, `${p.where}: ${p.detail}`);
        if ((method === 'textDocument/formatting' || method === 'textDocument/rangeFormatting') && Array.isArray(result) && visible(applyTextEdits(asked, result)) !== visible(asked)) {
          fail('format', method, params, 'formatting changed more than white space');
        }
      } catch (err) {
        if (crashed) return;
        const code = err instanceof ResponseError ? err.code : undefined;
        // A newer edit or a restarted worker may cancel an answer; anything else is a failure of the server.
        if (code === LSPErrorCodes.ContentModified || code === LSPErrorCodes.RequestCancelled || code === ErrorCodes.PendingResponseRejected) return;
        // A refusal the server means, with a message for the chemist and no stack trace (a rename to `a b`).
        if (code === LSPErrorCodes.RequestFailed && !/\n\s+at /.test((err as Error).message)) return;
        fail('crash', method, params, `request failed: ${(err as Error).message.split('\n').slice(0, 3).join(' | ')}`);
      } finally {
        clearTimeout(gaveUp);
        report.requests++;
      }
    });
    const outcomes = await Promise.all(answers);
    // An answer later than the limit is a hang when the server itself worked that long for this
    // edit's requests; on a shared machine it may only have waited for a CPU.
    if (late.length > 0) {
      const cpu = serverCpuMs(client.pid) - cpuBefore;
      for (const l of late) {
        if (cpu > timeoutMs) fail('hang', l.method, l.params, `answered after ${Math.round(l.ms)} ms; the server used ${Math.round(cpu)} ms of CPU for this edit's requests`);
        else report.lateWhileBusy++;
      }
    }
    if (client.errorLogs.length > logsSeen) {
      for (const m of client.errorLogs.slice(logsSeen)) fail('crash', 'server log', undefined, m.split('\n').slice(0, 3).join(' | '));
      logsSeen = client.errorLogs.length;
    }
    if (crashed || outcomes.includes('hung')) {
      if (crashed) fail('crash', 'server process', undefined, 'the server process exited');
      // Start over with a new server, as the editor would.
      try {
        client.connection.dispose();
      } catch { /* already gone */ }
      if (client.pid) try { process.kill(client.pid); } catch { /* already gone */ }
      report.serverRestarts++;
      await start();
      uri = '';
      await openFresh();
    }
    if (options.progressEvery && (n + 1) % options.progressEvery === 0) {
      const s = (performance.now() - started) / 1000;
      options.log?.(`${n + 1} edits, ${report.requests} requests in ${s.toFixed(0)} s (${((n + 1) / s).toFixed(1)} edits/s); crashes ${report.counts.crash}, hangs ${report.counts.hang}, ranges ${report.counts.range}, non-finite ${report.counts['non-finite']}`);
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  await client.close().catch(() => undefined);
  return report;
}

/** The file URI a failure's document stands for (tests reopen it there, so data files resolve). */
export function failureUri(f: Failure): string {
  return pathToFileURL(f.file).toString();
}

/**
 * The text and the last edit after `edits` edits of a run with `seed`, without a server (the same
 * random choices as the run, as long as no restart came before): to reproduce a failure offline.
 */
export function replay(seed: number, edits: number, resetEvery = 25): { text: string; file: string; last?: ReturnType<typeof randomEdit> } {
  const rnd = new Random(seed);
  const samples = loadSamples(repoRoot);
  let sample = rnd.pick(samples);
  let text = sample.text;
  let last: ReturnType<typeof randomEdit> | undefined;
  for (let n = 0; n < edits; n++) {
    if (n % resetEvery === 0 || text.length > 4_000_000) {
      sample = rnd.pick(samples);
      text = sample.text;
    }
    const e = randomEdit(rnd, text, samples);
    e.start = snap(text, e.start);
    e.end = Math.max(e.start, snap(text, e.end));
    text = applyEdit(text, e);
    last = e;
    requestsAt(rnd, text, '');
  }
  return { text, file: sample.file, last };
}
