// The worker thread that owns the documents and analyses them; the main
// thread only talks LSP. Messages are handled in order, so an edit that
// arrives while an analysis runs is seen before the next request.
import { parentPort } from 'node:worker_threads';
import { ResponseError, ErrorCodes } from 'vscode-languageserver-protocol';
import { Engine } from './engine';
import { prepareParser } from '../syntax/parse';
import { editSlot, type FromWorker, type ToWorker } from './worker-messages';
import { logGarbageCollection, logTiming, ms, timingEnabled } from './timing';

logGarbageCollection('worker');
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
let engine: Engine | undefined;

port.on('message', (m: ToWorker) => {
  if (m.kind === 'init') {
    const edits = new Int32Array(m.edits);
    engine = new Engine(
      { publish: (uri, version, diagnostics) => post({ kind: 'publish', uri, version, diagnostics }), refresh: (uri) => post({ kind: 'refresh', uri }) },
      m.docsUri, 150, (uri) => Atomics.load(edits, editSlot(uri)),
    );
    prepareParser();
    return;
  }
  if (!engine) return;
  switch (m.kind) {
    case 'configure':
      engine.configure(m.settings, m.workspace);
      break;
    case 'open':
      engine.open(m.uri, m.version, m.text);
      break;
    case 'edit':
      engine.edit(m.uri, m.version, m.changes);
      break;
    case 'close':
      engine.close(m.uri);
      break;
    case 'files':
      engine.filesChanged(m.uris);
      break;
    case 'request': {
      // Most answers are immediate; the preview's compiled figures load the compiler once.
      const fail = (e: unknown) => {
        const error = isResponseError(e) ? { code: e.code, message: e.message, data: e.data } : { code: ErrorCodes.InternalError, message: (e as Error).stack ?? String(e) };
        post({ kind: 'response', id: m.id, error });
      };
      const started = performance.now();
      try {
        const result = engine.request(m.method, m.params);
        if (timingEnabled) logTiming('worker', `${m.method} #${m.id}: answered in ${ms(performance.now() - started)}`);
        if (result instanceof Promise) result.then((r) => post({ kind: 'response', id: m.id, result: r ?? null }), fail);
        else post({ kind: 'response', id: m.id, result: result ?? null });
      } catch (e) {
        fail(e);
      }
      break;
    }
  }
});

/**
 * A refusal with its own code and message, not a failure. Checked by shape as well as by class: the bundle
 * holds two copies of vscode-jsonrpc (vscode-languageserver brings its own), and a rename refused by the
 * editor features was reported as an internal error with a stack trace.
 */
function isResponseError(e: unknown): e is ResponseError<unknown> {
  if (e instanceof ResponseError) return true;
  const x = e as { code?: unknown; toJson?: unknown } | null;
  return e instanceof Error && typeof x?.code === 'number' && typeof x.toJson === 'function';
}
