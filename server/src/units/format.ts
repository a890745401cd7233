// The one formatter of numbers for people: inlay hints, hovers, labels,
// messages, report tables, figure titles and CLI output all go through it.
// Rounding works on the shortest decimal spelling of the double (what
// `toExponential()` prints), so it never shows float noise, never produces
// NaN on tiny or huge values, and rounds half away from zero as a chemist
// rounds by hand. A rounded zero carries no sign. A non-finite number is never
// shown: it comes out as NOT_SHOWN, and the caller has said why in a diagnostic.
// Machine-readable values (the report's `value` fields) are not formatted.
import { EXACT_POWERS_OF_TEN, timesPowerOfTen } from './powers-of-ten';

export interface NumberFormat {
  /** Significant figures, 1–17. */
  significant?: number;
  /** Digits after the decimal point, 0–20: for quantities read to a fixed resolution (mV, %, g/mol). */
  decimals?: number;
  /** Drop trailing zeros after the point: for exact numbers (counts, coefficients, numbers echoed from the text). */
  trim?: boolean;
  /** `−` (U+2212) instead of `-`, as in typeset potentials. */
  unicodeMinus?: boolean;
}

/** What stands in for a number that cannot be shown (never `NaN` or `Infinity`). */
export const NOT_SHOWN = '—';

/** Plain notation from 1e-4 up to 1e6 (or further while every digit is significant); `1.23e-5`, `4.56e7` outside. */
const SMALLEST_PLAIN_EXPONENT = -4;
const LARGEST_PADDED_EXPONENT = 5;

/** A rounded decimal: the digits of an integer N, the value being ±N × 10^last. */
interface Rounded {
  negative: boolean;
  digits: string;
  last: number;
}

/** Digits and the power of ten of the first digit, from the shortest round-trip spelling. */
function decompose(value: number): { digits: string; exponent: number } {
  // `toExponential()` spells d.ddde±x; read it by position, without splitting into arrays (a hot path).
  const spelled = Math.abs(value).toExponential();
  const e = spelled.indexOf('e');
  const digits = e > 1 ? spelled[0]! + spelled.slice(2, e) : spelled.slice(0, e);
  return { digits, exponent: +spelled.slice(e + 1) };
}

/** Rounds |value| to the digit at 10^last, half away from zero, by decimal digits. */
function roundAt(value: number, last: number, decomposed = value === 0 ? undefined : decompose(value)): Rounded {
  if (decomposed === undefined) return { negative: false, digits: '0', last };
  const { digits, exponent } = decomposed;
  const keep = exponent - last + 1;
  if (keep < 0) return { negative: false, digits: '0', last };
  // The first digit of a non-zero value's spelling is never 0: only `keep` 0 starts with a zero digit.
  let kept = keep === 0 ? '0' : keep <= digits.length ? digits.slice(0, keep) : digits + '0'.repeat(keep - digits.length);
  const next = keep < digits.length ? digits.charCodeAt(keep) - 48 : 0;
  if (next >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept.charCodeAt(i) === 57) i--;
    const zeros = '0'.repeat(kept.length - 1 - i);
    kept = i >= 0 ? kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + zeros : '1' + zeros;
  }
  return { negative: value < 0 && kept !== '0', digits: kept, last };
}

function plain(r: Rounded): string {
  if (r.last >= 0) return r.digits === '0' ? '0' : r.digits + '0'.repeat(r.last);
  const decimals = -r.last;
  const padded = r.digits.padStart(decimals + 1, '0');
  return `${padded.slice(0, padded.length - decimals)}.${padded.slice(padded.length - decimals)}`;
}

function scientific(r: Rounded): string {
  const exponent = r.last + r.digits.length - 1;
  const mantissa = r.digits.length > 1 ? `${r.digits[0]}.${r.digits.slice(1)}` : r.digits;
  return `${mantissa}e${exponent}`;
}

function roundSignificant(value: number, significant: number): Rounded {
  const sig = Math.min(17, Math.max(1, Math.round(significant)));
  if (value === 0) return { negative: false, digits: '0'.repeat(sig), last: -(sig - 1) };
  const decomposed = decompose(value);
  const r = roundAt(value, decomposed.exponent - sig + 1, decomposed);
  // 9.996 to 3 figures carries into a new digit: 10.0, not 10.00.
  if (r.digits.length > sig) {
    r.digits = r.digits.slice(0, sig);
    r.last += 1;
  }
  return r;
}

/** `1.2300` → `1.23`, `2.000e5` → `2e5`: the zeros ending the fraction, and a point left alone. */
function trimZeros(text: string): string {
  const point = text.indexOf('.');
  if (point < 0) return text;
  const e = text.indexOf('e', point);
  const fractionEnd = e < 0 ? text.length : e;
  let end = fractionEnd;
  while (end > point + 1 && text.charCodeAt(end - 1) === 48) end--;
  if (end === point + 1) end = point;
  return end === fractionEnd ? text : text.slice(0, end) + text.slice(fractionEnd);
}

/** A number for people, rounded to significant figures (default 4) or to decimals. */
export function formatNumber(value: number, format: NumberFormat = { significant: 4 }): string {
  if (!Number.isFinite(value)) return NOT_SHOWN;
  const decimals = format.decimals === undefined ? undefined : Math.min(20, Math.max(0, Math.round(format.decimals)));
  const atDecimals = decimals !== undefined && Math.abs(value) < 1e21;
  const r = atDecimals ? fastRoundAt(value, decimals) : fastRoundSignificant(value, format.significant ?? (decimals !== undefined ? 6 : 4));
  return r ? spell(r, format, atDecimals) : formatNumberByDigits(value, format);
}

/**
 * The same as `formatNumber`, always by the digits of the shortest spelling: the reference the fast
 * path is tested against, and its fallback.
 */
export function formatNumberByDigits(value: number, format: NumberFormat = { significant: 4 }): string {
  if (!Number.isFinite(value)) return NOT_SHOWN;
  const decimals = format.decimals === undefined ? undefined : Math.min(20, Math.max(0, Math.round(format.decimals)));
  const atDecimals = decimals !== undefined && Math.abs(value) < 1e21;
  const r = atDecimals ? roundAt(value, -decimals) : roundSignificant(value, format.significant ?? (decimals !== undefined ? 6 : 4));
  return spell(r, format, atDecimals);
}

/** The rounded digits as text: plain at fixed decimals, else plain or scientific by the exponent. */
function spell(r: Rounded, format: NumberFormat, atDecimals: boolean): string {
  let text: string;
  if (atDecimals) {
    text = plain(r);
  } else {
    const exponent = r.last + r.digits.length - 1;
    const useScientific = r.digits !== '0'.repeat(r.digits.length) && (exponent < SMALLEST_PLAIN_EXPONENT || (exponent > LARGEST_PADDED_EXPONENT && r.last > 0));
    text = useScientific ? scientific(r) : plain(r);
  }
  if (format.trim) text = trimZeros(text);
  return r.negative ? (format.unicodeMinus ? '−' : '-') + text : text;
}

// The fast path: most numbers shown are rounded well away from a half, so scaling the double by an
// exact power of ten and rounding the product gives the digits that rounding its shortest spelling
// gives (toExponential, the slow part, is skipped). The product is within a few units in the last
// place of the exact scaled spelling; a product that close to a half, to a power of ten or beyond
// 2^53 goes the slow way. A fast-check test holds both ways equal.
const NEAR = 4e-15;

/** |value| rounded at 10^-decimals, or undefined where only the digits can say. */
function fastRoundAt(value: number, decimals: number): Rounded | undefined {
  if (decimals > 22) return undefined;
  const scaled = Math.abs(value) * EXACT_POWERS_OF_TEN[decimals]!;
  if (!(scaled < 2 ** 52)) return undefined;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) <= NEAR * Math.max(1, scaled)) return undefined;
  const n = fraction > 0.5 ? whole + 1 : whole;
  return { negative: value < 0 && n !== 0, digits: String(n), last: -decimals };
}

/** |value| rounded to `significant` figures, or undefined where only the digits can say. */
function fastRoundSignificant(value: number, significant: number): Rounded | undefined {
  const sig = Math.min(17, Math.max(1, Math.round(significant)));
  const abs = Math.abs(value);
  if (value === 0 || sig > 15 || !(abs > 1e-300)) return undefined;
  const exponent = Math.floor(Math.log10(abs));
  const shift = sig - 1 - exponent; // digits moved left of the point
  if (shift > 22 || shift < -22) return undefined;
  const scaled = shift >= 0 ? abs * EXACT_POWERS_OF_TEN[shift]! : abs / EXACT_POWERS_OF_TEN[-shift]!;
  const low = EXACT_POWERS_OF_TEN[sig - 1]!;
  const high = EXACT_POWERS_OF_TEN[sig]!;
  // A wrong guess of the exponent (log10 near a power of ten), or a carry into a new digit: the slow way.
  if (!(scaled >= low * (1 + NEAR) && scaled < high * (1 - NEAR) - 0.5)) return undefined;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) <= NEAR * scaled) return undefined;
  const n = fraction > 0.5 ? whole + 1 : whole;
  return { negative: value < 0, digits: String(n), last: -shift };
}

/**
 * A value with its standard uncertainty in crystallographic notation (IUCr):
 * the esd in units of the last digit shown, with two digits when they read 19
 * or less, else one: `16334.9(16)`, `2.4211(4)`, `1730(30)`. Without a positive
 * esd the value is shown with `otherwise`.
 */
export function formatWithEsd(value: number, esd: number, otherwise: NumberFormat = { significant: 6 }): string {
  if (!Number.isFinite(value)) return NOT_SHOWN;
  if (!(esd > 0) || !Number.isFinite(esd)) return formatNumber(value, otherwise);
  let last = decompose(esd).exponent;
  if (Math.round(timesPowerOfTen(esd, -last)) <= 1 || Math.round(timesPowerOfTen(esd, 1 - last)) <= 19) last -= 1;
  const digits = Math.round(timesPowerOfTen(esd, -last));
  const shown = roundAt(value, last);
  const valueText = (shown.negative ? '-' : '') + plain(shown);
  return `${valueText}(${digits}${last > 0 ? '0'.repeat(last) : ''})`;
}

/**
 * Significant figures of a number as written: `0.099` has 2, `1.0` has 2,
 * `22.0728(13)` has 6. Trailing zeros of a whole number are not counted
 * (`600` has 1): written that way, they may only place the decimal point.
 */
export function significantFiguresOf(written: string): number {
  const mantissa = written.replace(/^[-−‒–+]/, '').replace(/\(\d+\)$/, '').split(/[eE]/)[0]!;
  const hasPoint = mantissa.includes('.');
  let digits = mantissa.replace('.', '').replace(/^0+/, '');
  if (!hasPoint) digits = digits.replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** The fewest significant figures among the measured inputs, kept within [floor, ceiling]. */
export function significantFromInputs(inputs: readonly ({ text: string } | string | undefined)[], bounds: { floor: number; ceiling: number }): NumberFormat {
  const counts = inputs.filter((x) => x !== undefined).map((x) => significantFiguresOf(typeof x === 'string' ? x : x.text));
  const fewest = counts.length ? Math.min(...counts) : bounds.floor;
  return { significant: Math.min(bounds.ceiling, Math.max(bounds.floor, fewest)) };
}

/**
 * A number that is exact or echoed as given (a count, a coefficient, a constant,
 * a value read from a file header): twelve figures cut the float noise, and
 * trailing zeros are dropped, so `12` stays `12` and `0.1 + 0.2` reads `0.3`.
 */
export function formatExact(value: number, unicodeMinus = false): string {
  return formatNumber(value, { significant: 12, trim: true, unicodeMinus });
}
