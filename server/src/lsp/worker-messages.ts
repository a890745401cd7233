// Messages between the server's main thread and the analysis worker.
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { FaradaySettings } from './settings';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export type ToWorker =
  | { kind: 'init'; docsUri?: string; edits: SharedArrayBuffer }
  | { kind: 'configure'; settings?: FaradaySettings; workspace?: { trusted: boolean; root?: string } }
  | { kind: 'open'; uri: string; version: number; text: string }
  /** A new version by the editor's changes, forwarded: the worker applies them to its copy (synced-document.ts). */
  | { kind: 'edit'; uri: string; version: number; changes: TextDocumentContentChangeEvent[] }
  | { kind: 'close'; uri: string }
  /** Files of the workspace changed on disk (the editor's file watcher). */
  | { kind: 'files'; uris: string[] }
  | { kind: 'request'; id: number; method: string; params: unknown };

export type FromWorker =
  | { kind: 'publish'; uri: string; version: number; diagnostics: Diagnostic[] }
  /**
   * A document was analysed again at a version already published (an imported file, a data file or a
   * setting changed): what the editor shows from the earlier analysis (inlay hints, code lenses, semantic
   * tokens) is asked for again, or it would keep showing values the new analysis no longer gives.
   */
  | { kind: 'refresh'; uri: string }
  | { kind: 'response'; id: number; result?: unknown; error?: { code: number; message: string; data?: unknown } };

/**
 * Edit counters shared by the two threads: the main thread counts every edit
 * of a document in its slot the moment it arrives, and a running analysis
 * whose slot moved on is stale. Two documents may share a slot; that only
 * makes one stop early and be analysed again.
 */
export const EDIT_SLOTS = 1024;

export function editSlot(uri: string): number {
  let h = 2166136261;
  for (let i = 0; i < uri.length; i++) h = Math.imul(h ^ uri.charCodeAt(i), 16777619);
  return (h >>> 0) % EDIT_SLOTS;
}
