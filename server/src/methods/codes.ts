// Methods-section diagnostics: FD0900–FD0919. They say which fact the written
// Methods section leaves out and why, so a missing number is never silent.
import { codeInfo as e, type DiagnosticCodeInfo } from '../analysis/diagnostic-info';

export const MethodsCodes = {
  amountWithoutMoles: 'FD0901',
  protocolHasErrors: 'FD0902',
  noRHEConversion: 'FD0903',
  calibrationWithoutFit: 'FD0904',
  formulaTermUnknown: 'FD0905',
  nothingToWrite: 'FD0906',
  unknownRadiation: 'FD0907',
} as const;

export const methodsCodeCatalogue: DiagnosticCodeInfo[] = [
  e(MethodsCodes.amountWithoutMoles, 'Amount written without its moles', 'information', 'The Methods section gives the mass or volume as written but not the amount in mmol, because the analysis could not convert it (an unknown species, or a volume without a density). The message names the reason.', 'add 30 µL DCBT-H      # DCBT-H declared without a density', 'Fix the diagnostic the message names (declare the species, add its density, or give a mass).'),
  e(MethodsCodes.protocolHasErrors, 'Methods written from a protocol with errors', 'warning', 'The protocol has errors; the lines they affect may be missing from the Methods section or lack their computed values.', 'add 5 mgg CuCl', 'Fix the errors the check lists, then write the Methods section again.'),
  e(MethodsCodes.noRHEConversion, 'RHE conversion not written', 'warning', 'Potentials are given vs RHE, but the conversion formula cannot be written with numbers: the cell has no reference electrode with a known potential, or its catholyte has no pH.', 'cell H { working w; catholyte e }   # no reference line', 'Add `reference … at … V vs SHE` to the cell and `pH … measured` to the electrolyte.'),
  e(MethodsCodes.calibrationWithoutFit, 'Calibration written without its equation', 'warning', 'The calibration has fewer than two standards at different concentrations, so the Methods section cannot give its equation, R² or detection limit.', 'calibration c { analyte NH3-N; method Nessler at 420 nm }', 'Add the standards table, as in `standards mg/L -> absorbance { 0 -> 0.01; 1 -> 0.27 }`.'),
  e(MethodsCodes.formulaTermUnknown, 'Term of a formula not stated', 'information', 'The faradaic-efficiency or yield-rate formula is written with a symbol for a term the protocol does not give (the catholyte volume, the electrons per product), instead of its number.', 'cell H { catholyte nitrate }   # no volume', 'Add the missing value, e.g. `catholyte nitrate 30 mL`, or a `reaction` that makes the product.'),
  e(MethodsCodes.nothingToWrite, 'Nothing for a Methods section', 'information', 'The protocol has no synthesis, electrode, cell, run, calibration or crystal block, so the Methods section is empty.', 'temperature 25 °C', 'Write the experiment\'s blocks first.'),
  e(MethodsCodes.unknownRadiation, 'X-ray source not recognised', 'information', 'The crystal\'s wavelength matches no laboratory X-ray source (Mo, Cu, Ag or Ga Kα), so the Methods section gives the wavelength without naming the radiation.', 'wavelength 0.7749 Å   # synchrotron', 'Nothing to do for synchrotron data; otherwise check the wavelength.'),
];
