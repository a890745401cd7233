// Formulas as cluster chemists write them: nested () and [] with counts,
// adducts and hydrates (`HAuCl4·4H2O`, `Ph3P.BPh3`), charges (`NO3-`,
// `[Au25(PET)18]-`, `SO4^2-`, `Fe3+`), Unicode sub- and superscripts, and
// abbreviations (`SR` from the file, `Ph`, `tBu`, `TOA` from the library).
// Hand-written: the npm mf-parser reads `[...]` as isotopes and misreads
// hydrates, which are the everyday notation here.
import { ELEMENTS } from '../data/atomic-weights';
import { ABBREVIATIONS } from '../data/abbreviations';
import { formatExact } from '../units/format';

export type Composition = Map<string, number>;

export interface Formula {
  composition: Composition;
  charge: number;
  /** Abbreviations the formula used, for navigation and hovers. */
  abbreviations: string[];
}

export interface FormulaError {
  message: string;
  /** Offset of the offending character within the formula text. */
  offset: number;
  length: number;
}

export type FormulaParse = { formula: Formula } | { error: FormulaError };

const SUBSCRIPTS: Record<string, string> = { '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9' };
const SUPERSCRIPTS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁺': '+', '⁻': '-' };
const ADDUCT = new Set(['·', '•', '⋅', '∙', '.', '*']);

const LIBRARY_ABBREVIATIONS = new Map(ABBREVIATIONS.map((a) => [a.symbol, a.formula]));

class FormulaError_ extends Error {
  constructor(readonly detail: FormulaError) {
    super(detail.message);
  }
}

/**
 * Counts and charges are bounded so that every element total stays an exact integer (the reaction
 * balance works in exact fractions of them): a pasted run of digits is an error, not Infinity.
 */
const MAX_COUNT = 100_000;
const MAX_COUNT_TEXT = '100 000';
const MAX_ATOMS = 1e12;

function add(into: Composition, from: Composition, times: number): void {
  for (const [el, n] of from) into.set(el, (into.get(el) ?? 0) + n * times);
}

interface Context {
  abbreviations: (symbol: string) => string | undefined;
  /** Abbreviations being expanded, to catch `ligand X = X`. */
  expanding: Set<string>;
  used: Set<string>;
}

/** Deepest bracket nesting read; real formulas use two or three levels, a damaged file thousands. */
const MAX_BRACKET_DEPTH = 32;

class Reader {
  i = 0;
  private depth = 0;
  constructor(
    readonly s: string,
    readonly ctx: Context,
    /** Offsets of `s` within the text as written, for error columns. */
    readonly origin: number[],
  ) {}

  fail(message: string, at = this.i, length = 1): never {
    const offset = this.origin[Math.min(at, this.origin.length - 1)] ?? 0;
    throw new FormulaError_({ message, offset, length });
  }

  count(): number | undefined {
    const m = /^\d+/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    const n = Number(m[0]);
    if (n === 0) this.fail('a count of 0 is not allowed', this.i - m[0].length, m[0].length);
    if (n > MAX_COUNT) this.fail(`a count above ${MAX_COUNT_TEXT} is not a formula count`, this.i - m[0].length, m[0].length);
    return n;
  }

  /** Sequence of groups until a closing bracket, an adduct dot, a charge or the end. */
  sequence(closer?: string): Composition {
    const comp: Composition = new Map();
    let any = false;
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === ')' || c === ']') {
        if (!closer) this.fail(`\`${c}\` closes nothing`);
        if (c !== closer) this.fail(`expected \`${closer}\` but found \`${c}\``);
        break;
      }
      if (ADDUCT.has(c) || c === '+' || c === '-' || c === '^') break;
      const group = this.group();
      const n = this.count() ?? 1;
      add(comp, group, n);
      any = true;
    }
    if (!any && closer && this.i >= this.s.length) this.fail(`a bracket is not closed; add \`${closer}\``, this.i - 1);
    if (!any) this.fail(closer ? 'empty brackets: write the group inside them' : 'expected an element symbol');
    return comp;
  }

  group(): Composition {
    const c = this.s[this.i]!;
    if (c === '(' || c === '[') {
      const open = this.i;
      const closer = c === '(' ? ')' : ']';
      if (this.depth >= MAX_BRACKET_DEPTH) this.fail(`brackets nested more than ${MAX_BRACKET_DEPTH} deep; a formula needs two or three levels: remove the extra \`${c}\``, open);
      this.i++;
      this.depth++;
      const inner = this.sequence(closer);
      this.depth--;
      if (this.s[this.i] !== closer) this.fail(`\`${c}\` is not closed; add \`${closer}\``, open);
      this.i++;
      return inner;
    }
    return this.symbol();
  }

  /** An abbreviation (longest first; the file's before the library's) or an element symbol. */
  symbol(): Composition {
    const rest = this.s.slice(this.i);
    const start = this.i;
    const word = /^[A-Za-z*]+/.exec(rest)?.[0] ?? '';
    for (let len = word.length; len >= 1; len--) {
      const candidate = word.slice(0, len);
      const expansion = this.ctx.abbreviations(candidate) ?? (ELEMENTS.has(candidate) ? undefined : LIBRARY_ABBREVIATIONS.get(candidate));
      if (expansion === undefined) continue;
      // An element symbol that is a prefix of a longer abbreviation loses (`Cy` vs `C`), but a
      // 2-letter element beats a 1-letter abbreviation.
      if (this.ctx.expanding.has(candidate)) this.fail(`the abbreviation \`${candidate}\` refers to itself`, start, len);
      this.i += len;
      this.ctx.used.add(candidate);
      this.ctx.expanding.add(candidate);
      try {
        const inner = parseFormulaInternal(expansion, this.ctx);
        if ('error' in inner) this.fail(`the abbreviation \`${candidate}\` = \`${expansion}\` is not a formula: ${inner.error.message}`, start, len);
        return inner.formula.composition;
      } finally {
        this.ctx.expanding.delete(candidate);
      }
    }
    const two = rest.slice(0, 2);
    if (/^[A-Z][a-z]$/.test(two) && ELEMENTS.has(two)) {
      this.i += 2;
      return new Map([[two, 1]]);
    }
    const one = rest[0]!;
    if (/^[A-Z]$/.test(one) && ELEMENTS.has(one)) {
      this.i += 1;
      return new Map([[one, 1]]);
    }
    if (/^[A-Z][a-z]?/.test(rest)) {
      const sym = /^[A-Z][a-z]?/.exec(rest)![0];
      this.fail(`unknown element \`${sym}\` at column ${this.origin[start]! + 1}`, start, sym.length);
    }
    if (/^[a-z]/.test(rest)) this.fail(`\`${rest[0]}\` cannot start an element symbol (element symbols start with a capital letter) at column ${this.origin[start]! + 1}`, start);
    this.fail(`unexpected \`${rest[0]}\` at column ${this.origin[start]! + 1}`, start);
  }
}

/** Splits a trailing charge off: `NO3-`, `SO4^2-`, `[Au25(PET)18]-`, `[…]4-`, `Fe3+`. */
function splitCharge(s: string): { body: string; charge: number; chargeAt: number } {
  let m = /\^(\d*)([+-])$/.exec(s);
  if (m) return { body: s.slice(0, m.index), charge: (m[2] === '-' ? -1 : 1) * (m[1] ? Number(m[1]) : 1), chargeAt: m.index };
  m = /\](\d+)([+-])$/.exec(s);
  if (m) return { body: s.slice(0, m.index + 1), charge: (m[2] === '-' ? -1 : 1) * Number(m[1]), chargeAt: m.index + 1 };
  m = /^([A-Z][a-z]?)(\d+)([+-])$/.exec(s);
  if (m && ELEMENTS.has(m[1]!)) return { body: m[1]!, charge: (m[3] === '-' ? -1 : 1) * Number(m[2]), chargeAt: m[1]!.length };
  m = /([+-]+)$/.exec(s);
  if (m) {
    const signs = m[1]!;
    if (!/^(\++|-+)$/.test(signs)) return { body: s, charge: 0, chargeAt: s.length };
    return { body: s.slice(0, m.index), charge: (signs[0] === '-' ? -1 : 1) * signs.length, chargeAt: m.index };
  }
  return { body: s, charge: 0, chargeAt: s.length };
}

function parseFormulaInternal(text: string, ctx: Context): FormulaParse {
  // Normalise sub- and superscripts, remembering where each character came from.
  let s = '';
  const origin: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    const mapped = SUBSCRIPTS[c] ?? (SUPERSCRIPTS[c] !== undefined ? (/\d/.test(SUPERSCRIPTS[c]!) ? '^' + SUPERSCRIPTS[c] : SUPERSCRIPTS[c]) : c === '−' ? '-' : c);
    for (const m of mapped) {
      s += m;
      origin.push(k);
    }
  }
  s = s.replace(/\^(\d)\^/g, '^$1'); // ⁴⁻ became ^4^- … keep one caret
  origin.push(text.length);
  if (s === 'e-' || s === 'e⁻') return { formula: { composition: new Map(), charge: -1, abbreviations: [] } };
  if (s.length === 0) return { error: { message: 'the formula is empty', offset: 0, length: 0 } };
  const { body, charge, chargeAt } = splitCharge(s);
  if (Math.abs(charge) > MAX_COUNT) {
    const at = origin[chargeAt] ?? 0;
    return { error: { message: `a charge above ${MAX_COUNT_TEXT} is not an ion's charge`, offset: at, length: Math.max(1, text.length - at) } };
  }
  const reader = new Reader(body, ctx, origin);
  try {
    const total: Composition = new Map();
    let first = true;
    while (reader.i < body.length || first) {
      if (!first) reader.i++; // the adduct dot
      first = false;
      const coefficient = reader.count() ?? 1;
      if (reader.i >= body.length) reader.fail('expected a formula after the dot', reader.i - 1);
      const part = reader.sequence();
      add(total, part, coefficient);
      if (reader.i < body.length && !ADDUCT.has(body[reader.i]!)) reader.fail(`unexpected \`${body[reader.i]}\` at column ${origin[reader.i]! + 1}`);
    }
    for (const [el, n] of total) {
      if (n > MAX_ATOMS) return { error: { message: `the counts multiply to more than 10¹² atoms of ${el}, which is not a formula`, offset: 0, length: text.length } };
    }
    return { formula: { composition: total, charge, abbreviations: [...ctx.used] } };
  } catch (e) {
    if (e instanceof FormulaError_) return { error: e.detail };
    throw e;
  }
}

/** Parses a formula; `abbreviations` gives the file's own (ligand) abbreviations. */
export function parseFormula(text: string, abbreviations: (symbol: string) => string | undefined = () => undefined): FormulaParse {
  return parseFormulaInternal(text, { abbreviations, expanding: new Set(), used: new Set() });
}

export function molarMass(composition: Composition): number {
  let m = 0;
  for (const [el, n] of composition) m += ELEMENTS.get(el)!.weight * n;
  return m;
}

export function electronCount(composition: Composition, charge = 0): number {
  let e = 0;
  for (const [el, n] of composition) e += ELEMENTS.get(el)!.z * n;
  return e - charge;
}

/** Hill order: C, then H, then the rest alphabetically (all alphabetical without C). */
export function hillFormula(composition: Composition): string {
  const els = [...composition.keys()].filter((e) => composition.get(e)! !== 0);
  const hasC = composition.has('C');
  els.sort((a, b) => {
    if (hasC) {
      const rank = (x: string) => (x === 'C' ? 0 : x === 'H' ? 1 : 2);
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
    }
    return a.localeCompare(b);
  });
  // Counts of hydrates (`·0.5H2O`) are sums of decimals: shown without float noise.
  return els.map((e) => e + (composition.get(e) === 1 ? '' : formatExact(composition.get(e)!))).join('');
}

export function compositionsEqual(a: Composition, b: Composition): boolean {
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const k of keys) if (Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0)) > 1e-9) return false;
  return true;
}
