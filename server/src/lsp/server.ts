// The Faraday language server's main thread: it speaks LSP and nothing else.
// Documents, analyses and every answer live in a worker thread (engine.ts),
// so typing, cancellations and requests are read while an analysis runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, ResponseError, LSPErrorCodes, CodeLensRefreshRequest, type InitializeResult,
} from 'vscode-languageserver/node';
import { defaultSettings, type FaradaySettings } from './settings';
import { semanticTokensLegend } from './semantic-tokens';
import { ENGINE_METHODS } from './engine';
import { EDIT_SLOTS, editSlot, type FromWorker, type ToWorker } from './worker-messages';
import { SyncedDocument } from './synced-document';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { logTiming, ms, timingEnabled } from './timing';

const connection = createConnection(ProposedFeatures.all);
/** The editor's latest changes of each document, forwarded to the worker as sent. */
const changesOf = new Map<string, TextDocumentContentChangeEvent[]>();
// The changes are applied here too; the text is joined only when read (synced-document.ts).
const documents = new TextDocuments<SyncedDocument>({
  create: (uri, languageId, version, text) => new SyncedDocument(uri, languageId, version, text),
  update: (doc, changes, version) => {
    doc.update(changes, version);
    changesOf.set(doc.uri, changes);
    return doc;
  },
});
let settings: FaradaySettings = defaultSettings;
/** From the client at start-up: data files are read only in a trusted workspace, only inside its folder. */
let workspace: { trusted: boolean; root?: string } = { trusted: true };

/** docs/diagnostics.md shipped with the extension, linked from every diagnostic code. */
function findDiagnosticsDoc(): string | undefined {
  for (const candidate of [path.join(__dirname, '..', 'docs', 'diagnostics.md'), path.join(__dirname, '..', '..', '..', 'docs', 'diagnostics.md')]) {
    if (fs.existsSync(candidate)) return pathToFileURL(candidate).toString();
  }
  return undefined;
}

let worker: Worker;
/** Counted here the moment an edit arrives; the worker's running analysis of that document stops at its next pass. */
const edits = new SharedArrayBuffer(4 * EDIT_SLOTS);
const editCounts = new Int32Array(edits);
let nextId = 1;
let shuttingDown = false;
const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: unknown) => void }>();
const post = (m: ToWorker) => worker.postMessage(m);
/** FARADAY_TIMING: when each document's newest edit arrived, to say how long its diagnostics took. */
const editArrived = new Map<string, { version: number; at: number }>();

/** Starts the worker and gives it the state it needs; after a crash, a new one takes the open documents. */
function startWorker(): void {
  worker = new Worker(path.join(__dirname, 'analysis-worker.js'));
  post({ kind: 'init', docsUri: findDiagnosticsDoc(), edits });
  post({ kind: 'configure', settings, workspace });
  for (const doc of documents.all()) post({ kind: 'open', uri: doc.uri, version: doc.version, text: doc.getText() });
  worker.on('message', (m: FromWorker) => {
    if (m.kind === 'publish') {
      if (documents.get(m.uri)?.version !== m.version) return; // stale: a newer edit is on its way
      void connection.sendDiagnostics({ uri: m.uri, version: m.version, diagnostics: m.diagnostics });
      const edit = editArrived.get(m.uri);
      if (timingEnabled && edit?.version === m.version) logTiming('main', `diagnostics of v${m.version} sent ${ms(performance.now() - edit.at)} after the edit arrived`);
    } else if (m.kind === 'refresh') {
      askAgain();
    } else {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p?.reject(new ResponseError(m.error.code, m.error.message, m.error.data));
      else p?.resolve(m.result);
    }
  });
  worker.on('error', (e) => connection.console.error(`Faraday analysis worker failed: ${e.stack ?? e.message}`));
  worker.on('exit', (code) => {
    for (const p of pending.values()) p.reject(new ResponseError(LSPErrorCodes.ContentModified, 'the analysis worker restarted'));
    pending.clear();
    if (!shuttingDown) {
      connection.console.error(`Faraday analysis worker exited (${code}); restarting it`);
      startWorker();
    }
  });
}
function forward(method: string, params: unknown, token: { isCancellationRequested: boolean; onCancellationRequested: (f: () => void) => unknown }): Promise<unknown> {
  if (token.isCancellationRequested) return Promise.reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled'));
  const id = nextId++;
  const sent = performance.now();
  return new Promise((resolve, reject) => {
    pending.set(id, {
      resolve: (r) => {
        if (timingEnabled) logTiming('main', `${method} #${id}: answer back from the worker after ${ms(performance.now() - sent)}`);
        resolve(r);
      },
      reject,
    });
    // The answer of a cancelled request is not waited for; the worker's reply is dropped.
    token.onCancellationRequested(() => {
      if (pending.delete(id)) reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled'));
    });
    post({ kind: 'request', id, method, params });
  });
}

/** Which of LSP's "ask again" requests the editor supports (ClientCapabilities.workspace.*.refreshSupport). */
let refreshable = { inlayHints: false, codeLenses: false, semanticTokens: false };
let askingAgain = false;

/**
 * A document was analysed again at a version the editor already has (an imported file, a data file or a
 * setting changed): the editor asks again for the inlay hints, code lenses and semantic tokens it shows,
 * once for all the documents analysed again in this turn.
 */
function askAgain(): void {
  if (askingAgain) return;
  askingAgain = true;
  setImmediate(() => {
    askingAgain = false;
    if (refreshable.inlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (refreshable.codeLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (refreshable.semanticTokens) void connection.languages.semanticTokens.refresh().catch(() => undefined);
  });
}

connection.onInitialize((params): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { trusted?: boolean };
  const ws = params.capabilities.workspace;
  refreshable = { inlayHints: ws?.inlayHint?.refreshSupport === true, codeLenses: ws?.codeLens?.refreshSupport === true, semanticTokens: ws?.semanticTokens?.refreshSupport === true };
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  workspace = { trusted: init.trusted !== false, root: folder && folder.startsWith('file:') ? fileURLToPath(folder) : undefined };
  startWorker();
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      semanticTokensProvider: { legend: semanticTokensLegend, full: { delta: true } },
      documentLinkProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: [' '] },
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'faraday-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  try {
    const fetched = (await connection.workspace.getConfiguration('faraday')) as Partial<FaradaySettings> | null;
    settings = { ...defaultSettings, ...(fetched ?? {}), inlayHints: { ...defaultSettings.inlayHints, ...(fetched?.inlayHints ?? {}) } };
  } catch {
    settings = defaultSettings; // the client does not support workspace/configuration
  }
  post({ kind: 'configure', settings });
  void connection.languages.inlayHint.refresh().catch(() => undefined);
}

connection.onDidChangeConfiguration(() => void refreshSettings());

documents.onDidOpen((e) => post({ kind: 'open', uri: e.document.uri, version: e.document.version, text: e.document.getText() }));
// Fires after onDidOpen too, with no edits: the open message carried the text.
documents.onDidChangeContent((e) => {
  Atomics.add(editCounts, editSlot(e.document.uri), 1);
  if (timingEnabled) editArrived.set(e.document.uri, { version: e.document.version, at: performance.now() });
  const changes = changesOf.get(e.document.uri);
  changesOf.delete(e.document.uri);
  if (changes) post({ kind: 'edit', uri: e.document.uri, version: e.document.version, changes });
});
// Files changed on disk: data files and imported protocols the open documents may read.
connection.onDidChangeWatchedFiles((p) => post({ kind: 'files', uris: p.changes.map((c) => c.uri) }));
documents.onDidClose((e) => {
  post({ kind: 'close', uri: e.document.uri });
  editArrived.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

for (const method of ENGINE_METHODS) connection.onRequest(method, (params, token) => forward(method, params, token));

connection.onShutdown(() => {
  shuttingDown = true;
  void worker?.terminate();
});

documents.listen(connection);
connection.listen();
