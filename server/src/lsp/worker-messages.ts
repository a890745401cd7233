// Messages between the server's main thread and the analysis worker.
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { FaradaySettings } from './settings';

export type ToWorker =
  | { kind: 'init'; docsUri?: string }
  | { kind: 'configure'; settings?: FaradaySettings; workspace?: { trusted: boolean; root?: string } }
  | { kind: 'open' | 'change'; uri: string; version: number; text: string }
  | { kind: 'close'; uri: string }
  | { kind: 'request'; id: number; method: string; params: unknown };

export type FromWorker =
  | { kind: 'publish'; uri: string; version: number; diagnostics: Diagnostic[] }
  | { kind: 'response'; id: number; result?: unknown; error?: { code: number; message: string; data?: unknown } };
