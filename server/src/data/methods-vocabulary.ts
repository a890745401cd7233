// Words a Methods section spells out for what a protocol abbreviates.
// Technique names: IUPAC Compendium of Chemical Terminology (Gold Book, 2019
// online ed.) and A. J. Bard, L. R. Faulkner, Electrochemical Methods, 2nd ed.
// (Wiley 2001), ch. 5–10. Analytical abbreviations: IUPAC Orange Book
// (Compendium of Analytical Nomenclature, 3rd ed. 1998). Element names: IUPAC
// Red Book (2005), Table I. Room temperature: 20–25 °C, the range of
// "controlled room temperature" in USP <659>.
import type { TechniqueName } from '../syntax/ast';

export const TECHNIQUE_NAMES: Record<TechniqueName, string> = {
  CV: 'cyclic voltammetry',
  LSV: 'linear sweep voltammetry',
  CA: 'chronoamperometry',
  CP: 'chronopotentiometry',
  EIS: 'electrochemical impedance spectroscopy',
  DPV: 'differential pulse voltammetry',
  SWV: 'square-wave voltammetry',
  OCP: 'open-circuit potential',
};

/** Analytical methods named by their abbreviation in steps and readings. */
export const ANALYTICAL_METHODS: Record<string, string> = {
  TLC: 'thin-layer chromatography',
  GC: 'gas chromatography',
  HPLC: 'high-performance liquid chromatography',
  IC: 'ion chromatography',
  NMR: 'nuclear magnetic resonance spectroscopy',
  PTLC: 'preparative thin-layer chromatography',
  SEC: 'size-exclusion chromatography',
  'UV-vis': 'UV-vis absorption spectroscopy',
  'ESI-MS': 'electrospray ionization mass spectrometry',
  XPS: 'X-ray photoelectron spectroscopy',
  XRD: 'X-ray diffraction',
  TEM: 'transmission electron microscopy',
};

/** Electrode materials written as element symbols (`counter Pt`). */
export const ELECTRODE_MATERIALS: Record<string, string> = {
  Pt: 'platinum',
  Au: 'gold',
  Ag: 'silver',
  Cu: 'copper',
  Ni: 'nickel',
  Ti: 'titanium',
  Pd: 'palladium',
  Ir: 'iridium',
  C: 'carbon',
  GC: 'glassy carbon',
};

/** Cell types a cell's name may say (`cell H`, `cell flow`), matched at the start of the name. */
export const CELL_TYPES: { pattern: RegExp; description: string }[] = [
  { pattern: /^H(?![a-z])/, description: 'H-type cell' },
  { pattern: /^flow/i, description: 'flow cell' },
  { pattern: /^MEA/i, description: 'membrane-electrode-assembly cell' },
];

/** Fill abbreviations of reference electrodes: `sat.` is written out. */
export const REFERENCE_FILL_WORDS: [RegExp, string][] = [[/\bsat\.?\s*/g, 'saturated ']];

/** Stated protocol temperatures a Methods section calls room temperature, °C. */
export const ROOM_TEMPERATURE_C: [number, number] = [20, 25];
