// What the sentence builders share while one Methods section is written: the
// analysis they read (syntax tree, computed values, facts) and the list of
// facts they had to leave out, with the reason.
import type { Analysis } from '../analysis/analyze';
import type { AnalysisDiagnostic, ComputedValue } from '../analysis/model';
import type { Severity } from '../analysis/diagnostic-info';
import type { BlockNode, CellBlock, Span, TopLevelNode } from '../syntax/ast';

export class MethodsContext {
  readonly problems: AnalysisDiagnostic[] = [];

  constructor(readonly analysis: Analysis) {}

  get statements(): TopLevelNode[] {
    return this.analysis.parse.document.statements;
  }

  blocks<K extends BlockNode['kind']>(kind: K): Extract<BlockNode, { kind: K }>[] {
    return this.statements.filter((s): s is Extract<BlockNode, { kind: K }> => s.kind === kind);
  }

  /** The cell the runs use first, else the first cell: described in full, and its catholyte volume is the FE formula's V. */
  mainCell(): CellBlock | undefined {
    const name = this.blocks('run').find((r) => r.cell)?.cell?.text;
    return this.blocks('cell').find((c) => c.name?.text === name) ?? this.blocks('cell')[0];
  }

  /** The computed value of `kind` the analysis attached to exactly this node. */
  valueAt(kind: string, span: Span): ComputedValue | undefined {
    return this.analysis.values.find((v) => v.kind === kind && v.span.start === span.start && v.span.end === span.end);
  }

  valuesOf(kind: string): ComputedValue[] {
    return this.analysis.values.filter((v) => v.kind === kind);
  }

  /** Errors and warnings of the analysis inside a span: why a value is missing. */
  reasonsIn(span: Span): AnalysisDiagnostic[] {
    return this.analysis.diagnostics.filter((d) => (d.severity === 'error' || d.severity === 'warning') && d.span.start >= span.start && d.span.end <= span.end);
  }

  textOf(node: { span: Span } | undefined): string {
    return node ? this.analysis.text.slice(node.span.start, node.span.end) : '';
  }

  problem(code: string, severity: Severity, message: string, span: Span): void {
    if (this.problems.some((p) => p.code === code && p.span.start === span.start && p.message === message)) return;
    this.problems.push({ code, severity, message, span });
  }
}
