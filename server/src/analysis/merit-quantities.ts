// The quantities of a technique line's figures of merit, read in SI: a
// current criterion (`overpotential at 10 mA/cm2`: a current density or a
// current), a potential put on the RHE scale (`mass activity at 1.55 V vs
// RHE`), the ends of a Tafel range. The quantities pass has checked each
// against its place (and said what is wrong); these read the checked values.
import type { Potential, Quantity } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { convertPotential, nernstSlope, resolveScale } from '../electrochem/potential-scale';
import { checkedValues, type CheckedQuantity } from './quantities';

export interface CurrentCriterion {
  /** A current density (A/m²) or a current (A), as a magnitude. */
  kind: 'density' | 'current';
  si: number;
}

/** The checked quantity, with the unit of another (`from 1 to 10 mA/cm2`) when it has none. */
function checked(q: Quantity, fallbackUnit?: Quantity['unit']): CheckedQuantity | undefined {
  return checkedValues(q.unit || !fallbackUnit ? q : { ...q, unit: fallbackUnit });
}

/** A quantity's first value as a current density or a current (magnitude); undefined for anything else (said at the quantity). */
export function currentCriterion(q: Quantity, fallbackUnit?: Quantity['unit']): CurrentCriterion | undefined {
  const c = checked(q, fallbackUnit);
  if (c?.kind !== 'currentDensity' && c?.kind !== 'current') return undefined;
  return { kind: c.kind === 'currentDensity' ? 'density' : 'current', si: Math.abs(c.si[0]!) };
}

/** Whether a quantity (with the fallback's unit) is a potential. */
export function isPotentialUnit(q: Quantity, fallbackUnit?: Quantity['unit']): boolean {
  return checked(q, fallbackUnit)?.kind === 'potential';
}

/** Whether a quantity (with the fallback's unit) is a current density or a current. */
export function isCurrentUnit(q: Quantity, fallbackUnit?: Quantity['unit']): boolean {
  return currentCriterion(q, fallbackUnit) !== undefined;
}

/** The value at `index` in V, when the quantity is a potential. */
export function potentialSI(q: Quantity, index = 0, fallbackUnit?: Quantity['unit']): number | undefined {
  const c = checked(q, fallbackUnit);
  return c?.kind === 'potential' ? c.si[index] : undefined;
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
  const t = ctx.facts.temperatureK;
  const slope = ctx.facts.nernstSlope ?? (t === undefined ? undefined : nernstSlope(t));
  if (slope === undefined) return { error: 'the protocol temperature is impossible, so the Nernst slope is unknown' };
  return { value: convertPotential(e, from, rhe, pH, slope) };
}
