// Messages between the extension and the preview webview. The webview speaks
// first ("ready"), so nothing posted before its script runs is lost.
import type { PreviewFigure } from '../../../server/src/plots/preview-spec';
import type { Marks, WebviewMark } from './timing';

export type ToWebview =
  | { type: 'figures'; uri: string; fileName: string; version: number; figures: PreviewFigure[]; focus?: string }
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
