// Ordinary least squares of the reading on the concentration, with the
// detection and quantification limits of ICH Q2(R1): LOD = 3.3 s/slope,
// LOQ = 10 s/slope, s the residual standard deviation (n − 2 degrees of freedom).
import { parseUnit, type Unit } from '../units/parse-unit';
import { convert } from '../units/convert';
import { describeDimension, sameDimension } from '../units/dimension';
import { productMolarity, type ConcentrationUnit } from './concentration';
import type { AnalyteBasis } from './analyte';

export interface CalibrationFit {
  slope: number;
  intercept: number;
  r2: number;
  residualSD: number;
  lod: number;
  loq: number;
  n: number;
  minConcentration: number;
  maxConcentration: number;
  minReading: number;
  maxReading: number;
}

export function fitCalibration(points: { x: number; y: number }[]): CalibrationFit | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const syy = points.reduce((s, p) => s + (p.y - my) ** 2, 0);
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const sse = points.reduce((s, p) => s + (p.y - (intercept + slope * p.x)) ** 2, 0);
  const residualSD = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
  return {
    slope,
    intercept,
    r2: syy === 0 ? 1 : 1 - sse / syy,
    residualSD,
    lod: (3.3 * residualSD) / slope,
    loq: (10 * residualSD) / slope,
    n,
    minConcentration: Math.min(...points.map((p) => p.x)),
    maxConcentration: Math.max(...points.map((p) => p.x)),
    minReading: Math.min(...points.map((p) => p.y)),
    maxReading: Math.max(...points.map((p) => p.y)),
  };
}

export function concentrationOf(fit: CalibrationFit, reading: number): number {
  return (reading - fit.intercept) / fit.slope;
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
  if (unitText === undefined) return { error: `the standards respond in ${written}; write the reading with its unit, such as \`${value} ${written}\`` };
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
}

/** A response read through a fitted calibration whose standards are in `unit` on `basis`, undoing `dilution`. */
export function readThroughCalibration(fit: CalibrationFit, response: number, dilution: number, unit: ConcentrationUnit, basis: AnalyteBasis): CalibratedReading {
  const measured = concentrationOf(fit, response);
  const inSample = measured * dilution;
  return { measured, inSample, molPerLitre: productMolarity(inSample, unit, basis) };
}
