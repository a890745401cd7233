// Catalyst loadings of electrodes: the share of an ink's catalyst that a cast
// puts on the electrode, per geometric area; and the check of a stated loading.

/** mg of catalyst in `castUL` of an ink holding `inkCatalystMg` in `inkVolumeUL`. */
export function castMassMg(inkCatalystMg: number, inkVolumeUL: number, castUL: number): number {
  return (inkCatalystMg * castUL) / inkVolumeUL;
}

/** mg/cm²: 5 mg in 1000 µL, 10 µL cast on 0.196 cm² → 0.05 mg / 0.196 cm² = 0.2551 mg/cm². */
export function loadingMgPerCm2(massMg: number, areaCm2: number): number {
  return massMg / areaCm2;
}

/** µg of metal per cm²: the loading times the metal's mass fraction. */
export function metalLoadingUgPerCm2(loadingMg: number, metalFraction: number): number {
  return loadingMg * metalFraction * 1000;
}

/** A stated loading further than this (relative) from the recipe's is reported. */
export const LOADING_TOLERANCE = 0.05;

/** |stated − computed| / computed. */
export function relativeDeviation(stated: number, computed: number): number {
  return Math.abs(stated - computed) / computed;
}
