// Name and import diagnostics: FD0200–FD0299 and FD0800–FD0899.
import type { DiagnosticCodeInfo } from './diagnostic-info';

export const NameCodes = {
  duplicate: 'FD0201',
  unknown: 'FD0202',
  unused: 'FD0203',
  importMissing: 'FD0801',
  importCycle: 'FD0802',
  importProblems: 'FD0803',
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
    explanation: 'The line refers to an electrode, electrolyte, cell, calibration or cluster that is not declared in this file or an imported one.',
    example: 'working wAu28Cu21',
    fix: 'Use the name suggested by the quick fix, or declare the block.',
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
];
