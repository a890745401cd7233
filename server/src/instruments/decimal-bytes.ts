// Decimal numbers read straight from ASCII bytes: `[+-]digits[.digits][e[+-]digits]`
// (or `.digits`), with `,` as the decimal point in a European export. The
// digits become an integer m and a power of ten e; when m < 2^53 and |e| ≤ 22
// both are exact doubles and one multiplication or division rounds once, to
// the double Number() gives (Clinger's fast path). Longer mantissas and larger
// exponents are handed to Number() on the same characters, so no value ever
// differs from Number()'s.

/** 10^0 … 10^22, each exact in a double. */
const POWERS = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** From here on not every integer is a double. */
const TWO_53 = 2 ** 53;

/** Where the last number read by `parseDecimal` ended (one past its last byte). */
export let decimalEnd = 0;

/**
 * The number that starts at `bytes[from]` and ends before `end` or at the first
 * byte that cannot continue it; NaN when no decimal number starts there (a word,
 * `Infinity`, `0x10`, a lone sign or point, an exponent without digits). The
 * caller checks what follows `decimalEnd`. `decimalComma`: `,` is the decimal
 * point and `.` too, as `cell.replace(',', '.')` then Number() reads them.
 */
export function parseDecimal(bytes: Uint8Array, from: number, end: number, decimalComma: boolean): number {
  let p = from;
  let b = p < end ? bytes[p]! : 0;
  const negative = b === 45; // -
  if (negative || b === 43) b = ++p < end ? bytes[p]! : 0; // +
  let m = 0;
  /** Zeros read but not yet multiplied into m (trailing zeros of a mantissa cost nothing). */
  let zeros = 0;
  let digits = 0;
  let fraction = 0;
  let exact = true;
  while (b >= 48 && b <= 57) {
    if (b === 48) zeros++;
    else {
      if (zeros > 21) exact = false;
      else m = m * POWERS[zeros + 1]! + (b - 48);
      zeros = 0;
      if (m >= TWO_53) exact = false;
    }
    digits++;
    b = ++p < end ? bytes[p]! : 0;
  }
  if (b === 46 || (decimalComma && b === 44)) {
    b = ++p < end ? bytes[p]! : 0;
    while (b >= 48 && b <= 57) {
      if (b === 48) zeros++;
      else {
        if (zeros > 21) exact = false;
        else m = m * POWERS[zeros + 1]! + (b - 48);
        zeros = 0;
        if (m >= TWO_53) exact = false;
      }
      digits++;
      fraction++;
      b = ++p < end ? bytes[p]! : 0;
    }
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (b === 101 || b === 69) { // e E
    let q = p + 1;
    let c = q < end ? bytes[q]! : 0;
    const negativeExponent = c === 45;
    if (negativeExponent || c === 43) c = ++q < end ? bytes[q]! : 0;
    const first = q;
    while (c >= 48 && c <= 57) {
      if (exponent < 100_000) exponent = exponent * 10 + (c - 48);
      c = ++q < end ? bytes[q]! : 0;
    }
    if (q === first) return NaN; // `1e`, `1e+`: Number() says NaN
    if (negativeExponent) exponent = -exponent;
    p = q;
  }
  decimalEnd = p;
  if (!exact) return Number(asciiText(bytes, from, p, decimalComma));
  if (m === 0) return negative ? -0 : 0;
  const scale = exponent + zeros - fraction;
  if (scale >= -22 && scale <= 22) {
    const x = scale < 0 ? m / POWERS[-scale]! : m * POWERS[scale]!;
    return negative ? -x : x;
  }
  return Number(asciiText(bytes, from, p, decimalComma));
}

/** The characters of `bytes[from, to)`, all ASCII (`,` as `.` when `decimalComma`). */
function asciiText(bytes: Uint8Array, from: number, to: number, decimalComma: boolean): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(decimalComma && bytes[i] === 44 ? 46 : bytes[i]!);
  return s;
}
