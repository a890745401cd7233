// Every diagnostic code the analysis can emit, gathered from each area's own
// list. docs/diagnostics.md is generated from this (scripts/diagnostics-doc.ts)
// and a unit test keeps the two equal.
import type { DiagnosticCodeInfo } from './diagnostic-info';
import { syntaxCodeCatalogue } from '../syntax/codes';
import { nameCodeCatalogue } from './codes';
import { chemistryCodeCatalogue } from '../chemistry/codes';
import { unitCodeCatalogue } from '../units/codes';
import { electrochemCodeCatalogue } from '../electrochem/codes';
import { crystalCodeCatalogue } from '../crystal/codes';
import { instrumentCodeCatalogue } from '../instruments/codes';
import { methodsCodeCatalogue } from '../methods/codes';

export const diagnosticCatalogue: DiagnosticCodeInfo[] = [...syntaxCodeCatalogue, ...nameCodeCatalogue, ...chemistryCodeCatalogue, ...unitCodeCatalogue, ...electrochemCodeCatalogue, ...crystalCodeCatalogue, ...instrumentCodeCatalogue, ...methodsCodeCatalogue].sort((a, b) =>
  a.code.localeCompare(b.code),
);

export function catalogueEntry(code: string): DiagnosticCodeInfo | undefined {
  return diagnosticCatalogue.find((c) => c.code === code);
}
