// A stability run (`CP stability at 10 mA/cm2 for 100 h, data "…"`, or CA):
// the drift from its record, shown in the hover, the inlay hint and the
// report, and kept for the stability curve. CP: potential drift in mV/h, the
// potentials from `meritPotentials` (iR-corrected, on RHE); CA: the current
// retained at the end, in %.
import type { TechniqueLine } from '../syntax/ast';
import type { AnalysisContext, Dataset, StabilityFigureInput } from './context';
import type { ComputedValue } from './model';
import { column } from '../instruments/series';
import { currentRetention, potentialDrift, type WindowMean } from '../electrochem/stability';
import { InstrumentCodes } from '../instruments/codes';
import { meritPotentials, potentialsKey } from './sweep-potential';
import { siOf } from './quantities';
import { formatNumber } from '../units/format';
import { dataKey, onData } from './data-memo';

export function isStabilityLine(t: TechniqueLine): boolean {
  return t.label?.text.toLowerCase() === 'stability';
}

/** `3.0 h` or `45 min`: a window or a duration for people. */
function duration(s: number): string {
  return s >= 3600 ? `${formatNumber(s / 3600, { significant: 3 })} h` : `${formatNumber(s / 60, { significant: 3 })} min`;
}

function windowText(w: WindowMean, unit: string, scale: (v: number) => number, decimals: number): string {
  return `${formatNumber(scale(w.value), { decimals, unicodeMinus: true })} ${unit} (mean of ${w.points} point${w.points === 1 ? '' : 's'} from ${duration(w.from)} to ${duration(w.to)})`;
}

/** What a stability run gives, the same for every line that names the same record with the same window and scale. */
type StabilityResult =
  | { missing: string }
  | { figure: StabilityFigureInput; value: Omit<ComputedValue, 'span'> }
  | undefined;

/**
 * The drift or retention of one line's record, with its curve for the figure. Computed once per file,
 * window, scale and area (`onData`): a record named on many lines is averaged once, and its curve is
 * one object, which the figures draw once.
 */
export function stabilityRun(ctx: AnalysisContext, t: TechniqueLine, d: Dataset): void {
  const technique = t.technique.text.toUpperCase();
  if (technique !== 'CP' && technique !== 'CA') return;
  const window = siOf(ctx, t.window);
  const span = t.data!.span;
  const subject = `${t.technique.text} ${d.path}`;
  const key = technique === 'CP'
    ? dataKey(subject, window, !!t.window, potentialsKey(d))
    : dataKey(subject, window, !!t.window, d.areaCm2);
  const r = onData(d.data, `stability ${technique}`, key, () => (technique === 'CP' ? potentialRun(d, subject, window, !!t.window) : currentRun(d, subject, window, !!t.window)));
  if (!r) return;
  if ('missing' in r) {
    ctx.report(InstrumentCodes.missingColumn, 'warning', r.missing, span);
    return;
  }
  ctx.facts.stabilityRuns.push(r.figure);
  // One value per line, in the fields' usual order; its hint and extra are the line's own.
  const { kind, value, unit, label, detail, hint, extra } = r.value;
  ctx.value({ kind, subject, value, unit, span, label, detail, hint: hint && { ...hint }, extra: extra && { ...extra } });
}

function windowRule(stated: boolean): string {
  return stated ? 'as stated, at most 10 % of the run' : '1 % of the run, at least 10 min, at most 10 % of it';
}

function potentialRun(d: Dataset, subject: string, window: number | undefined, stated: boolean): StabilityResult {
  const time = column(d.data, /^Time$/i);
  const potentials = meritPotentials(d);
  if (!time || !potentials) return { missing: `\`${d.path}\` has no ${time ? 'potential' : 'time'} column, so the drift of this stability run is not computed` };
  const drift = potentialDrift(time.values, potentials.values, window);
  if (!drift) return undefined;
  const mVh = drift.drift * 1000 * 3600;
  const scale = potentials.onRHE ? 'RHE' : 'the reference';
  const summary = `${formatNumber(mVh, { significant: 3, unicodeMinus: true })} mV/h`;
  const change = (drift.end.value - drift.start.value) * 1000;
  return {
    figure: {
      subject, technique: 'CP', time: time.values, values: potentials.values, yTitle: `E (V vs ${scale})${potentials.iR ? `, ${potentials.iR}` : ''}`,
      windows: [drift.start, drift.end].map((w) => ({ from: w.from, to: w.to, mean: w.value })), summary,
    },
    value: {
      kind: 'potentialDrift', subject, value: mVh, unit: 'mV/h',
      label: `drift ${summary}`,
      detail: `(E_end − E_start)/(t_end − t_start) over ${duration(drift.durationS)}: start ${windowText(drift.start, 'V', (v) => v, 4)}, end ${windowText(drift.end, 'V', (v) => v, 4)}; ΔE = ${formatNumber(change, { decimals: 1, unicodeMinus: true })} mV over ${duration(drift.end.t - drift.start.t)} between the windows' mean times. Windows of ${duration(drift.windowS)} (${windowRule(stated)}); potentials ${potentials.iR ? `${potentials.iR}, ` : ''}vs ${scale}.`,
      hint: { text: `drift ${summary} (ΔE ${formatNumber(change, { decimals: 0, unicodeMinus: true })} mV)`, category: 'results' },
      extra: { start: drift.start.value, end: drift.end.value, windowS: drift.windowS, scale },
    },
  };
}

function currentRun(d: Dataset, subject: string, window: number | undefined, stated: boolean): StabilityResult {
  const time = column(d.data, /^Time$/i);
  const current = column(d.data, /^Current$/i);
  if (!time || !current) return { missing: `\`${d.path}\` has no ${time ? 'current' : 'time'} column, so the current retained by this stability run is not computed` };
  const kept = currentRetention(time.values, current.values, window);
  if (!kept) return undefined;
  const area = d.areaCm2;
  const toDisplay = (a: number) => (a * 1000) / (area ?? 1);
  const unit = area === undefined ? 'mA' : 'mA/cm²';
  const percent = kept.retained * 100;
  const summary = `${formatNumber(percent, { significant: 3 })} % retained`;
  // The curve in display units: one per file and area, whatever the window (lines that differ only in it share it).
  const display = onData(d.data, 'stability CA display', dataKey(area), () => {
    const out = new Float64Array(current.values.length);
    for (let k = 0; k < out.length; k++) out[k] = toDisplay(current.values[k]!);
    return out;
  });
  return {
    figure: {
      subject, technique: 'CA', time: time.values, values: display, yTitle: area === undefined ? 'I (mA)' : 'j (mA cm⁻²)',
      windows: [kept.start, kept.end].map((w) => ({ from: w.from, to: w.to, mean: Math.sign(current.values[0]!) * toDisplay(w.value) })), summary,
    },
    value: {
      kind: 'currentRetention', subject, value: percent, unit: '%',
      label: summary,
      detail: `Mean |${area === undefined ? 'i' : 'j'}| of the end window over that of the start window, over ${duration(kept.durationS)}: start ${windowText(kept.start, unit, toDisplay, 3)}, end ${windowText(kept.end, unit, toDisplay, 3)}; ${formatNumber(percent, { significant: 4 })} % of the start current is left. Windows of ${duration(kept.windowS)} (${windowRule(stated)}).`,
      hint: { text: summary, category: 'results' },
      extra: { start: toDisplay(kept.start.value), end: toDisplay(kept.end.value), windowS: kept.windowS },
    },
  };
}
