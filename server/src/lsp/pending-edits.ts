// Between an edit and its analysis (the debounce), a hover or a completion
// somewhere else in the file need not wait for the whole file to be analysed
// again: the latest analysis answers for every block the pending edits did not
// touch, at the same place in the block. Inside a touched block (and the
// blocks beside it, which the edit may have joined or split) the new version
// is analysed first. The newer analysis follows within the debounce.
import type { Analysis } from '../analysis/analyze';
import type { Span } from '../syntax/ast';
import { LineIndex } from '../syntax/line-index';

export interface MappedAnalysis {
  analysis: Analysis;
  /** The offset in the analysed text for an offset in the current text. */
  offset: number;
  /** A span of the analysed text as it sits in the current text. */
  toCurrent(span: Span): Span;
  /** Lines of the current text. */
  lineIndex: LineIndex;
}

/** Where two versions differ: the first `prefix` and the last `suffix` characters are shared. */
function difference(before: string, after: string): { prefix: number; suffix: number } {
  const n = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < n && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/**
 * The latest analysis, mapped to the current text, when it can answer at
 * `offset` (of the current text); undefined when the place is in or beside a
 * block the pending edits changed.
 */
export function mapThroughPendingEdits(latest: Analysis, current: string, offset: number): MappedAnalysis | undefined {
  const before = latest.text;
  // Requests come in bursts between two versions: the difference and the lines are found once.
  if (known?.latest !== latest || known.current !== current) known = { latest, current, ...difference(before, current), lineIndex: new LineIndex(current) };
  const { prefix, suffix, lineIndex } = known;
  const delta = current.length - before.length;
  const changedEnd = before.length - suffix; // end of the changed part, in the analysed text
  const chunks = latest.parse.chunks;
  // The chunks touching the changed part, and one on either side.
  let first = chunks.findIndex((c) => c.end >= prefix);
  if (first < 0) first = chunks.length - 1;
  let last = first;
  while (last + 1 < chunks.length && chunks[last + 1]!.start <= changedEnd) last++;
  const from = chunks[Math.max(0, first - 1)]!.start;
  const to = chunks[Math.min(chunks.length - 1, last + 1)]!.end;
  if (offset >= from && offset <= to + delta) return undefined;
  const mapped = offset < from ? offset : offset - delta;
  const move = (x: number) => (x <= prefix ? x : x >= changedEnd ? x + delta : x);
  return { analysis: latest, offset: mapped, toCurrent: (s) => ({ start: move(s.start), end: move(s.end) }), lineIndex };
}

let known: { latest: Analysis; current: string; prefix: number; suffix: number; lineIndex: LineIndex } | undefined;
