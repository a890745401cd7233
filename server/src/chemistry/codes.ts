// Chemistry diagnostics: FD0300–FD0399.
import type { DiagnosticCodeInfo } from '../analysis/diagnostic-info';

export const ChemistryCodes = {
  unknownSpecies: 'FD0301',
  badFormula: 'FD0302',
  volumeWithoutDensity: 'FD0303',
  amountUnit: 'FD0304',
  missingElement: 'FD0305',
  unbalancedReaction: 'FD0306',
  noBasis: 'FD0307',
  unknownProduct: 'FD0308',
  speciesAsFormula: 'FD0309',
  unknownLigand: 'FD0310',
} as const;

export const chemistryCodeCatalogue: DiagnosticCodeInfo[] = [
  { code: ChemistryCodes.unknownSpecies, title: 'Unknown species', severity: 'error', explanation: 'The name is neither declared in the file (reagent, cluster, ligand) nor in the species library, so its moles cannot be computed.', example: 'add 27 mg Me2SAu', fix: 'Use the suggested library name (`Me2SAuCl`) or declare it: `reagent Me2SAu = C2H6AuS`.' },
  { code: ChemistryCodes.badFormula, title: 'Formula cannot be read', severity: 'error', explanation: 'The formula has an unknown element, an unclosed bracket or another mistake; the message points at the character.', example: 'cluster X = Au25(PET)18]', fix: 'Correct the formula at the column the message names.' },
  { code: ChemistryCodes.volumeWithoutDensity, title: 'Volume without density', severity: 'warning', explanation: 'A volume of a neat liquid becomes moles only through its density. Without it the amount, the equivalents and the yield ignore this reagent.', example: 'reagent DCBT-H = C6H4Cl2S\n…\nadd 30 µL DCBT-H', fix: 'Add `density … g/mL` to the reagent declaration, or give the amount as a mass.' },
  { code: ChemistryCodes.amountUnit, title: 'Not an amount', severity: 'error', explanation: 'A reagent amount must be a mass, a volume, an amount of substance or a concentration (in a solution).', example: 'add 20 min CuCl', fix: 'Write the amount in mg, µL, mmol or M.' },
  { code: ChemistryCodes.missingElement, title: 'Element not supplied', severity: 'warning', explanation: 'The product contains an element that no reagent or solvent of the synthesis provides.', example: 'synthesis X { product Au25; add 10 mg CuCl }', fix: 'Add the reagent that supplies it, or check the product formula.' },
  { code: ChemistryCodes.unbalancedReaction, title: 'Reaction not balanced', severity: 'error', explanation: 'Elements or charge differ between the two sides. Faradaic efficiencies use the electrons of the reaction, so it must balance.', example: 'reaction NH3 : NO3- + 8 H+ + 8 e- -> NH3 + 3 H2O', fix: 'Apply the quick fix, which writes the balanced version.' },
  { code: ChemistryCodes.noBasis, title: 'No basis for equivalents', severity: 'information', explanation: 'Equivalents count against the basis: the species named by `basis`, or else the first metal precursor. This synthesis has neither with a known amount.', example: 'synthesis X { add 10 mg PPh3 }', fix: 'Add `basis <species>`.' },
  { code: ChemistryCodes.unknownProduct, title: 'Product without formula', severity: 'warning', explanation: 'The product is not a declared cluster or a species with a formula, so the theoretical yield cannot be computed.', example: 'product Au99', fix: 'Declare it: `cluster Au99 = …`.' },
  { code: ChemistryCodes.speciesAsFormula, title: 'Read as a formula', severity: 'hint', explanation: 'The name is not declared nor in the library, but it is a plain formula, so it is used as that formula.', example: 'add 10 mg K2S2O8', fix: 'Nothing to do; declare it as a reagent to give it a name or a density.' },
  { code: ChemistryCodes.unknownLigand, title: 'Undeclared ligand', severity: 'error', explanation: 'A bracketed group of a cluster formula is neither elements nor a declared ligand nor a known group such as Ph or TOA, so the formula cannot be read.', example: 'cluster Au28 = Au28(DMBT)20', fix: 'Declare it, as in `ligand DMBT = C8H9S`; the quick fix does it, with the thiolate formula when the species library knows the thiol.' },
];
