// The area of a chromatographic peak from a detector trace: trapezoids over
// the samples of a retention-time window, above a straight baseline drawn
// between the trace at the window's two ends (the drop-line baseline of a
// resolved peak). The trace is sampled at `rateHz` from the injection (t = i / rate);
// the window's ends are interpolated between samples, so the area does not
// jump when a window edge moves by less than a sampling interval.
import { formatExact } from '../units/format';

export interface PeakArea {
  /** ∫ (signal − baseline) dt, in the trace's unit × s. */
  area: number;
  /** The signal at the window's ends, where the baseline is drawn. */
  baselineStart: number;
  baselineEnd: number;
  /** Samples of the trace inside the window. */
  samples: number;
}

/** The trace at time t (s), linearly interpolated; t must lie within the trace. */
function at(trace: Float64Array, rateHz: number, t: number): number {
  const x = t * rateHz;
  const i = Math.min(Math.floor(x), trace.length - 2);
  const f = x - i;
  return trace[i]! + f * (trace[i + 1]! - trace[i]!);
}

/**
 * The peak area over [startS, endS], or why there is none: the window must lie
 * within the trace and be longer than nothing.
 */
export function peakArea(trace: Float64Array, rateHz: number, startS: number, endS: number): PeakArea | { error: string } {
  const lastS = (trace.length - 1) / rateHz;
  if (trace.length < 2 || !(rateHz > 0)) return { error: 'the trace has fewer than two points' };
  if (!(endS > startS)) return { error: 'the window ends before it starts' };
  if (startS < 0 || endS > lastS) return { error: `the window lies outside the trace, which runs from 0 to ${formatExact(lastS)} s` };
  const y0 = at(trace, rateHz, startS);
  const y1 = at(trace, rateHz, endS);
  const baseline = (t: number) => y0 + ((y1 - y0) * (t - startS)) / (endS - startS);
  // The window's ends, and every sample strictly between them.
  const times = [startS];
  const first = Math.floor(startS * rateHz) + 1;
  const last = Math.ceil(endS * rateHz) - 1;
  for (let i = first; i <= last; i++) times.push(i / rateHz);
  times.push(endS);
  let area = 0;
  let prevT = startS;
  let prevY = 0; // signal − baseline is zero at the window's start by construction
  for (let k = 1; k < times.length; k++) {
    const t = times[k]!;
    const y = (k === times.length - 1 ? y1 : trace[first + k - 1]!) - baseline(t);
    area += ((prevY + y) / 2) * (t - prevT);
    prevT = t;
    prevY = y;
  }
  return { area, baselineStart: y0, baselineEnd: y1, samples: Math.max(0, last - first + 1) };
}
