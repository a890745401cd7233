// Conversions between units of one dimension. Factors are mantissa × 10^n, so
// a change of decimal prefix is a shift of the decimal point and is exact
// (1 mF/cm² is 1000 µF/cm², never 1000.0000000000001).
import type { ExactFactor } from '../data/units';
import { describeDimension, sameDimension, SLOTS, type SlotName } from './dimension';
import { parseUnit, type Unit } from './parse-unit';
import { EXACT_POWERS_OF_TEN } from './powers-of-ten';

/** value × 10^exponent, done on the decimal representation. */
export function shiftDecimal(value: number, exponent: number): number {
  if (exponent === 0 || value === 0 || !Number.isFinite(value)) return value;
  return shiftShortDecimal(value, exponent) ?? shiftDecimalByDigits(value, exponent);
}

/** The same by the digits of the shortest spelling (toExponential): the reference, and the way for long decimals. */
export function shiftDecimalByDigits(value: number, exponent: number): number {
  if (exponent === 0 || value === 0 || !Number.isFinite(value)) return value;
  const [mantissa, exp] = value.toExponential().split('e');
  return Number(`${mantissa}e${Number(exp) + exponent}`);
}


/**
 * A value written with at most six decimals and fifteen digits (500, 0.1, 30.25) is the integer N over
 * 10^d; no other decimal of fifteen digits or fewer is the same double, so N is its shortest spelling,
 * and N × 10^(exponent − d) with an exact power of ten is one correctly rounded multiplication or
 * division: the double `Number()` reads from that spelling. Undefined for other values (the product
 * N may also round to an integer for a value one unit in the last place away: N / 10^d tells).
 */
function shiftShortDecimal(value: number, exponent: number): number | undefined {
  for (let d = 0; d <= 6; d++) {
    const n = value * EXACT_POWERS_OF_TEN[d]!;
    if (!Number.isInteger(n)) continue;
    if (Math.abs(n) >= 1e15 || n / EXACT_POWERS_OF_TEN[d]! !== value) return undefined;
    const k = exponent - d;
    if (k > 22 || k < -22) return undefined;
    return k >= 0 ? n * EXACT_POWERS_OF_TEN[k]! : n / EXACT_POWERS_OF_TEN[-k]!;
  }
  return undefined;
}

function scale(value: number, factor: ExactFactor): number {
  const v = factor.mantissa === 1 ? value : value * factor.mantissa;
  return shiftDecimal(v, factor.exponent);
}

/** The value in coherent SI units (°C become K). */
export function toSI(value: number, unit: Unit): number {
  return scale(value, unit.factor) + (unit.offset ?? 0);
}

export function fromSI(valueSI: number, unit: Unit): number {
  const v = valueSI - (unit.offset ?? 0);
  const m = unit.factor.mantissa === 1 ? v : v / unit.factor.mantissa;
  return shiftDecimal(m, -unit.factor.exponent);
}

export function convert(value: number, from: Unit, to: Unit): number {
  if (!sameDimension(from.dimension, to.dimension)) {
    throw new Error(`cannot convert ${describeDimension(from.dimension)} to ${describeDimension(to.dimension)}`);
  }
  if (from.offset === undefined && to.offset === undefined) {
    const ratio: ExactFactor = { mantissa: from.factor.mantissa / to.factor.mantissa, exponent: from.factor.exponent - to.factor.exponent };
    return scale(value, ratio);
  }
  return fromSI(toSI(value, from), to);
}

/** A unit from its text; throws on text that is not a unit (for units written in code). */
export function unit(text: string): Unit {
  const p = parseUnit(text);
  if ('error' in p) throw new Error(p.error);
  return p.unit;
}

/**
 * Why a unit does not fit a place that takes these kinds, in a chemist's words;
 * undefined when it fits. `label` names the place ("scan rate", "electrode area").
 */
export function kindMismatch(u: Unit, label: string, kinds: readonly SlotName[], written: string): string | undefined {
  if (kinds.some((k) => !(SLOTS[k] as { bare?: true }).bare && sameDimension(u.dimension, SLOTS[k].dimension))) return undefined;
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} needs ${describeKinds(kinds)}; got \`${written}\` (${article(describeDimension(u.dimension))})`;
}

/** `a mass such as \`20 mg\`, a volume such as \`10 mL\` or …`. */
export function describeKinds(kinds: readonly SlotName[]): string {
  const d = kinds.map((k) => SLOTS[k].description);
  return d.length === 1 ? d[0]! : `${d.slice(0, -1).join(', ')} or ${d[d.length - 1]}`;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
