// The preview webview: renders the figures the extension posts (already
// compiled to Vega by the server) with vega's runtime. No eval under the
// strict CSP: expressions go through vega-interpreter (`ast: true`). Canvas
// rendering, so no inline styles.
import { expressionInterpreter } from 'vega-interpreter';
import { parse, View } from './vega-runtime';
import type { FromWebview, PreviewState, ToWebview } from '../preview/messages';
import { toWebviewMessage } from '../preview/message-validation';
import type { Marks, WebviewMark } from '../preview/timing';

declare function acquireVsCodeApi(): { postMessage(m: FromWebview): void; getState(): PreviewState | undefined; setState(s: PreviewState): void };

/** Wall clock in ms, comparable with the extension's Date.now(). */
const now = () => performance.timeOrigin + performance.now();
/** The page's load steps, sent with the first render report only. */
let loadMarks: Marks<WebviewMark> | undefined = { documentStart: performance.timeOrigin, scriptStart: now() };
const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.endsWith('/preview.js'));
if (fetched) loadMarks.scriptFetched = performance.timeOrigin + fetched.responseEnd;
// The runtime is part of this script: evaluated before its first line.
loadMarks.vegaLoaded = loadMarks.scriptStart;

const vscode = acquireVsCodeApi();
const root = document.getElementById('figures')!;
const status = document.getElementById('status')!;
/** The drawn views by figure id, for export and to release them before a redraw. */
const viewsById = new Map<string, View>();
let last: Extract<ToWebview, { type: 'figures' }> | undefined;

function dark(): boolean {
  return document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
}

/** Colours from the editor theme so axes and text match it (a Vega config: the specs arrive compiled). */
function themeConfig(): Record<string, unknown> {
  const css = getComputedStyle(document.body);
  const fg = css.getPropertyValue('--vscode-editor-foreground').trim() || (dark() ? '#cccccc' : '#333333');
  const grid = css.getPropertyValue('--vscode-editorWidget-border').trim() || (dark() ? '#444444' : '#dddddd');
  const font = css.getPropertyValue('--vscode-font-family').trim() || 'sans-serif';
  return {
    background: 'transparent', font,
    title: { color: fg, subtitleColor: fg },
    axis: { labelColor: fg, titleColor: fg, domainColor: fg, tickColor: fg, gridColor: grid },
    // Legends below the plot: the panel beside the editor is narrow.
    legend: { labelColor: fg, titleColor: fg, orient: 'bottom' },
    // Vega-Lite's `view` config is the `cell` style of the compiled groups.
    style: { cell: { stroke: grid } },
  };
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

async function render(msg: Extract<ToWebview, { type: 'figures' }>, receivedAt = now()): Promise<void> {
  const started = performance.now();
  const marks: Marks<WebviewMark> = { ...loadMarks, figuresReceived: receivedAt };
  loadMarks = undefined;
  last = msg;
  vscode.setState({ uri: msg.uri, focus: msg.focus });
  for (const v of viewsById.values()) v.finalize();
  viewsById.clear();
  root.replaceChildren();
  status.textContent = msg.figures.length === 0 ? `${msg.fileName}: nothing to plot yet. Name data files (data "…"), add results or calibrations.` : `${msg.fileName}`;
  const failed: { id: string; message: string }[] = [];
  let firstMs: number | undefined;
  for (const f of msg.figures) {
    const section = document.createElement('section');
    section.id = `figure-${f.id}`;
    section.className = 'figure';
    const head = document.createElement('header');
    const title = document.createElement('h2');
    title.textContent = f.title;
    head.append(title);
    if (f.pointsDrawn < f.pointsRead) {
      const note = document.createElement('span');
      note.className = 'note';
      note.textContent = `${f.pointsDrawn} of ${f.pointsRead} points drawn`;
      head.append(note);
    }
    const chart = document.createElement('div');
    chart.className = 'chart';
    section.append(head, chart);
    root.append(section);
    try {
      // The server laid the spec out for the narrow panel and compiled it.
      const view = new View(parse(f.vega as never, themeConfig() as never, { ast: true }), {
        expr: expressionInterpreter, renderer: 'canvas', container: chart, hover: true,
      } as never);
      await view.runAsync();
      viewsById.set(f.id, view);
      if (firstMs === undefined) {
        firstMs = performance.now() - started;
        marks.firstDrawn = now();
      }
      head.append(button('SVG', () => void exportFigure(f.id, 'svg')), button('PNG', () => void exportFigure(f.id, 'png')));
    } catch (e) {
      failed.push({ id: f.id, message: (e as Error).message });
      chart.textContent = `Cannot draw this figure: ${(e as Error).message}`;
    }
  }
  if (msg.focus) focus(msg.focus);
  const ids = [...viewsById.keys()];
  document.body.dataset.rendered = String(ids.length);
  marks.allDrawn = now();
  vscode.postMessage({ type: 'rendered', uri: msg.uri, version: msg.version, ids, ms: performance.now() - started, firstMs: firstMs ?? 0, failed, theme: dark() ? 'dark' : 'light', marks });
}

/** SVG as text; PNG at twice the size, as a data URL. */
async function exportFigure(id: string, format: 'svg' | 'png', requestId?: number): Promise<void> {
  const result = viewsById.get(id);
  try {
    if (!result) throw new Error(`no figure ${id} is drawn`);
    const data = format === 'svg' ? await result.toSVG() : await result.toImageURL('png', 2);
    vscode.postMessage({ type: 'export', id, format, data, requestId });
  } catch (e) {
    if (requestId !== undefined) vscode.postMessage({ type: 'exportFailed', id, requestId, message: (e as Error).message });
  }
}

function focus(id: string): void {
  const el = document.getElementById(`figure-${id}`);
  if (!el) return;
  root.querySelectorAll('.focused').forEach((s) => s.classList.remove('focused'));
  el.classList.add('focused');
  el.scrollIntoView({ block: 'start' });
}

let queue = Promise.resolve();
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only the messages the extension defines, with the fields they define; anything else is ignored.
  const msg = toWebviewMessage(event.data);
  if (!msg) return;
  if (msg.type === 'figures') {
    const receivedAt = now();
    queue = queue.then(() => render(msg, receivedAt));
  }
  else if (msg.type === 'focus') focus(msg.id);
  else if (msg.type === 'exportRequest') queue = queue.then(() => exportFigure(msg.id, msg.format, msg.requestId));
  else if (msg.type === 'error') status.textContent = msg.message;
});

// The editor theme changed: VS Code swaps the body's classes; draw again with its colours.
new MutationObserver(() => {
  if (last) {
    const again = last;
    queue = queue.then(() => render(again));
  }
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.postMessage({ type: 'ready' });
loadMarks.readyPosted = now();
