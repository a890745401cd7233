// Dimensions and the named kinds of quantity a slot of the language asks for.
import type { DimensionVector } from '../data/units';

export function multiplyDimensions(a: DimensionVector, b: DimensionVector, power = 1): DimensionVector {
  return a.map((x, i) => x + power * b[i]!) as unknown as DimensionVector;
}

/** Whether two dimensions are equal, exponent by exponent (a loop: every quantity of a protocol asks). */
export function sameDimension(a: DimensionVector, b: DimensionVector): boolean {
  for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i]! - b[i]!) < 1e-12)) return false;
  return true;
}

export interface Slot {
  name: string;
  /** How a chemist says it, with an example: "a mass such as `20 mg`". */
  description: string;
  dimension: DimensionVector;
  /** Written as a bare number: a unit after it is an error (`pH 7`, `Z 4`). */
  bare?: true;
}

const D = (l = 0, m = 0, t = 0, i = 0, th = 0, n = 0, j = 0, a = 0): DimensionVector => [l, m, t, i, th, n, j, a];

export const SLOTS = {
  mass: { name: 'mass', description: 'a mass such as `20 mg`', dimension: D(0, 1) },
  volume: { name: 'volume', description: 'a volume such as `10 mL`', dimension: D(3) },
  amount: { name: 'amount', description: 'an amount of substance such as `0.2 mmol`', dimension: D(0, 0, 0, 0, 0, 1) },
  molarConcentration: { name: 'molar concentration', description: 'a molar concentration such as `0.5 M`', dimension: D(-3, 0, 0, 0, 0, 1) },
  massConcentration: { name: 'mass concentration', description: 'a mass concentration such as `2 mg/L`', dimension: D(-3, 1) },
  time: { name: 'time', description: 'a time such as `2 h`', dimension: D(0, 0, 1) },
  temperature: { name: 'temperature', description: 'a temperature such as `25 °C`', dimension: D(0, 0, 0, 0, 1) },
  potential: { name: 'potential', description: 'a potential such as `-0.8 V`', dimension: D(2, 1, -3, -1) },
  current: { name: 'current', description: 'a current such as `-50 mA`', dimension: D(0, 0, 0, 1) },
  currentDensity: { name: 'current density', description: 'a current density such as `-50 mA/cm2`', dimension: D(-2, 0, 0, 1) },
  charge: { name: 'charge', description: 'a charge such as `600 C`', dimension: D(0, 0, 1, 1) },
  scanRate: { name: 'scan rate', description: 'a potential per time, such as `50 mV/s`', dimension: D(2, 1, -4, -1) },
  flowRate: { name: 'flow rate', description: 'a flow rate such as `18 mL/min`', dimension: D(3, 0, -1) },
  molarFlow: { name: 'molar gas flow', description: 'a molar gas flow such as `20 sccm` (standard cm³/min, at 0 °C and 101.325 kPa)', dimension: D(0, 0, -1, 0, 0, 1) },
  frequency: { name: 'frequency', description: 'a frequency such as `100 kHz`', dimension: D(0, 0, -1) },
  rotation: { name: 'rotation rate', description: 'a rotation rate such as `600 rpm`', dimension: D(0, 0, -1) },
  massPerArea: { name: 'mass loading', description: 'a mass per area such as `0.5 mg/cm2`', dimension: D(-2, 1) },
  amountPerArea: { name: 'amount per area', description: 'an amount per area such as `5 nmol/cm2`', dimension: D(-2, 0, 0, 0, 0, 1) },
  area: { name: 'area', description: 'an area such as `1 cm2`', dimension: D(2) },
  length: { name: 'length', description: 'a length such as `0.71073 Å`', dimension: D(1) },
  cellVolume: { name: 'volume', description: 'a cell volume such as `16334.9(16) Å3`', dimension: D(3) },
  density: { name: 'density', description: 'a density such as `1.032 g/mL`', dimension: D(-3, 1) },
  molarMass: { name: 'molar mass', description: 'a molar mass such as `262.29 g/mol`', dimension: D(0, 1, 0, 0, 0, -1) },
  resistance: { name: 'resistance', description: 'a resistance such as `5 ohm`', dimension: D(2, 1, -3, -2) },
  capacitancePerArea: { name: 'capacitance per area', description: 'a capacitance per area such as `0.035 mF/cm2`', dimension: D(-4, -1, 4, 2) },
  fraction: { name: 'fraction', description: 'a fraction such as `95 %` or `300 ppm`', dimension: D() },
  absorptionCoefficient: { name: 'absorption coefficient', description: 'an absorption coefficient such as `13.884 mm-1`', dimension: D(-1) },
  angle: { name: 'angle', description: 'an angle such as `90°`', dimension: D(0, 0, 0, 0, 0, 0, 0, 1) },
  pressure: { name: 'pressure', description: 'a pressure such as `101.325 kPa`', dimension: D(-1, 1, -2) },
  diffusivity: { name: 'diffusion coefficient', description: 'a diffusion coefficient such as `1.9e-5 cm2/s`', dimension: D(2, 0, -1) },
  kinematicViscosity: { name: 'kinematic viscosity', description: 'a kinematic viscosity such as `0.01 cm2/s`', dimension: D(2, 0, -1) },
  count: { name: 'count', description: 'a whole number without a unit, such as `4`', dimension: D(), bare: true },
  pH: { name: 'pH', description: 'a pH without a unit, such as `7.0`', dimension: D(), bare: true },
  reading: { name: 'reading', description: 'a reading without a unit, such as the absorbance `0.099`', dimension: D(), bare: true },
} satisfies Record<string, Slot>;

export type SlotName = keyof typeof SLOTS;

/** The name of a dimension for messages ("a volume"), or its SI form. */
export function describeDimension(dim: DimensionVector): string {
  for (const slot of Object.values(SLOTS)) if (sameDimension(slot.dimension, dim)) return slot.name;
  const names = ['m', 'kg', 's', 'A', 'K', 'mol', 'cd', 'rad'];
  const parts = dim.map((e, i) => (e === 0 ? '' : e === 1 ? names[i] : `${names[i]}^${e}`)).filter(Boolean);
  return parts.length ? parts.join('·') : 'a pure number';
}
