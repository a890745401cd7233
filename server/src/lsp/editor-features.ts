// LSP handlers for formatting, outline, folding, selection ranges and
// navigation. Each converts a core result; none analyses anything itself.
import {
  type Connection, type TextDocuments, DocumentHighlightKind, FoldingRangeKind, LSPErrorCodes, ResponseError, SymbolKind as LspSymbolKind,
  type DocumentSymbol, type SelectionRange, type TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis/analyze';
import { formatText } from '../features/format';
import { outline, type OutlineItem } from '../features/outline';
import { foldingRanges } from '../features/folding';
import { occurrences, renameProblem, symbolAt } from '../features/navigation';
import { toRange } from './convert';
import { SpanIndex } from '../analysis/span-index';
import { splitLines } from '../text/line-ends';
import type { Chunk } from '../syntax/parse';
import type { IToken } from 'chevrotain';

const SYMBOL_KIND: Partial<Record<OutlineItem['kind'], LspSymbolKind>> = {
  synthesis: LspSymbolKind.Function, ink: LspSymbolKind.Struct, electrolyte: LspSymbolKind.Struct, electrode: LspSymbolKind.Struct, cell: LspSymbolKind.Class,
  run: LspSymbolKind.Event, reaction: LspSymbolKind.Operator, calibration: LspSymbolKind.Interface, result: LspSymbolKind.Object,
  plan: LspSymbolKind.Object, crystal: LspSymbolKind.Struct, ligand: LspSymbolKind.Constant, reagent: LspSymbolKind.Constant,
  cluster: LspSymbolKind.Constant, step: LspSymbolKind.Method, technique: LspSymbolKind.Method, reading: LspSymbolKind.Field,
  setting: LspSymbolKind.Property, protocol: LspSymbolKind.File, import: LspSymbolKind.Module, reference: LspSymbolKind.Property,
};

function wholeDocumentEdit(doc: TextDocument, formatted: string): TextEdit[] {
  if (formatted === doc.getText()) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: formatted }];
}

/** The part of a connection the features register on (the analysis worker supplies its own). */
export type FeatureRegistry = Pick<Connection,
  'onDocumentFormatting' | 'onDocumentRangeFormatting' | 'onDocumentSymbol' | 'onWorkspaceSymbol' | 'onFoldingRanges' | 'onSelectionRanges'
  | 'onDefinition' | 'onReferences' | 'onDocumentHighlight' | 'onPrepareRename' | 'onRenameRequest'>;

export function registerEditorFeatures(
  connection: FeatureRegistry,
  documents: Pick<TextDocuments<TextDocument>, 'get' | 'all'>,
  analysisOf: (uri: string) => Analysis | undefined,
): void {
  connection.onDocumentFormatting((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    // The analysis of this version has the parse the formatter needs to know which statements are broken.
    return wholeDocumentEdit(doc, formatText(doc.getText(), { indent: params.options.insertSpaces ? ' '.repeat(params.options.tabSize) : '\t', syntaxProblems: analysisOf(doc.uri)?.parse.problems }));
  });

  connection.onDocumentRangeFormatting((params) => {
    // Layout depends on the enclosing blocks, so format everything and keep the edited lines.
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    // Lines as LSP counts them (\r\n, \n and a lone \r end one): with a lone \r kept inside a line, every
    // edit after it went to the line above (found by npm run fuzz, seed 20261215).
    const formatted = splitLines(formatText(doc.getText(), { indent: params.options.insertSpaces ? ' '.repeat(params.options.tabSize) : '\t', syntaxProblems: analysisOf(doc.uri)?.parse.problems }));
    const original = splitLines(doc.getText());
    // Line for line only when each line is the same line (the formatter changes white space only). A blank
    // line taken out above the range and a final newline added below it keep the count, not the pairing:
    // the range's lines were replaced by their neighbours (found by npm run fuzz, seed 20261216).
    const aligned = formatted.length === original.length && formatted.every((l, i) => l.trim() === original[i]!.trim());
    if (!aligned) return wholeDocumentEdit(doc, formatted.join('\n'));
    const edits: TextEdit[] = [];
    for (let line = params.range.start.line; line <= params.range.end.line && line < original.length; line++) {
      if (formatted[line] !== original[line]) edits.push({ range: { start: { line, character: 0 }, end: { line, character: original[line]!.length } }, newText: formatted[line]! });
    }
    return edits;
  });

  connection.onDocumentSymbol((params) => {
    const analysis = analysisOf(params.textDocument.uri);
    if (!analysis) return [];
    const convert = (i: OutlineItem): DocumentSymbol => ({
      name: i.name || i.kind,
      detail: i.detail,
      kind: SYMBOL_KIND[i.kind] ?? LspSymbolKind.Variable,
      range: toRange(analysis, i.span),
      selectionRange: toRange(analysis, i.selectionSpan),
      children: i.children.map(convert),
    });
    return outline(analysis.parse.document, analysis.text).map(convert);
  });

  connection.onWorkspaceSymbol((params) => {
    const query = params.query.toLowerCase();
    const out = [];
    for (const doc of documents.all()) {
      const analysis = analysisOf(doc.uri);
      if (!analysis) continue;
      for (const d of analysis.symbols.decls) {
        if (d.file || !d.name.toLowerCase().includes(query)) continue;
        out.push({ name: d.name, kind: SYMBOL_KIND[d.kind] ?? LspSymbolKind.Variable, containerName: d.kind, location: { uri: doc.uri, range: toRange(analysis, d.nameSpan) } });
      }
    }
    return out;
  });

  connection.onFoldingRanges((params) => {
    const analysis = analysisOf(params.textDocument.uri);
    if (!analysis) return [];
    return foldingRanges(analysis.parse.document, analysis.parse.lineIndex).map((f) => ({
      startLine: f.startLine,
      endLine: f.endLine,
      kind: f.kind === 'comment' ? FoldingRangeKind.Comment : f.kind === 'region' ? FoldingRangeKind.Region : undefined,
    }));
  });

  connection.onSelectionRanges((params) => {
    const analysis = analysisOf(params.textDocument.uri);
    if (!analysis) return [];
    return params.positions.map((position) => {
      const offset = analysis.parse.lineIndex.offset(position);
      // Word, then value spans, then the statement, then the block: each containing the previous.
      const spans = [
        ...SpanIndex.of(analysis.values).at(offset).map((v) => v.span),
        ...analysis.parse.document.statements.flatMap((s) => ('bodySpan' in s ? [s.span, { start: s.span.start, end: s.bodySpan.end }] : [s.span])),
      ].filter((s) => s.start <= offset && offset <= s.end);
      const tok = tokenAt(analysis.parse.chunks, offset);
      if (tok) spans.push({ start: tok.startOffset, end: tok.endOffset! + 1 });
      const unique = [...new Map(spans.map((s) => [`${s.start}:${s.end}`, s])).values()].sort((a, b) => a.end - a.start - (b.end - b.start));
      let range: SelectionRange | undefined;
      for (const s of unique.reverse()) range = { range: toRange(analysis, s), parent: range };
      // Nothing holds the offset: the cursor itself, within the document (a position past its end is clamped).
      const at = analysis.parse.lineIndex.position(offset);
      return range ?? { range: { start: at, end: at } };
    });
  });

  connection.onDefinition((params) => {
    const analysis = analysisOf(params.textDocument.uri);
    const hit = analysis && symbolAt(analysis, analysis.parse.lineIndex.offset(params.position));
    if (!analysis || !hit || hit.decl.file) return null;
    return { uri: params.textDocument.uri, range: toRange(analysis, hit.decl.nameSpan) };
  });

  connection.onReferences((params) => {
    const analysis = analysisOf(params.textDocument.uri);
    const hit = analysis && symbolAt(analysis, analysis.parse.lineIndex.offset(params.position));
    if (!analysis || !hit) return [];
    return occurrences(analysis, hit.decl)
      .filter((o) => params.context.includeDeclaration || !o.isDeclaration)
      .map((o) => ({ uri: params.textDocument.uri, range: toRange(analysis, o.span) }));
  });

  connection.onDocumentHighlight((params) => {
    const analysis = analysisOf(params.textDocument.uri);
    const hit = analysis && symbolAt(analysis, analysis.parse.lineIndex.offset(params.position));
    if (!analysis || !hit) return [];
    return occurrences(analysis, hit.decl).map((o) => ({ range: toRange(analysis, o.span), kind: o.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  });

  connection.onPrepareRename((params) => {
    const analysis = analysisOf(params.textDocument.uri);
    const hit = analysis && symbolAt(analysis, analysis.parse.lineIndex.offset(params.position));
    if (!analysis || !hit) return null;
    return { range: toRange(analysis, hit.span), placeholder: hit.decl.name };
  });

  connection.onRenameRequest((params) => {
    const analysis = analysisOf(params.textDocument.uri);
    const hit = analysis && symbolAt(analysis, analysis.parse.lineIndex.offset(params.position));
    if (!analysis || !hit) return null;
    const problem = renameProblem(analysis, hit.decl, params.newName);
    // LSP's code for a well-formed request refused (the editor shows the message).
    if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, `cannot rename: ${problem}`);
    return { changes: { [params.textDocument.uri]: occurrences(analysis, hit.decl).map((o) => ({ range: toRange(analysis, o.span), newText: params.newName })) } };
  });
}

/**
 * The first token that holds `offset` (its end included), read from the chunks around it only: the
 * tokens of the whole text, joined, kept every chunk's tokens for the rest of the session.
 */
function tokenAt(chunks: readonly Chunk[], offset: number): IToken | undefined {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  // A token that ends where the next chunk starts comes first, as in the text's order.
  for (const chunk of [chunks[low - 1], chunks[low]]) {
    if (!chunk || offset > chunk.end) continue;
    const t = chunk.tokens.find((x) => x.startOffset <= offset && offset <= x.endOffset! + 1);
    if (t) return t;
  }
  return undefined;
}
