// Code lens above each block: how many values it computed and how many
// problems it has, so a long protocol shows at a glance where to look.
import type { Analysis } from '../analysis/analyze';
import type { Span } from '../syntax/ast';

export interface BlockSummary {
  span: Span;
  title: string;
}

export function blockSummaries(analysis: Analysis): BlockSummary[] {
  const out: BlockSummary[] = [];
  for (const s of analysis.parse.document.statements) {
    if (!('bodySpan' in s)) continue;
    const end = Math.max(s.span.end, s.bodySpan.end);
    const inside = (x: Span) => x.start >= s.span.start && x.end <= end;
    const values = analysis.values.filter((v) => inside(v.span)).length;
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error' && inside(d.span)).length;
    const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning' && inside(d.span)).length;
    const parts = [`${values} computed value${values === 1 ? '' : 's'}`];
    if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
    if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
    out.push({ span: { start: s.span.start, end: s.span.start }, title: parts.join(' · ') });
  }
  return out;
}
