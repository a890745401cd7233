// Gases an electrolyte is saturated with (`saturated with CO2`, `purge Ar 30 min`):
// whether the gas takes part in the acid–base balance, and its Henry's-law
// solubility where the pH estimate needs it. 25 °C, pure water (salting out
// neglected). Dissolved O2 of an electrolyte comes from oxygen-transport.ts,
// which is per electrolyte, not from a Henry constant here.

export interface SaturatingGas {
  /** The formula as written in a protocol. */
  gas: string;
  /**
   * Henry's-law solubility K_H = c(aq) / p(gas), mol/(L·atm), at 25 °C in pure water;
   * only for a gas whose dissolved concentration the pH estimate fixes.
   */
  henryMolPerLAtm?: number;
  /** The acid–base system (acid-base.ts) whose fully protonated form the dissolved gas is (CO2(aq) = H2CO3*). */
  acidBaseSystem?: 'carbonate';
  source?: string;
}

export const HENRY_TEMPERATURE_K = 298.15;

export const SATURATING_GASES: Record<string, SaturatingGas> = {
  CO2: {
    gas: 'CO2',
    henryMolPerLAtm: 0.034,
    acidBaseSystem: 'carbonate',
    source: 'K_H(CO2) = 0.034 mol/(L·atm) at 25 °C (R. Sander, Atmos. Chem. Phys. 15 (2015) 4399: 3.3×10⁻⁴ mol/(m³·Pa); D. C. Harris, Quantitative Chemical Analysis, 9th ed.: 10^−1.47); carbonic acid pKa1 6.35, pKa2 10.33 (Harris, Appendix G)',
  },
  // Gases that do not take part in the acid–base balance: recorded, nothing computed from them
  // except O2's dissolved concentration where oxygen-transport.ts has the electrolyte.
  O2: { gas: 'O2' },
  N2: { gas: 'N2' },
  Ar: { gas: 'Ar' },
  He: { gas: 'He' },
  H2: { gas: 'H2' },
  CO: { gas: 'CO' },
};

/** Pa in one standard atmosphere: Henry constants per atm are applied to pressures in Pa. */
export const PASCAL_PER_ATM = 101325;
