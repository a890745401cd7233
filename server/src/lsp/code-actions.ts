// Quick fixes: every fix the analysis attached to a diagnostic in the range.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { toDiagnostic, toRange } from './convert';

export function codeActions(analysis: Analysis, uri: string, range: Range, docsUri: string | undefined): CodeAction[] {
  const start = analysis.parse.lineIndex.offset(range.start);
  const end = analysis.parse.lineIndex.offset(range.end);
  const actions: CodeAction[] = [];
  for (const d of analysis.diagnostics) {
    if (!d.fixes?.length || d.span.end < start || d.span.start > end) continue;
    const diagnostic: Diagnostic = toDiagnostic(analysis, d, uri, docsUri);
    for (const fix of d.fixes) {
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
