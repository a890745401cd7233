// A protocol line is a sentence; a line of a megabyte is a data table or a
// binary file pasted into the editor. Lexing it would take seconds on every
// keystroke, so such a line is not read: the lexer sees spaces in its place
// (offsets unchanged) and the parser reports it once. Comment lines are cheap
// to read (one token) and are kept at any length.
import type { Span } from './ast';

/** Longest line read, in UTF-16 code units; a long protocol line has a few hundred. */
export const MAX_LINE_LENGTH = 10_000;

/** Spans of the lines (without their line ends) that are too long to read. */
export function overlongLines(text: string): Span[] {
  const out: Span[] = [];
  if (text.length <= MAX_LINE_LENGTH) return out;
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (end - start > MAX_LINE_LENGTH && !/^[ \t]*#/.test(text.slice(start, start + 200))) out.push({ start, end });
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return out;
}

/** The text with every overlong line turned into spaces of the same length. */
export function blankOverlongLines(text: string, lines = overlongLines(text)): string {
  if (lines.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const l of lines) {
    parts.push(text.slice(at, l.start), ' '.repeat(l.end - l.start));
    at = l.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
