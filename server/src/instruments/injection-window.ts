// Whether each GC injection was taken while the electrolysis ran. With the
// electrolysis's start (from its i-t file) on the same clock as the injections,
// an injection belongs to the run from the start to the start plus the
// duration; without it, the first injection is taken as the start. A second of
// slack absorbs the rounding of the times as written.
import type { InstrumentTime } from './instrument-time';

export const WINDOW_SLACK_S = 1;

export interface Placement {
  /** Seconds from the origin; undefined when the injection has no time. */
  offsetS?: number;
  /** Taken during the electrolysis (or not checkable, which counts as during). */
  inside: boolean;
  /** For an injection outside: before the start or after the end. */
  side?: 'before' | 'after';
}

export interface InjectionWindow {
  /** What t = 0 is: the electrolysis's start, the first injection, or nothing (times or duration unknown). */
  origin: 'start' | 'first injection' | 'none';
  /** The start was known but on another clock (a zone on one side only), so the first injection stands for it. */
  clockMismatch: boolean;
  placements: Placement[];
}

export function placeInjections(times: (InstrumentTime | undefined)[], start: InstrumentTime | undefined, durationS: number | undefined): InjectionWindow {
  const known = times.filter((t): t is InstrumentTime => t !== undefined);
  const oneClock = known.length === times.length && known.length > 0 && known.every((t) => t.zoned === known[0]!.zoned);
  if (!oneClock || durationS === undefined) return { origin: 'none', clockMismatch: false, placements: times.map(() => ({ inside: true })) };
  const clockMismatch = start !== undefined && start.zoned !== known[0]!.zoned;
  const fromStart = start !== undefined && !clockMismatch;
  const origin = fromStart ? start!.ms : Math.min(...known.map((t) => t.ms));
  const placements = known.map((t): Placement => {
    const offsetS = (t.ms - origin) / 1000;
    if (offsetS < -WINDOW_SLACK_S) return { offsetS, inside: false, side: 'before' };
    if (offsetS > durationS + WINDOW_SLACK_S) return { offsetS, inside: false, side: 'after' };
    return { offsetS, inside: true };
  });
  return { origin: fromStart ? 'start' : 'first injection', clockMismatch, placements };
}
