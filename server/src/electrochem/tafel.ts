// The Tafel slope: the least-squares line of the potential (or overpotential)
// on log10 |j| over a stated range of the sweep, b = dE/dlog10|j| in V per
// decade. With η on the ordinate, the line's η = 0 intercept extrapolates the
// exchange current density: log10 j0 = −a/b.
import { powerOfTen } from '../units/portable-power';

export interface TafelPoint {
  /** log10 |j| in the unit the caller chose (mA/cm², or mA without an area). */
  logJ: number;
  /** Potential or overpotential, V. */
  y: number;
}

export interface TafelFit {
  /** V per decade, signed: positive for an anodic branch, negative for a cathodic one. */
  slope: number;
  /** y at log10 |j| = 0, V. */
  intercept: number;
  r2: number;
  points: number;
  /** log10 |j| of the first and last point fitted. */
  logFrom: number;
  logTo: number;
}

export function tafelFit(points: TafelPoint[]): TafelFit | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  let mx = 0;
  let my = 0;
  for (const p of points) {
    mx += p.logJ;
    my += p.y;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    sxx += (p.logJ - mx) ** 2;
    sxy += (p.logJ - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
    lo = Math.min(lo, p.logJ);
    hi = Math.max(hi, p.logJ);
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (const p of points) sse += (p.y - (intercept + slope * p.logJ)) ** 2;
  return { slope, intercept, r2: syy === 0 ? 1 : 1 - sse / syy, points: n, logFrom: lo, logTo: hi };
}

/** j0 (in the unit of the fit's log10 |j|) where the fitted η line crosses η = 0. */
export function exchangeCurrentDensity(fit: TafelFit): number {
  return powerOfTen(-fit.intercept / fit.slope);
}
