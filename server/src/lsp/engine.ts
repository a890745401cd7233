// The language server's engine: open documents, their analyses and every
// request handler. It runs in a worker thread (analysis-worker.ts) so the
// server's message loop never waits for an analysis; it is plain code over
// the analysis core, so tests can also drive it directly.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalysisOptions } from '../analysis/options';
import type { Analysis } from '../analysis/analyze';
import { readProtocolText, realPathInside, type DataFileRefusal } from '../instruments/read-bytes';
import { UnchangedFileReader } from '../instruments/unchanged-files';
import { listDirectory } from '../instruments/list-directory';
import type { HintCategory } from '../analysis/model';
import { AnalysisScheduler } from './scheduler';
import { toDiagnostic, toRange } from './convert';
import { limitDiagnostics } from './diagnostic-limit';
import { hoverAt } from './hover';
import { inlayHints } from './inlay-hints';
import { codeActions } from './code-actions';
import { defaultSettings, type FaradaySettings, settingsToOptions } from './settings';
import { registerEditorFeatures, type FeatureRegistry } from './editor-features';
import { encodeSemanticTokens } from './semantic-tokens';
import { SemanticTokenResults } from './semantic-token-results';
import { completionItems } from './completion';
import { PendingEdits, type MappedAnalysis } from './pending-edits';
import { SyncedDocument } from './synced-document';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { DocumentSnapshot } from './scheduler';
import { parseFaraday } from '../syntax/parse';
import { blockSummaries } from '../features/code-lens';
import { buildFigures } from '../plots/figures';
import { FIGURES_REQUEST, METHODS_REQUEST, type FiguresParams, type FiguresResult, type MethodsParams, type MethodsResult, type PreviewFiguresResult } from './protocol';
import { previewFigures } from '../plots/preview-spec';
import { packFigure } from '../plots/packed-rows';
import { figureKey } from '../plots/figure-key';
import { writeMethods } from '../methods/assemble';
import { METHODS_FORMATS } from '../methods/document';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { logTiming, ms, timingEnabled } from './timing';

export type Handler = (params: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Methods the engine answers; the main thread forwards exactly these. */
export const ENGINE_METHODS = [
  'textDocument/hover', 'textDocument/inlayHint', 'textDocument/codeAction', 'textDocument/documentLink', 'textDocument/codeLens',
  'textDocument/completion', 'textDocument/semanticTokens/full', 'textDocument/semanticTokens/full/delta', 'textDocument/formatting', 'textDocument/rangeFormatting',
  'textDocument/documentSymbol', 'workspace/symbol', 'textDocument/foldingRange', 'textDocument/selectionRange', 'textDocument/definition',
  'textDocument/references', 'textDocument/documentHighlight', 'textDocument/prepareRename', 'textDocument/rename', FIGURES_REQUEST, METHODS_REQUEST,
] as const;

export interface EngineEvents {
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  /** The document was analysed again at a version already published, with another result: the editor asks again for what it shows. */
  refresh?(uri: string): void;
}

export class Engine {
  private readonly documents = new Map<string, SyncedDocument>();
  private settings: FaradaySettings = defaultSettings;
  private workspace: { trusted: boolean; root?: string } = { trusted: true };
  private readonly scheduler: AnalysisScheduler;
  /** Requests that wait for a document's scheduled analysis (see `settled`). */
  private readonly waiting = new Map<string, (() => void)[]>();
  /** Per document, the edits since its latest analysis, followed as they arrive. */
  private readonly pendingEdits = new Map<string, PendingEdits>();
  /** The analysis each document's diagnostics were last published from, with its version. */
  private readonly published = new Map<string, { version: number; analysis: Analysis }>();
  /** The semantic tokens last sent for each document, for the editor's delta requests. */
  private readonly tokenResults = new SemanticTokenResults();
  readonly handlers = new Map<string, Handler>();

  constructor(
    private readonly events: EngineEvents,
    private readonly docsUri: string | undefined,
    delayMs = 150,
    /** How many edits of a document the main thread has seen so far (shared memory in the worker). */
    editCount: (uri: string) => number = () => 0,
  ) {
    this.scheduler = new AnalysisScheduler(
      delayMs,
      (uri) => this.optionsFor(uri),
      (uri, version, analysis) => {
        const current = this.documents.get(uri);
        if (!current || current.version !== version) return; // a newer edit is on its way
        const started = performance.now();
        const diagnostics = limitDiagnostics(analysis.diagnostics.map((d) => toDiagnostic(analysis, d, uri, this.docsUri)));
        const converted = performance.now();
        this.events.publish(uri, version, diagnostics);
        // The same version published again from another analysis (an imported file, a data file or a setting
        // changed): what the editor holds of the earlier one may be stale. Asked again even when nothing changed
        // (a unit that always runs makes every analysis look new); the answers come from the stored analysis.
        const before = this.published.get(uri);
        this.published.set(uri, { version, analysis });
        if (before && before.version === version && before.analysis !== analysis) this.events.refresh?.(uri);
        if (timingEnabled) logTiming('worker', `diagnostics of v${version}: ${diagnostics.length} converted in ${ms(converted - started)}, posted in ${ms(performance.now() - converted)}`);
        this.wake(uri);
      },
      (uri) => {
        const atStart = editCount(uri);
        return () => editCount(uri) !== atStart;
      },
      (uri) => {
        const doc = this.documents.get(uri);
        if (doc) this.scheduler.schedule(snapshot(doc));
      },
      // The pending edits answer from the previous analysis: dropped with it, not kept through the next one.
      (uri) => this.pendingEdits.delete(uri),
      // An analysis ahead of its publication answers the requests waiting for this version.
      (uri) => this.wake(uri),
    );
    this.registerHandlers();
  }

  configure(settings: FaradaySettings | undefined, workspace?: { trusted: boolean; root?: string }): void {
    const before = JSON.stringify([this.settings, this.workspace]);
    if (settings) this.settings = settings;
    if (workspace) this.workspace = workspace;
    if (JSON.stringify([this.settings, this.workspace]) === before) return; // nothing that changes an analysis
    this.scheduler.invalidateAll();
    for (const doc of this.documents.values()) this.scheduler.schedule(snapshot(doc), true);
  }

  open(uri: string, version: number, text: string): void {
    const doc = new SyncedDocument(uri, 'faraday', version, text);
    this.documents.set(uri, doc);
    this.scheduler.schedule(snapshot(doc), true);
  }

  /** The whole new text of a document: debounced, and files that import it are analysed again. */
  change(uri: string, version: number, text: string): void {
    const known = this.documents.get(uri);
    if (known && known.version === version && known.getText() === text) return;
    const doc = new SyncedDocument(uri, 'faraday', version, text);
    this.documents.set(uri, doc);
    this.pendingEditsOf(uri); // each edit is followed as it arrives
    this.scheduler.schedule(snapshot(doc));
    this.reanalyseImporters(uri);
  }

  /**
   * The editor's changes of a new version, as the main thread forwards them:
   * the new text is joined only when an analysis or a request reads it whole,
   * so a burst of keystrokes costs no copy of the file each.
   */
  edit(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const latest = this.scheduler.latestVersion(uri);
    let pending = this.pendingEdits.get(uri);
    // The pending edits go on from the latest analysis: kept ones, or new ones when the document was at its version.
    if (latest && pending?.analysis !== latest.analysis && latest.version === doc.version) this.pendingEdits.set(uri, (pending = new PendingEdits(latest.analysis)));
    const edits = doc.update(changes, version);
    if (latest && pending?.analysis === latest.analysis) pending.followEdits(edits, doc.current);
    else this.pendingEditsOf(uri);
    this.scheduler.schedule(snapshot(doc));
    this.reanalyseImporters(uri);
  }

  /**
   * Files changed on disk: every open document is analysed again (after the debounce), since any may read
   * them as data or imports. A data file unchanged since it was read is not read again, and every block
   * whose reads all hold is replayed, so a change no document reads costs a replay. Changes of open
   * documents alone are left out: their edits arrive as edits.
   */
  filesChanged(uris: readonly string[]): void {
    // A version-control folder changes whenever the editor asks git for a status: no protocol reads it.
    const read = uris.filter((u) => !this.documents.has(u) && !/\/\.(git|hg|svn)\//.test(u));
    if (read.length === 0) return;
    for (const doc of this.documents.values()) this.scheduler.schedule(snapshot(doc));
  }

  close(uri: string): void {
    this.documents.delete(uri);
    this.published.delete(uri);
    this.pendingEdits.delete(uri);
    this.tokenResults.forget(uri);
    this.scheduler.forget(uri);
    this.wake(uri);
  }

  request(method: string, params: unknown): unknown {
    const handler = this.handlers.get(method);
    if (!handler) throw new Error(`the Faraday engine does not answer ${method}`);
    return handler(params);
  }

  private optionsFor(uri: string): AnalysisOptions {
    const fileName = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    return { ...settingsToOptions(this.settings), fileName, readFile: (f) => this.readOpenOrDisk(f), readBytes: (f, max, root) => this.readBytesOpenOrDisk(f, max, root), listDirectory, readData: this.workspace.trusted, workspaceRoot: this.workspace.root };
  }

  /** Data files unchanged on disk since the last analysis are not read again. */
  private readonly dataFiles = new UnchangedFileReader();

  /** Imports: the open document's text, or a regular file of at most 16 MB from disk. */
  private readOpenOrDisk(file: string): string | undefined {
    const open = this.documents.get(pathToFileURL(file).toString());
    if (open) return open.getText();
    return readProtocolText(file);
  }

  /** A data file open in the editor is read as its text shows; otherwise from disk (read-bytes.ts says what is refused). */
  private readBytesOpenOrDisk(file: string, maxBytes: number, root?: string): Uint8Array | DataFileRefusal | undefined {
    const open = this.documents.get(pathToFileURL(file).toString());
    if (!open) return this.dataFiles.read(file, maxBytes, root);
    const where = root === undefined ? undefined : realPathInside(file, root);
    if (where && !where.inside) return { refused: 'outside-workspace', realPath: where.realPath };
    const bytes = new TextEncoder().encode(open.getText());
    return bytes.length > maxBytes ? { refused: 'too-large', size: bytes.length } : bytes;
  }

  /** Open files that import the changed file, directly or through other files, are analysed again. */
  private reanalyseImporters(changedUri: string): void {
    if (!changedUri.startsWith('file:')) return;
    // The imports each file's latest analysis parsed: a file whose import line is still being
    // typed has its own analysis pending, and that one reads the imported file anyway.
    const importsOf = (doc: SyncedDocument) => {
      const dir = path.dirname(fileURLToPath(doc.uri));
      const statements = this.scheduler.latest(doc.uri)?.parse.document.statements ?? [];
      return statements.flatMap((s) => (s.kind === 'import' && s.path ? [path.resolve(dir, s.path.value)] : []));
    };
    const open = [...this.documents.values()].filter((d) => d.uri.startsWith('file:'));
    const affected = new Set<string>([fileURLToPath(changedUri)]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const doc of open) {
        const file = fileURLToPath(doc.uri);
        if (!affected.has(file) && importsOf(doc).some((f) => affected.has(f))) {
          affected.add(file);
          grew = true;
          this.scheduler.schedule(snapshot(doc));
        }
      }
    }
  }

  /**
   * The edits of a document since its latest analysis, when that analysis is
   * of an older version; they start again from each new analysis.
   */
  private pendingEditsOf(uri: string): PendingEdits | undefined {
    const doc = this.documents.get(uri);
    const latest = this.scheduler.latestVersion(uri);
    if (!doc || !latest || latest.version === doc.version) {
      this.pendingEdits.delete(uri);
      return undefined;
    }
    let pending = this.pendingEdits.get(uri);
    if (pending?.analysis !== latest.analysis) this.pendingEdits.set(uri, (pending = new PendingEdits(latest.analysis)));
    pending.follow(doc.current);
    return pending;
  }

  /**
   * An analysis that answers at this position of the current text: the
   * current one, or, while an edit waits for its analysis, the latest one when
   * the edit did not touch the block there (pending-edits.ts).
   */
  private answering(uri: string, position: { line: number; character: number }): MappedAnalysis | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const mapped = this.pendingEditsOf(uri)?.answer(doc.offsetAt(position), (offset) => doc.positionAt(offset));
    if (mapped) return mapped;
    const a = this.analysisOf(uri);
    return a ? { analysis: a, offset: a.parse.lineIndex.offset(position), toCurrent: (s) => s, lines: a.parse.lineIndex } : undefined;
  }

  /**
   * Completion in a block being edited, before its analysis: where the cursor
   * is and in which block are read from a parse of the edited blocks' current
   * text; the names that fit are those of the latest analysis (a name declared
   * in the block being typed joins them when its analysis lands).
   */
  private completionWhileEditing(uri: string, position: { line: number; character: number }) {
    const doc = this.documents.get(uri);
    const pending = this.pendingEditsOf(uri);
    if (!doc || !pending) return undefined;
    const offset = doc.offsetAt(position);
    const region = pending.refusedAt(offset);
    if (!region) return undefined;
    const text = doc.current.slice(region.start, region.end);
    return completionItems({ ...pending.analysis, text, parse: parseFaraday(text) }, offset - region.start);
  }

  /**
   * `answer` of the analysis of the current version: at once when it is made,
   * else when the scheduled analysis lands (a newer edit meanwhile makes it
   * wait for that one's); made now only when none is scheduled.
   */
  private settled<T>(uri: string, answer: (a: Analysis | undefined) => T): T | Promise<T> {
    const doc = this.documents.get(uri);
    const latest = this.scheduler.latestVersion(uri);
    if (!doc || (latest && latest.version === doc.version) || !this.scheduler.isScheduled(uri)) return answer(this.analysisOf(uri));
    return new Promise<T>((resolve, reject) => {
      const waiting = this.waiting.get(uri) ?? [];
      waiting.push(() => {
        try {
          resolve(this.settled(uri, answer));
        } catch (e) {
          reject(e);
        }
      });
      this.waiting.set(uri, waiting);
    });
  }

  /** Requests waiting for a document's next analysis (or its closing) go on. */
  private wake(uri: string): void {
    const waiting = this.waiting.get(uri);
    this.waiting.delete(uri);
    for (const w of waiting ?? []) w();
  }

  private analysisOf(uri: string) {
    const doc = this.documents.get(uri);
    return doc ? this.scheduler.analysisFor(snapshot(doc)) : undefined;
  }

  private registerHandlers(): void {
    const on = (method: string, handler: Handler) => this.handlers.set(method, handler);
    const analysisOf = (uri: string) => this.analysisOf(uri);
    type P = { textDocument: { uri: string }; position: { line: number; character: number } };
    on('textDocument/hover', (p: P) => {
      const m = this.answering(p.textDocument.uri, p.position);
      return m ? hoverAt(m.analysis, m.offset, (span) => m.lines.range(m.toCurrent(span))) : null;
    });
    // What the editor asks for after every edit waits for the debounced analysis instead of making one ahead of it.
    on('textDocument/inlayHint', (p: { textDocument: { uri: string }; range: Parameters<typeof inlayHints>[1] }) =>
      this.settled(p.textDocument.uri, (a) => (a ? inlayHints(a, p.range, (c: HintCategory) => this.settings.inlayHints[c] !== false) : [])));
    on('textDocument/codeAction', (p: { textDocument: { uri: string }; range: Parameters<typeof codeActions>[2] }) => {
      const a = analysisOf(p.textDocument.uri);
      return a ? codeActions(a, p.textDocument.uri, p.range, this.docsUri) : [];
    });
    on('textDocument/documentLink', (p: { textDocument: { uri: string } }) => this.settled(p.textDocument.uri, (a) => {
      const fileName = p.textDocument.uri.startsWith('file:') ? fileURLToPath(p.textDocument.uri) : undefined;
      if (!a || !fileName) return [];
      // One link per data string; patterns link to their first expansion's folder. A file named on many
      // lines is turned into its URL once.
      const targets = new Map<string, string>();
      const target = (subject: string) => {
        let url = targets.get(subject);
        if (url === undefined) targets.set(subject, (url = pathToFileURL(path.resolve(path.dirname(fileName), subject)).toString()));
        return url;
      };
      return a.values
        .filter((v) => v.kind === 'dataFile')
        .map((v) => ({ range: toRange(a, v.span), target: target(String(v.subject)), tooltip: String(v.subject) }));
    }));
    on('textDocument/codeLens', (p: { textDocument: { uri: string } }) => this.settled(p.textDocument.uri, (a) => {
      if (!a) return [];
      // The summary opens the Problems view; blocks that feed a figure get a second lens that opens the preview on it.
      return blockSummaries(a).flatMap((b) => [
        { range: toRange(a, b.span), command: { title: b.title, command: 'workbench.actions.view.problems' } },
        ...(b.figure ? [{ range: toRange(a, b.span), command: { title: '$(graph) Preview plots', command: 'faraday.showPreview', arguments: [p.textDocument.uri, b.figure] } }] : []),
      ]);
    }));
    on('textDocument/completion', (p: P) => {
      const typing = this.completionWhileEditing(p.textDocument.uri, p.position);
      if (typing) return typing;
      const m = this.answering(p.textDocument.uri, p.position);
      return m ? completionItems(m.analysis, m.offset) : [];
    });
    on('textDocument/semanticTokens/full', (p: { textDocument: { uri: string } }) =>
      this.settled(p.textDocument.uri, (a) => (a ? this.tokenResults.full(p.textDocument.uri, encodeSemanticTokens(a).data) : { data: [] })));
    on('textDocument/semanticTokens/full/delta', (p: { textDocument: { uri: string }; previousResultId: string }) =>
      this.settled(p.textDocument.uri, (a) => (a ? this.tokenResults.delta(p.textDocument.uri, p.previousResultId, encodeSemanticTokens(a).data) : { data: [] })));
    // The preview's figures: series already downsampled for display; Vega-Lite specs,
    // or compiled to Vega for the preview panel.
    on(FIGURES_REQUEST, (p: FiguresParams): FiguresResult | Promise<PreviewFiguresResult> | null => {
      const receivedAt = Date.now();
      const doc = this.documents.get(p.uri);
      const a = analysisOf(p.uri);
      if (!doc || !a) return null;
      const analysed = Date.now();
      // The engine changes no figure it is given: those drawn from unchanged files are kept between requests.
      const figures = buildFigures(a, { reuse: true });
      const version = doc.version;
      if (p.format !== 'vega') return { uri: p.uri, version, figures };
      // Figures the preview holds already are neither compiled nor sent again.
      const known = new Set(Array.isArray(p.known) ? p.known : []);
      const order = figures.map((f) => ({ id: f.id, key: figureKey(f) }));
      const built = Date.now();
      return previewFigures(figures.filter((_, i) => !known.has(order[i]!.key))).then((compiled) => {
        const answeredAt = Date.now();
        const timing = { receivedAt, answeredAt, analysisMs: analysed - receivedAt, figuresMs: built - analysed, compileMs: answeredAt - built };
        // Long series travel packed by column; the webview unpacks them (plots/packed-rows.ts).
        return { uri: p.uri, version, order, figures: compiled.map(packFigure), timing };
      });
    });
    // The experimental section for the clipboard, with what it leaves out.
    on(METHODS_REQUEST, (p: MethodsParams): MethodsResult | null => {
      const doc = this.documents.get(p.uri);
      const a = analysisOf(p.uri);
      if (!doc || !a) return null;
      const format = p.format && METHODS_FORMATS.includes(p.format) ? p.format : 'md';
      const { text, problems } = writeMethods(a, format);
      return { uri: p.uri, version: doc.version, format, text, notes: problems.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: toRange(a, d.span) })) };
    });
    const registry = {
      onDocumentFormatting: (h: Handler) => on('textDocument/formatting', h),
      onDocumentRangeFormatting: (h: Handler) => on('textDocument/rangeFormatting', h),
      onDocumentSymbol: (h: Handler) => on('textDocument/documentSymbol', h),
      onWorkspaceSymbol: (h: Handler) => on('workspace/symbol', h),
      onFoldingRanges: (h: Handler) => on('textDocument/foldingRange', h),
      onSelectionRanges: (h: Handler) => on('textDocument/selectionRange', h),
      onDefinition: (h: Handler) => on('textDocument/definition', h),
      onReferences: (h: Handler) => on('textDocument/references', h),
      onDocumentHighlight: (h: Handler) => on('textDocument/documentHighlight', h),
      onPrepareRename: (h: Handler) => on('textDocument/prepareRename', h),
      onRenameRequest: (h: Handler) => on('textDocument/rename', h),
    };
    registerEditorFeatures(registry as unknown as FeatureRegistry, { get: (uri: string) => this.documents.get(uri), all: () => [...this.documents.values()] }, analysisOf);
  }
}

/** A document's current version, for the scheduler: its text is joined only if the analysis runs. */
function snapshot(doc: SyncedDocument): DocumentSnapshot {
  const current = doc.current;
  return { uri: doc.uri, version: doc.version, get text() { return current.text; } };
}
