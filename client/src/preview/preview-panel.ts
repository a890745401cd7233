// The plot preview beside the editor: one panel that follows the active
// Faraday editor, asks the language server for the figures (debounced while
// typing), survives reloads through its serializer, and saves exports.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIGURES_REQUEST, type PreviewFiguresResult } from '../../../server/src/lsp/protocol';
import type { FromWebview, PreviewState, ToWebview } from './messages';
import { previewHtml } from './html';
import { fromWebviewMessage } from './message-validation';
import { figureFileName } from '../../../server/src/plots/file-name';
import { previewBreakdown, type ExtensionMark, type Marks, type PreviewBreakdown } from './timing';
import type { FiguresTiming } from '../../../server/src/lsp/protocol';

export const PREVIEW_VIEW_TYPE = 'faraday.preview';
const UPDATE_DELAY_MS = 300;

/** A finished render, as the webview reports it (tests and the benchmark read it). */
export interface RenderReport {
  uri: string;
  version: number;
  ids: string[];
  /** Time in the webview from receiving the figures to the last one drawn. */
  ms: number;
  /** Time in the webview from receiving the figures to the first one drawn. */
  firstMs: number;
  /** From the command (or the update) to the render report. */
  totalMs: number;
  failed: { id: string; message: string }[];
  /** The colour theme's kind the figures were drawn for. */
  theme: 'dark' | 'light';
  /** Each side's steps in ms after the command (or the update's request); absent for a redraw the webview made alone. */
  breakdown?: PreviewBreakdown;
}

/** SVG text, or the PNG inside a data URL, as bytes for a file. */
function exportBytes(format: 'svg' | 'png', data: string): Uint8Array {
  return format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
}

/** A message for the page, with the keys of the figures it lists. */
interface Delivery {
  message: ToWebview;
  keys?: Map<string, string>;
}

export class FigurePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  /** Figures (or an error) that came back before the webview said "ready": posted when it does. */
  private waitingForReady: Delivery | undefined;
  /** Key by id of each figure the page holds (plots/figure-key.ts): the server sends only the others. */
  private held = new Map<string, string>();
  /** Requests for figures on their way: a "ready" meanwhile waits for them instead of asking again. */
  private requesting = 0;
  private uri: string | undefined;
  private focus: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private requestedAt = 0;
  /** The extension's steps of the current open or update, and the server's account of its answer. */
  private marks: Marks<ExtensionMark> = {};
  private serverTiming: FiguresTiming | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<RenderReport>();
  readonly onDidRender = this.rendered.event;
  lastRender: RenderReport | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && e?.document.languageId === 'faraday') this.show(e.document.uri.toString());
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document.uri.toString() === this.uri) this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        // Data files change on disk: a save of anything in the workspace may change the figures.
        if (this.panel && d.uri.toString() !== this.uri) this.schedule();
      }),
    );
  }

  /** Open (or reveal) the preview on a document, scrolled to a figure; `commandAt`: when the command arrived (Date.now()). */
  open(uri: string, figure?: string, commandAt = Date.now()): void {
    this.focus = figure;
    this.marks = { command: commandAt };
    this.serverTiming = undefined;
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Faraday plots', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions());
      this.marks.panelCreated = Date.now();
      this.attach(panel);
    } else this.panel.reveal(undefined, true);
    this.show(uri);
  }

  /** A panel restored after a reload: same view, same document. */
  restore(panel: vscode.WebviewPanel, state: PreviewState | undefined): void {
    panel.webview.options = this.webviewOptions();
    this.focus = state?.focus;
    this.attach(panel);
    if (state?.uri) this.show(state.uri);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.waitingForReady = undefined;
    this.held.clear();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'file-icon.svg');
    panel.webview.html = previewHtml(panel.webview, this.extensionUri);
    this.marks.htmlSet = Date.now();
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      // Only the messages the webview defines, validated; anything else is ignored.
      const m = fromWebviewMessage(raw);
      if (m) void this.receive(m);
    }, undefined, this.disposables);
    // Hidden, the page is discarded (no retainContextWhenHidden): shown again, it loads, says "ready" and holds no figure.
    panel.onDidChangeViewState(() => {
      if (panel.visible) return;
      this.ready = false;
      this.held.clear();
    }, undefined, this.disposables);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    }, undefined, this.disposables);
  }

  private show(uri: string): void {
    this.uri = uri;
    if (this.panel) this.panel.title = `Plots: ${vscode.Uri.parse(uri).path.split('/').pop()}`;
    void this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  /**
   * Asks the server for the figures and posts them. Not held back until the
   * webview says "ready": the request runs while the webview loads, and what
   * comes back first waits for "ready".
   */
  private async update(): Promise<void> {
    const client = this.client();
    if (!this.panel || !this.uri || !client) return;
    this.requestedAt = Date.now();
    // The open's first request continues the open's marks; any other starts its own.
    if (this.marks.command === undefined || this.marks.requestSent !== undefined) this.marks = {};
    this.marks.requestSent = this.requestedAt;
    const uri = this.uri;
    this.requesting++;
    try {
      // The language server analyses the text it has: open the document so it has it.
      await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const result = await client.sendRequest<PreviewFiguresResult | null>(FIGURES_REQUEST, { uri, format: 'vega', known: [...this.held.values()] });
      this.marks.answerReceived = Date.now();
      this.serverTiming = result?.timing;
      if (uri !== this.uri) return; // the editor moved on meanwhile
      if (!result) return this.deliver({ message: { type: 'error', message: `${uri} is not open in the language server.` } });
      const fileName = vscode.Uri.parse(uri).path.split('/').pop() ?? uri;
      const message: ToWebview = { type: 'figures', uri, fileName, version: result.version, order: result.order.map((o) => o.id), figures: result.figures, focus: this.focus };
      this.deliver({ message, keys: new Map(result.order.map((o) => [o.id, o.key])) });
    } catch (e) {
      this.deliver({ message: { type: 'error', message: `Cannot compute the figures: ${(e as Error).message}` } });
    } finally {
      this.requesting--;
    }
  }

  /** Posts now if the webview listens, else when it says "ready" (the newest message wins). */
  private deliver(d: Delivery): void {
    if (!this.ready) {
      this.waitingForReady = d;
      return;
    }
    const m = d.message;
    if (m.type !== 'figures' || !d.keys) return this.post(m);
    // The figures left out must be those the page holds; a page loaded since the request holds none: ask again.
    const sent = new Set(m.figures.map((f) => f.id));
    if (m.order.some((id) => !sent.has(id) && this.held.get(id) !== d.keys!.get(id))) {
      this.held.clear();
      return void this.update();
    }
    this.held = d.keys;
    this.shown = new Set(m.order);
    // The figure in view (the focus, else the first) travels alone and is drawn while the rest are on their way.
    const first = m.figures.find((f) => f.id === m.focus) ?? m.figures[0];
    if (first && m.figures.length > 1) {
      this.post({ ...m, figures: [first], more: true });
      this.marks.figuresPosted = Date.now();
      this.post({ ...m, figures: m.figures.filter((f) => f !== first) });
      this.marks.restPosted = Date.now();
    } else {
      this.post(m);
      this.marks.figuresPosted = Date.now();
    }
  }

  private post(m: ToWebview): void {
    void this.panel?.webview.postMessage(m);
  }

  private async receive(m: FromWebview): Promise<void> {
    if (m.type === 'ready') {
      // A page that starts holds no figures.
      this.ready = true;
      this.held.clear();
      this.marks.readyReceived = Date.now();
      const waiting = this.waitingForReady;
      this.waitingForReady = undefined;
      // The figures asked for while the page loaded, or (a page loaded again) a new request.
      if (waiting) this.deliver(waiting);
      else if (this.requesting === 0) await this.update();
    } else if (m.type === 'rendered') {
      const { marks, ...report } = m;
      // The first report after figures were posted closes their breakdown; a redraw the webview made alone has none.
      let breakdown: PreviewBreakdown | undefined;
      if (this.marks.figuresPosted !== undefined && this.marks.renderedReceived === undefined) {
        this.marks.renderedReceived = Date.now();
        breakdown = previewBreakdown(this.marks, marks, this.serverTiming);
      }
      this.lastRender = { ...report, totalMs: Date.now() - this.requestedAt, ...(breakdown ? { breakdown } : {}) };
      this.rendered.fire(this.lastRender);
    } else if (m.type === 'export') {
      const waiting = m.requestId !== undefined ? this.exports.get(m.requestId) : undefined;
      if (waiting) {
        // Written to the target the caller chose for this request, and to nothing else.
        this.exports.delete(m.requestId!);
        if (m.format !== waiting.format || m.id !== waiting.id) return waiting.reject(new Error(`the preview sent ${m.format} of ${m.id} for an export of ${waiting.format} of ${waiting.id}`));
        await vscode.workspace.fs.writeFile(waiting.target, exportBytes(m.format, m.data));
        waiting.resolve();
      } else if (this.shown.has(m.id)) await this.save(m.id, m.format, m.data); // the user's button: a save dialog
    } else if (m.type === 'exportFailed') {
      this.exports.get(m.requestId)?.reject(new Error(m.message));
      this.exports.delete(m.requestId);
    }
  }

  private readonly exports = new Map<number, { id: string; format: 'svg' | 'png'; target: vscode.Uri; resolve: () => void; reject: (e: Error) => void }>();
  /** Ids of the figures last sent to the webview: a save dialog is opened only for one of them. */
  private shown = new Set<string>();
  private nextExport = 1;

  /** Writes a drawn figure to `target` without a dialog, as the webview renders it (tests use this). */
  exportFigure(id: string, format: 'svg' | 'png', target: vscode.Uri): Promise<void> {
    if (!this.panel) return Promise.reject(new Error('the preview is not open'));
    const requestId = this.nextExport++;
    return new Promise((resolve, reject) => {
      this.exports.set(requestId, { id, format, target, resolve, reject });
      this.post({ type: 'exportRequest', id, format, requestId });
    });
  }

  private async save(id: string, format: 'svg' | 'png', data: string): Promise<void> {
    const doc = this.uri ? vscode.Uri.parse(this.uri) : undefined;
    const folder = doc ? vscode.Uri.joinPath(doc, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    // Exports go only where the user chooses in the dialog; the proposed name cannot open folders.
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, figureFileName(id, format)) : undefined,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, exportBytes(format, data));
    void vscode.window.showInformationMessage(`Saved ${target.fsPath}`);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    this.rendered.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
