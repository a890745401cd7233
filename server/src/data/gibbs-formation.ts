// Standard Gibbs energies of formation at 298.15 K and 1 bar, from which the
// equilibrium potential of a written reaction is computed (E° = −ΔrG°/nF).
// Source: D. D. Wagman et al., "The NBS tables of chemical thermodynamic
// properties", J. Phys. Chem. Ref. Data 11, Suppl. 2 (1982), as reprinted in
// the CRC Handbook of Chemistry and Physics ("Standard thermodynamic
// properties of chemical substances"). Values recalled from those tables;
// the tests check the potentials they give against the ones quoted in the
// CO2-reduction literature (K. P. Kuhl, E. R. Cave, D. N. Abram,
// T. F. Jaramillo, Energy Environ. Sci. 2012, 5, 7050, Table 1: CO −0.10,
// CH4 0.17, C2H4 0.08, C2H5OH 0.09 V vs RHE) and the textbook 1.229 V of
// O2/H2O.
//
// States: gases as the gas at 1 bar, water as the liquid, every other
// species as the aqueous solute at unit activity (a product dissolved in the
// electrolyte). H+ and the electron are 0 by convention.

export interface FormationEnergy {
  /** Hill formula of the species, as `hillFormula` writes it. */
  hill: string;
  charge: number;
  name: string;
  state: 'g' | 'l' | 'aq';
  /** ΔfG° in kJ/mol. */
  kJPerMol: number;
}

export const GIBBS_FORMATION_SOURCE = 'NBS tables (Wagman et al., J. Phys. Chem. Ref. Data 11, Suppl. 2, 1982), 298.15 K';

export const GIBBS_FORMATION: FormationEnergy[] = [
  { hill: 'H', charge: 1, name: 'H+', state: 'aq', kJPerMol: 0 },
  { hill: 'H2', charge: 0, name: 'H2', state: 'g', kJPerMol: 0 },
  { hill: 'O2', charge: 0, name: 'O2', state: 'g', kJPerMol: 0 },
  { hill: 'N2', charge: 0, name: 'N2', state: 'g', kJPerMol: 0 },
  { hill: 'H2O', charge: 0, name: 'H2O', state: 'l', kJPerMol: -237.129 },
  { hill: 'HO', charge: -1, name: 'OH-', state: 'aq', kJPerMol: -157.244 },
  { hill: 'H2O2', charge: 0, name: 'H2O2', state: 'aq', kJPerMol: -134.03 },
  { hill: 'HO2', charge: -1, name: 'HO2-', state: 'aq', kJPerMol: -67.3 },
  { hill: 'CO2', charge: 0, name: 'CO2', state: 'g', kJPerMol: -394.359 },
  { hill: 'CO', charge: 0, name: 'CO', state: 'g', kJPerMol: -137.168 },
  { hill: 'CH4', charge: 0, name: 'CH4', state: 'g', kJPerMol: -50.72 },
  { hill: 'C2H4', charge: 0, name: 'C2H4', state: 'g', kJPerMol: 68.15 },
  { hill: 'C2H6', charge: 0, name: 'C2H6', state: 'g', kJPerMol: -32.82 },
  { hill: 'CH2O2', charge: 0, name: 'HCOOH', state: 'aq', kJPerMol: -372.3 },
  { hill: 'CHO2', charge: -1, name: 'HCOO-', state: 'aq', kJPerMol: -351.0 },
  { hill: 'CH4O', charge: 0, name: 'CH3OH', state: 'aq', kJPerMol: -175.31 },
  { hill: 'C2H6O', charge: 0, name: 'C2H5OH', state: 'aq', kJPerMol: -181.64 },
  { hill: 'C2H4O2', charge: 0, name: 'CH3COOH', state: 'aq', kJPerMol: -396.46 },
  { hill: 'C2H3O2', charge: -1, name: 'CH3COO-', state: 'aq', kJPerMol: -369.31 },
  { hill: 'CO3', charge: -2, name: 'CO3^2-', state: 'aq', kJPerMol: -527.81 },
  { hill: 'CHO3', charge: -1, name: 'HCO3-', state: 'aq', kJPerMol: -586.77 },
  { hill: 'H3N', charge: 0, name: 'NH3', state: 'aq', kJPerMol: -26.5 },
  { hill: 'H4N', charge: 1, name: 'NH4+', state: 'aq', kJPerMol: -79.31 },
  { hill: 'NO3', charge: -1, name: 'NO3-', state: 'aq', kJPerMol: -108.74 },
  { hill: 'NO2', charge: -1, name: 'NO2-', state: 'aq', kJPerMol: -32.2 },
  { hill: 'H4N2', charge: 0, name: 'N2H4', state: 'aq', kJPerMol: 128.1 },
  { hill: 'N2O', charge: 0, name: 'N2O', state: 'g', kJPerMol: 104.2 },
  { hill: 'NO', charge: 0, name: 'NO', state: 'g', kJPerMol: 86.55 },
];

export function formationEnergy(hill: string, charge: number): FormationEnergy | undefined {
  return GIBBS_FORMATION.find((e) => e.hill === hill && e.charge === charge);
}
