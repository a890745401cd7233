// Yield rates of a product: its amount or mass per hour, per catalyst mass or per electrode area —
// the four bases the literature reports (µg h⁻¹ mg⁻¹, µmol h⁻¹ mg⁻¹, µg h⁻¹ cm⁻², mmol h⁻¹ cm⁻²).
import type { DimensionVector } from '../data/units';
import { sameDimension } from '../units/dimension';

export type YieldBasis = { per: 'catalyst mass' | 'electrode area'; of: 'mass' | 'amount' };

const D = (l: number, m: number, t: number, n: number): DimensionVector => [l, m, t, 0, 0, n, 0, 0];
const BASES: { dimension: DimensionVector; basis: YieldBasis }[] = [
  { dimension: D(0, 0, -1, 0), basis: { per: 'catalyst mass', of: 'mass' } }, // µg/h/mg
  { dimension: D(0, -1, -1, 1), basis: { per: 'catalyst mass', of: 'amount' } }, // µmol/h/mg
  { dimension: D(-2, 1, -1, 0), basis: { per: 'electrode area', of: 'mass' } }, // µg/h/cm2
  { dimension: D(-2, 0, -1, 1), basis: { per: 'electrode area', of: 'amount' } }, // mmol/h/cm2
];

/** What a `yield in` unit divides by, or undefined when it is no yield rate. */
export function yieldBasis(dimension: DimensionVector): YieldBasis | undefined {
  return BASES.find((b) => sameDimension(b.dimension, dimension))?.basis;
}

/**
 * The yield rate in SI (kg or mol, per second, per kg or per m²) of `mol` of a product of molar mass
 * `gPerMol` made in `seconds`, or undefined when the electrode lacks the mass or area the basis needs.
 */
export function yieldRateSI(basis: YieldBasis, mol: number, gPerMol: number, seconds: number, electrode: { catalystMassG?: number; areaCm2?: number } | undefined): number | undefined {
  const made = basis.of === 'mass' ? (mol * gPerMol) / 1000 : mol;
  if (basis.per === 'catalyst mass') return electrode?.catalystMassG ? made / seconds / (electrode.catalystMassG / 1000) : undefined;
  return electrode?.areaCm2 ? made / seconds / (electrode.areaCm2 * 1e-4) : undefined;
}
