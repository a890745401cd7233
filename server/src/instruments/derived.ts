// Values derived from imported series: charge by the trapezoidal rule and the
// mean current over the time span.
import type { Column, ImportedData } from './series';

/** The trapezoid read while importing, when it is of these two columns. */
export function streamedTrapezoid(data: ImportedData, time: Column, current: Column): number | undefined {
  const t = data.trapezoid;
  return t && t.time === time.name && t.current === current.name ? t.coulombs : undefined;
}

export function trapezoid(x: Float64Array, y: Float64Array): number {
  let sum = 0;
  for (let i = 1; i < x.length; i++) sum += ((y[i]! + y[i - 1]!) / 2) * (x[i]! - x[i - 1]!);
  return sum;
}

/** `trapezoidC`: the trapezoid of these columns when the importer already summed it (ImportedData `trapezoid`). */
export function chargeAndMeanCurrent(time: Float64Array, current: Float64Array, trapezoidC?: number): { chargeC: number; meanCurrentA: number; spanS: number } {
  const chargeC = trapezoidC ?? trapezoid(time, current);
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

/**
 * Δi between the branches of a CV at the middle of its potential window (for
 * the double-layer capacitance). Kept per potential column: an import is one
 * object for as long as its file is unchanged, so each edit of the protocol
 * does not scan every CV again.
 */
const middleDifferences = new WeakMap<Float64Array, Map<Float64Array, number | undefined>>();

export function middleBranchDifference(potential: Float64Array, current: Float64Array): number | undefined {
  let byCurrent = middleDifferences.get(potential);
  if (!byCurrent) middleDifferences.set(potential, (byCurrent = new Map()));
  if (byCurrent.has(current)) return byCurrent.get(current);
  // A loop, not Math.min(...values): spreading a long series overflows the call stack.
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < potential.length; i++) {
    const e = potential[i]!;
    if (e < low) low = e;
    if (e > high) high = e;
  }
  const di = potential.length > 0 ? branchDifference(potential, current, (low + high) / 2) : undefined;
  byCurrent.set(current, di);
  return di;
}

/**
 * Onset potential of a sweep: the first potential, in recording order, at which
 * |current| reaches `thresholdA`, interpolated linearly between the two points
 * around the crossing; undefined when the sweep never reaches it.
 */
export function onsetPotential(potential: Float64Array, current: Float64Array, thresholdA: number): number | undefined {
  const t = Math.abs(thresholdA);
  if (current.length > 0 && Math.abs(current[0]!) >= t) return potential[0];
  for (let i = 1; i < current.length; i++) {
    const a = Math.abs(current[i - 1]!);
    const b = Math.abs(current[i]!);
    if (a < t && b >= t) {
      const f = (t - a) / (b - a);
      return potential[i - 1]! + f * (potential[i]! - potential[i - 1]!);
    }
  }
  return undefined;
}

/**
 * The charge of an i-t record: the instrument's own integral when the file
 * has one (EC-Lab `(Q-Qo)`, CHI `Charge`, integrated at the acquisition rate,
 * which the recorded points may sample sparsely), else the trapezoid over
 * the recorded points. `trapezoidC` is returned in both cases to be compared.
 */
export function runCharge(time: Float64Array, current: Float64Array, charge?: Float64Array, trapezoidC?: number): { chargeC: number; trapezoidC: number; meanCurrentA: number; spanS: number; source: 'instrument' | 'trapezoid' } {
  const t = chargeAndMeanCurrent(time, current, trapezoidC);
  if (!charge || charge.length < 2) return { ...t, trapezoidC: t.chargeC, source: 'trapezoid' };
  const chargeC = charge[charge.length - 1]! - charge[0]!;
  return { chargeC, trapezoidC: t.chargeC, meanCurrentA: t.spanS > 0 ? chargeC / t.spanS : 0, spanS: t.spanS, source: 'instrument' };
}
