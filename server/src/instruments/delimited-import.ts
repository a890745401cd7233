// Delimited text (CSV/TSV) with a header row and units in the header:
// `Wavelength (nm)`, `Abs`, `Potential/V`, `Time [s]`. Spectrophotometer
// exports put title lines before the header; the header is the first line
// whose every cell is text followed by a line whose cells are all numbers.
import type { ImportedData } from './series';
import { InstrumentCodes } from './codes';

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

const isNumber = (c: string) => c !== '' && !Number.isNaN(Number(c));

export function importDelimited(text: string, fileName = 'data'): ImportedData {
  const data: ImportedData = { technique: 'unknown', metadata: {}, columns: [], points: 0, peaks: [], problems: [] };
  const lines = text.split(/\r\n|\n|\r/);
  const separator = lines.some((l) => l.includes('\t')) ? /\t/ : /,/;
  let headerAt = -1;
  for (let i = 0; i + 1 < lines.length; i++) {
    const here = splitCells(lines[i]!, separator);
    const next = splitCells(lines[i + 1]!, separator);
    if (here.length >= 2 && here.length === next.length && here.every((c) => c && !isNumber(c)) && next.every(isNumber)) {
      headerAt = i;
      break;
    }
    // Lines before the header: the first is the export's title (sample name, instrument notes).
    const before = splitCells(lines[i]!, separator).filter(Boolean).join(', ');
    if (before) data.metadata[Object.keys(data.metadata).length === 0 ? 'title' : `line ${i + 1}`] = { value: before, line: i + 1 };
  }
  if (headerAt < 0) {
    data.problems.push({ code: InstrumentCodes.noData, severity: 'error', line: lines.length, message: `${fileName} has no header row followed by numeric rows` });
    return data;
  }
  const header = splitCells(lines[headerAt]!, separator).map(nameAndUnit);
  const values: number[][] = header.map(() => []);
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    const cells = splitCells(lines[i]!, separator);
    if (cells.length !== header.length) {
      data.problems.push({ code: InstrumentCodes.columnCount, severity: 'error', line: i + 1, message: `${fileName} line ${i + 1} has ${cells.length} columns, the header names ${header.length}` });
      continue;
    }
    const bad = cells.findIndex((c) => !isNumber(c));
    if (bad >= 0) {
      data.problems.push({ code: InstrumentCodes.notNumeric, severity: 'error', line: i + 1, message: `${fileName} line ${i + 1}, column ${bad + 1} (${header[bad]!.name}): \`${cells[bad]}\` is not a number` });
      continue;
    }
    cells.forEach((c, k) => values[k]!.push(Number(c)));
  }
  data.columns = header.map((h, k) => ({ ...h, values: Float64Array.from(values[k]!) }));
  data.points = values[0]!.length;
  if (header.some((h) => /wavelength/i.test(h.name))) data.technique = 'UV-vis';
  return data;
}

/** Picks the importer by content: CH Instruments exports name their technique and columns as `Name/unit`. */
export function looksLikeChi(text: string): boolean {
  return /^(Instrument Model:|Init E \(V\)|Data Source:)/m.test(text) || /^[A-Z][A-Za-z' "]*\/[A-Za-z]+(, [A-Z][A-Za-z' "]*\/[A-Za-z]+)+\s*$/m.test(text);
}
