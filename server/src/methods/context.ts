// What the sentence builders share while one Methods section is written: the
// analysis they read (syntax tree, computed values, facts) and the list of
// facts they had to leave out, with the reason.
import type { Analysis } from '../analysis/analyze';
import type { AnalysisDiagnostic, ComputedValue } from '../analysis/model';
import type { Severity } from '../analysis/diagnostic-info';
import type { BlockNode, CellBlock, Span, TopLevelNode } from '../syntax/ast';
import { SpanIndex } from '../analysis/span-index';

export class MethodsContext {
  readonly problems: AnalysisDiagnostic[] = [];
  /** Each kind's blocks and values, grouped in one pass when first asked: the builders ask per block and per line. */
  private blocksByKind?: Map<string, TopLevelNode[]>;
  private valuesByKind?: Map<string, ComputedValue[]>;
  private readonly problemKeys = new Set<string>();

  constructor(readonly analysis: Analysis) {}

  get statements(): TopLevelNode[] {
    return this.analysis.parse.document.statements;
  }

  blocks<K extends BlockNode['kind']>(kind: K): Extract<BlockNode, { kind: K }>[] {
    this.blocksByKind ??= groupBy(this.statements, (s) => s.kind);
    return [...(this.blocksByKind.get(kind) ?? [])] as Extract<BlockNode, { kind: K }>[];
  }

  /** The cell the runs use first, else the first cell: described in full, and its catholyte volume is the FE formula's V. */
  mainCell(): CellBlock | undefined {
    const name = this.blocks('run').find((r) => r.cell)?.cell?.text;
    return this.blocks('cell').find((c) => c.name?.text === name) ?? this.blocks('cell')[0];
  }

  /** The computed value of `kind` the analysis attached to exactly this node. */
  valueAt(kind: string, span: Span): ComputedValue | undefined {
    return SpanIndex.of(this.analysis.values).at(span.start).find((v) => v.kind === kind && v.span.start === span.start && v.span.end === span.end);
  }

  valuesOf(kind: string): ComputedValue[] {
    this.valuesByKind ??= groupBy(this.analysis.values, (v) => v.kind);
    return [...(this.valuesByKind.get(kind) ?? [])];
  }

  /** Errors and warnings of the analysis inside a span: why a value is missing. */
  reasonsIn(span: Span): AnalysisDiagnostic[] {
    return SpanIndex.of(this.analysis.diagnostics).within(span.start, span.end).filter((d) => d.severity === 'error' || d.severity === 'warning');
  }

  textOf(node: { span: Span } | undefined): string {
    return node ? this.analysis.text.slice(node.span.start, node.span.end) : '';
  }

  problem(code: string, severity: Severity, message: string, span: Span): void {
    const key = `${code}\u0000${span.start}\u0000${message}`;
    if (this.problemKeys.has(key)) return;
    this.problemKeys.add(key);
    this.problems.push({ code, severity, message, span });
  }
}

/** The items by key, each list in the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
