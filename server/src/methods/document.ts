// The Methods section as structure, before any output format: sections of
// paragraphs (made of sentences), display equations and tables, whose text is
// a list of inline runs that say what they are (a chemical formula, a unit, a
// quantity, math), so each renderer can set them its own way.
import type { Span } from '../syntax/ast';
import type { AnalysisDiagnostic } from '../analysis/model';

export type Inline =
  | { kind: 'text'; text: string }
  /** A chemical formula as written (`HAuCl4·4H2O`, `NO3-`): digits become subscripts, charges superscripts. */
  | { kind: 'formula'; text: string }
  /** A number already formatted, and its unit as written in the protocol (`cm2`, `µL`, `mV/s`). */
  | { kind: 'quantity'; value: string; unit?: string }
  /** A unit on its own (`mg/L` in a table header). */
  | { kind: 'unit'; text: string }
  /** A Hermann–Mauguin symbol as written (`P21/n`, `P-1`). */
  | { kind: 'spaceGroup'; text: string }
  | { kind: 'math'; nodes: MathNode[] };

export type MathNode =
  /** A variable: `E` with subscript `RHE`, `R` with superscript `2`. */
  | { kind: 'var'; name: string; sub?: string; sup?: string }
  | { kind: 'num'; text: string }
  | { kind: 'unit'; text: string }
  | { kind: 'op'; op: '=' | '+' | '−' | '×' | '·' }
  | { kind: 'frac'; num: MathNode[]; den: MathNode[] }
  /** Upright words inside math (`pH`). */
  | { kind: 'word'; text: string };

export interface Sentence {
  inlines: Inline[];
  /** The protocol lines it was written from. */
  source?: Span;
}

export type Block =
  | { kind: 'paragraph'; sentences: Sentence[] }
  | { kind: 'equation'; nodes: MathNode[] }
  | { kind: 'table'; caption: Inline[]; header: Inline[][]; rows: Inline[][][] };

export interface Section {
  /** Stable id: `synthesis:Au28Cu12`, `electrochemistry`, `quantification`, `crystal`. */
  id: string;
  title: Inline[];
  blocks: Block[];
}

export interface MethodsDocument {
  title?: string;
  sections: Section[];
  /** What the text leaves out and why (codes FD09xx), located in the protocol. */
  problems: AnalysisDiagnostic[];
}

export type MethodsFormat = 'md' | 'tex' | 'docx-ready-md';
export const METHODS_FORMATS: readonly MethodsFormat[] = ['md', 'tex', 'docx-ready-md'];

// ── Builders ────────────────────────────────────────────────────────────────

export const text = (t: string): Inline => ({ kind: 'text', text: t });
export const formula = (t: string): Inline => ({ kind: 'formula', text: t });
export const quantity = (value: string, unit?: string): Inline => ({ kind: 'quantity', value, unit });
export const math = (...nodes: MathNode[]): Inline => ({ kind: 'math', nodes });

export type Part = string | Inline | Part[] | undefined | false;

/** Flattens parts into inlines: strings become text, empty parts vanish, neighbouring text merges. */
export function inlines(...parts: Part[]): Inline[] {
  const out: Inline[] = [];
  const walk = (p: Part) => {
    if (p === undefined || p === false || p === '') return;
    if (typeof p === 'string') p = text(p);
    if (Array.isArray(p)) return p.forEach(walk);
    const last = out[out.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') out[out.length - 1] = text(last.text + p.text);
    else out.push(p);
  };
  parts.forEach(walk);
  return out;
}

/** `a`, `a and b`, `a, b and c`. */
export function list(items: Part[][] | Part[], conjunction = 'and'): Inline[] {
  const parts = items.filter((x) => x !== undefined && x !== false && !(Array.isArray(x) && x.length === 0));
  const out: Part[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(i === parts.length - 1 ? ` ${conjunction} ` : ', ');
    out.push(p);
  });
  return inlines(out);
}

/** A sentence from parts: the first letter capitalised, a full stop at the end. */
export function sentence(source: Span | undefined, ...parts: Part[]): Sentence {
  const s = clause(source, ...parts);
  const first = s.inlines[0];
  if (first?.kind === 'text') s.inlines[0] = text(capitalise(first.text));
  return s;
}

/** A sentence that continues the one before a display equation (`where n is …`): lower case, a full stop at the end. */
export function clause(source: Span | undefined, ...parts: Part[]): Sentence {
  const runs = inlines(...parts);
  const last = runs[runs.length - 1];
  if (last?.kind === 'text') runs[runs.length - 1] = text(last.text.replace(/\s+$/, '') + (/[.!?:]$/.test(last.text.trim()) ? '' : '.'));
  else runs.push(text('.'));
  return { inlines: runs, source };
}

/** Capitalises a sentence start; a locant or stereo prefix keeps its case (`n-Hexane`, `4-tert-Butyl…`). */
export function capitalise(s: string): string {
  const m = /^((?:(?:[0-9,′']+|n|sec|tert|iso|cis|trans|o|m|p|N|N,N′?)-)+)?([a-z])/.exec(s);
  if (!m) return s;
  const prefix = m[1] ?? '';
  return prefix + m[2]!.toUpperCase() + s.slice(prefix.length + 1);
}

/** Lower-cases the first letter when a sentence becomes a clause (`When …, a solution …`). */
export function uncapitalise(runs: Inline[]): Inline[] {
  const first = runs[0];
  if (first?.kind !== 'text' || !/^[A-Z][a-z]/.test(first.text)) return runs;
  return [text(first.text[0]!.toLowerCase() + first.text.slice(1)), ...runs.slice(1)];
}

/** The plain text of inlines, for tests and for messages. */
export function plainText(runs: Inline[]): string {
  return runs.map((r) => {
    switch (r.kind) {
      case 'text': case 'formula': case 'unit': case 'spaceGroup': return r.text;
      case 'quantity': return r.unit ? `${r.value}${/^(°|deg|′|″|')$/.test(r.unit) ? '' : ' '}${r.unit}` : r.value;
      case 'math': return r.nodes.map((n) => (n.kind === 'op' ? ` ${n.op} ` : n.kind === 'frac' ? '(…)/(…)' : 'text' in n ? n.text : n.name)).join('');
    }
  }).join('');
}
