// Koutecký–Levich analysis of a rotating-disk series at one potential:
//   1/j = 1/j_k + 1/(B ω^½),  B = 0.62 n F D^(2/3) ν^(−1/6) C,
// ω the angular rotation rate in rad/s (2π × rpm/60), D the diffusivity and
// C the bulk concentration of the reactant, ν the kinematic viscosity of the
// electrolyte (SI: m²/s, mol/m³; j in A/m²). The line of 1/|j| on ω^(−½) has
// slope 1/B, giving n, and intercept 1/j_k. Levich, Physicochemical
// Hydrodynamics (1962); Bard & Faulkner, Electrochemical Methods, 2nd ed.,
// §9.3.
import { FARADAY } from '../data/constants';
import { power } from '../units/portable-power';

export const LEVICH_CONSTANT = 0.62;

/** Angular rotation rate, rad/s, of a rotation rate in revolutions per second (the SI value of `rpm`). */
export function angularRate(revolutionsPerSecond: number): number {
  return 2 * Math.PI * revolutionsPerSecond;
}

/** B per electron: 0.62 F D^(2/3) ν^(−1/6) C, in A/m² per (rad/s)^½. */
export function levichPerElectron(diffusivity: number, viscosity: number, concentration: number): number {
  return LEVICH_CONSTANT * FARADAY * power(diffusivity, 2 / 3) * power(viscosity, -1 / 6) * concentration;
}

export interface KouteckyLevichFit {
  /** (A/m²)⁻¹ per (rad/s)^(−½). */
  slope: number;
  /** (A/m²)⁻¹. */
  intercept: number;
  r2: number;
  /** Electrons per reactant molecule. */
  electrons: number;
  /** Kinetic current density, A/m²; undefined when the intercept is not positive (no kinetic limit within the data). */
  kinetic?: number;
  points: { x: number; y: number }[];
}

/** Fits 1/|j| against ω^(−½); `points` are rotation rates (rad/s) and current densities (A/m², any sign). */
export function kouteckyLevich(points: { omega: number; j: number }[], perElectron: number): KouteckyLevichFit | undefined {
  const xy = points.filter((p) => p.omega > 0 && p.j !== 0).map((p) => ({ x: 1 / Math.sqrt(p.omega), y: 1 / Math.abs(p.j) }));
  const n = xy.length;
  if (n < 2) return undefined;
  const mx = xy.reduce((s, p) => s + p.x, 0) / n;
  const my = xy.reduce((s, p) => s + p.y, 0) / n;
  const sxx = xy.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = xy.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const syy = xy.reduce((s, p) => s + (p.y - my) ** 2, 0);
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const sse = xy.reduce((s, p) => s + (p.y - intercept - slope * p.x) ** 2, 0);
  if (!(slope > 0)) return undefined;
  return {
    slope, intercept, r2: syy === 0 ? 1 : 1 - sse / syy,
    electrons: 1 / (slope * perElectron),
    kinetic: intercept > 0 ? 1 / intercept : undefined,
    points: xy,
  };
}
