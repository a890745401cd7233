// Crystallography diagnostics: FD0600–FD0699.
import { codeInfo as e, type DiagnosticCodeInfo } from '../analysis/diagnostic-info';

export const CrystalCodes = {
  mismatch: 'FD0601',
  formulaDiffers: 'FD0602',
  unknownSpaceGroup: 'FD0603',
  systemMismatch: 'FD0604',
  cellInconsistent: 'FD0605',
  alert: 'FD0606',
  incomplete: 'FD0607',
} as const;


export const crystalCodeCatalogue: DiagnosticCodeInfo[] = [
  e(CrystalCodes.mismatch, 'Reported value disagrees', 'warning', 'A value of the table (formula weight, volume, density, F(000)) differs from the one computed from the cell, Z and the formula by more than its tolerance.', 'density 2.521 Mg/m3', 'Recompute the value, or check the cell, Z and the formula.'),
  e(CrystalCodes.formulaDiffers, 'Formula differs from the cluster', 'warning', 'The empirical formula of the crystal is not the expanded formula of the cluster of the same name (solvent molecules in the lattice are a common reason).', 'formula C240H150Au28Cl48Cu12P4S24', 'Correct the formula, or add the lattice solvent to it and note it.'),
  e(CrystalCodes.unknownSpaceGroup, 'Unknown space group', 'error', 'The symbol is not one of the 230 space groups in a known setting.', 'space group P21/q', 'Write the Hermann–Mauguin symbol, e.g. `P21/n` or `P-1`.'),
  e(CrystalCodes.systemMismatch, 'Space group of another system', 'error', 'The space group belongs to another crystal system than the one stated.', 'system triclinic\nspace group P21/n', 'Correct the system or the space group.'),
  e(CrystalCodes.cellInconsistent, 'Cell does not fit the system', 'warning', 'The cell parameters break the constraints of the crystal system (e.g. a monoclinic cell needs α = γ = 90°).', 'system monoclinic\ncell alpha 89°, beta 91.2°, gamma 90°', 'Correct the cell or the system.'),
  e(CrystalCodes.alert, 'Refinement alert', 'warning', 'In the spirit of IUCr checkCIF: R1 above 0.10, completeness below 95 %, data/parameter ratio below 10, or goodness of fit far from 1 (outside 0.8–1.5).', 'R1 0.1083, wR2 0.2575 for I > 2σ(I)', 'Explain the alert in the deposition, or improve the data or the model.'),
  e(CrystalCodes.incomplete, 'Cell incomplete', 'information', 'The volume and density need a, b, c, α, β, γ (those fixed by the system may be omitted) and Z.', 'cell a 10 Å', 'Add the missing parameters.'),
];
