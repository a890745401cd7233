// An open-circuit record (`OCP for 30 min, data "…"`): the open-circuit
// potential as the mean of its last window (the window rule of stability
// runs: 1 % of the record, at least 10 min, at most 10 % of it), on the RHE
// scale when the pH is known.
import type { TechniqueLine } from '../syntax/ast';
import type { AnalysisContext, Dataset } from './context';
import { column } from '../instruments/series';
import { stabilityWindow, windowMeans } from '../electrochem/stability';
import { InstrumentCodes } from '../instruments/codes';
import { meritPotentials } from './sweep-potential';
import { formatNumber } from '../units/format';

const duration = (s: number) => (s >= 3600 ? `${formatNumber(s / 3600, { significant: 3 })} h` : `${formatNumber(s / 60, { significant: 3 })} min`);

export function openCircuit(ctx: AnalysisContext, t: TechniqueLine, d: Dataset): void {
  const time = column(d.data, /^Time$/i);
  const potentials = meritPotentials(d);
  if (!time || !potentials) {
    ctx.report(InstrumentCodes.missingColumn, 'warning', `\`${d.path}\` has no ${time ? 'potential' : 'time'} column, so the open-circuit potential is not read from it`, t.data!.span);
    return;
  }
  const n = time.values.length;
  if (n < 2) return;
  const span = time.values[n - 1]! - time.values[0]!;
  const windowS = stabilityWindow(span);
  const w = windowMeans(time.values, potentials.values, windowS);
  if (!w) return;
  const scale = potentials.onRHE ? 'RHE' : 'the reference';
  const drift = w.end.t > w.start.t ? ((w.end.value - w.start.value) / (w.end.t - w.start.t)) * 1000 * 60 : undefined;
  ctx.value({
    kind: 'openCircuitPotential', subject: `${t.technique.text} ${d.path}`, value: w.end.value, unit: 'V', span: t.data!.span,
    label: `OCP ${formatNumber(w.end.value, { decimals: 3, unicodeMinus: true })} V vs ${scale}`,
    detail: `Mean of the last ${duration(windowS)} of the ${duration(span)} record (${w.end.points} points; windows of 1 % of the record, at least 10 min, at most 10 % of it), vs ${scale}${drift !== undefined ? `; from the first window it moved ${formatNumber(drift, { significant: 3, unicodeMinus: true })} mV/min on average` : ''}.`,
    hint: { text: `OCP ${formatNumber(w.end.value, { decimals: 3, unicodeMinus: true })} V vs ${scale}`, category: 'results' },
    extra: { scale },
  });
}
