// Messages between the extension and the preview webview. The webview speaks
// first ("ready"); what the extension has for it before then waits for it.
import type { PreviewFigure } from '../../../server/src/plots/preview-spec';
import type { Marks, WebviewMark } from './timing';

export type ToWebview =
  /**
   * `order`: the id of every figure of the document, in order; `figures`: those to draw now (the page
   * holds the others already, drawn from the same spec); `more`: another message of this version
   * follows (the first figure travels alone, so it is drawn while the rest are on their way).
   */
  | { type: 'figures'; uri: string; fileName: string; version: number; order: string[]; figures: PreviewFigure[]; more?: boolean; focus?: string }
  | { type: 'focus'; id: string }
  /** Export a drawn figure and send it back with this request id (no dialog). */
  | { type: 'exportRequest'; id: string; format: 'svg' | 'png'; requestId: number }
  | { type: 'error'; message: string };

export type FromWebview =
  | { type: 'ready' }
  /** `marks`: the webview's steps of this render (its page's load steps on the first render after the load), wall clock. */
  | { type: 'rendered'; uri: string; version: number; ids: string[]; ms: number; firstMs: number; failed: { id: string; message: string }[]; theme: 'dark' | 'light'; marks: Marks<WebviewMark> }
  | { type: 'export'; id: string; format: 'svg' | 'png'; data: string; requestId?: number }
  | { type: 'exportFailed'; id: string; requestId: number; message: string };

/** What the webview keeps across reloads (vscode.setState), read back by the serializer. */
export interface PreviewState {
  uri?: string;
  focus?: string;
}
