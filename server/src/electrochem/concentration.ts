// Concentrations of a dissolved analyte as chemists write them, and the moles of
// product they stand for. Calibration standards, readings through a calibration,
// concentrations measured directly and the expectations of plans all convert here:
//   mol/L (`M`, `mM`, `µM`, `mol/L`): moles of what the basis counts per litre;
//   mass per volume (`g/L`, `mg/L`, `µg/mL`, …): grams of it, ÷ its molar mass;
//   `ppm` / `ppb` of an aqueous solution: mg/L / µg/L (density 1 kg/L).
// The basis (electrochem/analyte) says what a mole counts: `NH3-N` nitrogen atoms
// (14.007 g/mol), `NH3` molecules (17.031 g/mol), `NH4+` ions (18.039 g/mol).
import { parseUnit } from '../units/parse-unit';
import { convert, unit } from '../units/convert';
import { sameDimension, SLOTS } from '../units/dimension';
import type { AnalyteBasis } from './analyte';

export interface ConcentrationUnit {
  /** As written. */
  text: string;
  kind: 'mass' | 'molar';
  /** g/L (mass) or mol/L (molar) in one of this unit. */
  perLitre: number;
  /** A convention the unit is read by, for hovers (`ppm of an aqueous solution is read as mg/L …`). */
  convention?: string;
}

/** Mass fractions of a dilute aqueous solution, read as mass per volume at 1 kg/L. */
const AQUEOUS_FRACTIONS: Record<string, { perLitre: number; as: string }> = {
  ppm: { perLitre: 1e-3, as: 'mg/L' },
  ppb: { perLitre: 1e-6, as: 'µg/L' },
};

/** The units a calibration's standards are usually written in, for completion and messages. */
export const CONCENTRATION_UNIT_EXAMPLES = ['mg/L', 'µg/mL', 'g/L', 'ppm', 'mM', 'µM', 'M', 'mol/L'];

const G_PER_L = unit('g/L');
const MOL_PER_L = unit('mol/L');

export const NOT_A_CONCENTRATION_HINT = 'write a molar concentration (`M`, `mM`, `µM`, `mol/L`), a mass per volume (`mg/L`, `g/L`, `µg/mL`) or `ppm` of an aqueous solution (= mg/L)';

/** A concentration unit, or why the text is not one. */
export function concentrationUnit(text: string): ConcentrationUnit | { error: string } {
  const aqueous = AQUEOUS_FRACTIONS[text];
  if (aqueous) {
    return { text, kind: 'mass', perLitre: aqueous.perLitre, convention: `${text} of an aqueous solution is read as ${aqueous.as} (1 L weighs 1 kg)` };
  }
  const parsed = parseUnit(text);
  if ('unit' in parsed) {
    if (sameDimension(parsed.unit.dimension, SLOTS.massConcentration.dimension)) return { text, kind: 'mass', perLitre: convert(1, parsed.unit, G_PER_L) };
    if (sameDimension(parsed.unit.dimension, SLOTS.molarConcentration.dimension)) return { text, kind: 'molar', perLitre: convert(1, parsed.unit, MOL_PER_L) };
  }
  return { error: `\`${text}\` is not a concentration: ${NOT_A_CONCENTRATION_HINT}` };
}

/** Moles of the basis's product per litre, from a concentration in unit `u` on basis `b`. */
export function productMolarity(value: number, u: ConcentrationUnit, b: AnalyteBasis): number {
  const entitiesPerLitre = u.kind === 'molar' ? value * u.perLitre : (value * u.perLitre) / b.gramsPerMolEntity;
  return entitiesPerLitre / b.entitiesPerProduct;
}

/** The inverse of productMolarity: the concentration in unit `u` on basis `b` of a molarity of product. */
export function concentrationIn(molPerLitre: number, u: ConcentrationUnit, b: AnalyteBasis): number {
  const entitiesPerLitre = molPerLitre * b.entitiesPerProduct;
  return u.kind === 'molar' ? entitiesPerLitre / u.perLitre : (entitiesPerLitre * b.gramsPerMolEntity) / u.perLitre;
}

/** mg/L on basis `b` of a molarity of product: the unit every concentration is reported in. */
export function milligramsPerLitre(molPerLitre: number, b: AnalyteBasis): number {
  return molPerLitre * b.entitiesPerProduct * b.gramsPerMolEntity * 1000;
}

/** One unit of `u` on basis `b`, in mg/L of that basis: "1 mM NH3-N = 14.007 mg/L". */
export function milligramsPerLitrePerUnit(u: ConcentrationUnit, b: AnalyteBasis): number {
  return u.kind === 'molar' ? u.perLitre * b.gramsPerMolEntity * 1000 : u.perLitre * 1000;
}

/**
 * What the value of a result line is, from its unit (a line with a gas flow is a GC
 * reading and is not asked): a concentration measured directly, an amount of the product
 * measured directly (moles, whatever phase it is in), a response to read
 * through a calibration (no unit, or a unit that is not a concentration), or a
 * ppm/ppb that could be a dissolved mass concentration or a gas volume fraction.
 */
export type ReadingValueKind = { kind: 'concentration'; unit: ConcentrationUnit } | { kind: 'amount'; molPerUnit: number } | { kind: 'response' } | { kind: 'ambiguousFraction' };

/** Amounts of substance a line may state directly (`CO 12.5 µmol by GC`: headspace GC, a titration), in mol per unit. */
const AMOUNTS: Record<string, number> = { mol: 1, mmol: 1e-3, µmol: 1e-6, μmol: 1e-6, umol: 1e-6, nmol: 1e-9 };

export function readingValueKind(unitText: string | undefined): ReadingValueKind {
  if (unitText === undefined) return { kind: 'response' };
  if (AQUEOUS_FRACTIONS[unitText]) return { kind: 'ambiguousFraction' };
  const mol = AMOUNTS[unitText];
  if (mol !== undefined) return { kind: 'amount', molPerUnit: mol };
  const u = concentrationUnit(unitText);
  return 'error' in u ? { kind: 'response' } : { kind: 'concentration', unit: u };
}
