// The data of one run once every impedance file is read (passes/run-data.ts):
// its records get its cell's iR correction, then the onsets, figures of merit,
// stability drifts, Koutecký–Levich lines and open-circuit potentials its
// lines ask for are computed on them.
import type { RunBlock, TechniqueLine } from '../syntax/ast';
import type { AnalysisContext, Dataset } from './context';
import type { LoadedBlock } from './loaded-data';
import type { ResolvedIR } from './ir-resolution';
import { column } from '../instruments/series';
import { onsetPotential } from '../instruments/derived';
import { InstrumentCodes } from '../instruments/codes';
import { correctedSeries } from '../electrochem/ir-correction';
import { checkedQuantity } from './quantities';
import { formatExact, formatNumber } from '../units/format';
import { reportNoRunArea } from './electrode-area-missing';
import { sweepMerits } from './sweep-merits';
import { stabilityRun } from './stability-run';
import { rotatingDiskSeries } from './rotating-disk';
import { openCircuit } from './open-circuit';

/** The run's datasets with its cell's correction, after the work on them; never changed after. */
export function correctLoaded(ctx: AnalysisContext, run: RunBlock, loaded: LoadedBlock, correction: ResolvedIR): Dataset[] {
  // Copies: the loaded block is what the loading left, read by this work and not changed by it.
  const datasets = loaded.datasets.map((d) => ({ ...d }));
  const applied = correction.applied;
  if (applied) {
    for (const { work, datasets: which } of loaded.deferred) {
      for (const i of which) {
        const d = datasets[i]!;
        if (work === 'sweep' ? d.data.technique === 'LSV' : d.data.technique !== 'CA') d.iR = applied;
      }
    }
  }
  for (const { work, technique, datasets: which } of loaded.deferred) {
    const t = run.techniques[technique]!;
    const of = which.map((i) => datasets[i]!);
    if (work === 'sweep') {
      if (t.onset) onset(ctx, run, t, of[0]!, correction);
    } else if (work === 'merits') sweepMerits(ctx, run, t, of[0]!);
    else if (work === 'stability') stabilityRun(ctx, t, of[0]!);
    else if (work === 'kouteckyLevich') rotatingDiskSeries(ctx, t, of);
    else openCircuit(ctx, t, of[0]!);
  }
  return datasets;
}

/**
 * Onset potential of an LSV record at the line's `onset at` current density, on the RHE scale;
 * with the cell's iR correction, found on the corrected potentials E − f·i·R.
 */
function onset(ctx: AnalysisContext, run: RunBlock, t: TechniqueLine, d: Dataset, iR: ResolvedIR): void {
  const q = t.onset!;
  const criterion = checkedQuantity(ctx, q); // a current density or a current (FD0712 otherwise, from the quantities pass)
  if (!criterion) return;
  const e = column(d.data, /^Potential$/i);
  const i = column(d.data, /^Current$/i);
  if (!e || !i) return;
  const density = criterion.kind === 'currentDensity';
  if (density && d.areaCm2 === undefined) {
    reportNoRunArea(ctx, run, `an onset at ${ctx.textOf(q.span)}`, q.span);
    return;
  }
  const area = d.areaCm2 ?? 1; // only read for a current density, where it is stated
  const si = Math.abs(criterion.si[0]!);
  const thresholdA = density ? si * area * 1e-4 : si;
  const corrected = iR.applied ? correctedSeries(e.values, i.values, iR.applied.fraction, iR.applied.ohm) : e.values;
  const found = onsetPotential(corrected, i.values, thresholdA);
  const on = density ? ` on ${formatExact(area)} cm²` : '';
  if (found === undefined) {
    ctx.report(InstrumentCodes.onsetNotReached, 'warning', `the sweep in \`${d.path}\` never reaches ${ctx.textOf(q.span)} (${formatNumber(thresholdA * 1000, { significant: 3 })} mA${on}); ask for a smaller current density`, q.span);
    return;
  }
  const raw = iR.applied ? onsetPotential(e.values, i.values, thresholdA)! : found;
  const onRHE = d.toRHE === undefined ? undefined : found + d.toRHE;
  const value = onRHE ?? found;
  const scale = onRHE === undefined ? 'reference' : 'RHE';
  ctx.value({
    kind: 'onsetPotential', subject: `${t.technique.text} ${d.path}`, value: Number(value.toFixed(4)), unit: 'V', span: q.span,
    label: `onset ${formatNumber(value, { decimals: 3, unicodeMinus: true })} V vs ${scale}`,
    detail: `First potential of the sweep at which |i| reaches ${formatNumber(thresholdA * 1000, { significant: 3 })} mA (${density ? `${ctx.textOf(q.span)} × ${formatExact(area)} cm²` : ctx.textOf(q.span)}), interpolated between points: ${iR.applied ? `recorded ${formatNumber(raw, { decimals: 4 })} V; ${iR.applied.label}, E − ${formatNumber(iR.applied.fraction, { significant: 3 })} × i × ${formatExact(iR.applied.ohm)} Ω (i signed, cathodic negative) gives ` : ''}${formatNumber(found, { decimals: 4 })} V vs the cell's reference${onRHE === undefined ? ' (the pH of the working electrode\'s electrolyte is unknown, so it stays on that scale)' : ` + ${formatNumber(d.toRHE!, { decimals: 3 })} V = ${formatNumber(onRHE, { decimals: 4 })} V vs RHE`}.${iR.note ? ` ${iR.note}` : ''}`,
    hint: { text: `onset ${formatNumber(value, { decimals: 3, unicodeMinus: true })} V vs ${scale}${iR.applied ? ' (iR-corrected)' : ''}`, category: 'results' },
    extra: { scale, run: run.cell?.text ?? '', ...(iR.label ? { iR: iR.label } : {}) },
  });
}
