// A protocol line is a sentence; a line of a megabyte is a data table or a
// binary file pasted into the editor. Lexing it would take seconds on every
// keystroke, so such a line is not read: the lexer sees spaces in its place
// (offsets unchanged) and the parser reports it once. Comment lines are cheap
// to read (one token) and are kept at any length.
import type { Span } from './ast';

/** Longest line read, in UTF-16 code units; a long protocol line has a few hundred. */
export const MAX_LINE_LENGTH = 10_000;

/**
 * Most words and signs read in one line (a run of letters and digits is one, each other character that is
 * not a space is one): about the tokens the line makes. A long protocol line has a few dozen; a line of
 * 3000 `[` made 3000 tokens, and 1371 such lines (4.3 MB, found by `npm run fuzz`) took 2.6 s to parse
 * on every edit of their block.
 */
export const MAX_LINE_PIECES = 2_000;

/** A line not read: too long, or (`pieces`) with too many words and signs. */
export interface OverlongLine extends Span {
  pieces?: number;
}

/** Spans of the lines (without their line ends) that are too long to read. */
export function overlongLines(text: string): OverlongLine[] {
  const out: OverlongLine[] = [];
  if (!hasLongStretch(text)) return out;
  let start = 0;
  while (start <= text.length) {
    let end = start;
    let pieces = 0;
    let inWord = false;
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      // Letters and digits (ASCII, and every character beyond Latin-1, where words of other scripts are) join a word.
      const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xff;
      if (word) {
        if (!inWord) pieces++;
        inWord = true;
      } else {
        inWord = false;
        if (c !== 32 && c !== 9) pieces++;
      }
    }
    const tooLong = end - start > MAX_LINE_LENGTH;
    if ((tooLong || pieces > MAX_LINE_PIECES) && !/^[ \t]*#/.test(text.slice(start, start + 200))) out.push(tooLong ? { start, end } : { start, end, pieces });
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return out;
}

/**
 * Whether some stretch between line feeds is longer than MAX_LINE_PIECES: without one, no line can have
 * that many characters, let alone words and signs, and the scan below is skipped. `indexOf` finds line
 * feeds many times faster than the scan reads characters (a 1 MB protocol: 0.2 instead of 3.3 ms), and
 * the parse asks twice (the lexer and the builder).
 */
function hasLongStretch(text: string): boolean {
  let start = 0;
  for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', start)) {
    if (lf - start > MAX_LINE_PIECES) return true;
    start = lf + 1;
  }
  return text.length - start > MAX_LINE_PIECES;
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
