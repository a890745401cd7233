// FARADAY_TIMING=1 in the language server's environment: each thread writes
// where the time of an edit and of each request goes to stderr (the editor's
// output channel for the server), to find what keeps an answer waiting.
import { formatNumber } from '../units/format';

export const timingEnabled = process.env.FARADAY_TIMING === '1';

export function logTiming(thread: 'main' | 'worker', line: string): void {
  if (timingEnabled) process.stderr.write(`[faraday timing ${thread}] ${line}\n`);
}

export const ms = (x: number) => `${formatNumber(x, { decimals: 1 })} ms`;
