// BioLogic EC-Lab text exports (`.mpt`): `EC-Lab ASCII FILE`, `Nb header
// lines : N`, the technique's name, `Key : value` lines, the settings table
// (a 20-character name column, then one 20-character column per sequence),
// then on line N the tab-separated column header with units in the names
// (`Ewe/V`, `<I>/mA`, `freq/Hz`), and the rows. Files written in a European
// locale use decimal commas; most are Latin-1 (decoded before they get here).
import { BIOLOGIC_TECHNIQUE_NAMES } from './biologic-tables';
import { applyConversion, nameColumns, siConversion, toSiValue } from './column-units';
import { InstrumentCodes } from './codes';
import { readTable } from './numeric-table';
import { endsWithLineBreak, LineCursor, textAsBytes, type TextBytes } from './text-bytes';
import { emptyImport, type Column, type ImportedData } from './series';

export const MPT_MAGIC = 'EC-Lab ASCII FILE';
const SETTING_WIDTH = 20;

/** `Ewe/V` → Ewe, V; `Q charge/discharge/mA.h` → `Q charge/discharge`, mA.h (the unit is after the last slash); `mode` → mode, ''. */
export function splitNameUnit(header: string): { name: string; unit: string } {
  const slash = header.lastIndexOf('/');
  if (slash <= 0) return { name: header.trim(), unit: '' };
  const unit = header.slice(slash + 1).trim();
  // `ox/red` and `control/V/mA`-like names: a "unit" that starts with a lower-case word is part of the name.
  if (unit === 'red' || unit === '') return { name: header.trim(), unit: '' };
  return { name: header.slice(0, slash).trim(), unit };
}

function numberOf(text: string, decimalComma: boolean): number | undefined {
  const t = decimalComma ? text.replace(',', '.') : text;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

export function importBiologicMpt(source: string | TextBytes, fileName = 'data'): ImportedData {
  const text = typeof source === 'string' ? textAsBytes(source) : source;
  const data = emptyImport('BioLogic EC-Lab text (.mpt)');
  const lines = new LineCursor(text, 'lf');
  const header: string[] = [];
  for (let i = 0; i < 2; i++) header.push(lines.next() ?? '');
  const count = /^Nb header lines\s*:\s*(\d+)\s*$/.exec(header[1]!.trim());
  if (!count) {
    data.problems.push({ code: InstrumentCodes.headerLines, severity: 'error', line: 2, message: `${fileName} line 2 should say how many header lines the export has (\`Nb header lines : 58\`); without it the columns cannot be found` });
    return data;
  }
  const headerLines = Number(count[1]);
  while (header.length < headerLines && !lines.done) header.push(lines.next()!);
  if (headerLines < 3 || header.length < headerLines) {
    const total = lines.lineNo - 1 + lines.linesLeft();
    data.problems.push({ code: InstrumentCodes.headerLines, severity: 'error', line: 2, message: `${fileName} says its header has ${headerLines} lines, but the file has ${total}: it was cut short or edited; export it again` });
    return data;
  }
  const headerRow = header[headerLines - 1]!.replace(/\r$/, '');
  const headerCells = headerRow.split('\t');
  if (headerCells[headerCells.length - 1]!.trim() === '') headerCells.pop();
  if (headerCells.length < 2 || !headerCells.some((c) => c.includes('/'))) {
    data.problems.push({ code: InstrumentCodes.headerLines, severity: 'error', line: headerLines, message: `${fileName} line ${headerLines}, where the header count points, is not a row of column names such as \`time/s\tEwe/V\`; export the file again` });
    return data;
  }
  // The locale shows in the first data row: a comma inside a tab-separated cell is a decimal comma.
  const bodyAt = lines.at;
  let firstRow = '';
  for (let row = lines.next(); row !== undefined; row = lines.next()) {
    if (row.trim() !== '') {
      firstRow = row;
      break;
    }
  }
  const decimalComma = firstRow.includes(',');
  readHeader(data, header.slice(0, headerLines - 1), decimalComma);

  const split = headerCells.map(splitNameUnit);
  const table = readTable(text, bodyAt, headerLines + 1, { fileName, names: headerCells, separator: '\t', decimalComma, endsWithNewline: endsWithLineBreak(text, 'lf'), problems: data.problems });
  if (table.partial) data.partial = table.partial;
  data.columns = split.map((h, k): Column => {
    const conversion = siConversion(h.unit);
    const values = table.values[k]!;
    applyConversion(values, conversion);
    return { name: h.name, unit: conversion.unit, values, label: headerCells[k]!.trim() };
  });
  nameColumns(data.columns);
  data.points = table.points;
  if (data.points === 0 && !table.partial) {
    data.problems.push({ code: InstrumentCodes.noData, severity: 'error', line: headerLines, message: `${fileName} has a column header (line ${headerLines}) but no data rows` });
  }
  return data;
}

/** Header lines: technique, `Key : value` fields, the settings table; and the cross-checked fields `Scan Rate` and `Init E`. */
function readHeader(data: ImportedData, header: string[], decimalComma: boolean): void {
  let previous: string | undefined;
  for (let i = 2; i < header.length; i++) {
    const raw = header[i]!.replace(/\r$/, '');
    const line = raw.trim();
    const lineNo = i + 1;
    if (line === '') continue;
    if (data.techniqueLabel === undefined) {
      const t = BIOLOGIC_TECHNIQUE_NAMES.find(([name]) => line === name);
      if (t) {
        data.techniqueLabel = line;
        data.technique = t[1];
        continue;
      }
    }
    const colon = raw.indexOf(' : ');
    if (colon > 0) {
      const key = raw.slice(0, colon).trim();
      const value = raw.slice(colon + 3).trim();
      if (key === 'Acquisition started on') data.date = value;
      else if (key === 'Device') data.instrument = value;
      const m = /^([-+]?[\d.,]+(?:E[-+]?\d+)?)\s*(\S*)$/i.exec(value);
      const n = m ? numberOf(m[1]!, decimalComma) : undefined;
      data.metadata[key] = n !== undefined ? { value: n, unit: m![2] || undefined, line: lineNo } : { value, line: lineNo };
      previous = undefined;
      continue;
    }
    // Settings table: a name in the first 20 characters, then one 20-character value per sequence, padded with blanks.
    if (raw.length >= 2 * SETTING_WIDTH && raw.length % SETTING_WIDTH === 0 && raw[SETTING_WIDTH - 1] === ' ' && raw[0] !== ' ' && raw[0] !== '\t') {
      const label = raw.slice(0, SETTING_WIDTH).trim();
      const cells: string[] = [];
      for (let at = SETTING_WIDTH; at < raw.length; at += SETTING_WIDTH) {
        const cell = raw.slice(at, at + SETTING_WIDTH).trim();
        if (cell) cells.push(cell);
      }
      if (!label || cells.length === 0) continue;
      const named = /^(.*?)\s*\(([^)]*)\)$/.exec(label);
      let key = named ? named[1]! : label;
      const unit = named ? named[2] : undefined;
      // `vs.` belongs to the potential above it; `unit X` (or `X unit`) gives the unit of X.
      if (key === 'vs.' && previous) key = `${previous} vs.`;
      const unitOf = /^unit (.+)$/.exec(key)?.[1] ?? /^(.+) unit$/.exec(key)?.[1];
      if (unitOf && data.metadata[unitOf] && cells.length === 1) {
        data.metadata[unitOf]!.unit = cells[0];
        continue;
      }
      const n = cells.length === 1 ? numberOf(cells[0]!, decimalComma) : undefined;
      data.metadata[key] = n !== undefined ? { value: n, unit, line: lineNo } : { value: cells.join(' | '), unit: cells.length === 1 ? unit : undefined, line: lineNo };
      if (key !== `${previous} vs.`) previous = key;
      continue;
    }
    // Free text (`Record Ece`, `EC-Lab for windows v11.12 (software)`): kept under its line number.
    data.metadata[`line ${lineNo}`] = { value: line, line: lineNo };
  }
  // The fields the cross-checks read, in SI as CH Instruments writes them.
  const rate = data.metadata['dE/dt'];
  if (rate && typeof rate.value === 'number' && rate.unit) {
    const c = siConversion(rate.unit);
    if (c.unit === 'V/s') data.metadata['Scan Rate'] = { value: toSiValue(rate.value, c), unit: 'V/s', line: rate.line };
  }
  const ei = data.metadata['Ei'];
  if (ei && typeof ei.value === 'number' && ei.unit === 'V' && data.metadata['Ei vs.']?.value === 'Ref') {
    data.metadata['Init E'] = { value: ei.value, unit: 'V', line: ei.line };
  }
}
