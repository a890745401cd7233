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
  cellBreaksSystem: 'FD0610',
} as const;


export const crystalCodeCatalogue: DiagnosticCodeInfo[] = [
  e(CrystalCodes.mismatch, 'Reported value disagrees', 'warning', 'A value of the table (formula weight, volume, density, F(000)) differs from the one computed from the cell, Z and the formula by more than its tolerance.', 'density 2.521 Mg/m3', 'Recompute the value, or check the cell, Z and the formula.'),
  e(CrystalCodes.formulaDiffers, 'Formula differs from the cluster', 'warning', 'The empirical formula of the crystal is not the expanded formula of the cluster of the same name (solvent molecules in the lattice are a common reason).', 'formula C240H150Au28Cl48Cu12P4S24', 'Correct the formula, or add the lattice solvent to it and note it.'),
  e(CrystalCodes.unknownSpaceGroup, 'Unknown space group', 'error', 'The symbol is not one of the 230 space groups in a known setting.', 'space group P21/q', 'Write the Hermann–Mauguin symbol, e.g. `P21/n` or `P-1`.'),
  e(CrystalCodes.systemMismatch, 'Space group of another system', 'error', 'The space group belongs to another crystal system than the one stated.', 'system triclinic\nspace group P21/n', 'Correct the system or the space group.'),
  e(CrystalCodes.cellInconsistent, 'Cell does not fit the system (retired)', 'warning', 'No longer reported: a cell that breaks its crystal system is now the error FD0610, at the parameter.', 'system monoclinic\ncell alpha 89°, beta 91.2°, gamma 90°', 'See FD0610.'),
  e(CrystalCodes.alert, 'Refinement alert', 'warning', 'In the spirit of IUCr checkCIF: R1 above 0.10, completeness below 95 %, data/parameter ratio below 10, or goodness of fit far from 1 (outside 0.8–1.5).', 'R1 0.1083, wR2 0.2575 for I > 2σ(I)', 'Explain the alert in the deposition, or improve the data or the model.'),
  e(CrystalCodes.cellBreaksSystem, 'Cell breaks the crystal system', 'error', 'The space group implies the crystal system (or the `system` line states it), and the system fixes parts of the cell: cubic a = b = c and all angles 90°; tetragonal a = b and all angles 90°; orthorhombic all angles 90°; hexagonal and trigonal on hexagonal axes a = b, α = β = 90°, γ = 120°; trigonal R groups on rhombohedral axes a = b = c, α = β = γ; monoclinic α = γ = 90° (unique axis b). A parameter that differs by more than its esd, or than the precision it is written with, cannot belong to that cell; the volume and density are not computed.', 'space group Fm-3m\ncell a 10 Å, alpha 89°', 'Correct the parameter to the value the message names, or correct the space group.'),
  e(CrystalCodes.incomplete, 'Cell incomplete', 'information', 'The volume and density need a, b, c, α, β, γ (those fixed by the system may be omitted) and Z.', 'cell a 10 Å', 'Add the missing parameters.'),
];
