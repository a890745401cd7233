// Ordinary least squares of the reading on the concentration, with the
// detection and quantification limits of ICH Q2(R1): LOD = 3.3 s/slope,
// LOQ = 10 s/slope, s the residual standard deviation (n − 2 degrees of freedom),
// and the standard error of a concentration read back from the line (ISO 8466-1;
// J. N. Miller, J. C. Miller, Statistics and Chemometrics for Analytical Chemistry,
// 6th ed., 2010, eq. 5.9):
//   s_x0 = (s_y/x / b) · √(1/m + 1/n + (ȳ0 − ȳ)² / (b² Σ(x_i − x̄)²))
// for the mean ȳ0 of m replicate readings, n standards, slope b.
import { parseUnit, type Unit } from '../units/parse-unit';
import { convert } from '../units/convert';
import { describeDimension, sameDimension } from '../units/dimension';
import { productMolarity, type ConcentrationUnit } from './concentration';
import type { AnalyteBasis } from './analyte';
import { formatExact } from '../units/format';

export interface CalibrationFit {
  slope: number;
  intercept: number;
  r2: number;
  residualSD: number;
  lod: number;
  loq: number;
  n: number;
  /** x̄, ȳ and Σ(x_i − x̄)² of the standards, for the standard error of a concentration read. */
  meanConcentration: number;
  meanReading: number;
  sxx: number;
  minConcentration: number;
  maxConcentration: number;
  minReading: number;
  maxReading: number;
}

export function fitCalibration(points: { x: number; y: number }[]): CalibrationFit | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  // A point that is not a finite number (a reading written as 1e309) gives no fit rather than a NaN one.
  if (points.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const syy = points.reduce((s, p) => s + (p.y - my) ** 2, 0);
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  // A flat line cannot be inverted: every reading would be an infinite (or no) concentration.
  if (slope === 0 || !Number.isFinite(slope)) return undefined;
  const intercept = my - slope * mx;
  const residuals = points.reduce((s, p) => s + (p.y - (intercept + slope * p.x)) ** 2, 0);
  // Standards exactly on a line leave residuals of rounding only (1e-17 of a response of 1): that is no scatter,
  // and an uncertainty or detection limit made of it would be float noise shown as a number.
  const roundingOnly = n * (64 * Number.EPSILON * Math.max(...points.map((p) => Math.abs(p.y)), 1e-300)) ** 2;
  const sse = residuals <= roundingOnly ? 0 : residuals;
  const residualSD = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
  return {
    slope,
    intercept,
    r2: syy === 0 ? 1 : 1 - sse / syy,
    residualSD,
    lod: (3.3 * residualSD) / slope,
    loq: (10 * residualSD) / slope,
    n,
    meanConcentration: mx,
    meanReading: my,
    sxx,
    minConcentration: Math.min(...points.map((p) => p.x)),
    maxConcentration: Math.max(...points.map((p) => p.x)),
    minReading: Math.min(...points.map((p) => p.y)),
    maxReading: Math.max(...points.map((p) => p.y)),
  };
}

export function concentrationOf(fit: CalibrationFit, reading: number): number {
  return (reading - fit.intercept) / fit.slope;
}

/**
 * s_x0, the standard error of the concentration read from the mean of `m` readings,
 * in the unit of the standards; undefined with two standards, or standards exactly on the line (no residual scatter to count).
 */
export function concentrationStandardError(fit: CalibrationFit, meanReading: number, m: number): number | undefined {
  if (fit.n < 3 || fit.residualSD === 0) return undefined;
  const b = fit.slope;
  return (fit.residualSD / Math.abs(b)) * Math.sqrt(1 / m + 1 / fit.n + (meanReading - fit.meanReading) ** 2 / (b * b * fit.sxx));
}

export function readingOf(fit: CalibrationFit, concentration: number): number {
  return fit.intercept + fit.slope * concentration;
}

/**
 * What the standards respond with: a named reading without a unit (`absorbance`,
 * `area`), or a unit (`µA`, `mV`) whose readings are converted to it.
 */
export type CalibrationResponse = { kind: 'named'; name: string } | { kind: 'unit'; unit: Unit };

export function calibrationResponse(text: string): CalibrationResponse {
  const parsed = parseUnit(text);
  return 'unit' in parsed ? { kind: 'unit', unit: parsed.unit } : { kind: 'named', name: text };
}

/** A reading as written, in the unit of the response, or why it does not fit it. */
export function responseValue(value: number, unitText: string | undefined, response: CalibrationResponse): { value: number } | { error: string } {
  if (response.kind === 'named') {
    if (unitText === undefined) return { value };
    return { error: `the standards respond with ${response.name}, a number without a unit, but the reading has the unit \`${unitText}\`; write the ${response.name} as a bare number` };
  }
  const written = response.unit.text;
  if (unitText === undefined) return { error: `the standards respond in ${written}; write the reading with its unit, such as \`${formatExact(value)} ${written}\`` };
  const parsed = parseUnit(unitText);
  if ('error' in parsed) return { error: `${parsed.error}; the standards respond in ${written}` };
  if (!sameDimension(parsed.unit.dimension, response.unit.dimension)) {
    return { error: `the standards respond in ${written} (${describeDimension(response.unit.dimension)}), but the reading is in \`${unitText}\` (${describeDimension(parsed.unit.dimension)}); write it in ${written}` };
  }
  return { value: convert(value, parsed.unit, response.unit) };
}

export interface CalibratedReading {
  /** (reading − intercept)/slope, in the unit of the standards. */
  measured: number;
  /** × the dilution: the concentration in the sample before dilution, in the unit of the standards. */
  inSample: number;
  /** Moles of the calibration's product per litre of the sample. */
  molPerLitre: number;
  /** s_x0 of `measured` (unit of the standards) and its image in mol/L of the sample; absent with two standards. */
  standardError?: number;
  uMolPerLitre?: number;
}

/**
 * The mean of `m` responses read through a fitted calibration whose standards are in
 * `unit` on `basis`, undoing `dilution`. Every step is linear through zero, so the
 * standard error maps to mol/L by the same factors as the concentration.
 */
export function readThroughCalibration(fit: CalibrationFit, response: number, dilution: number, unit: ConcentrationUnit, basis: AnalyteBasis, m = 1): CalibratedReading {
  const measured = concentrationOf(fit, response);
  const inSample = measured * dilution;
  const read: CalibratedReading = { measured, inSample, molPerLitre: productMolarity(inSample, unit, basis) };
  const standardError = concentrationStandardError(fit, response, m);
  if (standardError !== undefined) {
    read.standardError = standardError;
    read.uMolPerLitre = productMolarity(standardError * dilution, unit, basis);
  }
  return read;
}
