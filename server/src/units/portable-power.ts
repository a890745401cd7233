// Powers that give the same double on every Node. V8's `**` changed between the
// Node 20 and Node 24 lines: 10 ** -4 is 0.00009999999999999999 on one and 0.0001
// on the other, and fractional powers (D^(2/3)) differ in the last bit. Math.exp
// and Math.log give the same doubles on both, so a fractional power is
// exp(y·ln x), and a power of ten with a small integer exponent is exact
// (timesPowerOfTen): the analysis stays a function of the text alone, whichever
// Node runs it (test/lsp/machine-node.test.ts compares the reports).
import { timesPowerOfTen } from './powers-of-ten';

/** 10^e. */
export function powerOfTen(e: number): number {
  return timesPowerOfTen(1, e);
}

/** x^y for x ≥ 0. */
export function power(x: number, y: number): number {
  if (x === 0) return y > 0 ? 0 : y === 0 ? 1 : Infinity;
  return Math.exp(y * Math.log(x));
}
