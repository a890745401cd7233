// Unit diagnostics: FD0400–FD0499.
import type { DiagnosticCodeInfo } from '../analysis/diagnostic-info';

export const UnitCodes = {
  unknownUnit: 'FD0401',
  wrongDimension: 'FD0402',
  missingUnit: 'FD0403',
} as const;

export const unitCodeCatalogue: DiagnosticCodeInfo[] = [
  {
    code: UnitCodes.unknownUnit,
    title: 'Unknown unit',
    severity: 'error',
    explanation: 'The unit after a number is not one Faraday knows. Units take SI prefixes (`mL`, `µA`) and the spellings chemists type (`uL`, `degC`, `cm2`, `Å3`).',
    example: 'add 20 mgg CuCl',
    fix: 'Use the unit the quick fix suggests, e.g. `mg`.',
  },
  {
    code: UnitCodes.wrongDimension,
    title: 'Unit does not fit',
    severity: 'error',
    explanation: 'Each place asks for one kind of quantity: a scan rate needs a potential per time, an area needs an area. A mass where a volume is needed cannot be converted.',
    example: 'CV from 0.1 V to 0.3 V vs RHE at 50 mL',
    fix: 'Write the quantity in a unit of the kind the message names.',
  },
  {
    code: UnitCodes.missingUnit,
    title: 'Unit missing',
    severity: 'error',
    explanation: 'A number that needs a unit has none.',
    example: 'area 1',
    fix: 'Add the unit, e.g. `area 1 cm2`.',
  },
];
