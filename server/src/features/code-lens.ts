// Code lens above each block: how many values it computed and how many
// problems it has, so a long protocol shows at a glance where to look.
import type { Analysis } from '../analysis/analyze';
import type { Span } from '../syntax/ast';
import { diagnosticsInBlock, valuesInBlock } from '../analysis/block-values';

export interface BlockSummary {
  span: Span;
  title: string;
  /** The figure of the preview this block feeds, when it feeds one. */
  figure?: string;
}

/** Which figure a block's data or values appear in. */
function figureOf(analysis: Analysis, s: Analysis['parse']['document']['statements'][number]): string | undefined {
  if (s.kind === 'synthesis') return s.steps.some((st) => st.data) ? 'uvvis' : undefined;
  if (s.kind === 'calibration') return s.name && analysis.facts.calibrationFits.has(s.name.text) ? `calibration-${s.name.text}` : undefined;
  if (s.kind === 'result') return valuesInBlock(analysis, s).some((v) => v.kind === 'faradaicEfficiency') ? 'fe' : undefined;
  if (s.kind === 'run') {
    const t = s.techniques.find((x) => x.data);
    if (!t) return undefined;
    const kind = t.technique.text.toUpperCase();
    return kind === 'LSV' ? 'lsv' : kind === 'CA' ? 'it' : kind === 'EIS' ? 'nyquist' : kind === 'CV' ? 'cdl' : undefined;
  }
  return undefined;
}

export function blockSummaries(analysis: Analysis): BlockSummary[] {
  const out: BlockSummary[] = [];
  for (const s of analysis.parse.document.statements) {
    if (!('bodySpan' in s)) continue;
    const values = valuesInBlock(analysis, s).length;
    const problems = diagnosticsInBlock(analysis, s);
    const errors = problems.filter((d) => d.severity === 'error').length;
    const warnings = problems.filter((d) => d.severity === 'warning').length;
    const parts = [`${values} computed value${values === 1 ? '' : 's'}`];
    if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
    if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
    out.push({ span: { start: s.span.start, end: s.span.start }, title: parts.join(' · '), figure: figureOf(analysis, s) });
  }
  return out;
}
