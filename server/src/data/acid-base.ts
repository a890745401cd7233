// Acid–base data for pH estimates, 25 °C, infinite dilution. Source: D. C.
// Harris, Quantitative Chemical Analysis, 9th ed., Appendix G (pKa values);
// pKw 14.00. Each system lists its fully protonated form's charge and pKas.

export interface AcidBaseSystem {
  /** Charge of the fully protonated form (H2SO4: 0; NH4+: +1). */
  charge: number;
  pKa: number[];
}

export const SYSTEMS: Record<string, AcidBaseSystem> = {
  sulfate: { charge: 0, pKa: [-3, 1.99] },
  phosphate: { charge: 0, pKa: [2.15, 7.2, 12.35] },
  carbonate: { charge: 0, pKa: [6.35, 10.33] },
  borate: { charge: 0, pKa: [9.24] },
  ammonium: { charge: 1, pKa: [9.25] },
};

export const PKW = 14.0;

/** What one formula unit of a species brings to the charge balance: strong ions and acid–base systems. */
export interface Contribution {
  cations?: number;
  anions?: number;
  systems?: { name: keyof typeof SYSTEMS; count: number }[];
}

// Strong acids bring their anion; the proton follows from the charge balance.
export const CONTRIBUTIONS: Record<string, Contribution> = {
  HCl: { anions: 1 }, HNO3: { anions: 1 }, HClO4: { anions: 1 },
  H2SO4: { systems: [{ name: 'sulfate', count: 1 }] },
  NaOH: { cations: 1 }, KOH: { cations: 1 }, LiOH: { cations: 1 },
  KNO3: { cations: 1, anions: 1 }, NaNO3: { cations: 1, anions: 1 }, KCl: { cations: 1, anions: 1 }, NaCl: { cations: 1, anions: 1 },
  NaClO4: { cations: 1, anions: 1 }, KNO2: { cations: 1, anions: 1 }, NaNO2: { cations: 1, anions: 1 },
  K2SO4: { cations: 2, systems: [{ name: 'sulfate', count: 1 }] },
  Na2SO4: { cations: 2, systems: [{ name: 'sulfate', count: 1 }] },
  H3PO4: { systems: [{ name: 'phosphate', count: 1 }] },
  KH2PO4: { cations: 1, systems: [{ name: 'phosphate', count: 1 }] },
  NaH2PO4: { cations: 1, systems: [{ name: 'phosphate', count: 1 }] },
  K2HPO4: { cations: 2, systems: [{ name: 'phosphate', count: 1 }] },
  Na2HPO4: { cations: 2, systems: [{ name: 'phosphate', count: 1 }] },
  KHCO3: { cations: 1, systems: [{ name: 'carbonate', count: 1 }] },
  NaHCO3: { cations: 1, systems: [{ name: 'carbonate', count: 1 }] },
  K2CO3: { cations: 2, systems: [{ name: 'carbonate', count: 1 }] },
  Na2CO3: { cations: 2, systems: [{ name: 'carbonate', count: 1 }] },
  H3BO3: { systems: [{ name: 'borate', count: 1 }] },
  'Na2B4O7·10H2O': { cations: 2, systems: [{ name: 'borate', count: 4 }] },
  NH4Cl: { anions: 1, systems: [{ name: 'ammonium', count: 1 }] },
  '(NH4)2SO4': { systems: [{ name: 'ammonium', count: 2 }, { name: 'sulfate', count: 1 }] },
};
