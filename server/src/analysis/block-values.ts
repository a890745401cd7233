// What belongs to one block: the computed values and diagnostics whose range
// lies in its header or body. Code lenses, the paper's tables and the FE
// figure all ask this of result, crystal and other blocks.
import type { Analysis } from './analyze';
import type { Span } from '../syntax/ast';
import type { AnalysisDiagnostic, ComputedValue } from './model';
import { SpanIndex } from './span-index';

export function inBlock(block: { span: Span; bodySpan: Span }, x: Span): boolean {
  return x.start >= block.span.start && x.end <= blockEnd(block);
}

export function valuesInBlock(analysis: Analysis, block: { span: Span; bodySpan: Span }): ComputedValue[] {
  return SpanIndex.of(analysis.values).within(block.span.start, blockEnd(block));
}

/** The diagnostics whose range lies in the block (as `inBlock` says), in the analysis's order. */
export function diagnosticsInBlock(analysis: Analysis, block: { span: Span; bodySpan: Span }): AnalysisDiagnostic[] {
  return SpanIndex.of(analysis.diagnostics).within(block.span.start, blockEnd(block));
}

function blockEnd(block: { span: Span; bodySpan: Span }): number {
  return Math.max(block.span.end, block.bodySpan.end);
}

/** A node as written in the source (`-0.8 V vs RHE`, `600 C`); empty when absent. */
export function writtenText(analysis: Analysis, node: { span: Span } | undefined): string {
  return node ? analysis.text.slice(node.span.start, node.span.end) : '';
}

/** What a result was run at, as written: `-0.8 V vs RHE`, `3.2 V cell voltage` or `200 mA/cm2`. */
export function conditionText(analysis: Analysis, r: { potential?: { span: Span }; cellVoltage?: { span: Span }; setCurrent?: { span: Span } }): string {
  if (r.potential) return writtenText(analysis, r.potential);
  if (r.cellVoltage) return `${writtenText(analysis, r.cellVoltage)} cell voltage`;
  return writtenText(analysis, r.setCurrent);
}
