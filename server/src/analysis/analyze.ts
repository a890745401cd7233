// The analysis core's entry point: text in, diagnostics and computed values
// out. A pure function of the text and the options; the language server only
// decides when to call it.
import { ParseSession, parseFaraday, type ParseResult } from '../syntax/parse';
import { AnalysisCancelled, AnalysisContext, type AnalysisPass, type Facts } from './context';
import type { AnalysisDiagnostic, ComputedValue } from './model';
import type { AnalysisOptions } from './options';
import type { SymbolTable } from './symbols';
import { namesPass } from './passes/names';
import { unusedPass } from './passes/unused';
import { analysisPasses } from './passes';
import { UNITS } from './incremental/units';

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
  return analyseParsed(parseFaraday(text), text, options, false).analysis;
}

/**
 * Analyses successive versions of one document (the language server keeps one
 * per open file). Each analysis equals \`analyze\` of the same text and options;
 * it re-parses only the chunks an edit touched and replays, from the previous
 * analysis, every block whose text and inputs are unchanged (incremental/).
 * An analysis it returned shares its unchanged nodes with the next one, which
 * moves them to their new offsets: use only the newest.
 */
export class AnalysisSession {
  private readonly parser = new ParseSession();
  private optionsKey: string | undefined;
  /** Blocks run and replayed by the last analysis, per pass (benchmark and tests). */
  lastUnits = { ran: 0, replayed: 0 };
  /** Milliseconds of the last analysis: the parse, then each pass in order (the language server's FARADAY_TIMING). */
  lastTimings: { parse: number; passes: [string, number][] } = { parse: 0, passes: [] };

  analyze(text: string, options: AnalysisOptions = {}): Analysis {
    const started = performance.now();
    const parse = this.parser.parse(text);
    this.lastTimings = { parse: performance.now() - started, passes: [] };
    const key = JSON.stringify(options, (_, v: unknown) => (typeof v === 'function' ? undefined : v));
    if (key !== this.optionsKey) {
      // Other settings can change any block's result: nothing kept is used.
      for (const chunk of parse.chunks) chunk.memo.delete(UNITS);
      this.optionsKey = key;
    }
    const { analysis, ctx } = analyseParsed(parse, text, options, true, this.lastTimings.passes);
    this.lastUnits = { ...ctx.units!.counts };
    return analysis;
  }
}

function analyseParsed(parse: ParseResult, text: string, options: AnalysisOptions, keepUnits: boolean, passTimes?: [string, number][]): { analysis: Analysis; ctx: AnalysisContext } {
  const stopIfCancelled = () => {
    if (options.isCancelled?.()) throw new AnalysisCancelled();
  };
  stopIfCancelled();
  const ctx = new AnalysisContext(parse, text, options, keepUnits);
  for (const p of parse.problems) ctx.report(p.code, p.severity, p.message, p.span);
  const passes: [string, AnalysisPass][] = [['names', namesPass], ...analysisPasses, ['unused', unusedPass]];
  for (const [name, pass] of passes) {
    const started = performance.now();
    pass(ctx);
    ctx.passEnded();
    passTimes?.push([name, performance.now() - started]);
    stopIfCancelled();
  }
  const diagnostics = ctx.diagnostics.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  // A plain copy of the tracked list, by index (Array.from went through its iterator, an object per value).
  const values = keepUnits ? (Array.prototype.slice.call(ctx.values) as ComputedValue[]) : ctx.values;
  const facts = keepUnits ? untracked(ctx.facts) : ctx.facts;
  return { analysis: { text, parse, diagnostics, values, symbols: ctx.symbols, facts }, ctx };
}

/** A plain copy of a (tracked) Map, entry by entry: through its iterator, each entry was two objects more. */
function plainMap<K, V>(tracked: Map<K, V>): Map<K, V> {
  const out = new Map<K, V>();
  Map.prototype.forEach.call(tracked, (value: V, key: K) => out.set(key, value));
  return out;
}

/** Plain maps, sets and arrays in place of the tracked ones, for everything after the analysis. */
function untracked(facts: Facts): Facts {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) {
    out[k] = v instanceof Map ? plainMap(v) : v instanceof Set ? new Set(Set.prototype.values.call(v)) : Array.isArray(v) ? Array.prototype.slice.call(v) : v;
  }
  return out as unknown as Facts;
}
