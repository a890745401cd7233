// Inlay hints: the short form of a computed value right after its source,
// by category so that each category can be switched off in the settings.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import type { HintCategory } from '../analysis/model';
import { SpanIndex } from '../analysis/span-index';

export function inlayHints(analysis: Analysis, range: Range, enabled: (c: HintCategory) => boolean): InlayHint[] {
  const start = analysis.parse.lineIndex.offset(range.start);
  const end = analysis.parse.lineIndex.offset(range.end);
  const hints: InlayHint[] = [];
  // The values ending in the range, found by span (a screenful of a 100 000-line protocol read every value).
  for (const v of SpanIndex.of(analysis.values).endingWithin(start, end)) {
    if (!v.hint || !enabled(v.hint.category)) continue;
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
