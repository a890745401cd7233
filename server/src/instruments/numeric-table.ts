// The data rows of a text export: one pass over the lines, cells split at a
// single separator (or at runs of blanks), numbers read with Number() into
// preallocated Float64Arrays. No regular expression runs per row.
import { InstrumentCodes } from './codes';
import type { ImportProblem } from './series';

export interface TableOptions {
  fileName: string;
  /** Column names, for messages. */
  names: string[];
  /** `\t` or `,`: one character between cells; `blanks`: runs of tabs and spaces (Gamry tables). */
  separator: '\t' | ',' | 'blanks';
  /** European locale: `0,300` is 0.3 (only with a tab or blank separator). */
  decimalComma: boolean;
  /** Columns that hold text (Gamry `Over` flags): not read as numbers. */
  skip?: Set<number>;
  /** The text ended with a line break: a short last row was complete, not cut off. */
  endsWithNewline: boolean;
  /** Points of earlier tables of the same file (Gamry CURVE1…), for the count a cut-off file reports. */
  pointsBefore?: number;
}

export interface TableResult {
  values: Float64Array[];
  points: number;
  problems: ImportProblem[];
  partial?: { pointsRead: number; reason: string };
  /** Index in `lines` after the last row read. */
  end: number;
}

/** Cells of a line split at runs of tabs and spaces, leading and trailing blanks dropped. */
export function splitBlanks(line: string): string[] {
  const cells: string[] = [];
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 32;
    const blank = c === 32 || c === 9 || c === 13;
    if (blank && start >= 0) {
      cells.push(line.slice(start, i));
      start = -1;
    } else if (!blank && start < 0) start = i;
  }
  return cells;
}

function splitAt(line: string, separator: '\t' | ','): string[] {
  const cells = line.split(separator);
  // EC-Lab ends every row with a tab; a CR of a CRLF file stays on the last cell.
  let last = cells[cells.length - 1]!;
  if (last.endsWith('\r')) last = cells[cells.length - 1] = last.slice(0, -1);
  if (cells.length > 1 && last.trim() === '') cells.pop();
  return cells;
}

/**
 * Reads rows from `lines[from]` until `stop(line)` says a row is not data
 * (the next Gamry table) or the lines end. Blank lines are skipped. A short or
 * non-numeric last line of a file without a final line break is a cut-off
 * copy (warning, the rows before it count); elsewhere it is an error and the
 * row is left out.
 */
export function readNumericTable(lines: string[], from: number, opts: TableOptions, stop?: (line: string) => boolean): TableResult {
  const width = opts.names.length;
  const capacity = Math.max(0, lines.length - from);
  const values = opts.names.map(() => new Float64Array(capacity));
  const problems: ImportProblem[] = [];
  let points = 0;
  let partial: TableResult['partial'];
  let lastContent = lines.length - 1;
  while (lastContent >= from && lines[lastContent]!.trim() === '') lastContent--;
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (stop?.(line)) break;
    if (line.length === 0 || line.trim() === '') continue;
    const lineNo = i + 1;
    const cells = opts.separator === 'blanks' ? splitBlanks(line) : splitAt(line, opts.separator);
    const cutOff = i === lastContent && !opts.endsWithNewline;
    if (cells.length !== width) {
      if (cutOff) {
        partial = { pointsRead: points + (opts.pointsBefore ?? 0), reason: `line ${lineNo} is incomplete` };
        problems.push({ code: InstrumentCodes.truncated, severity: 'warning', line: lineNo, message: `${opts.fileName} ends in the middle of line ${lineNo}; ${partial.pointsRead} points were read` });
        break;
      }
      problems.push({ code: InstrumentCodes.columnCount, severity: 'error', line: lineNo, message: `${opts.fileName} line ${lineNo} has ${cells.length} columns, the header names ${width}; the line is left out` });
      continue;
    }
    let bad = -1;
    for (let k = 0; k < width; k++) {
      if (opts.skip?.has(k)) continue;
      let cell = cells[k]!;
      if (opts.decimalComma) cell = cell.replace(',', '.');
      const x = cell.length === 0 ? NaN : Number(cell);
      if (!Number.isFinite(x)) {
        bad = k;
        break;
      }
      values[k]![points] = x;
    }
    if (bad >= 0) {
      if (cutOff) {
        partial = { pointsRead: points + (opts.pointsBefore ?? 0), reason: `line ${lineNo} is incomplete` };
        problems.push({ code: InstrumentCodes.truncated, severity: 'warning', line: lineNo, message: `${opts.fileName} ends in the middle of line ${lineNo}; ${partial.pointsRead} points were read` });
        break;
      }
      problems.push({ code: InstrumentCodes.notNumeric, severity: 'error', line: lineNo, message: `${opts.fileName} line ${lineNo}, column ${bad + 1} (${opts.names[bad]}): \`${cells[bad]}\` is not a number; the line is left out` });
      continue;
    }
    points++;
  }
  return { values: values.map((v) => v.slice(0, points)), points, problems, partial, end: i };
}
