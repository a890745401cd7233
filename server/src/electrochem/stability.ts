// The drift of a long CP or CA run, from its record: the mean over a window
// at the start and one at the end.
//   - window: 1 % of the recorded duration, but at least 10 min and at most
//     10 % of the duration (a 100 h run: 1 h; a 10 h run: 10 min; a 1 h run:
//     6 min), or as stated on the line (`window 30 min`, capped the same way);
//   - CP: the potential drift (E_end − E_start)/(t_end − t_start), each E and t
//     the mean over its window, in V/s (shown in mV/h);
//   - CA: the current retained, mean |i| of the end window over that of the
//     start window (shown in %).
// Means over windows, not single points, so that noise and the charging
// spike of the first seconds weigh little.

export const MIN_WINDOW_S = 600;
export const WINDOW_FRACTION = 0.01;
export const MAX_WINDOW_FRACTION = 0.1;

/** The averaging window (s) of a record `durationS` long; a stated window is capped at 10 % of the duration. */
export function stabilityWindow(durationS: number, statedS?: number): number {
  const wanted = statedS ?? Math.max(MIN_WINDOW_S, WINDOW_FRACTION * durationS);
  return Math.min(wanted, MAX_WINDOW_FRACTION * durationS);
}

export interface WindowMean {
  /** Mean time (s) and mean value of the points in the window. */
  t: number;
  value: number;
  points: number;
  /** Time span of the window, s. */
  from: number;
  to: number;
}

/** Means of `values` over the first and the last `windowS` seconds; each window holds at least its end point. */
export function windowMeans(time: ArrayLike<number>, values: ArrayLike<number>, windowS: number, transform: (v: number) => number = (v) => v): { start: WindowMean; end: WindowMean } | undefined {
  const n = Math.min(time.length, values.length);
  if (n < 2) return undefined;
  const t0 = time[0]!;
  const t1 = time[n - 1]!;
  if (!(t1 > t0)) return undefined;
  // Times in order (as recorded): the points of a window are one stretch, found by bisection, and summed in
  // the same order as the scan of every point would sum them, so the means are the same to the last bit.
  const sorted = nonDecreasing(time, n);
  const mean = (from: number, to: number): WindowMean => {
    let st = 0;
    let sv = 0;
    let k = 0;
    for (let i = sorted ? firstAtLeast(time, n, from) : 0; i < n; i++) {
      const t = time[i]!;
      if (t < from || t > to) {
        if (sorted && t > to) break;
        continue;
      }
      st += t;
      sv += transform(values[i]!);
      k++;
    }
    return { t: st / k, value: sv / k, points: k, from, to };
  };
  return { start: mean(t0, t0 + windowS), end: mean(t1 - windowS, t1) };
}

/**
 * Whether the first `n` times never decrease (NaN breaks the order), kept per column (a Float64Array of an
 * import, which is never written): a record named on many lines with different windows is checked once.
 */
const ordered = new WeakMap<Float64Array, { n: number; sorted: boolean }>();
function nonDecreasing(time: ArrayLike<number>, n: number): boolean {
  const kept = time instanceof Float64Array ? ordered.get(time) : undefined;
  if (kept && kept.n === n) return kept.sorted;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = time[i]! >= time[i - 1]!;
  if (n > 0) sorted &&= time[0] === time[0];
  if (time instanceof Float64Array) ordered.set(time, { n, sorted });
  return sorted;
}

/** The first index below `n` whose time is at least `from` (n when none is), in non-decreasing times. */
function firstAtLeast(time: ArrayLike<number>, n: number, from: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface PotentialDrift {
  windowS: number;
  durationS: number;
  start: WindowMean;
  end: WindowMean;
  /** V per second. */
  drift: number;
}

export function potentialDrift(time: ArrayLike<number>, potential: ArrayLike<number>, statedWindowS?: number): PotentialDrift | undefined {
  const n = Math.min(time.length, potential.length);
  if (n < 2) return undefined;
  const durationS = time[n - 1]! - time[0]!;
  const windowS = stabilityWindow(durationS, statedWindowS);
  const w = windowMeans(time, potential, windowS);
  if (!w || !(w.end.t > w.start.t)) return undefined;
  return { windowS, durationS, ...w, drift: (w.end.value - w.start.value) / (w.end.t - w.start.t) };
}

export interface CurrentRetention {
  windowS: number;
  durationS: number;
  /** Mean |i| of each window (A). */
  start: WindowMean;
  end: WindowMean;
  /** Fraction of the start current left at the end. */
  retained: number;
}

export function currentRetention(time: ArrayLike<number>, current: ArrayLike<number>, statedWindowS?: number): CurrentRetention | undefined {
  const n = Math.min(time.length, current.length);
  if (n < 2) return undefined;
  const durationS = time[n - 1]! - time[0]!;
  const windowS = stabilityWindow(durationS, statedWindowS);
  const w = windowMeans(time, current, windowS, Math.abs);
  if (!w || w.start.value === 0) return undefined;
  return { windowS, durationS, ...w, retained: w.end.value / w.start.value };
}
