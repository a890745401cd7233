// A protocol is a sequence of chunks: each starts at a line whose first
// character begins a top-level keyword (`synthesis`, `cell`, `reaction`, …)
// and runs to the next such line. The parser never carries anything across
// that line (a top-level keyword at column 1 also ends an unclosed block), so
// each chunk is lexed and parsed on its own, and an edit re-parses only the
// chunks it touched. Where chunks start is read from the text alone, as the
// lexer would read the first word of the line.
import { scanWord } from './word-scanner';
import { topLevelKeywordSpellings } from './tokens';

const TOP_LEVEL = new Set(topLevelKeywordSpellings);
const LONGEST = Math.max(...topLevelKeywordSpellings.map((k) => k.length));
/** How far past a line's start the text decides whether it starts a chunk (the longest keyword and the character after it). */
export const CHUNK_START_REACH = LONGEST + 1;

/** Whether a top-level keyword, and not a longer word, starts at this line start. */
function startsChunk(text: string, lineStart: number): boolean {
  const c = text.charCodeAt(lineStart);
  if (!(c >= 97 && c <= 122)) return false; // every keyword is lower-case ASCII
  const end = scanWord(text, lineStart);
  return end - lineStart <= LONGEST && TOP_LEVEL.has(text.slice(lineStart, end));
}

/** Whether a chunk starts at offset `x > 0`: a line starts there (after `\n`, or a `\r` not followed by `\n`) and begins with a keyword. */
export function startsChunkAt(text: string, x: number): boolean {
  const before = text.charCodeAt(x - 1);
  if (before !== 10 && !(before === 13 && text.charCodeAt(x) !== 10)) return false;
  return x < text.length && startsChunk(text, x);
}

/** Offsets where chunks start: always 0, then every line that starts a chunk. */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  if (!text.includes('\r')) {
    // Only LF: let the engine find each line start (a 1 MB protocol: 1.3 ms read a character at a time).
    for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) if (lf + 1 < n && startsChunk(text, lf + 1)) starts.push(lf + 1);
    return starts;
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (i + 1 < n && startsChunk(text, i + 1)) starts.push(i + 1);
  }
  return starts;
}
