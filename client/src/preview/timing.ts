// Where the time from the preview command to the figures on screen goes.
// Each side stamps its steps on the wall clock (Date.now() in the extension
// host and the language server, performance.timeOrigin + performance.now() in
// the webview: one clock, one machine); the breakdown puts them side by side as
// milliseconds after the command. No VS Code or DOM import: the webview, the
// extension and the tests share it.
import type { FiguresTiming } from '../../../server/src/lsp/protocol';

/** The extension's steps: command received, panel made, page set, figures asked for and back, first figure and the rest posted, reported drawn. */
export const EXTENSION_MARKS = ['command', 'panelCreated', 'htmlSet', 'requestSent', 'answerReceived', 'readyReceived', 'figuresPosted', 'restPosted', 'renderedReceived'] as const;
/** The webview's steps: its page starts loading, its script runs, it says ready, vega's script is fetched and has run, the figures arrive, the first and the last are drawn. */
export const WEBVIEW_MARKS = ['documentStart', 'scriptStart', 'readyPosted', 'vegaLoaded', 'figuresReceived', 'firstDrawn', 'allDrawn'] as const;

export type ExtensionMark = (typeof EXTENSION_MARKS)[number];
export type WebviewMark = (typeof WEBVIEW_MARKS)[number];
export type Marks<K extends string> = Partial<Record<K, number>>;

export interface PreviewBreakdown {
  /** Milliseconds after the command (an update: after its request), per step of each side. */
  extension: Marks<ExtensionMark>;
  webview: Marks<WebviewMark>;
  server?: { received: number; answered: number; analysisMs: number; figuresMs: number; compileMs: number };
}

const round = (x: number) => Math.round(x);

/** Every mark as whole milliseconds after the command, or after the request of an update (no command). */
export function previewBreakdown(extension: Marks<ExtensionMark>, webview: Marks<WebviewMark>, server: FiguresTiming | undefined): PreviewBreakdown | undefined {
  const t0 = extension.command ?? extension.requestSent;
  if (t0 === undefined) return undefined;
  const after = <K extends string>(marks: Marks<K>, names: readonly K[]): Marks<K> => {
    const out: Marks<K> = {};
    for (const name of names) if (marks[name] !== undefined) out[name] = round(marks[name]! - t0);
    return out;
  };
  return {
    extension: after(extension, EXTENSION_MARKS),
    webview: after(webview, WEBVIEW_MARKS),
    ...(server ? { server: { received: round(server.receivedAt - t0), answered: round(server.answeredAt - t0), analysisMs: round(server.analysisMs), figuresMs: round(server.figuresMs), compileMs: round(server.compileMs) } } : {}),
  };
}
