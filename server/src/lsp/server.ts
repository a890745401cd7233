// The Faraday language server: a thin shell that schedules analyses of open
// documents and answers editor requests from the latest analysis.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions } from '../analysis/options';
import type { HintCategory } from '../analysis/model';
import { AnalysisScheduler } from './scheduler';
import { toDiagnostic } from './convert';
import { hoverAt } from './hover';
import { inlayHints } from './inlay-hints';
import { codeActions } from './code-actions';
import { defaultSettings, type FaradaySettings, settingsToOptions } from './settings';
import { registerEditorFeatures } from './editor-features';
import { encodeSemanticTokens, semanticTokensLegend } from './semantic-tokens';
import { completionItems } from './completion';
import { blockSummaries } from '../features/code-lens';
import { toRange } from './convert';
import { buildFigures } from '../plots/figures';
import { FIGURES_REQUEST, type FiguresParams, type FiguresResult } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: FaradaySettings = defaultSettings;
/** From the client at start-up: data files are read only in a trusted workspace, only inside its folder. */
let workspace: { trusted: boolean; root?: string } = { trusted: true };

/** docs/diagnostics.md shipped with the extension, linked from every diagnostic code. */
function findDiagnosticsDoc(): string | undefined {
  for (const candidate of [path.join(__dirname, '..', 'docs', 'diagnostics.md'), path.join(__dirname, '..', '..', '..', 'docs', 'diagnostics.md')]) {
    if (fs.existsSync(candidate)) return pathToFileURL(candidate).toString();
  }
  return undefined;
}
const docsUri = findDiagnosticsDoc();

function readOpenOrDisk(file: string): string | undefined {
  const open = documents.get(pathToFileURL(file).toString());
  if (open) return open.getText();
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function optionsFor(uri: string): AnalysisOptions {
  const fileName = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  return { ...settingsToOptions(settings), fileName, readFile: readOpenOrDisk, readData: workspace.trusted, workspaceRoot: workspace.root };
}

const scheduler = new AnalysisScheduler(150, optionsFor, (uri, version, analysis) => {
  const current = documents.get(uri);
  if (!current || current.version !== version) return; // a newer edit is on its way
  void connection.sendDiagnostics({ uri, version, diagnostics: analysis.diagnostics.map((d) => toDiagnostic(analysis, d, uri, docsUri)) });
});

function snapshot(doc: TextDocument) {
  return { uri: doc.uri, version: doc.version, text: doc.getText() };
}

/** Files that import the changed one are analysed again. */
function reanalyseImporters(changedUri: string): void {
  const changedName = path.basename(changedUri.startsWith('file:') ? fileURLToPath(changedUri) : changedUri);
  for (const doc of documents.all()) {
    if (doc.uri !== changedUri && doc.getText().includes(changedName)) scheduler.schedule(snapshot(doc));
  }
}

connection.onInitialize((params): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { trusted?: boolean };
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  workspace = { trusted: init.trusted !== false, root: folder && folder.startsWith('file:') ? fileURLToPath(folder) : undefined };
  return {
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    inlayHintProvider: true,
    codeActionProvider: { codeActionKinds: ['quickfix'] },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    semanticTokensProvider: { legend: semanticTokensLegend, full: true },
    documentLinkProvider: { resolveProvider: false },
    completionProvider: { triggerCharacters: [' '] },
    codeLensProvider: { resolveProvider: false },
  },
  serverInfo: { name: 'faraday-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  try {
    const fetched = (await connection.workspace.getConfiguration('faraday')) as Partial<FaradaySettings> | null;
    settings = { ...defaultSettings, ...(fetched ?? {}), inlayHints: { ...defaultSettings.inlayHints, ...(fetched?.inlayHints ?? {}) } };
  } catch {
    settings = defaultSettings; // the client does not support workspace/configuration
  }
  scheduler.invalidateAll();
  for (const doc of documents.all()) scheduler.schedule(snapshot(doc), true);
  void connection.languages.inlayHint.refresh().catch(() => undefined);
}

connection.onDidChangeConfiguration(() => void refreshSettings());

documents.onDidOpen((e) => scheduler.schedule(snapshot(e.document), true));
documents.onDidChangeContent((e) => {
  scheduler.schedule(snapshot(e.document));
  reanalyseImporters(e.document.uri);
});
documents.onDidClose((e) => {
  scheduler.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

function analysisOf(uri: string) {
  const doc = documents.get(uri);
  return doc ? scheduler.analysisFor(snapshot(doc)) : undefined;
}

connection.onHover((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  if (!analysis) return null;
  return hoverAt(analysis, analysis.parse.lineIndex.offset(params.position));
});

connection.languages.inlayHint.on((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  if (!analysis) return [];
  return inlayHints(analysis, params.range, (c: HintCategory) => settings.inlayHints[c] !== false);
});

connection.onCodeAction((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  if (!analysis) return [];
  return codeActions(analysis, params.textDocument.uri, params.range, docsUri);
});

registerEditorFeatures(connection, documents, analysisOf);

connection.onDocumentLinks((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  const fileName = params.textDocument.uri.startsWith('file:') ? fileURLToPath(params.textDocument.uri) : undefined;
  if (!analysis || !fileName) return [];
  // One link per data string; patterns link to their first expansion's folder.
  return analysis.values
    .filter((v) => v.kind === 'dataFile')
    .map((v) => ({ range: toRange(analysis, v.span), target: pathToFileURL(path.resolve(path.dirname(fileName), String(v.subject))).toString(), tooltip: String(v.subject) }));
});

connection.onCodeLens((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  if (!analysis) return [];
  // The summary opens the Problems view; blocks that feed a figure get a second lens that opens the preview on it.
  return blockSummaries(analysis).flatMap((b) => [
    { range: toRange(analysis, b.span), command: { title: b.title, command: 'workbench.actions.view.problems' } },
    ...(b.figure ? [{ range: toRange(analysis, b.span), command: { title: '$(graph) Preview plots', command: 'faraday.showPreview', arguments: [params.textDocument.uri, b.figure] } }] : []),
  ]);
});

/** The preview's figures for a document: Vega-Lite specs, series already downsampled for display. */
connection.onRequest(FIGURES_REQUEST, (params: FiguresParams): FiguresResult | null => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const analysis = scheduler.analysisFor(snapshot(doc));
  return { uri: params.uri, version: doc.version, figures: buildFigures(analysis) };
});

connection.onCompletion((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? completionItems(analysis, analysis.parse.lineIndex.offset(params.position)) : [];
});

connection.languages.semanticTokens.on((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? encodeSemanticTokens(analysis) : { data: [] };
});

documents.listen(connection);
connection.listen();
