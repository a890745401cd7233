// Reads a unit as written (`mV/s`, `µg/(h·mg)`, `cm²`, `mm-1`, `Å3`) into its
// dimension and exact factor to SI.
import { PREFIXES, UNITS, type DimensionVector, type ExactFactor, type UnitDefinition } from '../data/units';
import { multiplyDimensions } from './dimension';
import { closestNames } from '../text/closest-names';
import { BoundedMemo } from '../common/bounded-memo';

export interface Unit {
  /** As written in the file. */
  text: string;
  dimension: DimensionVector;
  factor: ExactFactor;
  /** Only for a lone temperature unit such as °C. */
  offset?: number;
  /** ASCII form for machine output (`uL`, `A^3`, `mV/s`). */
  ascii: string;
}

export type UnitParse = { unit: Unit } | { error: string; suggestions: string[] };

const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+' };

const BY_SPELLING = new Map<string, UnitDefinition>();
for (const u of UNITS) for (const s of [u.symbol, ...u.spellings]) BY_SPELLING.set(s, u);

/** All spellings with and without prefixes, for suggestions and completion. */
export const KNOWN_UNIT_SPELLINGS: string[] = (() => {
  const out = new Set<string>();
  const common = ['k', 'm', 'µ', 'n', 'M'];
  for (const u of UNITS) {
    out.add(u.symbol);
    u.spellings.forEach((s) => out.add(s));
    if (u.prefixable) for (const p of common) out.add(p + u.symbol);
  }
  ['mg/L', 'g/L', 'mol/L', 'mV/s', 'V/s', 'mL/min', 'mA/cm2', 'g/mL', 'g/cm3', 'Mg/m3', 'g/mol', 'mm-1', 'cm2', 'Å3', 'µg/h/mg', 'mmol/h/cm2', 'mF/cm2', 'mg/mL', 'mg/cm2', 'µg/cm2'].forEach((s) => out.add(s));
  return [...out];
})();

function normalise(text: string): string {
  let s = '';
  for (const c of text) s += SUPERSCRIPT[c] ?? c;
  return s.replace(/[·⋅•∙*]/g, '.').replace(/−/g, '-');
}

function mul(a: ExactFactor, b: ExactFactor, power: number): ExactFactor {
  return { mantissa: a.mantissa * b.mantissa ** power, exponent: a.exponent + b.exponent * power };
}

/** Whether a unit as written is a percent by mass (`wt%`, `wt. %`, `% w/w`), not a bare percent. */
export function isMassFractionUnit(text: string): boolean {
  return BY_SPELLING.get(text.trim())?.symbol === 'wt%';
}

/** One symbol, perhaps prefixed: `mL`, `µA`, `kHz`, `Mg`. The unprefixed reading wins (`min`, `mol`, `Pa`). */
function symbol(name: string): { def: UnitDefinition; prefix: number } | undefined {
  const direct = BY_SPELLING.get(name);
  if (direct) return { def: direct, prefix: 0 };
  for (const [p, exp] of Object.entries(PREFIXES)) {
    if (name.length <= p.length || !name.startsWith(p)) continue;
    const def = BY_SPELLING.get(name.slice(p.length));
    if (def?.prefixable) return { def, prefix: exp };
  }
  return undefined;
}

interface Term {
  dimension: DimensionVector;
  factor: ExactFactor;
  offset?: number;
  single: boolean;
}

class UnitReader {
  private i = 0;
  constructor(private readonly s: string) {}

  /** Terms joined by `.` or `/`; after the first `/` every term divides (`µg/h/mg` = µg/(h·mg)). */
  product(): Term | string {
    let acc: Term | undefined;
    let denominator = false;
    for (;;) {
      const term = this.term();
      if (typeof term === 'string') return term;
      const power = denominator ? -1 : 1;
      acc = acc === undefined && power === 1
        ? term
        : {
            dimension: multiplyDimensions(acc?.dimension ?? [0, 0, 0, 0, 0, 0, 0, 0], term.dimension, power),
            factor: mul(acc?.factor ?? { mantissa: 1, exponent: 0 }, term.factor, power),
            single: false,
          };
      const c = this.s[this.i];
      if (c === '/') denominator = true;
      else if (c !== '.') break;
      this.i++;
    }
    return acc!;
  }

  private term(): Term | string {
    if (this.s[this.i] === '(') {
      this.i++;
      const inner = new UnitReader(this.s.slice(this.i));
      const t = inner.product();
      if (typeof t === 'string') return t;
      this.i += inner.consumed();
      if (this.s[this.i] !== ')') return 'a bracket in the unit is not closed';
      this.i++;
      return { ...t, single: false };
    }
    const m = /^([^\d^/.()+-]+)(\^?([+-]?\d+))?/.exec(this.s.slice(this.i));
    if (!m) return `cannot read \`${this.s.slice(this.i)}\``;
    this.i += m[0].length;
    let name = m[1]!;
    const power = m[3] !== undefined ? Number(m[3]) : 1;
    // `A3`, `A^3`: Ångström cubed for cell volumes; a lone `A` stays ampere.
    if (name === 'A' && power === 3) name = 'Å';
    const found = symbol(name);
    if (!found) return `unknown:${name}`;
    const base: ExactFactor = { mantissa: found.def.factor.mantissa, exponent: found.def.factor.exponent + found.prefix };
    return {
      dimension: found.def.dimension.map((d) => d * power) as unknown as DimensionVector,
      factor: { mantissa: base.mantissa ** power, exponent: base.exponent * power },
      offset: power === 1 ? found.def.offset : undefined,
      single: power === 1,
    };
  }

  consumed(): number {
    return this.i;
  }
}

function ascii(text: string): string {
  let s = '';
  for (const c of text) s += SUPERSCRIPT[c] ? (c === '⁻' ? '^-' : /\d/.test(SUPERSCRIPT[c]!) && !/[\^\d-]$/.test(s) ? '^' + SUPERSCRIPT[c] : SUPERSCRIPT[c]) : c;
  return s.replace(/[µμ]/g, 'u').replace(/Å/g, 'A').replace(/[·⋅•∙]/g, '*').replace(/°C|℃/g, 'degC').replace(/°/g, 'deg').replace(/Ω/g, 'ohm');
}

/**
 * Units are read once per spelling: a protocol writes the same few units on
 * every line. Results are frozen, so a caller cannot change another's.
 */
const parsed = new BoundedMemo<string, UnitParse>(1024);

export function parseUnit(text: string): UnitParse {
  return parsed.get(text, readFrozenUnit);
}

function readFrozenUnit(text: string): UnitParse {
  return deepFreeze(readUnit(text));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function readUnit(text: string): UnitParse {
  // Spellings with a space, a dot or a slash of their own (`wt. %`, `% w/w`) are read whole.
  const whole = BY_SPELLING.get(text.trim());
  if (whole && /[\s./]/.test(text.trim())) {
    return { unit: { text, dimension: whole.dimension, factor: whole.factor, ascii: whole.ascii } };
  }
  const s = normalise(text);
  const reader = new UnitReader(s);
  const result = reader.product();
  if (typeof result === 'string') {
    const bad = result.startsWith('unknown:') ? result.slice(8) : undefined;
    const suggestions = closestNames(text, KNOWN_UNIT_SPELLINGS);
    const base = bad !== undefined && bad !== text ? `unknown unit \`${bad}\` in \`${text}\`` : `unknown unit \`${text}\``;
    return { error: suggestions.length ? `${base}; did you mean \`${suggestions[0]}\`?` : base, suggestions };
  }
  if (reader.consumed() < s.length) return { error: `cannot read the unit \`${text}\``, suggestions: [] };
  return {
    unit: { text, dimension: result.dimension, factor: result.factor, offset: result.single ? result.offset : undefined, ascii: ascii(text) },
  };
}
