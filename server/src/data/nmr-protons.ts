// Protons under the ¹H NMR peak that quantifies a compound against an internal
// standard. A count is a default only where the compound shows one peak in D2O
// (OH, COOH and NH exchange with the solvent and are not seen), or where the
// field integrates one peak by convention (ethanol's and n-propanol's CH3
// triplets, clear of the water signal); a compound with several peaks and no
// convention (phenol: ortho 2 H, meta 2 H, para 1 H) has none, and the chemist
// writes the count of the peak integrated, as in `(2 H)`.
// Sources: chemical shifts in D2O from H. E. Gottlieb, V. Kotlyar, A. Nudelman,
// J. Org. Chem. 1997, 62, 7512–7515 (Table 1); the peaks integrated for CO2
// reduction products and the DMSO and phenol standards from K. P. Kuhl,
// E. R. Cave, D. N. Abram, T. F. Jaramillo, Energy Environ. Sci. 2012, 5,
// 7050–7059; ammonium (1:1:1 triplet of 14NH4+, 4 H, in acidified samples)
// from A. C. Nielander et al., ACS Catal. 2019, 9, 5797–5802. The counts
// themselves follow from the structures.

export interface NmrPeak {
  /** The group as chemists name it: `CH3`, `CH=CH`, `Si(CH3)3`. */
  group: string;
  protons: number;
  /** δ in ppm, D2O (approximate: it moves with pH and the reference). */
  shiftPpm: number;
}

export interface NmrCompound {
  /** The name shown in hovers. */
  name: string;
  /** How it is written on a result or `internal standard` line (matched without regard to case). */
  names: string[];
  /** Formula for the molar mass, when a standard is given in mass per volume. */
  formula: string;
  peaks: NmrPeak[];
  /** The peak quantified when the line states no count; absent when the choice is the chemist's. */
  defaultPeak?: number;
}

const P = (group: string, protons: number, shiftPpm: number): NmrPeak => ({ group, protons, shiftPpm });

export const NMR_COMPOUNDS: NmrCompound[] = [
  // Products of CO2 and nitrate reduction.
  { name: 'formate', names: ['HCOO-', 'HCOOH', 'formate', 'formic acid'], formula: 'HCOO-', peaks: [P('HCOO', 1, 8.44)], defaultPeak: 0 },
  { name: 'methanol', names: ['CH3OH', 'MeOH', 'methanol'], formula: 'CH3OH', peaks: [P('CH3', 3, 3.34)], defaultPeak: 0 },
  { name: 'ethanol', names: ['C2H5OH', 'CH3CH2OH', 'EtOH', 'ethanol'], formula: 'C2H5OH', peaks: [P('CH3', 3, 1.17), P('CH2', 2, 3.65)], defaultPeak: 0 },
  { name: 'n-propanol', names: ['CH3CH2CH2OH', 'n-PrOH', 'n-propanol', '1-propanol'], formula: 'CH3CH2CH2OH', peaks: [P('CH3', 3, 0.88), P('CH2', 2, 1.55), P('CH2O', 2, 3.55)], defaultPeak: 0 },
  { name: 'acetate', names: ['CH3COO-', 'CH3COOH', 'AcO-', 'AcOH', 'acetate', 'acetic acid'], formula: 'CH3COO-', peaks: [P('CH3', 3, 1.9)], defaultPeak: 0 },
  { name: 'acetone', names: ['CH3COCH3', 'acetone'], formula: 'CH3COCH3', peaks: [P('CH3', 6, 2.22)], defaultPeak: 0 },
  { name: 'acetaldehyde', names: ['CH3CHO', 'acetaldehyde'], formula: 'CH3CHO', peaks: [P('CHO', 1, 9.67), P('CH3', 3, 2.22)] },
  { name: 'ammonium', names: ['NH4+', 'NH3', 'ammonium'], formula: 'NH4+', peaks: [P('NH4', 4, 6.9)], defaultPeak: 0 },
  // Internal standards.
  { name: 'DMSO', names: ['DMSO', '(CH3)2SO', 'dimethyl sulfoxide'], formula: 'C2H6OS', peaks: [P('CH3', 6, 2.71)], defaultPeak: 0 },
  { name: 'maleic acid', names: ['maleic acid', 'C4H4O4'], formula: 'C4H4O4', peaks: [P('CH=CH', 2, 6.3)], defaultPeak: 0 },
  { name: 'DSS', names: ['DSS', 'sodium trimethylsilylpropanesulfonate'], formula: 'C6H15NaO3SSi', peaks: [P('Si(CH3)3', 9, 0)], defaultPeak: 0 },
  { name: 'TMSP-d4', names: ['TMSP', 'TMSP-d4', 'TSP', 'TSP-d4'], formula: 'C6H9D4NaO2Si', peaks: [P('Si(CH3)3', 9, 0)], defaultPeak: 0 },
  { name: 'phenol', names: ['phenol', 'C6H5OH', 'PhOH'], formula: 'C6H5OH', peaks: [P('ortho CH', 2, 6.9), P('meta CH', 2, 7.3), P('para CH', 1, 7.0)] },
];

/** The compounds above that serve as internal standards, for completion. */
export const NMR_STANDARDS = ['DMSO', 'maleic acid', 'DSS', 'TMSP-d4', 'phenol'];

export const NMR_PROTONS_SOURCE = 'Gottlieb et al., J. Org. Chem. 1997, 62, 7512 (shifts in D2O); Kuhl et al., Energy Environ. Sci. 2012, 5, 7050 (peaks integrated)';
