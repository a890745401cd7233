// 10^0 … 10^22: the powers of ten a double holds exactly (10^23 is not), so that
// scaling by one of them is a single correctly rounded multiplication or division.
// Read from their spelling: `10 ** e` is not correctly rounded for every e on
// every Node (on Node 20, 10 ** -4 is 0.00009999999999999999 and 10 ** -5 is
// 0.000009999999999999999; Node 24 gives 0.0001 and 0.00001).
export const EXACT_POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * x × 10^e: one correctly rounded multiplication or division by an exact power when e is an integer
 * and |e| ≤ 22, the same double on every Node (N × 10^-k of an integer N is then the double its
 * decimal spelling gives). A larger integer exponent multiplies by the double `1e<e>` spells (correctly
 * rounded on every Node, where `10 ** e` is not: on Node 20, 10 ** -23 and 10 ** 26 are off by a bit,
 * on Node 24, 10 ** 23); a fractional one by exp(e·ln 10), which Node 20 and 24 compute alike.
 */
export function timesPowerOfTen(x: number, e: number): number {
  if (!Number.isInteger(e)) return x * Math.exp(e * Math.LN10);
  const k = e < 0 ? -e : e;
  if (k > 22) return x * Number(`1e${e}`);
  return e >= 0 ? x * EXACT_POWERS_OF_TEN[k]! : x / EXACT_POWERS_OF_TEN[k]!;
}
