// Inlay hints: the short form of a computed value right after its source,
// by category so that each category can be switched off in the settings.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import type { HintCategory } from '../analysis/model';

export function inlayHints(analysis: Analysis, range: Range, enabled: (c: HintCategory) => boolean): InlayHint[] {
  const start = analysis.parse.lineIndex.offset(range.start);
  const end = analysis.parse.lineIndex.offset(range.end);
  const hints: InlayHint[] = [];
  for (const v of analysis.values) {
    if (!v.hint || !enabled(v.hint.category)) continue;
    if (v.span.end < start || v.span.end > end) continue;
    hints.push({
      position: analysis.parse.lineIndex.position(v.span.end),
      label: v.hint.text,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: v.detail ? { kind: 'markdown', value: v.detail } : undefined,
    });
  }
  return hints;
}
