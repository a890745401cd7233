// The data rows of a BioLogic or Gamry text export, through the byte scanner
// (numeric-scan.ts): cells at a single tab (EC-Lab, which ends every row with
// one) or at runs of blanks (Gamry), values into Float64Arrays. A line the
// scanner's fast path does not take is read here by the rules of these
// formats: a short or non-numeric last line of a file without a final line
// break is a cut-off copy (warning, the rows before it count); elsewhere it is
// an error and the row is left out.
import { InstrumentCodes } from './codes';
import { scanNumericBody } from './numeric-scan';
import type { ImportProblem } from './series';
import { decodeRange, type TextBytes } from './text-bytes';

export interface TableOptions {
  fileName: string;
  /** Column names, for messages. */
  names: string[];
  /** `\t`: one tab between cells, one more may end the row; `blanks`: runs of tabs and spaces (Gamry tables). */
  separator: '\t' | 'blanks';
  /** European locale: `0,300` is 0.3. */
  decimalComma: boolean;
  /** Columns that hold text (Gamry `Over` flags): not read as numbers. */
  skip?: Set<number>;
  /** The text ended with a line break: a short last row was complete, not cut off. */
  endsWithNewline: boolean;
  /** Points of earlier tables of the same file (Gamry CURVE1…), for the count a cut-off file reports. */
  pointsBefore?: number;
  /** The table ends at a line that is not blank and does not start with a blank (a Gamry table's next header line). */
  indentedRows?: boolean;
  /** Where the problems of the rows go. */
  problems: ImportProblem[];
}

export interface TableResult {
  values: Float64Array[];
  points: number;
  partial?: { pointsRead: number; reason: string };
  /** Byte and 1-based line number of the line after the table (the end of the text when it ran to it). */
  end: number;
  line: number;
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

function splitAt(line: string, separator: '\t'): string[] {
  const cells = line.split(separator);
  // EC-Lab ends every row with a tab; a CR of a CRLF file stays on the last cell.
  let last = cells[cells.length - 1]!;
  if (last.endsWith('\r')) last = cells[cells.length - 1] = last.slice(0, -1);
  if (cells.length > 1 && last.trim() === '') cells.pop();
  return cells;
}

export const startsBlank = (line: string) => line.length > 0 && (line[0] === '\t' || line[0] === ' ');

/** Where the last line (split at LF) that is not blank starts; Infinity when every line is blank. */
function lastContentStart(source: TextBytes): number {
  const { bytes } = source;
  let end = bytes.length;
  while (end >= source.start) {
    const start = Math.max(source.start, end > 0 ? bytes.lastIndexOf(10, end - 1) + 1 : 0);
    if (decodeRange(source, start, end).trim() !== '') return start;
    end = start - 1;
  }
  return Infinity;
}

/** Reads rows from byte `from` (the start of line `lineNo`) until a table ends or the text does. */
export function readTable(source: TextBytes, from: number, lineNo: number, opts: TableOptions): TableResult {
  const width = opts.names.length;
  const problems = opts.problems;
  let partial: TableResult['partial'];
  let lastContent: number | undefined;
  const scan = scanNumericBody(source, from, lineNo, {
    width,
    separator: opts.separator,
    lineEnds: 'lf',
    decimalComma: opts.decimalComma,
    trailingSeparator: opts.separator === '\t',
    textColumns: opts.skip ? opts.names.map((_, k) => opts.skip!.has(k)) : undefined,
    indentedRows: opts.indentedRows,
    slowLine(line, { lineNo, start, points }, row) {
      if (opts.indentedRows && line.trim() !== '' && !startsBlank(line)) return 'stop';
      if (line.length === 0 || line.trim() === '') return 'skip';
      const cells = opts.separator === 'blanks' ? splitBlanks(line) : splitAt(line, opts.separator);
      // The last line with content, in a file without a final line break.
      const cutOff = () => !opts.endsWithNewline && start >= (lastContent ??= lastContentStart(source));
      const stopCut = () => {
        partial = { pointsRead: points + (opts.pointsBefore ?? 0), reason: `line ${lineNo} is incomplete` };
        problems.push({ code: InstrumentCodes.truncated, severity: 'warning', line: lineNo, message: `${opts.fileName} ends in the middle of line ${lineNo}; ${partial.pointsRead} points were read` });
        return 'stop' as const;
      };
      if (cells.length !== width) {
        if (cutOff()) return stopCut();
        problems.push({ code: InstrumentCodes.columnCount, severity: 'error', line: lineNo, message: `${opts.fileName} line ${lineNo} has ${cells.length} columns, the header names ${width}; the line is left out` });
        return 'skip';
      }
      for (let k = 0; k < width; k++) {
        row[k] = 0;
        if (opts.skip?.has(k)) continue;
        let cell = cells[k]!;
        if (opts.decimalComma) cell = cell.replace(',', '.');
        const x = cell.length === 0 ? NaN : Number(cell);
        if (!Number.isFinite(x)) {
          if (cutOff()) return stopCut();
          problems.push({ code: InstrumentCodes.notNumeric, severity: 'error', line: lineNo, message: `${opts.fileName} line ${lineNo}, column ${k + 1} (${opts.names[k]}): \`${cells[k]}\` is not a number; the line is left out` });
          return 'skip';
        }
        row[k] = x;
      }
      return 'row';
    },
  });
  return { values: scan.columns, points: scan.points, partial, end: scan.end, line: scan.line };
}
