// Name and import diagnostics: FD0200–FD0219 and FD0800–FD0899; analysis-wide ones from FD0220.
import type { DiagnosticCodeInfo } from './diagnostic-info';

export const NameCodes = {
  duplicate: 'FD0201',
  unknown: 'FD0202',
  unused: 'FD0203',
  ambiguousCell: 'FD0210',
  noFittingCell: 'FD0211',
  importMissing: 'FD0801',
  importCycle: 'FD0802',
  importProblems: 'FD0803',
} as const;

export const AnalysisCodes = {
  notFinite: 'FD0220',
} as const;

export const nameCodeCatalogue: DiagnosticCodeInfo[] = [
  {
    code: NameCodes.duplicate,
    title: 'Name declared twice',
    severity: 'error',
    explanation: 'Two declarations of the same kind share a name, so references to it are ambiguous. The first one is used.',
    example: 'electrolyte nitrate { 0.5 M KNO3 in water }\nelectrolyte nitrate { 1 M KNO3 in water }',
    fix: 'Rename one of them.',
  },
  {
    code: NameCodes.unknown,
    title: 'Unknown name',
    severity: 'error',
    explanation: 'The line refers to an electrode, electrolyte, cell, calibration or cluster that is not declared in this file or an imported one. A crystal block names a declared cluster unless it gives its own `formula` line, which is all its formula weight, F(000) and density need.',
    example: 'cell H {\n  working wAu28Cu21\n}',
    fix: 'Use the name the quick fix suggests, or declare it: a block such as `electrode wAu28Cu21 { … }`, or `cluster Au25 = [Au25(PET)18]-` for a cluster. A crystal may instead state `formula C240H152Au28Cl48Cu12P4S24` in its block.',
  },
  {
    code: NameCodes.unused,
    title: 'Declared but not used',
    severity: 'hint',
    explanation: 'Nothing refers to this declaration. It is harmless; the editor fades it.',
    example: 'ligand CHT = SC6H11   # no formula or step uses CHT',
    fix: 'Delete it, or use it.',
  },
  {
    code: NameCodes.ambiguousCell,
    title: 'Several cells fit the result',
    severity: 'error',
    explanation: 'A result or plan takes its electrolyte volume, electrode area, catalyst mass and pH from the cell it was measured in. Its cell is found through its run (a CA line at its potential and duration, on an electrode with its catalyst); here several cells fit, so none is used rather than a guess.',
    example: 'result Au28Cu12 at -0.8 V vs RHE for 2 h {   # runs in cells A and B both have CA at -0.8 V for 2 h\n  charge 600 C\n}',
    fix: 'Name the cell on the header: `result Au28Cu12 at -0.8 V vs RHE for 2 h in A {` (the quick fix inserts it).',
  },
  {
    code: NameCodes.noFittingCell,
    title: 'No cell fits the result',
    severity: 'error',
    explanation: 'The protocol declares cells, but no run in them has a CA line at the result\'s potential and duration on an electrode with its catalyst, and no cell is free to have run it. The values that need a cell are left out.',
    example: 'result Au28Cu12 at -0.85 V vs RHE for 2 h {   # the runs hold CA at -0.7, -0.8, -0.9 V\n  charge 600 C\n}',
    fix: 'Correct the potential or duration, add the CA line to the run, or name the cell: `… for 2 h in H {`.',
  },
  {
    code: NameCodes.importMissing,
    title: 'Imported file not found',
    severity: 'error',
    explanation: 'The file named by `import` does not exist, relative to the importing file.',
    example: 'import "reagnets.faraday"',
    fix: 'Correct the path.',
  },
  {
    code: NameCodes.importCycle,
    title: 'Import cycle',
    severity: 'error',
    explanation: 'Files import each other in a circle; the import that closes the circle is ignored.',
    example: '# a.faraday: import "b.faraday"; b.faraday: import "a.faraday"',
    fix: 'Move the shared declarations into a third file that both import.',
  },
  {
    code: NameCodes.importProblems,
    title: 'Imported file has errors',
    severity: 'warning',
    explanation: 'The imported file has syntax errors; its declarations may be incomplete.',
    example: 'import "reagents.faraday"',
    fix: 'Open the imported file and fix its errors.',
  },
  {
    code: AnalysisCodes.notFinite,
    title: 'No number could be computed',
    severity: 'warning',
    explanation: 'A computation gave no finite number (a division by zero, or an input of zero where a size is needed), and no other diagnostic says why. The value is left out rather than shown as NaN or Infinity.',
    example: 'reaction H2 : 2 H+ + 2 e- -> H2\nresult w at -0.8 V vs RHE for 2 h {\n  current 0 mA\n  H2 300 ppm by GC at 18 mL/min\n}',
    fix: 'Check the inputs the message names; a mass, area, volume or duration of zero makes the value undefined.',
  },
];
