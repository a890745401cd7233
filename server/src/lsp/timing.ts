// FARADAY_TIMING=1 in the language server's environment: each thread writes
// where the time of an edit and of each request goes to stderr (the editor's
// output channel for the server), to find what keeps an answer waiting.
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { formatNumber } from '../units/format';

export const timingEnabled = process.env.FARADAY_TIMING === '1';

export function logTiming(thread: 'main' | 'worker', line: string): void {
  if (timingEnabled) process.stderr.write(`[faraday timing ${thread}] ${line}\n`);
}

export const ms = (x: number) => `${formatNumber(x, { decimals: 1 })} ms`;

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

/** With FARADAY_TIMING, the thread's garbage collections of 2 ms or more, which an edit's time may hide. */
export function logGarbageCollection(thread: 'main' | 'worker'): void {
  if (!timingEnabled) return;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < 2) continue;
      const kind = (e as { detail?: { kind?: number } }).detail?.kind;
      logTiming(thread, `garbage collection (${GC_KINDS[kind ?? -1] ?? 'other'}): ${ms(e.duration)}`);
    }
  }).observe({ entryTypes: ['gc'] });
}
