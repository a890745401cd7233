// Every place of the language that takes a number: the kinds of quantity it
// accepts (dimensions, from SLOTS) and the values that are possible there.
// The tree builder tags each quantity with its place; one pass
// (analysis/quantities.ts) checks every quantity against this table and
// converts it to SI, and the other passes read only those checked values.
// test/unit/places.test.ts walks this table, so a new place is tested the day
// it is added.
import type { SlotName } from './dimension';

/**
 * The values possible at a place, in SI: `positive` (> 0), `nonNegative`
 * (≥ 0), `nonZero` (signed, e.g. a cathodic charge, but never zero),
 * `absoluteTemperature` (above 0 K), `wholePositive` (a count, 1, 2, …),
 * `cellAngle` (strictly between 0° and 180°), or `[min, max]` inclusive.
 */
export type Range = 'positive' | 'nonNegative' | 'nonZero' | 'absoluteTemperature' | 'wholePositive' | 'cellAngle' | readonly [min: number, max: number];

export interface Place {
  /** What is written there, in a chemist's words: "electrode area". */
  label: string;
  /** The kinds of quantity it takes; the first is the usual one. */
  kinds: readonly SlotName[];
  range?: Range;
  /** A range for one of the kinds, instead of `range`: a gas reading's fraction is 0–100 %, its response anything. */
  kindRanges?: Partial<Record<SlotName, Range>>;
  /** Why a value outside the range is impossible, for the message. */
  reason?: string;
  /** The code of a quantity of another kind, where the place has had its own since before this table. */
  wrongKindCode?: string;
  /** The code of a number without its unit, where the place has its own. */
  missingUnitCode?: string;
  /**
   * Where the unit is read instead, for a place whose kinds another declaration decides:
   * a reading means what its calibration's standards say. Its reader reports what does not fit;
   * a `range` of sign (`positive`, `nonNegative`, `nonZero`) is still checked here, on the number as written.
   */
  unitReadBy?: string;
}

export const PLACES = {
  // Top level.
  temperatureSetting: { label: 'protocol temperature', kinds: ['temperature'], range: 'absoluteTemperature' },
  pressureSetting: { label: 'gas pressure', kinds: ['pressure'], range: 'positive' },
  nernstSlope: { label: 'Nernst slope', kinds: ['potential'], range: 'positive', reason: 'it is 2.303RT/F, about 0.059 V at 25 °C' },
  reagentDensity: { label: 'density of a reagent', kinds: ['density'], range: 'positive' },
  referencePotential: { label: 'potential of a reference electrode', kinds: ['potential'] },
  // Synthesis steps.
  // A bare `%` is taken here so that the step can say it is no mass fraction (FD0332); `wt%` is one.
  stepAmount: { label: 'amount of a reagent', kinds: ['mass', 'volume', 'amount', 'molarConcentration', 'massConcentration', 'fraction'], range: 'positive', wrongKindCode: 'FD0304' },
  stepSolution: { label: 'volume or mass of a solution', kinds: ['volume', 'mass'], range: 'positive' },
  stepSolvent: { label: 'amount of a solvent', kinds: ['volume', 'mass', 'amount'], range: 'positive', wrongKindCode: 'FD0304' },
  stepTemperature: { label: 'temperature of a step', kinds: ['temperature'], range: 'absoluteTemperature' },
  stepDuration: { label: 'duration of a step', kinds: ['time'], range: 'positive' },
  // Electrolyte, electrode, cell.
  electrolyteComponent: { label: 'concentration in an electrolyte', kinds: ['molarConcentration'], range: 'positive' },
  electrolytePH: { label: 'pH', kinds: ['pH'], range: [-2, 16], reason: 'aqueous pH lies between −2 and 16' },
  purge: { label: 'purge duration or gas flow', kinds: ['time', 'flowRate', 'molarFlow'], range: 'positive' },
  gasPartialPressure: { label: 'partial pressure of the saturating gas', kinds: ['pressure'], range: 'positive', reason: 'the dissolved gas is K_H × its partial pressure' },
  catalystLoading: { label: 'catalyst loading', kinds: ['mass'], range: 'positive', reason: 'yield rates per mass divide by it' },
  castVolume: { label: 'volume drop-cast', kinds: ['volume'], range: 'positive' },
  catalystMetalFraction: { label: 'metal content of a catalyst', kinds: ['fraction'], range: [0, 1] },
  inkCastVolume: { label: 'volume of ink cast', kinds: ['volume'], range: 'positive' },
  statedLoading: { label: 'stated loading', kinds: ['massPerArea'], range: 'positive' },
  // Inks.
  inkCatalyst: { label: 'catalyst of an ink', kinds: ['mass'], range: 'positive', wrongKindCode: 'FD0340' },
  inkAdditive: { label: 'additive of an ink', kinds: ['mass'], range: 'positive', wrongKindCode: 'FD0304' },
  inkIonomer: { label: 'ionomer of an ink', kinds: ['volume', 'mass'], range: 'positive' },
  inkSolvent: { label: 'solvent of an ink', kinds: ['volume', 'mass'], range: 'positive' },
  inkMassFraction: { label: 'mass fraction of an ink component', kinds: ['fraction'], range: [0, 1] },
  inkSonication: { label: 'sonication time', kinds: ['time'], range: 'positive' },
  electrodeArea: { label: 'electrode area', kinds: ['area'], range: 'positive', reason: 'current densities and yields per area divide by it' },
  cellElectrolyteVolume: { label: 'electrolyte volume of a cell', kinds: ['volume'], range: 'positive', reason: 'amounts of product are concentration × volume' },
  electrolyteFlowRate: { label: 'electrolyte flow through a cell', kinds: ['flowRate'], range: 'positive' },
  gasFeedFlow: { label: 'gas flow through a gas-diffusion electrode', kinds: ['flowRate', 'molarFlow'], range: 'positive', reason: 'the moles of a gas read by GC are its fraction × this flow' },
  liquidProductVolume: { label: 'volume collecting the liquid products', kinds: ['volume'], range: 'positive', reason: 'amounts of product are concentration × volume' },
  stirRate: { label: 'stirring rate', kinds: ['rotation'], range: 'nonNegative' },
  iRFraction: { label: 'compensated fraction of iR', kinds: ['fraction'], range: [0, 1] },
  iRResistance: { label: 'uncompensated resistance', kinds: ['resistance'], range: 'nonNegative' },
  // Run lines.
  sweepLimit: { label: 'potential limit of a sweep', kinds: ['potential'] },
  // After `at`: a sweep's scan rate (or the disk's rotation rate); another technique's set-point.
  sweepAt: { label: 'rate of a sweep', kinds: ['scanRate', 'rotation'], kindRanges: { scanRate: 'positive', rotation: 'positive' } },
  techniqueAt: { label: 'set-point of a technique', kinds: ['potential', 'currentDensity', 'current', 'rotation'], kindRanges: { rotation: 'positive' } },
  eisFrequency: { label: 'impedance frequency', kinds: ['frequency'], range: 'positive' },
  eisAmplitude: { label: 'impedance amplitude', kinds: ['potential'], range: 'positive' },
  techniqueDuration: { label: 'duration of a technique', kinds: ['time'], range: 'positive' },
  techniqueCurrent: { label: 'current of a technique', kinds: ['current'] },
  stabilityWindow: { label: 'window of a stability run', kinds: ['time'], range: 'positive' },
  onset: { label: 'onset criterion', kinds: ['currentDensity', 'current'], range: 'nonZero', wrongKindCode: 'FD0712' },
  // Figures of merit.
  overpotentialCriterion: { label: 'current of an overpotential', kinds: ['currentDensity', 'current'], range: 'nonZero' },
  tafelLimit: { label: 'end of a Tafel range', kinds: ['potential', 'currentDensity', 'current'] },
  meritPotential: { label: 'potential of a figure of merit', kinds: ['potential'] },
  kouteckyLevichPotential: { label: 'potential of a Koutecký–Levich analysis', kinds: ['potential'] },
  equilibriumPotential: { label: 'equilibrium potential', kinds: ['potential'] },
  activeSites: { label: 'amount of active sites', kinds: ['amount', 'amountPerArea'], range: 'positive', wrongKindCode: 'FD0582', missingUnitCode: 'FD0582' },
  solubility: { label: 'solubility of a dissolved reactant', kinds: ['molarConcentration'], range: 'positive' },
  diffusivity: { label: 'diffusion coefficient', kinds: ['diffusivity'], range: 'positive' },
  viscosity: { label: 'kinematic viscosity', kinds: ['kinematicViscosity'], range: 'positive' },
  // Calibrations.
  methodWavelength: { label: 'wavelength of a method', kinds: ['length'], range: 'positive' },
  readAfter: { label: 'time before reading', kinds: ['time'], range: 'nonNegative' },
  dilutionVolume: { label: 'volume of a dilution', kinds: ['volume'], range: 'positive' },
  gcWindow: { label: 'retention time of a GC peak window', kinds: ['time'], range: 'nonNegative' },
  responseFactor: {
    label: 'response factor', kinds: ['massConcentration', 'molarConcentration', 'fraction'], range: 'positive',
    unitReadBy: 'the calibration: a concentration, or a gas fraction for `gas` calibrations, per response',
  },
  internalStandardConcentration: {
    label: 'concentration of an internal standard', kinds: ['molarConcentration', 'massConcentration'], range: 'positive',
    unitReadBy: 'a concentration (electrochem/concentration.ts)',
  },
  // Results and plans.
  conditionPotential: { label: 'potential of a plan', kinds: ['potential'] },
  // After a result's `at`: a potential on a scale, a cell voltage (`3.2 V cell voltage`), or a constant current density or current.
  resultAt: { label: 'potential, cell voltage, current density or current of a result', kinds: ['potential', 'currentDensity', 'current'], kindRanges: { currentDensity: 'nonZero', current: 'nonZero' }, reason: 'a faradaic efficiency divides by the current' },
  conditionDuration: { label: 'duration of a result or plan', kinds: ['time'], range: 'positive', reason: 'mean currents and yield rates divide by it' },
  resultCharge: { label: 'charge', kinds: ['charge'], range: 'nonZero', reason: 'a faradaic efficiency divides by it (a cathodic charge may be negative)' },
  resultCurrent: { label: 'current of a result', kinds: ['current'], range: 'nonZero', reason: 'a faradaic efficiency divides by it (a cathodic current may be negative)' },
  gasReading: { label: 'reading of a gas by GC', kinds: ['fraction', 'reading'], kindRanges: { fraction: [0, 1] } },
  dissolvedReading: {
    label: 'reading of a product', kinds: ['reading', 'massConcentration', 'molarConcentration', 'amount'],
    unitReadBy: 'a response in the unit of the calibration it names, a concentration, or the moles made (electrochem/concentration.ts)',
  },
  carrierFlow: { label: 'carrier gas flow', kinds: ['flowRate', 'molarFlow'], range: 'positive' },
  doubleLayerRates: { label: 'scan rates of a double-layer measurement', kinds: ['scanRate'], range: 'positive' },
  doubleLayerCurrents: { label: 'current differences of a double-layer measurement', kinds: ['currentDensity'] },
  specificCapacitance: { label: 'specific capacitance', kinds: ['capacitancePerArea'], range: 'positive' },
  plannedCurrentDensity: { label: 'expected current density', kinds: ['currentDensity'], range: 'nonZero' },
  plannedCurrent: { label: 'expected current', kinds: ['current'], range: 'nonZero' },
  expectedFE: { label: 'expected faradaic efficiency', kinds: ['fraction'], range: [0, 1] },
  // Crystal tables.
  crystalTemperature: { label: 'temperature of the measurement', kinds: ['temperature'], range: 'absoluteTemperature' },
  crystalWavelength: { label: 'X-ray wavelength', kinds: ['length'], range: 'positive' },
  cellEdge: { label: 'cell edge', kinds: ['length'], range: 'positive' },
  cellAngle: { label: 'cell angle', kinds: ['angle'], range: 'cellAngle' },
  cellVolume: { label: 'cell volume', kinds: ['cellVolume'], range: 'positive' },
  formulaUnits: { label: 'Z (formula units per cell)', kinds: ['count'], range: 'wholePositive' },
  crystalDensity: { label: 'crystal density', kinds: ['density'], range: 'positive' },
  absorptionCoefficient: { label: 'absorption coefficient', kinds: ['absorptionCoefficient'], range: 'nonNegative' },
  completeness: { label: 'completeness', kinds: ['fraction'], range: [0, 1] },
} as const satisfies Record<string, Place>;

export type PlaceName = keyof typeof PLACES;

export function placeOf(name: PlaceName): Place {
  return PLACES[name];
}
