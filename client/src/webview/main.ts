// The preview webview: draws the figures the extension posts (already
// compiled to Vega by the server) with vega's runtime, which arrives in its
// own script (vega-global.ts). No eval under the strict CSP: expressions go
// through vega-interpreter (`ast: true`). Canvas rendering, so no inline
// styles. A figure the page holds is kept as drawn; only the figures a
// message carries are drawn (again), and one of the same shape in the same
// theme only takes its new data in the view already drawn.
import type { FromWebview, PreviewState, ToWebview } from '../preview/messages';
import { toWebviewMessage } from '../preview/message-validation';
import type { Marks, WebviewMark } from '../preview/timing';
import type { PreviewFigure } from '../../../server/src/plots/preview-spec';
import type { VegaRuntime } from './vega-global';
import { replaceData } from './replace-data';
import { unpackFigure } from '../../../server/src/plots/packed-rows';

declare function acquireVsCodeApi(): { postMessage(m: FromWebview): void; getState(): PreviewState | undefined; setState(s: PreviewState): void };
type View = InstanceType<VegaRuntime['View']>;
type FiguresMessage = Extract<ToWebview, { type: 'figures' }>;

/** Wall clock in ms, comparable with the extension's Date.now(). */
const now = () => performance.timeOrigin + performance.now();
/** The page's load steps, sent with the first render report only. */
let loadMarks: Marks<WebviewMark> | undefined = { documentStart: performance.timeOrigin, scriptStart: now() };

/** vega's runtime, once its script (the page's second) has run, at `vegaLoadedAt`. */
let vegaLoadedAt: number | undefined;
const vega = new Promise<VegaRuntime>((resolve) => {
  const take = () => {
    if (!window.faradayVega) return;
    vegaLoadedAt ??= now();
    resolve(window.faradayVega);
  };
  window.addEventListener('faraday-vega', take, { once: true });
  take();
});

const vscode = acquireVsCodeApi();
const root = document.getElementById('figures')!;
const status = document.getElementById('status')!;
/** What the page holds, by figure id: the figure, its section, and its drawn view (for export; released before a redraw). */
const figuresById = new Map<string, PreviewFigure>();
const sections = new Map<string, HTMLElement>();
const viewsById = new Map<string, View>();
/** Each drawn view's shape and theme: a figure arriving with both unchanged only has new data. */
const drawnAs = new Map<string, string>();
/** The document shown and its order, to draw everything again in a new theme. */
let shown: Omit<FiguresMessage, 'figures' | 'more'> | undefined;
/** A render that spans messages (`more`), reported after its last one. */
let report: { started: number; marks: Marks<WebviewMark>; firstOfPage: boolean; firstMs?: number; failed: { id: string; message: string }[] } | undefined;

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

/** The figure's header: its title, and how many of its points are drawn when not all are. */
function header(f: PreviewFigure): HTMLElement {
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
  return head;
}

function exportButtons(f: PreviewFigure): HTMLButtonElement[] {
  return [button('SVG', () => void exportFigure(f.id, 'svg')), button('PNG', () => void exportFigure(f.id, 'png'))];
}

function drawn(r: NonNullable<typeof report>): void {
  if (r.firstMs !== undefined) return;
  r.firstMs = performance.now() - r.started;
  r.marks.firstDrawn = now();
}

/**
 * Draws one figure: into its drawn view when only its data changed, else into a new section in place of the one it had.
 * Its long series arrive packed by column (server/src/plots/packed-rows.ts) and are unpacked here.
 */
async function draw(runtime: VegaRuntime, packed: PreviewFigure, config: Record<string, unknown>, theme: string, r: NonNullable<typeof report>): Promise<void> {
  const f = unpackFigure(packed);
  const as = `${packed.shape} ${theme}`;
  const view = viewsById.get(packed.id);
  const section = sections.get(packed.id);
  if (f && view && section && drawnAs.get(f.id) === as) {
    try {
      await replaceData(view, f.vega);
      figuresById.set(f.id, packed);
      const head = header(f);
      head.append(...exportButtons(f));
      section.querySelector('header')?.replaceWith(head);
      drawn(r);
      return;
    } catch {
      // Drawn anew below.
    }
  }
  viewsById.get(packed.id)?.finalize();
  viewsById.delete(packed.id);
  drawnAs.delete(packed.id);
  figuresById.set(packed.id, packed);
  const fresh = document.createElement('section');
  fresh.id = `figure-${packed.id}`;
  fresh.className = 'figure';
  const head = header(packed);
  const chart = document.createElement('div');
  chart.className = 'chart';
  fresh.append(head, chart);
  if (section) section.replaceWith(fresh);
  else root.append(fresh);
  sections.set(packed.id, fresh);
  try {
    if (!f) throw new Error('its data did not arrive whole');
    // The server laid the spec out for the narrow panel and compiled it.
    const view = new runtime.View(runtime.parse(f.vega as never, config as never, { ast: true }), {
      expr: runtime.expressionInterpreter, renderer: 'canvas', container: chart, hover: true,
    } as never);
    await view.runAsync();
    viewsById.set(f.id, view);
    drawnAs.set(f.id, as);
    drawn(r);
    head.append(...exportButtons(f));
  } catch (e) {
    r.failed.push({ id: packed.id, message: (e as Error).message });
    chart.textContent = `Cannot draw this figure: ${(e as Error).message}`;
  }
}

async function render(msg: FiguresMessage, receivedAt = now()): Promise<void> {
  if (!report) {
    report = { started: performance.now(), marks: { ...loadMarks, figuresReceived: receivedAt }, firstOfPage: loadMarks !== undefined, failed: [] };
    loadMarks = undefined;
  }
  const r = report;
  const { figures, more, ...rest } = msg;
  shown = rest;
  vscode.setState({ uri: msg.uri, focus: msg.focus });
  status.textContent = msg.order.length === 0 ? `${msg.fileName}: nothing to plot yet. Name data files (data "…"), add results or calibrations.` : `${msg.fileName}`;
  const runtime = await vega;
  if (r.firstOfPage) Object.assign(r.marks, { vegaLoaded: vegaLoadedAt });
  const config = themeConfig();
  const theme = JSON.stringify(config);
  for (const f of figures) await draw(runtime, f, config, theme, r);
  // The document's order; a figure it no longer has goes when its last message is in.
  for (const id of msg.order) {
    const section = sections.get(id);
    if (section) root.append(section);
  }
  if (msg.focus) focus(msg.focus);
  if (more) return;
  const keep = new Set(msg.order);
  for (const [id, section] of sections) {
    if (keep.has(id)) continue;
    viewsById.get(id)?.finalize();
    viewsById.delete(id);
    drawnAs.delete(id);
    figuresById.delete(id);
    sections.delete(id);
    section.remove();
  }
  report = undefined;
  const ids = msg.order.filter((id) => viewsById.has(id));
  document.body.dataset.rendered = String(ids.length);
  r.marks.allDrawn = now();
  vscode.postMessage({ type: 'rendered', uri: msg.uri, version: msg.version, ids, ms: performance.now() - r.started, firstMs: r.firstMs ?? 0, failed: r.failed, theme: dark() ? 'dark' : 'light', marks: r.marks });
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
  } else if (msg.type === 'focus') focus(msg.id);
  else if (msg.type === 'exportRequest') queue = queue.then(() => exportFigure(msg.id, msg.format, msg.requestId));
  else if (msg.type === 'error') status.textContent = msg.message;
});

// The editor theme changed: VS Code swaps the body's classes; draw every figure again with its colours.
new MutationObserver(() => {
  if (!shown) return;
  const again: FiguresMessage = { ...shown, figures: shown.order.flatMap((id) => figuresById.get(id) ?? []) };
  queue = queue.then(() => render(again));
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.postMessage({ type: 'ready' });
loadMarks.readyPosted = now();
