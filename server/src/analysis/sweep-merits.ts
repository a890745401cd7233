// Figures of merit of one recorded sweep (an LSV line with its data file):
//   - overpotential at a current density: η = E(j) − E_eq, E(j) the first
//     potential of the sweep where |j| reaches the value;
//   - Tafel slope over a current-density or potential range: E (or η) on
//     log10 |j|, in mV/dec with R², and the exchange current density the line
//     extrapolates to at η = 0;
//   - mass activity at a potential or overpotential: |i| / catalyst mass, and
//     per metal mass when the catalyst's metal content is known;
//   - turnover frequency: |i| / (n F N_sites), n the electrons per product of
//     the reaction, N_sites as stated or every metal atom (an upper bound).
// Every potential comes from `meritPotentials` (iR-corrected, on RHE).
import type { Potential, RunBlock, Span, TechniqueLine } from '../syntax/ast';
import type { AnalysisContext, Dataset, ElectrodeFacts, RunCell, TafelFigureInput } from './context';
import { column } from '../instruments/series';
import { onsetPotential } from '../instruments/derived';
import { currentAtPotential } from '../electrochem/sweep';
import { exchangeCurrentDensity, tafelFit, type TafelFit, type TafelPoint } from '../electrochem/tafel';
import { ElectrochemCodes } from '../electrochem/codes';
import { InstrumentCodes } from '../instruments/codes';
import { ELEMENTS } from '../data/atomic-weights';
import { FARADAY } from '../data/constants';
import { meritPotentials, potentialsKey, type MeritPotentials } from './sweep-potential';
import { currentCriterion, isCurrentUnit, onRHE, potentialSI } from './merit-quantities';
import { lineEquilibrium, lineReaction, type Equilibrium, type LineReaction } from './line-reaction';
import { formatExact, formatNumber } from '../units/format';
import { reportNoElectrodeArea } from './electrode-area-missing';
import { dataKey, onData } from './data-memo';

/** Fewest points a Tafel slope is fitted to; R² below this says the range is not one straight line. */
export const TAFEL_MIN_POINTS = 5;
export const TAFEL_MIN_R2 = 0.99;

const mV = (v: number) => formatNumber(v * 1000, { decimals: 0, unicodeMinus: true });
const V3 = (v: number) => formatNumber(v, { decimals: 3, unicodeMinus: true });
const sig = (x: number, n = 4) => formatNumber(x, { significant: n });

interface Sweep {
  run: RunBlock;
  t: TechniqueLine;
  d: Dataset;
  potentials: MeritPotentials;
  current: Float64Array;
  cell?: RunCell;
  electrode?: ElectrodeFacts;
  subject: string;
  scale: string;
}

export function sweepMerits(ctx: AnalysisContext, run: RunBlock, t: TechniqueLine, d: Dataset): void {
  if (!t.overpotential && !t.tafel && !t.massActivity && !t.tof) return;
  const potentials = meritPotentials(d);
  const current = column(d.data, /^Current$/i);
  const first = (t.overpotential ?? t.tafel ?? t.massActivity ?? t.tof)!.span;
  if (!potentials || !current) {
    ctx.report(InstrumentCodes.missingColumn, 'warning', `\`${d.path}\` has no ${potentials ? 'current' : 'potential'} column, so the figures of merit of this line are not computed`, first);
    return;
  }
  const cell = d.cell ? ctx.facts.cells.get(d.cell) : undefined;
  const s: Sweep = {
    run, t, d, potentials, current: current.values, cell,
    electrode: cell?.electrode ? ctx.facts.electrodes.get(cell.electrode) : undefined,
    subject: `${t.technique.text} ${d.path}`,
    scale: potentials.onRHE ? 'RHE' : 'the reference',
  };
  // The reaction and its equilibrium potential, once for the line. An overpotential needs E_eq and a TOF the
  // electrons per product, so they say why when there is none; a Tafel plot is against η when E_eq is known.
  const needsEquilibrium = !!(t.overpotential || t.massActivity?.overpotential || t.tof?.overpotential);
  const needsReaction = !!t.tof || (needsEquilibrium && !t.equilibrium) || !!t.reaction;
  const what = t.overpotential ? 'an overpotential' : t.tof ? 'a turnover frequency' : 'a mass activity at an overpotential';
  const reaction = lineReaction(ctx, t, what, first, needsReaction);
  const equilibrium = needsEquilibrium || t.tafel ? lineEquilibrium(ctx, t, reaction, cell?.pH?.value, first, needsEquilibrium || !!t.reaction || !!t.equilibrium) : undefined;
  if (t.overpotential) overpotential(ctx, s, equilibrium);
  if (t.tafel) tafel(ctx, s, equilibrium);
  if (t.massActivity) massActivity(ctx, s, equilibrium);
  if (t.tof) turnover(ctx, s, reaction, equilibrium);
}

/** The current a criterion stands for (A), or undefined (said at `span`) when a density has no area to multiply. */
function thresholdA(ctx: AnalysisContext, s: Sweep, kind: 'density' | 'current', si: number, what: string, span: Span): number | undefined {
  if (kind === 'current') return si;
  if (s.d.areaCm2 === undefined) {
    reportNoElectrodeArea(ctx, s.d.cell, what, span);
    return undefined;
  }
  return si * s.d.areaCm2 * 1e-4;
}

function needsRHE(ctx: AnalysisContext, s: Sweep, what: string, span: Span): boolean {
  if (s.potentials.onRHE) return true;
  ctx.report(ElectrochemCodes.meritOffRHE, 'warning', `${what} needs the potentials of \`${s.d.path}\` on the RHE scale, and the pH of the cell's electrolyte is unknown: add \`pH … measured\` to it`, span);
  return false;
}

function overpotential(ctx: AnalysisContext, s: Sweep, eq: Equilibrium | undefined): void {
  const q = s.t.overpotential!;
  const criterion = currentCriterion(q);
  if (!criterion || !eq || !needsRHE(ctx, s, 'an overpotential', q.span)) return;
  const threshold = thresholdA(ctx, s, criterion.kind, criterion.si, `an overpotential at ${ctx.textOf(q.span)}`, q.span);
  if (threshold === undefined) return;
  const e = onsetPotential(s.potentials.values, s.current, threshold);
  if (e === undefined) {
    ctx.report(ElectrochemCodes.currentNotReached, 'warning', `the sweep in \`${s.d.path}\` never reaches ${ctx.textOf(q.span)} (${sig(threshold * 1000, 3)} mA${criterion.kind === 'density' ? ` on ${formatExact(s.d.areaCm2!)} cm²` : ''}), so there is no overpotential to read; ask at a smaller current density`, q.span);
    return;
  }
  const eta = e - eq.vsRHE;
  ctx.value({
    kind: 'overpotential', subject: s.subject, value: eta * 1000, unit: 'mV', span: q.span,
    label: `η ${mV(eta)} mV at ${ctx.textOf(q.span)}`,
    detail: `η = E − E_eq = ${V3(e)} − ${V3(eq.vsRHE)} V = ${mV(eta)} mV. E: the first potential of the sweep at which |i| reaches ${sig(threshold * 1000, 3)} mA${criterion.kind === 'density' ? ` (${ctx.textOf(q.span)} × ${formatExact(s.d.areaCm2!)} cm²)` : ''}, interpolated between points, ${potentialNote(s)}. E_eq: ${eq.how}.`,
    hint: { text: `η ${mV(eta)} mV`, category: 'results' },
    extra: { potential: e, equilibrium: eq.vsRHE },
  });
}

function potentialNote(s: Sweep): string {
  return `${s.potentials.iR ? `${s.potentials.iR}, ` : ''}${s.potentials.onRHE ? 'on the RHE scale' : "vs the cell's reference"}`;
}

function tafel(ctx: AnalysisContext, s: Sweep, eq: Equilibrium | undefined): void {
  const { from, to, span } = s.t.tafel!;
  const unit = to.quantity.unit;
  const area = s.d.areaCm2;
  const byCurrent = isCurrentUnit(to.quantity) && isCurrentUnit(from.quantity, unit);
  let select: (k: number) => boolean;
  let range: string;
  let bounds: { lo: number; hi: number };
  if (byCurrent) {
    const a = currentCriterion(from.quantity, unit);
    const b = currentCriterion(to.quantity, unit);
    if (!a || !b) return;
    const lo = thresholdA(ctx, s, a.kind, Math.min(a.si, b.si), 'a Tafel range of current densities', span);
    if (lo === undefined) return;
    const hi = thresholdA(ctx, s, a.kind, Math.max(a.si, b.si), 'a Tafel range of current densities', span)!;
    select = (k) => Math.abs(s.current[k]!) >= lo && Math.abs(s.current[k]!) <= hi;
    bounds = { lo, hi };
    range = `|i| from ${sig(lo * 1000, 3)} to ${sig(hi * 1000, 3)} mA`;
  } else {
    if (potentialSI(to.quantity) === undefined || potentialSI(from.quantity, 0, unit) === undefined) return;
    if (!needsRHE(ctx, s, 'a Tafel range of potentials', span)) return;
    const a = onRHE(ctx, from.scale ? from : { ...from, scale: to.scale }, 0, s.cell?.pH?.value, unit);
    const b = onRHE(ctx, to, 0, s.cell?.pH?.value);
    if ('error' in a || 'error' in b) return; // said by the electrochemistry pass
    const lo = Math.min(a.value, b.value);
    const hi = Math.max(a.value, b.value);
    select = (k) => s.potentials.values[k]! >= lo && s.potentials.values[k]! <= hi;
    bounds = { lo, hi };
    range = `E from ${V3(lo)} to ${V3(hi)} V vs RHE`;
  }
  const jUnit = area === undefined ? 'mA' : 'mA cm⁻²';
  const yTitle = eq ? 'η (V)' : `E (V vs ${s.potentials.onRHE ? 'RHE' : 'the reference'})`;
  // The points and the fit, once per file, range, scale and area (`onData`): a line repeated names one sweep.
  const key = dataKey(s.subject, byCurrent, bounds.lo, bounds.hi, area, eq?.vsRHE, yTitle, potentialsKey(s.d));
  const { fitted, fit, figure } = onData(s.d.data, 'tafel', key, () => tafelPoints(s, select, area, eq?.vsRHE ?? 0, jUnit, yTitle));
  if (fitted < TAFEL_MIN_POINTS) {
    ctx.report(ElectrochemCodes.tafelFewPoints, 'warning', `${fitted} point${fitted === 1 ? '' : 's'} of \`${s.d.path}\` fall${fitted === 1 ? 's' : ''} within the Tafel range (${range}); at least ${TAFEL_MIN_POINTS} are needed: widen the range`, span);
    return;
  }
  if (!fit || !figure) {
    ctx.report(ElectrochemCodes.tafelFewPoints, 'warning', `the points of \`${s.d.path}\` within the Tafel range (${range}) all have the same current, so no slope can be fitted: widen the range`, span);
    return;
  }
  if (fit.r2 < TAFEL_MIN_R2) {
    ctx.report(ElectrochemCodes.tafelPoorFit, 'warning', `the Tafel range of \`${s.d.path}\` is not one straight line: R² = ${formatNumber(fit.r2, { decimals: 4 })} (below ${formatExact(TAFEL_MIN_R2)}); narrow it to the linear part of the Tafel plot`, span);
  }
  const slope = Math.abs(fit.slope) * 1000;
  const direction = fit.slope > 0 ? 'anodic' : 'cathodic';
  const j0 = eq ? exchangeCurrentDensity(fit) : undefined;
  ctx.facts.tafelFits.push(figure);
  ctx.value({
    kind: 'tafelSlope', subject: s.subject, value: slope, unit: 'mV/dec', span,
    label: `Tafel slope ${sig(slope, 3)} mV/dec`,
    detail: `Least squares of ${eq ? 'η' : 'E'} on log10 |j| over ${fit.points} points (${range}; log10 |j| from ${formatNumber(fit.logFrom, { decimals: 2, unicodeMinus: true })} to ${formatNumber(fit.logTo, { decimals: 2, unicodeMinus: true })}, j in ${jUnit.replace(' cm⁻²', '/cm²')}): slope ${formatNumber(fit.slope * 1000, { significant: 4, unicodeMinus: true })} mV/dec (${direction}), R² ${formatNumber(fit.r2, { decimals: 4 })}. Potentials ${potentialNote(s)}${eq ? `; E_eq ${eq.how}` : ''}.${j0 !== undefined ? ` Extrapolated to η = 0: j0 = ${sig(j0, 3)} ${jUnit.replace(' cm⁻²', '/cm²')}.` : ''}`,
    hint: { text: `Tafel ${sig(slope, 3)} mV/dec · R² ${formatNumber(fit.r2, { decimals: 3 })}`, category: 'results' },
    extra: { r2: fit.r2, points: fit.points, direction },
  });
  if (j0 !== undefined && area !== undefined) {
    ctx.value({
      kind: 'exchangeCurrentDensity', subject: s.subject, value: j0, unit: 'mA/cm2', span,
      label: `j0 ${sig(j0, 3)} mA/cm²`,
      detail: `The Tafel line extrapolated to η = 0: log10 j0 = −a/b = ${formatNumber(-fit.intercept / fit.slope, { decimals: 3, unicodeMinus: true })} (a = ${formatNumber(fit.intercept * 1000, { significant: 4, unicodeMinus: true })} mV, b = ${formatNumber(fit.slope * 1000, { significant: 4, unicodeMinus: true })} mV/dec).`,
    });
  }
}

/**
 * The Tafel plot's points: log10 |j| in mA/cm² (mA without an area) against η when the equilibrium
 * potential is known, else E, for every recorded point with a current, and the index in the record of
 * each. The same for every range on one sweep, scale and area (`onData`), so never written into.
 */
function tafelCurve(s: Sweep, area: number | undefined, offset: number): { points: TafelPoint[]; record: number[] } {
  const toLog = (i: number) => Math.log10((Math.abs(i) * 1000) / (area ?? 1));
  const points: TafelPoint[] = [];
  const record: number[] = [];
  for (let k = 0; k < s.current.length; k++) {
    if (s.current[k] === 0) continue;
    points.push({ logJ: toLog(s.current[k]!), y: s.potentials.values[k]! - offset });
    record.push(k);
  }
  return { points, record };
}

/** How many points lie in the range, and the fit of those with the plot's input; shared by every line that asks alike. */
function tafelPoints(s: Sweep, select: (k: number) => boolean, area: number | undefined, offset: number, jUnit: string, yTitle: string): { fitted: number; fit?: TafelFit; figure?: TafelFigureInput } {
  const curve = onData(s.d.data, 'tafel curve', dataKey(area, offset, potentialsKey(s.d)), () => tafelCurve(s, area, offset));
  const fitted: number[] = [];
  for (let i = 0; i < curve.points.length; i++) if (select(curve.record[i]!)) fitted.push(i);
  if (fitted.length < TAFEL_MIN_POINTS) return { fitted: fitted.length };
  const fit = tafelFit(fitted.map((i) => curve.points[i]!));
  if (!fit) return { fitted: fitted.length };
  return { fitted: fitted.length, fit, figure: { subject: s.subject, points: curve.points, fitted, slope: fit.slope, intercept: fit.intercept, r2: fit.r2, jUnit, yTitle } };
}

/** The potential on RHE a mass activity or TOF is read at: stated on a scale, or E_eq + η. */
function meritPotential(ctx: AnalysisContext, s: Sweep, at: Potential, isOverpotential: boolean, eq: Equilibrium | undefined): { e: number; how: string } | undefined {
  if (isOverpotential) {
    const eta = potentialSI(at.quantity);
    if (eta === undefined || !eq) return undefined;
    return { e: eq.vsRHE + eta, how: `E = E_eq + η = ${V3(eq.vsRHE)} + ${V3(eta)} = ${V3(eq.vsRHE + eta)} V vs RHE (E_eq ${eq.how})` };
  }
  const r = onRHE(ctx, at, 0, s.cell?.pH?.value);
  if ('error' in r) return undefined; // said by the electrochemistry pass
  return { e: r.value, how: `E = ${V3(r.value)} V vs RHE` };
}

/** |i| at the merit point, or undefined with a diagnostic. */
function currentAt(ctx: AnalysisContext, s: Sweep, what: string, at: Potential, overpotentialWord: boolean, eq: Equilibrium | undefined, span: Span): { i: number; e: number; how: string } | undefined {
  if (!needsRHE(ctx, s, what, span)) return undefined;
  const point = meritPotential(ctx, s, at, overpotentialWord, eq);
  if (!point) return undefined;
  const i = currentAtPotential(s.potentials.values, s.current, point.e);
  if (i === undefined) {
    const lo = Math.min(...sample(s.potentials.values));
    const hi = Math.max(...sample(s.potentials.values));
    ctx.report(ElectrochemCodes.potentialOutsideSweep, 'warning', `the sweep in \`${s.d.path}\` does not pass ${V3(point.e)} V vs RHE (it covers ${V3(lo)} to ${V3(hi)} V), so ${what} is not read there; ask at a potential inside the sweep`, span);
    return undefined;
  }
  return { i: Math.abs(i), e: point.e, how: point.how };
}

/** Min and max without spreading a long array into arguments. */
function sample(values: Float64Array): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function massActivity(ctx: AnalysisContext, s: Sweep, eq: Equilibrium | undefined): void {
  const p = s.t.massActivity!;
  const read = currentAt(ctx, s, 'a mass activity', p.at, !!p.overpotential, eq, p.span);
  if (!read) return;
  const massG = s.electrode?.catalystMassG;
  if (massG === undefined || massG <= 0) {
    ctx.report(ElectrochemCodes.noCatalystMass, 'warning', `a mass activity needs the catalyst mass on the working electrode${s.cell?.electrode ? ` ${s.cell.electrode}` : ''}: give it a catalyst mass, a cast of an ink, or a stated loading with its area`, p.span);
    return;
  }
  const perCatalyst = read.i / massG;
  const at = ctx.textOf(p.at.span) + (p.overpotential ? ' overpotential' : '');
  const metal = s.electrode?.metal;
  const perMetal = metal ? read.i / (massG * metal.fraction) : undefined;
  ctx.value({
    kind: 'massActivity', subject: s.subject, value: perCatalyst, unit: 'A/g', span: p.span,
    label: `${sig(perCatalyst, 3)} A/g ${s.electrode?.catalyst ?? 'catalyst'} at ${at}`,
    detail: `|i| / m = ${sig(read.i * 1000)} mA / ${sig(massG * 1000)} mg = ${sig(perCatalyst)} A/g of catalyst${perMetal !== undefined ? `; per metal: / (${sig(massG * 1000)} mg × ${formatNumber(metal!.fraction * 100, { significant: 4 })} % ${metal!.label}) = ${sig(perMetal)} A/g ${metal!.label} (${metal!.how})` : ''}. ${read.how}; i read from the sweep at that potential, ${potentialNote(s)}, not corrected for mass transport.`,
    hint: { text: `${sig(perCatalyst, 3)} A/g${perMetal !== undefined ? ` · ${sig(perMetal, 3)} A/g ${metal!.label}` : ''}`, category: 'results' },
    extra: { potential: read.e, basis: 'catalyst' },
  });
  if (perMetal !== undefined) {
    ctx.value({ kind: 'metalMassActivity', subject: s.subject, value: perMetal, unit: 'A/g', span: p.span, label: `${sig(perMetal, 3)} A/g ${metal!.label} at ${at}`, extra: { potential: read.e, metal: metal!.label } });
  }
}

function turnover(ctx: AnalysisContext, s: Sweep, reaction: LineReaction | undefined, eq: Equilibrium | undefined): void {
  const p = s.t.tof!;
  if (!reaction) return; // said by lineReaction
  if (reaction.electrons === undefined) {
    ctx.report(ElectrochemCodes.noElectrons, 'warning', `a turnover frequency needs the electrons per product of reaction ${reaction.name}, which is not balanced or names no product`, p.span);
    return;
  }
  const read = currentAt(ctx, s, 'a turnover frequency', p.at, !!p.overpotential, eq, p.span);
  if (!read) return;
  const sites = siteCount(ctx, s, p.span);
  if (!sites) return;
  const tof = read.i / (reaction.electrons * FARADAY * sites.mol);
  const at = ctx.textOf(p.at.span) + (p.overpotential ? ' overpotential' : '');
  ctx.value({
    kind: 'turnoverFrequency', subject: s.subject, value: tof, unit: 's-1', span: p.span,
    label: `TOF ${sig(tof, 3)} s⁻¹ at ${at}${sites.upperBound ? ' (lower bound)' : ''}`,
    detail: `TOF = |i| / (n F N) = ${sig(read.i * 1000)} mA / (${formatExact(reaction.electrons)} × ${formatExact(FARADAY)} C/mol × ${sig(sites.mol * 1e9)} nmol) = ${sig(tof)} s⁻¹ per site, n the electrons per ${reaction.name} of its reaction. Sites: ${sites.how}. ${read.how}; i read from the sweep at that potential, ${potentialNote(s)}.`,
    hint: { text: `TOF ${sig(tof, 3)} s⁻¹${sites.upperBound ? ' (≥)' : ''}`, category: 'results' },
    extra: { potential: read.e, sites: sites.upperBound ? 'metal atoms' : 'stated', sitesMol: sites.mol },
  });
}

/** Stated sites, or every metal atom of the catalyst on the electrode (an upper bound on the sites: said). */
function siteCount(ctx: AnalysisContext, s: Sweep, span: Span): { mol: number; how: string; upperBound: boolean } | undefined {
  const e = s.electrode;
  if (e?.sitesMol !== undefined && e.sitesMol > 0) return { mol: e.sitesMol, how: `as stated, ${sig(e.sitesMol * 1e9)} nmol`, upperBound: false };
  if (e?.catalystMassG !== undefined && e.metal) {
    let mol = 0;
    const parts: string[] = [];
    for (const m of e.metal.elements) {
      const weight = ELEMENTS.get(m.element)?.weight;
      if (weight === undefined) return undefined;
      const n = (e.catalystMassG * m.fraction) / weight;
      mol += n;
      parts.push(`${sig(e.catalystMassG * 1000)} mg × ${formatNumber(m.fraction * 100, { significant: 4 })} % ${m.element} / ${formatNumber(weight, { decimals: 3 })} g/mol = ${sig(n * 1e9)} nmol`);
    }
    if (mol > 0) {
      ctx.report(ElectrochemCodes.sitesFromMetal, 'information', `the electrode states no \`sites\`, so every ${e.metal.label} atom on it counts as a site (${sig(mol * 1e9)} nmol): that overcounts the active sites, and the TOF is a lower bound; add \`sites … mol\` to the electrode when the number is known`, span);
      return { mol, how: `every metal atom of the catalyst on the electrode, ${parts.join('; ')} (an upper bound on the active sites: the TOF is a lower bound)`, upperBound: true };
    }
  }
  ctx.report(ElectrochemCodes.noSites, 'warning', `a turnover frequency needs the number of active sites: add \`sites … mol\` to the working electrode${s.cell?.electrode ? ` ${s.cell.electrode}` : ''}, or give its catalyst a mass and a metal content`, span);
  return undefined;
}
