// Amounts written as a share of a solution: a concentration times the volume of
// the solution, or mass fractions of its total mass. All in SI units.

/** mol from a molar concentration (mol/m³) in a volume (m³). */
export function molesFromConcentration(molPerM3: number, volumeM3: number): number {
  return molPerM3 * volumeM3;
}

/** kg from a mass concentration (kg/m³) in a volume (m³). */
export function massFromConcentration(kgPerM3: number, volumeM3: number): number {
  return kgPerM3 * volumeM3;
}

export type FractionMasses =
  | { totalKg: number; massesKg: number[] }
  | { error: 'fractions add to 100 % or more'; sum: number };

/**
 * Solutes given by mass fractions w_i, with the rest of the solution (solvent and
 * any solute given by mass) weighing `restKg`: the total is rest / (1 − Σw), and
 * solute i weighs w_i × total. `10 wt% PBI in 9 g DMAc` → total 10 g, PBI 1 g.
 */
export function massesFromFractions(fractions: number[], restKg: number): FractionMasses {
  const sum = fractions.reduce((a, b) => a + b, 0);
  if (sum >= 1) return { error: 'fractions add to 100 % or more', sum };
  const totalKg = restKg / (1 - sum);
  return { totalKg, massesKg: fractions.map((w) => w * totalKg) };
}

/** kg of each solute when the total mass of the solution is known: w_i × total. */
export function massesInTotal(fractions: number[], totalKg: number): FractionMasses {
  const sum = fractions.reduce((a, b) => a + b, 0);
  if (sum >= 1) return { error: 'fractions add to 100 % or more', sum };
  return { totalKg, massesKg: fractions.map((w) => w * totalKg) };
}
