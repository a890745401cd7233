// The numeric body of a text export, read in one pass over its bytes: line
// ends, separators and decimal numbers (decimal-bytes.ts) are found byte by
// byte, and the values go into Float64Arrays sized from the bytes left. No
// line becomes a string unless the fast path cannot take it (quotes, other
// blanks, a word, a wrong cell count, non-ASCII bytes): that line is decoded
// and given to the importer's own reading of a line, so what each importer
// accepts, rejects and reports stays as it was. With `integrate`, the
// trapezoid of one column over another is summed as the rows arrive.
import { decimalEnd, parseDecimal } from './decimal-bytes';
import { decodeRange, type LineEnds, type TextBytes } from './text-bytes';

export interface BodySpec {
  width: number;
  /**
   * `comma-or-tab`: `,` or a tab with spaces around it, the line's blanks trimmed (CH Instruments);
   * `,` or `\t`: exactly one separator, spaces in a cell trimmed; `blanks`: runs of spaces, tabs and CRs (Gamry).
   */
  separator: 'comma-or-tab' | ',' | '\t' | 'blanks';
  lineEnds: LineEnds;
  /** `,` is the decimal point (European exports; never with a `,` separator). */
  decimalComma: boolean;
  /** A separator may end a row (EC-Lab ends every row with a tab). */
  trailingSeparator?: boolean;
  /** Columns of text (Gamry's overload flags): skipped, their values 0. */
  textColumns?: boolean[];
  /** The table holds only lines that start with a blank (a Gamry table): any other line goes to `slowLine`, which can end the table. */
  indentedRows?: boolean;
  /** Sum the trapezoid of column `y` over column `x` (in the order of derived.ts `trapezoid`, so the sum is the same double). */
  integrate?: { x: number; y: number };
  /**
   * The importer's reading of a line the fast path did not take: fills `row`
   * and says `row`, or `skip` (blank, or left out after reporting why), or
   * `stop` (the table ended: the line is not read).
   */
  slowLine(line: string, at: LineAt, row: Float64Array): 'row' | 'skip' | 'stop';
}

/** Where a line handed to `slowLine` is. */
export interface LineAt {
  lineNo: number;
  /** Its first byte. */
  start: number;
  /** A line break follows it. */
  terminated: boolean;
  /** Rows read before it. */
  points: number;
}

export interface BodyScan {
  columns: Float64Array[];
  points: number;
  /** Byte and 1-based line number where reading stopped: the line `slowLine` stopped at, or the end (then `line` is the number of lines, as `split` counts them). */
  end: number;
  line: number;
  trapezoid?: number;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const COMMA = 44;

/** Columns that grow as rows arrive, sized from the bytes left so that one allocation usually holds the table. */
class GrowingColumns {
  columns: Float64Array[];
  points = 0;
  trapezoid = 0;
  private capacity: number;

  constructor(readonly width: number, capacity: number, private readonly integrate: { x: number; y: number } | undefined) {
    this.capacity = capacity;
    this.columns = Array.from({ length: width }, () => new Float64Array(capacity));
  }

  append(row: Float64Array, bytesRead: number, bytesLeft: number, tailBytesPerRow: () => number): void {
    const n = this.points;
    if (n === this.capacity) this.grow(bytesRead, bytesLeft, tailBytesPerRow());
    const columns = this.columns;
    for (let k = 0; k < this.width; k++) columns[k]![n] = row[k]!;
    const integrate = this.integrate;
    if (integrate && n > 0) {
      const x = columns[integrate.x]!;
      const y = columns[integrate.y]!;
      this.trapezoid += ((y[n]! + y[n - 1]!) / 2) * (x[n]! - x[n - 1]!);
    }
    this.points = n + 1;
  }

  private grow(bytesRead: number, bytesLeft: number, tailBytesPerRow: number): void {
    // Rows usually lengthen down a file (time 0.00 … 99999.99): between the rows read and the last rows is nearer than either.
    const read = Math.max(bytesRead / this.points, 1);
    const perRow = tailBytesPerRow > read ? (read + tailBytesPerRow) / 2 : read;
    this.capacity = Math.max(this.points + Math.ceil((bytesLeft / perRow) * 1.02) + 16, Math.ceil(this.capacity * 1.5));
    this.columns = this.columns.map((c) => {
      const wider = new Float64Array(this.capacity);
      wider.set(c);
      return wider;
    });
  }

  /** The columns cut to the rows read: a view when at most a quarter is unused (a copy would need both at once), else a copy. */
  trimmed(): Float64Array[] {
    const { points, capacity } = this;
    return this.columns.map((c) => (points === capacity ? c : capacity - points <= points / 4 ? c.subarray(0, points) : c.slice(0, points)));
  }
}

/** Reads rows from byte `from` (the start of line `lineNo`) to the end of the text or until `slowLine` says stop. */
export function scanNumericBody(source: TextBytes, from: number, lineNo: number, spec: BodySpec): BodyScan {
  const { bytes } = source;
  const length = bytes.length;
  const { width, separator, decimalComma } = spec;
  const anyEnd = spec.lineEnds === 'any';
  const text = spec.textColumns && spec.textColumns.some(Boolean) ? spec.textColumns : undefined;
  const blanks = separator === 'blanks';
  const commaOrTab = separator === 'comma-or-tab';
  const sepByte = separator === '\t' ? TAB : COMMA;
  const trailingSeparator = spec.trailingSeparator === true;
  const indentedRows = spec.indentedRows === true;
  const row = new Float64Array(width);
  const out = new GrowingColumns(width, Math.min(1024, Math.max(16, Math.ceil((length - from) / (2 * width)))), spec.integrate);
  let p = from;
  let line = lineNo;

  /** Whether the byte at q (< length) ends the line: LF; CR always with `any`, with `lf` before LF or at the very end (as `split('\n')` then stripping a CR leaves it). */
  const endsLine = (q: number) => {
    const b = bytes[q]!;
    return b === LF || (b === CR && (anyEnd || q + 1 === length || bytes[q + 1] === LF));
  };
  /** Where the next line starts after a line whose content ends at q. */
  const nextLine = (q: number) => {
    if (q >= length) return length;
    if (bytes[q] === CR) return bytes[q + 1] === LF ? q + 2 : anyEnd ? q + 1 : length;
    return q + 1;
  };
  /** Bytes per line over the last 64 KB of the text (0 when it has no line break there). */
  const tailBytesPerRow = () => {
    const from = Math.max(p, length - 65536);
    let breaks = 0;
    for (let i = from; i < length; i++) if (bytes[i] === LF || (anyEnd && bytes[i] === CR && bytes[i + 1] !== LF)) breaks++;
    return breaks > 0 ? (length - from) / breaks : 0;
  };
  /** Whether a line break is at q: not at the end, nor a CR there that `lf` leaves on the line. */
  const hasBreak = (q: number) => q < length && !(bytes[q] === CR && !anyEnd && q + 1 === length);

  while (p < length) {
    const start = p;
    let q = p;
    let b = bytes[q]!;
    // A blank line (spaces, tabs, CRs that do not end it) is skipped, as `line.trim() === ''` is.
    while (b === SPACE || b === TAB || (b === CR && !endsLine(q))) b = ++q < length ? bytes[q]! : LF;
    if (q === length || endsLine(q)) {
      p = nextLine(q);
      if (hasBreak(q)) line++;
      continue;
    }
    let fast = !(indentedRows && bytes[start] !== SPACE && bytes[start] !== TAB);
    q = start;
    if (blanks || commaOrTab) {
      b = bytes[q]!;
      while (b === SPACE || b === TAB || (blanks && b === CR)) b = bytes[++q]!;
    }
    for (let k = 0; fast && k < width; k++) {
      if (text !== undefined && text[k]) {
        const cell = q;
        b = bytes[q]!;
        while (q < length && b !== SPACE && b !== TAB && b !== CR && b !== LF) b = bytes[++q]!;
        if (q === cell) fast = false;
        row[k] = 0;
      } else {
        if (!blanks) while (bytes[q] === SPACE) q++;
        const x = parseDecimal(bytes, q, length, decimalComma);
        // Not a decimal number, or beyond the doubles (`1e400`): the importer's own rules say what it is.
        if (x !== x || x === Infinity || x === -Infinity) {
          fast = false;
          break;
        }
        row[k] = x;
        q = decimalEnd;
        if (!blanks) while (bytes[q] === SPACE) q++;
      }
      const last = k === width - 1;
      if (q === length || endsLine(q)) {
        if (!last) fast = false;
        break;
      }
      b = bytes[q]!;
      if (blanks) {
        if (b !== SPACE && b !== TAB && b !== CR) fast = false;
        else {
          while (q < length && (bytes[q] === SPACE || bytes[q] === TAB || (bytes[q] === CR && !endsLine(q)))) q++;
          if (last !== (q === length || endsLine(q))) fast = false;
        }
      } else if (commaOrTab) {
        if (last) {
          while (bytes[q] === SPACE || bytes[q] === TAB) q++;
          if (!(q === length || endsLine(q))) fast = false;
        } else if (b === COMMA || b === TAB) q++;
        else fast = false;
      } else if (b === sepByte && !last) q++;
      else if (b === sepByte && trailingSeparator) {
        q++;
        while (bytes[q] === SPACE) q++;
        if (!(q === length || endsLine(q))) fast = false;
      } else fast = false;
    }
    let end = q;
    if (!fast) {
      end = start;
      while (end < length && !endsLine(end)) end++;
    }
    p = nextLine(end);
    const terminated = hasBreak(end);
    if (fast) out.append(row, start - from, length - p, tailBytesPerRow);
    else {
      const verdict = spec.slowLine(decodeRange(source, start, end), { lineNo: line, start, terminated, points: out.points }, row);
      if (verdict === 'stop') return finish(start, line);
      if (verdict === 'row') out.append(row, start - from, length - p, tailBytesPerRow);
    }
    if (terminated) line++;
  }
  return finish(length, line);

  function finish(end: number, at: number): BodyScan {
    return { columns: out.trimmed(), points: out.points, end, line: at, ...(spec.integrate ? { trapezoid: out.trapezoid } : {}) };
  }
}
