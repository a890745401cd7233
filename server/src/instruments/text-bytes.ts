// A text export kept as its bytes: the numeric body is scanned there
// (numeric-scan.ts) and never becomes a JS string, which for a 200 MB export
// would cost its size again, and its lines split apart several times that.
// Header lines are decoded one at a time, in the file's encoding (UTF-8, or
// Latin-1 when the bytes are not valid UTF-8: text-decoding.ts says why).
import { isUtf8 } from 'node:buffer';

export interface TextBytes {
  bytes: Uint8Array;
  encoding: 'utf-8' | 'latin-1';
  /** Where the text starts: after a UTF-8 byte-order mark. */
  start: number;
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('windows-1252');

/** The bytes of a text file, with its encoding found by one native check of the whole file (no string is made). */
export function textBytes(bytes: Uint8Array): TextBytes {
  if (!isUtf8(bytes)) return { bytes, encoding: 'latin-1', start: 0 };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { bytes, encoding: 'utf-8', start: bom ? 3 : 0 };
}

/** Text already decoded (a test, an editor's buffer), as UTF-8 bytes; a leading byte-order mark is skipped. */
export function textAsBytes(text: string): TextBytes {
  return textBytes(new TextEncoder().encode(text));
}

export function decodeRange(source: TextBytes, from: number, to: number): string {
  return (source.encoding === 'utf-8' ? utf8 : latin1).decode(source.bytes.subarray(from, to));
}

/** Whether the text ends with a line break (`\n`, or `\r` too when `lineEnds` is `any`). */
export function endsWithLineBreak(source: TextBytes, lineEnds: LineEnds): boolean {
  const last = source.bytes.length > source.start ? source.bytes[source.bytes.length - 1] : undefined;
  return last === 10 || (lineEnds === 'any' && last === 13);
}

/** `any`: CRLF, LF or a lone CR ends a line (`split(/\r\n|\n|\r/)`); `lf`: only LF, a CR before it stays on the line (`split('\n')`). */
export type LineEnds = 'any' | 'lf';

/**
 * Lines of the text one at a time, as `text.split(…)` gives them: the text
 * after the last line break is one more line (empty when the text ends with one).
 */
export class LineCursor {
  /** Byte where the next line starts. */
  at: number;
  /** 1-based number of the next line. */
  lineNo: number;
  /** Whether every line has been read (`next()` then gives undefined). */
  done = false;

  constructor(readonly source: TextBytes, readonly lineEnds: LineEnds, at = source.start, lineNo = 1) {
    this.at = at;
    this.lineNo = lineNo;
  }

  /** The next line's text (without its line break), or undefined after the last. */
  next(): string | undefined {
    if (this.done) return undefined;
    const { bytes } = this.source;
    const from = this.at;
    let end = from;
    if (this.lineEnds === 'lf') {
      end = bytes.indexOf(10, from);
      if (end < 0) end = bytes.length;
    } else while (end < bytes.length && bytes[end] !== 10 && bytes[end] !== 13) end++;
    if (end >= bytes.length) {
      this.done = true;
      this.at = bytes.length;
    } else this.at = end + (bytes[end] === 13 && bytes[end + 1] === 10 ? 2 : 1);
    this.lineNo++;
    return decodeRange(this.source, from, end);
  }

  /** Goes on at byte `at`, the start of line `lineNo` (where a table read by numeric-scan.ts ended). */
  continueAt(at: number, lineNo: number): void {
    const { bytes } = this.source;
    this.at = at;
    this.lineNo = lineNo;
    // At the end, the line there was read unless a line break came before it (then it is the empty last line).
    this.done = at >= bytes.length && !(bytes.length > this.source.start && (bytes[bytes.length - 1] === 10 || (this.lineEnds === 'any' && bytes[bytes.length - 1] === 13)));
    if (this.done) this.lineNo++;
  }

  /** How many lines are left (as `split` counts them), without decoding them. */
  linesLeft(): number {
    if (this.done) return 0;
    const { bytes } = this.source;
    let n = 1;
    for (let i = this.at; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 10) n++;
      else if (b === 13 && this.lineEnds === 'any' && bytes[i + 1] !== 10) n++;
    }
    return n;
  }
}
