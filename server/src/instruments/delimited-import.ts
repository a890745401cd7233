// Delimited text (CSV/TSV) with a header row and units in the header:
// `Wavelength (nm)`, `Abs`, `Potential/V`, `Time [s]`. Spectrophotometer
// exports put title lines before the header; the header is the first line
// whose every cell is text followed by a line whose cells are all numbers.
import type { ImportedData } from './series';
import { InstrumentCodes } from './codes';
import { scanNumericBody } from './numeric-scan';
import { LineCursor, textAsBytes, type TextBytes } from './text-bytes';

/** Cells of one line; a quoted cell may hold the separator and `""` for a quote (RFC 4180). */
function splitCells(line: string, separator: RegExp): string[] {
  const sep = separator.source === '\\t' ? '\t' : ',';
  if (!line.includes('"')) return line.split(sep).map((c) => c.trim());
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function nameAndUnit(cell: string): { name: string; unit: string } {
  const m = /^(.*?)\s*(?:\(([^)]*)\)|\[([^\]]*)\]|\/\s*(\S+))\s*\.?$/.exec(cell);
  if (m && (m[2] ?? m[3] ?? m[4])) return { name: m[1]!.trim(), unit: (m[2] ?? m[3] ?? m[4])!.trim() };
  const spaced = /^(\S+)\s+(nm|s|V|A|Hz|ohm|mA|mV|eV)\.?$/.exec(cell);
  if (spaced) return { name: spaced[1]!, unit: spaced[2]! };
  return { name: cell.replace(/\.$/, ''), unit: '' };
}

// A cell is a reading when it is a finite number: `1e400` would be Infinity, an empty cell no reading.
const isNumber = (c: string) => c !== '' && Number.isFinite(Number(c));

export function importDelimited(source: string | TextBytes, fileName = 'data'): ImportedData {
  const text = typeof source === 'string' ? textAsBytes(source) : source;
  const data: ImportedData = { technique: 'unknown', metadata: {}, columns: [], points: 0, peaks: [], problems: [] };
  const lines = new LineCursor(text, 'any');
  const tab = text.bytes.indexOf(9, text.start) >= 0;
  const separator = tab ? /\t/ : /,/;
  let headerLine: string | undefined;
  let here = lines.next()!;
  for (let i = 0; !lines.done; i++) {
    const bodyAt = lines.at;
    const bodyLine = lines.lineNo;
    const following = lines.next()!;
    const cells = splitCells(here, separator);
    const next = splitCells(following, separator);
    if (cells.length >= 2 && cells.length === next.length && cells.every((c) => c && !isNumber(c)) && next.every(isNumber)) {
      headerLine = here;
      // The header's next line is the first row: the body is read from there.
      lines.at = bodyAt;
      lines.lineNo = bodyLine;
      break;
    }
    // Lines before the header: the first is the export's title (sample name, instrument notes).
    const before = cells.filter(Boolean).join(', ');
    if (before) data.metadata[Object.keys(data.metadata).length === 0 ? 'title' : `line ${i + 1}`] = { value: before, line: i + 1 };
    here = following;
  }
  if (headerLine === undefined) {
    data.problems.push({ code: InstrumentCodes.noData, severity: 'error', line: lines.lineNo - 1, message: `${fileName} has no header row followed by numeric rows` });
    return data;
  }
  const header = splitCells(headerLine, separator).map(nameAndUnit);
  const body = scanNumericBody(text, lines.at, lines.lineNo, {
    width: header.length,
    separator: tab ? '\t' : ',',
    lineEnds: 'any',
    decimalComma: false,
    // A line the fast path did not take (quotes, an empty or non-numeric cell), read as before.
    slowLine(line, { lineNo }, row) {
      if (!line.trim()) return 'skip';
      const cells = splitCells(line, separator);
      if (cells.length !== header.length) {
        data.problems.push({ code: InstrumentCodes.columnCount, severity: 'error', line: lineNo, message: `${fileName} line ${lineNo} has ${cells.length} columns, the header names ${header.length}` });
        return 'skip';
      }
      const bad = cells.findIndex((c) => !isNumber(c));
      if (bad >= 0) {
        data.problems.push({ code: InstrumentCodes.notNumeric, severity: 'error', line: lineNo, message: `${fileName} line ${lineNo}, column ${bad + 1} (${header[bad]!.name}): \`${cells[bad]}\` is not a number` });
        return 'skip';
      }
      cells.forEach((c, k) => (row[k] = Number(c)));
      return 'row';
    },
  });
  data.columns = header.map((h, k) => ({ ...h, values: body.columns[k]! }));
  data.points = body.points;
  if (header.some((h) => /wavelength/i.test(h.name))) data.technique = 'UV-vis';
  return data;
}

/** Picks the importer by content: CH Instruments exports name their technique and columns as `Name/unit`. */
export function looksLikeChi(text: string): boolean {
  return /^(Instrument Model:|Init E \(V\)|Data Source:)/m.test(text) || /^[A-Z][A-Za-z' "]*\/[A-Za-z]+(, [A-Z][A-Za-z' "]*\/[A-Za-z]+)+\s*$/m.test(text);
}
