// Every number of the Methods section goes through here, so the precision
// policy lives in one place and the rounding itself stays with the project's
// formatter (`units/format.ts`). Policy: a number written in the protocol is
// shown with the decimals it was written with; a number computed from written
// ones carries as many significant figures as the least precise of them.
import type { NumberLit, Quantity } from '../syntax/ast';
import { formatNumber } from '../units/format';

/** Significant figures of a number as written: `20` → 2, `0.05` → 1, `1.0` → 2, `22.0728(13)` → 6. */
export function significantFigures(written: string): number {
  const mantissa = written.replace(/\(.*$/, '').replace(/[eE].*$/, '').replace(/^[-−+]/, '');
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  return Math.max(1, digits.replace(/\D/g, '').length);
}

/** Decimals of a number as written: `0.10` → 2, `25` → 0; undefined for exponent notation. */
function decimalsWritten(written: string): number | undefined {
  const mantissa = written.replace(/\(.*$/, '');
  if (/[eE]/.test(mantissa)) return undefined;
  const dot = mantissa.indexOf('.');
  return dot < 0 ? 0 : mantissa.length - dot - 1;
}

/** A number of the protocol as written (`-0.8` → `−0.8`, `22.0728(13)` kept with its uncertainty). */
export function writtenNumber(n: NumberLit): string {
  const decimals = decimalsWritten(n.text);
  const uncertainty = /\(\d+\)$/.exec(n.text)?.[0] ?? '';
  const shown = decimals === undefined
    ? formatNumber(n.value, { significant: significantFigures(n.text), unicodeMinus: true })
    : formatNumber(n.value, { decimals, unicodeMinus: true });
  return shown + uncertainty;
}

/** The numbers of a quantity as written, as a list: `20, 60, 100 and 140`. */
export function writtenNumbers(q: Quantity): string[] {
  return q.values.map(writtenNumber);
}

/** The fewest significant figures among the written inputs of a computed number. */
export function precisionOf(...inputs: (NumberLit | string | undefined)[]): number {
  const figures = inputs.filter((x): x is NumberLit | string => x !== undefined).map((x) => significantFigures(typeof x === 'string' ? x : x.text));
  return figures.length ? Math.min(...figures) : 4;
}

/** A computed number with a given number of significant figures. */
export function computedNumber(value: number, significant: number): string {
  return formatNumber(value, { significant, unicodeMinus: true });
}

/** A computed number with fixed decimals (potentials in V: as many decimals as the reference potential). */
export function fixedNumber(value: number, decimals: number): string {
  return formatNumber(value, { decimals, unicodeMinus: true });
}

/** Decimals of a written number, for sums that keep its precision (0.198 V → 3). */
export function decimalsOf(written: string, fallback = 3): number {
  return decimalsWritten(written) ?? fallback;
}
