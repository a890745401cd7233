// Unit diagnostics: FD0400–FD0499.
import type { DiagnosticCodeInfo } from '../analysis/diagnostic-info';

export const UnitCodes = {
  unknownUnit: 'FD0401',
  wrongDimension: 'FD0402',
  missingUnit: 'FD0403',
  impossibleValue: 'FD0410',
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
  {
    code: UnitCodes.impossibleValue,
    title: 'Impossible value',
    severity: 'error',
    explanation: 'The value cannot be what its place says: a temperature at or below absolute zero, an area, mass, volume, duration, cell edge or flow that is zero or negative, a charge or current of zero (cathodic ones may be negative), a pH outside −2 to 16, a fraction outside 0–100 %, a cell angle outside 0–180°, or a Z that is not a whole number. Nothing is computed from it.',
    example: 'area 0 cm2',
    fix: 'Correct the value; the message says what range the place allows.',
  },
];
