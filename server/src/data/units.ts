// Unit table. Sources: SI Brochure, 9th edition (BIPM 2019) for the SI units
// and prefixes; exact conventional definitions for the non-SI units chemists
// use (1 atm = 101325 Pa, 1 Torr = 101325/760 Pa, 1 Å = 1e-10 m, 1 M = 1 mol/L,
// 1 d = 86400 s, 1 rpm = 1/60 s⁻¹, 1 eV = 1.602176634e-19 J).
//
// Dimensions are exponents of [length, mass, time, current, temperature,
// amount, luminous intensity, angle]; angle is kept apart so `°` never passes
// for a fraction.
//
// `sccm` and `slpm` (standard cm³ and standard litres per minute) are molar
// flows, not volumes per time: the volume the gas would take at the standard
// conditions of mass-flow controllers, 0 °C (273.15 K) and 101.325 kPa (SEMI
// E12-0303, "Guideline for standard pressure, standard temperature, standard
// density, and standard volume units used in mass flow meters and mass flow
// controllers"). So 1 sccm = 1e-6 m³/min × p0 / (R·T0) = 7.4362e-7 mol/s,
// whatever the temperature and pressure of the protocol.
import { GAS_CONSTANT, STANDARD_PRESSURE, ZERO_CELSIUS } from './constants';

export type DimensionVector = readonly [number, number, number, number, number, number, number, number];

/** A factor to SI written as mantissa × 10^exponent, so decimal prefixes stay exact. */
export interface ExactFactor {
  mantissa: number;
  exponent: number;
}

export interface UnitDefinition {
  /** Canonical symbol, as displayed. */
  symbol: string;
  /** Other spellings chemists type. */
  spellings: string[];
  dimension: DimensionVector;
  factor: ExactFactor;
  /** Added after scaling to reach SI (temperatures in °C). */
  offset?: number;
  /** Whether SI prefixes apply (`mL`, `µA`) — never for `%`, `min`, `°C`. */
  prefixable: boolean;
  /** ASCII symbol for machine output. */
  ascii: string;
}

/** The standard conditions of `sccm` and `slpm` (SEMI E12): the volume they count is at 0 °C and 1 atm. */
export const MASS_FLOW_STANDARD = { temperatureK: ZERO_CELSIUS, pressurePa: STANDARD_PRESSURE } as const;
/** mol/s of 1 standard m³/min: p0 / (R·T0) / 60 s. */
const MOL_PER_S_PER_STANDARD_M3_PER_MIN = MASS_FLOW_STANDARD.pressurePa / (GAS_CONSTANT * MASS_FLOW_STANDARD.temperatureK) / 60;

const D = (l = 0, m = 0, t = 0, i = 0, th = 0, n = 0, j = 0, a = 0): DimensionVector => [l, m, t, i, th, n, j, a];
const f = (mantissa: number, exponent = 0): ExactFactor => ({ mantissa, exponent });

export const UNITS: UnitDefinition[] = [
  // Base and derived SI units
  { symbol: 'm', spellings: [], dimension: D(1), factor: f(1), prefixable: true, ascii: 'm' },
  { symbol: 'g', spellings: [], dimension: D(0, 1), factor: f(1, -3), prefixable: true, ascii: 'g' },
  { symbol: 's', spellings: ['sec'], dimension: D(0, 0, 1), factor: f(1), prefixable: true, ascii: 's' },
  { symbol: 'A', spellings: [], dimension: D(0, 0, 0, 1), factor: f(1), prefixable: true, ascii: 'A' },
  { symbol: 'K', spellings: [], dimension: D(0, 0, 0, 0, 1), factor: f(1), prefixable: false, ascii: 'K' },
  { symbol: 'mol', spellings: [], dimension: D(0, 0, 0, 0, 0, 1), factor: f(1), prefixable: true, ascii: 'mol' },
  { symbol: 'V', spellings: [], dimension: D(2, 1, -3, -1), factor: f(1), prefixable: true, ascii: 'V' },
  { symbol: 'C', spellings: [], dimension: D(0, 0, 1, 1), factor: f(1), prefixable: true, ascii: 'C' },
  { symbol: 'F', spellings: [], dimension: D(-2, -1, 4, 2), factor: f(1), prefixable: true, ascii: 'F' },
  { symbol: 'Ω', spellings: ['ohm', 'Ohm', 'ohms'], dimension: D(2, 1, -3, -2), factor: f(1), prefixable: true, ascii: 'ohm' },
  { symbol: 'S', spellings: [], dimension: D(-2, -1, 3, 2), factor: f(1), prefixable: true, ascii: 'S' },
  { symbol: 'Hz', spellings: [], dimension: D(0, 0, -1), factor: f(1), prefixable: true, ascii: 'Hz' },
  { symbol: 'J', spellings: [], dimension: D(2, 1, -2), factor: f(1), prefixable: true, ascii: 'J' },
  { symbol: 'W', spellings: [], dimension: D(2, 1, -3), factor: f(1), prefixable: true, ascii: 'W' },
  { symbol: 'Pa', spellings: [], dimension: D(-1, 1, -2), factor: f(1), prefixable: true, ascii: 'Pa' },
  { symbol: 'L', spellings: ['l'], dimension: D(3), factor: f(1, -3), prefixable: true, ascii: 'L' },
  { symbol: 'M', spellings: [], dimension: D(-3, 0, 0, 0, 0, 1), factor: f(1, 3), prefixable: true, ascii: 'M' },
  { symbol: 'eV', spellings: [], dimension: D(2, 1, -2), factor: f(1.602176634, -19), prefixable: true, ascii: 'eV' },
  { symbol: 'Da', spellings: [], dimension: D(0, 1, 0, 0, 0, -1), factor: f(1, -3), prefixable: true, ascii: 'Da' },
  // Non-SI units in use with the SI, and lab conventions
  { symbol: 'min', spellings: [], dimension: D(0, 0, 1), factor: f(6, 1), prefixable: false, ascii: 'min' },
  { symbol: 'h', spellings: ['hr', 'hrs', 'hour', 'hours'], dimension: D(0, 0, 1), factor: f(3.6, 3), prefixable: false, ascii: 'h' },
  { symbol: 'd', spellings: ['day', 'days'], dimension: D(0, 0, 1), factor: f(8.64, 4), prefixable: false, ascii: 'd' },
  { symbol: '°C', spellings: ['degC', '℃', 'oC'], dimension: D(0, 0, 0, 0, 1), factor: f(1), offset: 273.15, prefixable: false, ascii: 'degC' },
  { symbol: 'Å', spellings: ['Å', 'angstrom'], dimension: D(1), factor: f(1, -10), prefixable: false, ascii: 'A' },
  { symbol: 'bar', spellings: [], dimension: D(-1, 1, -2), factor: f(1, 5), prefixable: true, ascii: 'bar' },
  { symbol: 'atm', spellings: [], dimension: D(-1, 1, -2), factor: f(1.01325, 5), prefixable: false, ascii: 'atm' },
  { symbol: 'Torr', spellings: ['torr', 'mmHg'], dimension: D(-1, 1, -2), factor: f(101325 / 760), prefixable: false, ascii: 'Torr' },
  // Molar gas flows of mass-flow controllers, at MASS_FLOW_STANDARD (see the top of the file).
  { symbol: 'sccm', spellings: ['SCCM'], dimension: D(0, 0, -1, 0, 0, 1), factor: f(MOL_PER_S_PER_STANDARD_M3_PER_MIN, -6), prefixable: false, ascii: 'sccm' },
  { symbol: 'slpm', spellings: ['SLPM', 'slm', 'SLM'], dimension: D(0, 0, -1, 0, 0, 1), factor: f(MOL_PER_S_PER_STANDARD_M3_PER_MIN, -3), prefixable: false, ascii: 'slpm' },
  { symbol: 'rpm', spellings: [], dimension: D(0, 0, -1), factor: f(1 / 60), prefixable: false, ascii: 'rpm' },
  { symbol: '°', spellings: ['deg'], dimension: D(0, 0, 0, 0, 0, 0, 0, 1), factor: f(Math.PI / 180), prefixable: false, ascii: 'deg' },
  { symbol: '%', spellings: ['percent'], dimension: D(), factor: f(1, -2), prefixable: false, ascii: '%' },
  // Percent by mass (IUPAC Green Book §2.10: mass fraction w). Kept apart from `%` so that a
  // mass fraction is never read from a bare percent, which may be by volume or by amount.
  { symbol: 'wt%', spellings: ['wt.%', 'wt. %', 'wt %', '% w/w', '%w/w', 'w/w%', 'w/w %'], dimension: D(), factor: f(1, -2), prefixable: false, ascii: 'wt%' },
  { symbol: 'ppm', spellings: [], dimension: D(), factor: f(1, -6), prefixable: false, ascii: 'ppm' },
  { symbol: 'ppb', spellings: [], dimension: D(), factor: f(1, -9), prefixable: false, ascii: 'ppb' },
  { symbol: 'eq', spellings: ['equiv'], dimension: D(), factor: f(1), prefixable: false, ascii: 'eq' },
];

/** SI prefixes (SI Brochure table 7); `u` stands for µ where the keyboard lacks it. */
export const PREFIXES: Record<string, number> = {
  Q: 30, R: 27, Y: 24, Z: 21, E: 18, P: 15, T: 12, G: 9, M: 6, k: 3, h: 2, da: 1,
  d: -1, c: -2, m: -3, 'µ': -6, 'μ': -6, u: -6, n: -9, p: -12, f: -15, a: -18, z: -21, y: -24, r: -27, q: -30,
};
