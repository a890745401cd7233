// Ordinary least squares of the reading on the concentration, with the
// detection and quantification limits of ICH Q2(R1): LOD = 3.3 s/slope,
// LOQ = 10 s/slope, s the residual standard deviation (n − 2 degrees of freedom).

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
