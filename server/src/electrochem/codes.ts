// Electrochemistry diagnostics: FD0500–FD0599.
import { codeInfo as e, type DiagnosticCodeInfo } from '../analysis/diagnostic-info';

export const ElectrochemCodes = {
  unknownReference: 'FD0501',
  estimatedPH: 'FD0502',
  noPH: 'FD0503',
  readingOutOfRange: 'FD0504',
  belowLOD: 'FD0505',
  poorFit: 'FD0506',
  fewStandards: 'FD0507',
  feAbove100: 'FD0508',
  ambiguousAnalyte: 'FD0509',
  noElectrons: 'FD0510',
  planOutOfRange: 'FD0511',
  substrateDepleted: 'FD0512',
  noCharge: 'FD0513',
  noCatholyteVolume: 'FD0514',
  unknownCalibration: 'FD0515',
  defaultCapacitance: 'FD0516',
  listLengths: 'FD0517',
} as const;


export const electrochemCodeCatalogue: DiagnosticCodeInfo[] = [
  e(ElectrochemCodes.unknownReference, 'Unknown reference electrode', 'error', 'The scale after `vs` is not a known reference electrode nor one declared with `reference … at … V vs SHE`.', 'CA at -0.8 V vs Ag/AgCI', 'Use the suggested name, or declare the electrode with its potential vs SHE.'),
  e(ElectrochemCodes.estimatedPH, 'pH estimated', 'information', 'The conversion to or from the RHE uses a pH estimated from the electrolyte composition (ideal solution), because no pH was measured. The message names the value.', 'electrolyte e { 0.05 M H2SO4 in water }', 'Measure the pH and add `pH 1.0 measured` to the electrolyte.'),
  e(ElectrochemCodes.noPH, 'pH unknown', 'warning', 'A potential vs RHE needs the pH of the electrolyte, and neither a measured pH nor an estimate is available.', 'electrolyte e { 0.1 M K3PO4 in water }', 'Add `pH … measured` to the electrolyte.'),
  e(ElectrochemCodes.readingOutOfRange, 'Reading outside the standards', 'warning', 'The reading lies outside the range of the calibration standards, where the fit has not been tested.', 'NH3-N absorbance 0.9 by nessler', 'Dilute the sample further, or extend the standards.'),
  e(ElectrochemCodes.belowLOD, 'Below the detection limit', 'warning', 'The concentration read is below the calibration\'s limit of detection (3.3 s/slope).', 'NH3-N absorbance 0.013 by nessler', 'Concentrate the sample or use a more sensitive method.'),
  e(ElectrochemCodes.poorFit, 'Poor calibration fit', 'warning', 'R² of the calibration is below 0.99.', 'standards mg/L -> absorbance { 0 -> 0.01; 1 -> 0.5; 2 -> 0.6 }', 'Check the standards; repeat outliers.'),
  e(ElectrochemCodes.fewStandards, 'Too few standards', 'warning', 'A calibration needs at least three standards to estimate its residual scatter and detection limit.', 'standards mg/L -> absorbance { 0 -> 0.01; 1 -> 0.27 }', 'Measure at least three standards.'),
  e(ElectrochemCodes.feAbove100, 'Faradaic efficiencies above 100 %', 'warning', 'The products account for more charge than passed. A reading, a dilution or the charge is likely wrong.', 'result … { charge 60 C … }', 'Check the charge, the dilution and the readings.'),
  e(ElectrochemCodes.ambiguousAnalyte, 'Ambiguous analyte', 'error', 'The analyte name must say the basis of the concentration: `NH3-N` (nitrogen) or `NH3`/`NH4+` (species) give different moles.', 'analyte ammonia', 'Write `NH3-N`, `NH3` or `NH4+`.'),
  e(ElectrochemCodes.noElectrons, 'No reaction for the product', 'warning', 'A faradaic efficiency needs the electrons per product molecule, taken from a `reaction` whose product it is.', 'result … { N2O 100 ppm by GC at 10 mL/min }', 'Add `reaction N2O : 2 NO3- + 10 H+ + 8 e- -> N2O + 5 H2O`.'),
  e(ElectrochemCodes.planOutOfRange, 'Expected reading outside the calibration', 'warning', 'The plan predicts a reading outside the standards or below the detection limit, so the measurement would not be quantitative.', 'plan … { expect FE NH3 95 % }', 'Change the dilution of the calibration or the duration of the run.'),
  e(ElectrochemCodes.substrateDepleted, 'Substrate depleted', 'warning', 'More than 10 % of the substrate would be converted, so its concentration does not stay constant during the run.', 'plan … for 10 h { … }', 'Shorten the run or use a larger catholyte volume.'),
  e(ElectrochemCodes.noCharge, 'No charge', 'warning', 'A faradaic efficiency needs the charge passed: `charge 600 C`, a current, or a data file.', 'result … { NH3-N absorbance 0.1 by nessler }', 'Add `charge … C`.'),
  e(ElectrochemCodes.noCatholyteVolume, 'Catholyte volume unknown', 'warning', 'Amounts in the catholyte need its volume: `catholyte nitrate 30 mL` in the cell.', 'catholyte nitrate', 'Add the volume.'),
  e(ElectrochemCodes.defaultCapacitance, 'Default specific capacitance', 'information', 'The ECSA divides Cdl by a specific capacitance. None was stated, so a literature default for the electrolyte is used and named (McCrory et al. 2013: 0.035 mF/cm² in acid, 0.040 mF/cm² in alkali).', 'double layer 20, 60 mV/s -> 0.1, 0.3 mA/cm2', 'Add `specific capacitance … mF/cm2` to the result.'),
  e(ElectrochemCodes.listLengths, 'Lists of different length', 'error', 'Each scan rate needs its current difference: the two lists must have the same length, at least two.', 'double layer 20, 60, 100 mV/s -> 0.1, 0.3 mA/cm2', 'Give as many current differences as scan rates.'),
  e(ElectrochemCodes.unknownCalibration, 'No calibration', 'error', 'A reading by a colorimetric method names the calibration that turns it into a concentration.', 'NH3-N absorbance 0.1', 'Add `by <calibration>`.'),
];
