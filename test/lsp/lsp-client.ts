// A minimal LSP client for protocol tests: starts the bundled dist/server.js
// over stdio and speaks JSON-RPC to it, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, type PublishDiagnosticsParams, ShutdownRequest, ExitNotification,
  ConfigurationRequest, LogMessageNotification, MessageType, type InitializeResult,
} from 'vscode-languageserver-protocol/node';

/** The repository root, found upwards from here (this file also runs bundled into dist/ for benchmarks). */
export const repoRoot = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'samples')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly versions = new Map<string, number>();
  settings: Record<string, unknown> = {};
  /** Errors the server logged (a failed or restarted analysis worker says so here). */
  readonly errorLogs: string[] = [];
  /** Keep every diagnostics notification (tests read the history); a long fuzz run keeps only the newest. */
  keepHistory = true;
  /** The server's requests to ask again for what the editor shows (`workspace/…/refresh`), by method, in order. */
  readonly refreshes: string[] = [];

  /** `node`: the Node binary that runs the server (default: the one running the tests). */
  constructor(node = process.execPath) {
    // FARADAY_SERVER: another build of the server (a long fuzz run keeps its own copy while dist/ is rebuilt).
    this.child = spawn(node, [process.env.FARADAY_SERVER ?? path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.keepHistory ? this.diagnostics.get(p.uri) ?? [] : [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.predicate(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    for (const method of ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh', 'workspace/semanticTokens/refresh']) {
      this.connection.onRequest(method, () => {
        this.refreshes.push(method);
        return null;
      });
    }
    this.connection.onNotification(LogMessageNotification.type, (p) => {
      if (p.type === MessageType.Error) this.errorLogs.push(p.message);
    });
    this.connection.listen();
  }

  /** The server's process id (its memory is read from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves when the server process has exited (a crash, or after close()). */
  readonly exited: Promise<number | null>;

  /** `trusted: false` is what VS Code sends for a workspace opened in Restricted Mode; `root` is the workspace folder. */
  async initialize(options: { trusted?: boolean; root?: string } = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(options.root ?? repoRoot).toString(),
      initializationOptions: options.trusted === undefined ? undefined : { trusted: options.trusted },
      capabilities: {
        workspace: { configuration: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true }, semanticTokens: { refreshSupport: true } },
        textDocument: { inlayHint: {}, hover: { contentFormat: ['markdown'] } },
      },
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Resolves with the next diagnostics for `uri` that satisfy the predicate (no sleeping). */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const already = (this.diagnostics.get(uri) ?? []).find((p) => predicate(p) && p.version === this.versions.get(uri));
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** Every diagnostics notification received for `uri`, oldest first. */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  async open(file: string, text = readFileSync(file, 'utf8')): Promise<string> {
    const uri = pathToFileURL(file).toString();
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'faraday', version: 1, text } });
    return uri;
  }

  async replaceAll(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental edit, as an editor sends one keystroke or paste: `range` in the text before the edit. */
  async edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  async close(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    this.connection.dispose();
    this.child.kill();
  }
}
