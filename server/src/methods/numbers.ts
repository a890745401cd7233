// Every number of the Methods section goes through here: the rounding and the
// counting of significant figures are the project's one formatter
// (`units/format.ts`), and the figures each kind of number keeps are the ones
// the analysis's own labels use, so the text and the editor's hovers agree.
// A number written in the protocol is shown with the decimals it was written
// with; a computed one with the figures of its measured inputs, within bounds.
import type { NumberLit, Quantity } from '../syntax/ast';
import { formatExact, formatNumber, significantFromInputs, type NumberFormat } from '../units/format';
import { AMOUNT_FIGURES, RATIO_FIGURES } from '../analysis/passes/chemistry';

type Input = NumberLit | string | undefined;

/** The figures each computed number keeps: amounts and ratios from their inputs, as the chemistry pass labels them; calibration fits as the electrochemistry pass does. */
export const FIGURES = {
  amount: AMOUNT_FIGURES,
  ratio: RATIO_FIGURES,
  calibrationSlope: { significant: 5 },
  calibrationIntercept: { significant: 3 },
  calibrationR2: { decimals: 5 },
  calibrationLOD: { significant: 3 },
  /** Loadings as the electrode-loading analysis labels them. */
  loading: { significant: 3 },
  pHEstimate: { decimals: 2 },
  constant: { significant: 5 },
  derived: { significant: 4 },
} as const;

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
  const shown = decimals === undefined ? formatExact(n.value, true) : formatNumber(n.value, { decimals, unicodeMinus: true });
  return shown + uncertainty;
}

/** The numbers of a quantity as written. */
export function writtenNumbers(q: Quantity): string[] {
  return q.values.map(writtenNumber);
}

/** A computed number with the figures of its measured inputs, within the bounds of its kind. */
export function fromInputs(value: number, inputs: Input[], bounds: { floor: number; ceiling: number }): string {
  return formatNumber(value, { ...significantFromInputs(inputs, bounds), unicodeMinus: true });
}

/** A computed number in a fixed format (`FIGURES.calibrationSlope`, decimals of a reference potential). */
export function formatted(value: number, format: NumberFormat): string {
  return formatNumber(value, { ...format, unicodeMinus: true });
}

/** An exact number (a dilution factor of written volumes, a count): no float noise, no trailing zeros. */
export function exactNumber(value: number): string {
  return formatExact(value, true);
}

/** Decimals of a written number, for sums that keep its precision (0.198 V → 3). */
export function decimalsOf(written: string, fallback = 3): number {
  return decimalsWritten(written) ?? fallback;
}
