// The compounds a gas chromatograph names, and the formula a `reaction` writes
// for each: a peak labelled `Hydrogen`, `H2` or `hydrogen` is the H2 of
// `reaction H2 : 2 H2O + 2 e- -> H2 + 2 OH-`. Matched without regard to case,
// spaces, hyphens and underscores (`Carbon monoxide`, `carbon-monoxide`).
// Sources: the labels of the INFICON Fusion method `AS_Cal_20220204` in the
// real export test/fixtures/instrument-exports/fusion-gc-cu-co2rr.fusion-data
// (H2, O2, N2, CH4, CO, CO2, C2H4, C2H6, C3H6, C3H8, MeOH, Acetaldehyde, EtOH,
// Propionaldehyde, Acetone, 1-propanol); the names and formulas of the NIST
// Chemistry WebBook, SRD 69 (webbook.nist.gov: `Hydrogen`, `Carbon monoxide`,
// `Methane`, `Ethylene`, `Acetaldehyde`, `Propanal`, …) with their IUPAC names
// (`ethene`, `propene`, `ethanal`, `propanone`). Isomers that share a formula
// (n-butane and isobutane) are left out rather than merged.

export interface GcCompound {
  /** The formula a reaction and a result line write (`C2H4`, `CH3OH`). */
  formula: string;
  /** What instruments and chemists call it, the formula included. */
  names: string[];
}

export const GC_COMPOUNDS_SOURCE = 'labels of the INFICON Fusion method in the test exports; NIST Chemistry WebBook (SRD 69) and IUPAC names';

export const GC_COMPOUNDS: GcCompound[] = [
  // Permanent gases: products, carrier and air.
  { formula: 'H2', names: ['H2', 'Hydrogen'] },
  { formula: 'O2', names: ['O2', 'Oxygen'] },
  { formula: 'N2', names: ['N2', 'Nitrogen'] },
  { formula: 'Ar', names: ['Ar', 'Argon'] },
  { formula: 'He', names: ['He', 'Helium'] },
  { formula: 'CO', names: ['CO', 'Carbon monoxide'] },
  { formula: 'CO2', names: ['CO2', 'Carbon dioxide'] },
  // Nitrogen oxides and ammonia of nitrate and N2 reduction.
  { formula: 'NO', names: ['NO', 'Nitric oxide', 'Nitrogen monoxide'] },
  { formula: 'N2O', names: ['N2O', 'Nitrous oxide', 'Dinitrogen monoxide'] },
  { formula: 'NH3', names: ['NH3', 'Ammonia'] },
  // Hydrocarbons of CO2 reduction.
  { formula: 'CH4', names: ['CH4', 'Methane'] },
  { formula: 'C2H2', names: ['C2H2', 'Acetylene', 'Ethyne'] },
  { formula: 'C2H4', names: ['C2H4', 'Ethylene', 'Ethene'] },
  { formula: 'C2H6', names: ['C2H6', 'Ethane'] },
  { formula: 'C3H6', names: ['C3H6', 'Propylene', 'Propene'] },
  { formula: 'C3H8', names: ['C3H8', 'Propane'] },
  // Oxygenates that reach the gas stream.
  { formula: 'CH3OH', names: ['CH3OH', 'MeOH', 'Methanol'] },
  { formula: 'C2H5OH', names: ['C2H5OH', 'EtOH', 'Ethanol'] },
  { formula: 'C3H7OH', names: ['C3H7OH', '1-Propanol', 'n-Propanol', 'n-PrOH', 'Propan-1-ol'] },
  { formula: 'CH3CHO', names: ['CH3CHO', 'Acetaldehyde', 'Ethanal'] },
  { formula: 'C2H5CHO', names: ['C2H5CHO', 'Propionaldehyde', 'Propanal'] },
  { formula: 'CH3COCH3', names: ['CH3COCH3', 'Acetone', 'Propanone'] },
  { formula: 'HCOOH', names: ['HCOOH', 'Formic acid'] },
];
