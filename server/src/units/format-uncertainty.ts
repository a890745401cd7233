// A measured value with its standard uncertainty as analytical chemists write
// it: `57.9 ± 1.2`, the uncertainty to two significant figures and the value to
// the same decimal place (GUM, JCGM 100:2008, 7.2.6). Built on the shared formatter.
import { formatNumber, type NumberFormat } from './format';

/** `value ± u`, or the value alone in `otherwise` when there is no positive uncertainty. */
export function formatPlusMinus(value: number, uncertainty: number | undefined, otherwise: NumberFormat): string {
  if (uncertainty === undefined || !(uncertainty > 0) || !Number.isFinite(uncertainty)) return formatNumber(value, otherwise);
  const last = Math.floor(Math.log10(uncertainty)) - 1;
  if (last < 0) return `${formatNumber(value, { decimals: -last })} ± ${formatNumber(uncertainty, { decimals: -last })}`;
  // An uncertainty of 100 or more: both rounded to its second figure (12345 ± 123 → 12350 ± 120).
  const step = 10 ** last;
  return `${formatNumber(Math.round(value / step) * step, { decimals: 0 })} ± ${formatNumber(Math.round(uncertainty / step) * step, { decimals: 0 })}`;
}

/** ` (n = 3)` after a mean of replicates; nothing for a single reading. */
export function replicateCount(n: number | undefined): string {
  return n !== undefined && n > 1 ? ` (n = ${n})` : '';
}
