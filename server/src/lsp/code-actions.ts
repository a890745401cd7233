// Quick fixes: every fix the analysis attached to a diagnostic in the range.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { toDiagnostic, toRange } from './convert';

/**
 * Quick fixes one request answers at most, in document order: the menu of a selection shows no more,
 * and a selection of a whole 100 000-line protocol whose results each fitted 948 cells asked for 1.8
 * million fixes, an answer longer than a JavaScript string ("Invalid string length").
 */
export const MAX_CODE_ACTIONS = 1000;

export function codeActions(analysis: Analysis, uri: string, range: Range, docsUri: string | undefined): CodeAction[] {
  const start = analysis.parse.lineIndex.offset(range.start);
  const end = analysis.parse.lineIndex.offset(range.end);
  const actions: CodeAction[] = [];
  for (const d of analysis.diagnostics) {
    if (actions.length >= MAX_CODE_ACTIONS) break;
    if (!d.fixes?.length || d.span.end < start || d.span.start > end) continue;
    const diagnostic: Diagnostic = toDiagnostic(analysis, d, uri, docsUri);
    for (const fix of d.fixes) {
      if (actions.length >= MAX_CODE_ACTIONS) break;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: toRange(analysis, e.span), newText: e.newText })) } },
      });
    }
  }
  return actions;
}
