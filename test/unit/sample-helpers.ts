// Shared by the tests that assert the reference values on the sample.
import { readFileSync } from 'node:fs';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';

export const sampleText = readFileSync(new URL('../../samples/au28cu12-si.faraday', import.meta.url), 'utf8');

/** Applies the preferred quick fix of the first diagnostic with `code` at `word`. */
export function applyFix(text: string, code: string, word: string): string {
  const d = analyze(text).diagnostics.find((x) => x.code === code && text.slice(x.span.start, x.span.end) === word);
  const fix = d?.fixes?.find((f) => f.preferred) ?? d?.fixes?.[0];
  if (!fix) throw new Error(`no fix for ${code} at ${word}`);
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** The sample as a chemist would have it after accepting the `Me2SAu` → `Me2SAuCl` fix. */
export const fixedSample = applyFix(sampleText, 'FD0301', 'Me2SAu');

export function value(a: Analysis, kind: string, subject: string): number | string {
  const v = a.values.find((x) => x.kind === kind && x.subject === subject);
  if (!v) throw new Error(`no ${kind} for ${subject}; have: ${a.values.filter((x) => x.kind === kind).map((x) => x.subject).join(', ')}`);
  return v.value;
}

export function close(actual: number | string, expected: number, digits: number, what = ''): void {
  if (typeof actual !== 'number' || Math.abs(actual - expected) > 0.5 * 10 ** -digits) {
    throw new Error(`${what}: expected ${expected} (±${0.5 * 10 ** -digits}), got ${actual}`);
  }
}
