// Hover: the computed values whose source span holds the cursor, with how
// each was obtained.
import type { Hover, Range } from 'vscode-languageserver';
import type { Span } from '../syntax/ast';
import type { Analysis } from '../analysis/analyze';
import { toRange } from './convert';
import { SpanIndex } from '../analysis/span-index';

export function hoverAt(analysis: Analysis, offset: number, range: (span: Span) => Range = (span) => toRange(analysis, span)): Hover | null {
  const hits = SpanIndex.of(analysis.values).at(offset);
  if (hits.length === 0) return null;
  // The innermost span first: hovering `CuCl` in a reagent line shows the species before the line.
  hits.sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
  const innermost = hits[0]!.span;
  const sections = hits.map((v) => (v.detail ? `**${v.label}** — ${v.kind}\n\n${v.detail}` : `**${v.label}** — ${v.kind}`));
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: range(innermost) };
}
