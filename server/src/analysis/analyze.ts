// The analysis core's entry point: text in, diagnostics and computed values
// out. A pure function of the text and the options; the language server only
// decides when to call it.
import { parseFaraday, type ParseResult } from '../syntax/parse';
import { AnalysisCancelled, AnalysisContext, type AnalysisPass, type Facts } from './context';
import type { AnalysisDiagnostic, ComputedValue } from './model';
import type { AnalysisOptions } from './options';
import type { SymbolTable } from './symbols';
import { namesPass } from './passes/names';
import { unusedPass } from './passes/unused';
import { analysisPasses } from './passes';

export interface Analysis {
  text: string;
  parse: ParseResult;
  diagnostics: AnalysisDiagnostic[];
  values: ComputedValue[];
  symbols: SymbolTable;
  /** What the passes learned: data files read, fits, scale offsets (plots use them). */
  facts: Facts;
}

export { AnalysisCancelled } from './context';

export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  const stopIfCancelled = () => {
    if (options.isCancelled?.()) throw new AnalysisCancelled();
  };
  const parse = parseFaraday(text);
  stopIfCancelled();
  const ctx = new AnalysisContext(parse, text, options);
  for (const p of parse.problems) ctx.report(p.code, p.severity, p.message, p.span);
  const passes: AnalysisPass[] = [namesPass, ...analysisPasses, unusedPass];
  for (const pass of passes) {
    pass(ctx);
    stopIfCancelled();
  }
  const diagnostics = ctx.diagnostics.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { text, parse, diagnostics, values: ctx.values, symbols: ctx.symbols, facts: ctx.facts };
}
