// Values derived from imported series: charge by the trapezoidal rule and the
// mean current over the time span.

export function trapezoid(x: Float64Array, y: Float64Array): number {
  let sum = 0;
  for (let i = 1; i < x.length; i++) sum += ((y[i]! + y[i - 1]!) / 2) * (x[i]! - x[i - 1]!);
  return sum;
}

export function chargeAndMeanCurrent(time: Float64Array, current: Float64Array): { chargeC: number; meanCurrentA: number; spanS: number } {
  const chargeC = trapezoid(time, current);
  const spanS = time.length > 1 ? time[time.length - 1]! - time[0]! : 0;
  return { chargeC, meanCurrentA: spanS > 0 ? chargeC / spanS : 0, spanS };
}

/**
 * Current difference between the anodic and cathodic branches of a CV at
 * potential `e`: each branch (rising and falling potential) is interpolated
 * linearly at `e`; undefined when a branch does not reach it.
 */
export function branchDifference(potential: Float64Array, current: Float64Array, e: number): number | undefined {
  let anodic: number | undefined;
  let cathodic: number | undefined;
  for (let i = 1; i < potential.length; i++) {
    const a = potential[i - 1]!;
    const b = potential[i]!;
    if (a === b || (e - a) * (e - b) > 0) continue;
    const f = (e - a) / (b - a);
    const value = current[i - 1]! + f * (current[i]! - current[i - 1]!);
    if (b > a) anodic = value;
    else cathodic = value;
  }
  return anodic !== undefined && cathodic !== undefined ? anodic - cathodic : undefined;
}
