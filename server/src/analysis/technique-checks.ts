// What the electrochemistry pass checks on a technique line beyond its
// set-points: CP current set-points (and the current they apply on the
// electrode), one duration per set-point, rotation rates, the impedance
// amplitude, the stability window, and the figures of merit (overpotential,
// Tafel range, mass activity, TOF, Koutecký–Levich). The unit and value of
// each quantity are checked by the quantities pass; these are the relations
// between them and the scales of their potentials.
import type { Potential, TechniqueLine } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { checkedQuantity } from './quantities';
import { isCurrentUnit, isPotentialUnit } from './merit-quantities';
import { ElectrochemCodes } from '../electrochem/codes';
import { SyntaxCodes } from '../syntax/codes';
import { resolveScale } from '../electrochem/potential-scale';
import { formatExact, formatNumber } from '../units/format';

const mA = (a: number) => formatNumber(a * 1000, { significant: 3 });

export function techniqueChecks(ctx: AnalysisContext, t: TechniqueLine, areaCm2: number | undefined): void {
  const technique = t.technique.text.toUpperCase();
  if (t.setCurrents) setCurrents(ctx, t, technique, areaCm2);
  if (t.duration && t.duration.values.length > 1) {
    const list = t.setCurrents ?? t.at?.quantity ?? t.rotation;
    const count = list?.values.length ?? 1;
    if (t.duration.values.length !== count) {
      ctx.report(ElectrochemCodes.setpointDurations, 'error', `${t.duration.values.length} durations for ${count} set-point${count === 1 ? '' : 's'}: give one duration per set-point, in order, or one for all (\`for 1 h each\`)`, t.duration.span);
    }
  }
  if (t.tafel) tafelRange(ctx, t);
  for (const point of [t.massActivity, t.tof]) {
    if (point && !point.overpotential) scaledPotentials(ctx, point.at);
  }
  if (t.kouteckyLevich) {
    scaledPotentials(ctx, t.kouteckyLevich.at, false);
    if (!t.rotation) ctx.report(ElectrochemCodes.kouteckyLevichNotRotating, 'error', 'Koutecký–Levich needs the rotation rates of the disk: add them after `at`, with a file per rate, as in `at 400, 900, 1600, 2500 rpm, data "orr-{rpm}.txt"`', t.kouteckyLevich.span);
  }
  if (t.equilibrium) scaledPotentials(ctx, t.equilibrium, false);
  if (t.label?.text.toLowerCase() === 'stability' && !t.data) {
    ctx.report(ElectrochemCodes.stabilityWithoutData, 'information', `the drift of this stability run is computed from its record: add \`data "…"\` to show it`, t.label.span);
  }
}

/** `CP at 10, 50, 100 mA/cm2`: each set-point, and the current it applies on the electrode (or the density of a current). */
function setCurrents(ctx: AnalysisContext, t: TechniqueLine, technique: string, areaCm2: number | undefined): void {
  const q = t.setCurrents!;
  if (technique !== 'CP') {
    ctx.report(ElectrochemCodes.currentSetpointNotCP, 'error', `\`${ctx.textOf(q.span)}\` is a current set-point, which a chronopotentiometry applies; ${t.technique.text} controls the potential: write \`CP at ${ctx.textOf(q.span)}\`, or give ${t.technique.text} a potential`, q.span);
    return;
  }
  const checked = checkedQuantity(ctx, q);
  if (!checked) return;
  const density = checked.kind === 'currentDensity';
  q.values.forEach((n, i) => {
    const si = checked.si[i]!;
    if (areaCm2 === undefined) return;
    const currentA = density ? si * areaCm2 * 1e-4 : si;
    const densityMA = (currentA * 1000) / areaCm2;
    const written = `${n.text} ${q.unit!.text}`;
    ctx.value({
      kind: 'setCurrent', subject: written, value: currentA * 1000, unit: 'mA', span: n.span,
      label: density ? `${mA(currentA)} mA on ${formatExact(areaCm2)} cm²` : `${formatNumber(densityMA, { significant: 3 })} mA/cm² on ${formatExact(areaCm2)} cm²`,
      detail: density
        ? `Set-point ${written} × ${formatExact(areaCm2)} cm² (geometric area of the working electrode) = ${mA(currentA)} mA applied.`
        : `Set-point ${written} on ${formatExact(areaCm2)} cm² (geometric area of the working electrode) = ${formatNumber(densityMA, { significant: 3 })} mA/cm².`,
      hint: { text: density ? `≙ ${mA(currentA)} mA` : `≙ ${formatNumber(densityMA, { significant: 3 })} mA/cm²`, category: 'setpoints' },
    });
  });
}

/** Both ends of a Tafel range are current densities (or currents), or both potentials; `from` may take the unit of `to`. */
function tafelRange(ctx: AnalysisContext, t: TechniqueLine): void {
  const { from, to } = t.tafel!;
  const unit = to.quantity.unit;
  const kinds = [from, to].map((p) => (isCurrentUnit(p.quantity, unit) ? 'current' : isPotentialUnit(p.quantity, unit) ? 'potential' : undefined));
  // An end that is neither is said at it by the quantities pass.
  if (kinds.some((k) => k === undefined)) return;
  if (kinds[0] !== kinds[1]) {
    ctx.report(ElectrochemCodes.tafelRangeKind, 'error', `the Tafel range goes from a ${kinds[0] === 'current' ? 'current' : 'potential'} to a ${kinds[1] === 'current' ? 'current' : 'potential'}: write both ends as current densities (\`tafel from 1 to 10 mA/cm2\`) or both as potentials (\`tafel from 1.50 to 1.60 V vs RHE\`)`, t.tafel!.span);
    return;
  }
  if (kinds[0] === 'potential') {
    // `from 1.50 to 1.60 V vs RHE`: the first end takes the unit and the scale of the second.
    scaledPotentials(ctx, to, false);
    if (from.scale) scaledPotentials(ctx, from, false);
  }
}

/** Potentials of a figure of merit are read on a scale; a missing or unknown one is said here. */
function scaledPotentials(ctx: AnalysisContext, p: Potential, overpotentialAllowed = true): void {
  if (!isPotentialUnit(p.quantity)) return; // not a potential: said at it by the quantities pass
  if (!p.scale) {
    ctx.report(SyntaxCodes.expectedPotential, 'error', `\`${ctx.textOf(p.span)}\` needs its scale, as in \`${ctx.textOf(p.span)} vs RHE\`${overpotentialAllowed ? ' (or write `… overpotential` for an overpotential)' : ''}`, p.span);
    return;
  }
  const r = resolveScale(p.scale.text, ctx.facts.declaredScales);
  if ('error' in r) {
    ctx.report(ElectrochemCodes.unknownReference, 'error', r.error, p.scale.span, {
      fixes: r.suggestions.map((s, i) => ({ title: `Change to \`${s}\``, edits: [{ span: p.scale!.span, newText: s }], preferred: i === 0 })),
    });
  }
}
