// The quantities of a technique line's figures of merit, read in SI: a
// current criterion (`overpotential at 10 mA/cm2`: a current density or a
// current), a potential put on the RHE scale (`mass activity at 1.55 V vs
// RHE`), the ends of a Tafel range. The electrochemistry pass reads them with
// `report` set, so a wrong unit is said once whether or not a data file is
// read; the data pass reads them again silently.
import type { Potential, Quantity } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { parseUnit } from '../units/parse-unit';
import { toSI } from '../units/convert';
import { sameDimension, SLOTS } from '../units/dimension';
import { UnitCodes } from '../units/codes';
import { convertPotential, nernstSlope, resolveScale } from '../electrochem/potential-scale';

export interface CurrentCriterion {
  /** A current density (A/m²) or a current (A), as a magnitude. */
  kind: 'density' | 'current';
  si: number;
}

/** A quantity's first value as a current density or a current; with `report`, a located error otherwise. */
export function currentCriterion(ctx: AnalysisContext, q: Quantity, report: boolean, what: string, fallbackUnit?: Quantity['unit']): CurrentCriterion | undefined {
  const unit = q.unit ?? fallbackUnit;
  const u = unit && parseUnit(unit.text);
  const density = !!u && 'unit' in u && sameDimension(u.unit.dimension, SLOTS.currentDensity.dimension);
  const current = !!u && 'unit' in u && sameDimension(u.unit.dimension, SLOTS.current.dimension);
  if (!u || !('unit' in u) || (!density && !current)) {
    if (report) ctx.report(UnitCodes.wrongDimension, 'error', `\`${ctx.textOf(q.span)}\` is not a current density or a current; ${what} is read at one, as in \`10 mA/cm2\``, q.span);
    return undefined;
  }
  return { kind: density ? 'density' : 'current', si: Math.abs(toSI(q.values[0]!.value, u.unit)) };
}

/** Whether a quantity's unit (or the fallback's) is a potential. */
export function isPotentialUnit(q: Quantity, fallbackUnit?: Quantity['unit']): boolean {
  const unit = q.unit ?? fallbackUnit;
  const u = unit && parseUnit(unit.text);
  return !!u && 'unit' in u && sameDimension(u.unit.dimension, SLOTS.potential.dimension);
}

/** Whether a quantity's unit (or the fallback's) is a current density or a current. */
export function isCurrentUnit(q: Quantity, fallbackUnit?: Quantity['unit']): boolean {
  const unit = q.unit ?? fallbackUnit;
  const u = unit && parseUnit(unit.text);
  return !!u && 'unit' in u && (sameDimension(u.unit.dimension, SLOTS.currentDensity.dimension) || sameDimension(u.unit.dimension, SLOTS.current.dimension));
}

/** The value at `index` in V, when the unit is a potential. */
export function potentialSI(q: Quantity, index = 0, fallbackUnit?: Quantity['unit']): number | undefined {
  const unit = q.unit ?? fallbackUnit;
  const u = unit && parseUnit(unit.text);
  if (!u || !('unit' in u) || !sameDimension(u.unit.dimension, SLOTS.potential.dimension)) return undefined;
  return toSI(q.values[index]!.value, u.unit);
}

/**
 * A potential written on any scale, on the RHE scale (V): through the declared
 * references and the pH of the electrolyte. Undefined when it has no scale, the
 * scale is unknown, or a pH is needed and unknown.
 */
export function onRHE(ctx: AnalysisContext, p: Potential, index: number, pH: number | undefined, fallbackUnit?: Quantity['unit']): { value: number } | { error: string } {
  const e = potentialSI(p.quantity, index, fallbackUnit);
  if (e === undefined) return { error: `\`${ctx.textOf(p.quantity.span)}\` is not a potential` };
  if (!p.scale) return { error: `\`${ctx.textOf(p.span)}\` has no scale: write it \`vs RHE\`` };
  const from = resolveScale(p.scale.text, ctx.facts.declaredScales);
  const rhe = resolveScale('RHE');
  if ('error' in from || 'error' in rhe) return { error: `\`${p.scale.text}\` is not a known reference electrode` };
  if (from.name === 'RHE') return { value: e };
  if (pH === undefined) return { error: `converting ${p.scale.text} to RHE needs the pH of the electrolyte, which is unknown` };
  const slope = ctx.facts.nernstSlope ?? nernstSlope(ctx.facts.temperatureK);
  return { value: convertPotential(e, from, rhe, pH, slope) };
}
