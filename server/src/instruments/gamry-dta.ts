// Gamry Framework `.DTA` files: `EXPLAIN`, then header lines
// `KEY<tab>TYPE<tab>value…<tab>label` (LABEL, QUANT, POTEN, IQUANT, SELECTOR,
// TOGGLE, TWOPARAM, PSTAT, NOTES), and tables `KEY<tab>TABLE`: a row of
// column names, a row of units, then rows that start with a blank. A CV has
// one table per cycle (CURVE1, CURVE2…), EIS a ZCURVE, and a run that
// measured the open circuit first an OCVCURVE before its curves.
import { applyConversion, nameColumns, siConversion, toSiValue } from './column-units';
import { InstrumentCodes } from './codes';
import { readTable, splitBlanks, startsBlank } from './numeric-table';
import { endsWithLineBreak, LineCursor, textAsBytes, type TextBytes } from './text-bytes';
import { emptyImport, type Column, type ImportedData, type Technique } from './series';

export const DTA_MAGIC = 'EXPLAIN';

/**
 * Gamry experiment tags (the `TAG` line) and what they measure: the tags of
 * the real files and of gamry-parser's techniques. A file of another tag is
 * read all the same, its technique `unknown`.
 */
const TAGS: Record<string, { technique: Technique; name: string; initialPotential?: string }> = {
  CV: { technique: 'CV', name: 'Cyclic Voltammetry', initialPotential: 'VINIT' },
  CHRONOA: { technique: 'CA', name: 'Chronoamperometry', initialPotential: 'VSTEP1' },
  EISPOT: { technique: 'EIS', name: 'Potentiostatic EIS' },
  CORPOT: { technique: 'OCP', name: 'Open Circuit Potential' },
};

/** Tables that hold the run's data (gamry-parser reads the same keys). */
const CURVE = /^(Z|VFP|EFM|CAPACITY)?CURVE(\d*)$/;

/** `&Scan Rate (mV/s)` → Scan Rate, mV/s. */
function label(text: string | undefined): { name: string; unit?: string } {
  const t = (text ?? '').replace(/&/g, '').trim();
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(t);
  return m ? { name: m[1]!, unit: m[2] } : { name: t };
}

/** A header line that writes a number with a decimal comma: the file is of a European locale. */
const DECIMAL_COMMA_FIELD = /^[^\t]+\t(QUANT|POTEN)\t[-+]?\d+,\d+(e[-+]?\d+)?\t/i;

/**
 * Reads a Gamry file: header lines one at a time, each table's rows through the
 * byte scanner. Whether numbers have decimal commas is told by any header line
 * of the file; one seen after a table was read without them reads the file again.
 */
export function importGamryDta(source: string | TextBytes, fileName = 'data', decimalComma = false): ImportedData {
  const text = typeof source === 'string' ? textAsBytes(source) : source;
  const data = emptyImport('Gamry Framework (.DTA)');
  const lines = new LineCursor(text, 'lf');
  const endsWithNewline = endsWithLineBreak(text, 'any');
  const number = (s: string | undefined) => {
    if (s === undefined) return undefined;
    const t = decimalComma ? s.replace(',', '.') : s;
    return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : undefined;
  };
  const next = () => lines.next()?.replace(/\r$/, '');
  const vsOpenCircuit = new Set<string>();
  const tables: { key: string; names: string[]; units: string[]; line: number; values: Float64Array[]; points: number }[] = [];
  let ocv: (typeof tables)[number] | undefined;
  next(); // EXPLAIN
  for (;;) {
    const lineNo = lines.lineNo;
    const line = next();
    if (line === undefined) break;
    if (!decimalComma && DECIMAL_COMMA_FIELD.test(line)) return importGamryDta(text, fileName, true);
    if (line.trim() === '' || startsBlank(line)) continue;
    const f = line.split('\t');
    const key = f[0]!.trim();
    const type = f[1]?.trim();
    if (key === 'TAG') {
      const tag = TAGS[type ?? ''];
      data.metadata['TAG'] = { value: type ?? '', line: lineNo };
      if (tag) {
        data.technique = tag.technique;
        data.techniqueLabel = tag.name;
      }
      continue;
    }
    switch (type) {
      case 'TABLE': {
        if (!CURVE.test(key) && key !== 'OCVCURVE') break;
        const rowsAt = { at: lines.at, lineNo: lines.lineNo, done: lines.done };
        const namesRow = next() ?? '';
        const unitsRow = next() ?? '';
        const names = splitBlanks(namesRow);
        const units = unitsRow.split('\t').slice(1).map((u) => u.trim());
        // A units row holds units (`#`, `s`, `V vs. Ref.`), never numbers: a number there is the first row of data.
        const hasUnits = startsBlank(unitsRow) && units.length >= names.length && !units.some((u) => u !== '' && Number.isFinite(Number(u)));
        if (names.length < 2 || !hasUnits) {
          Object.assign(lines, rowsAt);
          data.problems.push({ code: InstrumentCodes.dtaTable, severity: 'error', line: lineNo, message: `${fileName} line ${lineNo}: the table ${key} lacks its row of column names or of units; it is left out` });
          break;
        }
        const skip = new Set(units.map((u, k) => (u === 'bits' ? k : -1)).filter((k) => k >= 0));
        const table = lines.done
          ? undefined
          : readTable(text, lines.at, lines.lineNo, { fileName, names, separator: 'blanks', decimalComma, skip, endsWithNewline, pointsBefore: tables.reduce((n, t) => n + t.points, 0), indentedRows: true, problems: data.problems });
        if (table?.partial) data.partial = table.partial;
        const read = { key, names, units: units.slice(0, names.length), line: lineNo, values: table?.values ?? names.map(() => new Float64Array(0)), points: table?.points ?? 0 };
        if (key === 'OCVCURVE') ocv = read;
        else if (tables.length && tables[0]!.names.join('\t') !== names.join('\t')) {
          data.problems.push({ code: InstrumentCodes.dtaTable, severity: 'error', line: lineNo, message: `${fileName} line ${lineNo}: the table ${key} has the columns ${names.join(', ')}, the first table ${tables[0]!.names.join(', ')}; it is left out` });
        } else tables.push(read);
        if (table) lines.continueAt(table.end, table.line);
        break;
      }
      case 'NOTES': {
        const n = number(f[2]) ?? 0;
        const notes: string[] = [];
        for (let k = 0; k < n; k++) {
          const note = next();
          if (note === undefined) break;
          if (!decimalComma && DECIMAL_COMMA_FIELD.test(note)) return importGamryDta(text, fileName, true);
          notes.push(note.trim());
        }
        data.metadata[key] = { value: notes.filter(Boolean).join(' / '), line: lineNo };
        break;
      }
      case 'QUANT':
      case 'IQUANT':
      case 'SELECTOR': {
        const v = number(f[2]);
        const l = label(f[3]);
        data.metadata[key] = v === undefined ? { value: f[2] ?? '', line: lineNo } : { value: v, unit: l.unit === '#' ? undefined : l.unit, line: lineNo };
        break;
      }
      case 'POTEN': {
        const v = number(f[2]);
        // The toggle after the value: T = versus the open circuit, F = versus the reference electrode.
        if (f[3]?.trim() === 'T') vsOpenCircuit.add(key);
        data.metadata[key] = v === undefined ? { value: f[2] ?? '', line: lineNo } : { value: v, unit: 'V', line: lineNo };
        if (f[3]?.trim() === 'T') data.metadata[`${key} vs`] = { value: 'open circuit', line: lineNo };
        break;
      }
      case 'TWOPARAM': {
        // `CONDIT TWOPARAM F 300 0.4 Conditioning Time(s) E(V)`: a switch and two quantities.
        const first = number(f[3]);
        const second = number(f[4]);
        data.metadata[key] = { value: `${f[2]?.trim() === 'T' ? 'on' : 'off'}; ${f[6]?.trim() ?? ''} ${first ?? f[3] ?? ''}; ${f[7]?.trim() ?? ''} ${second ?? f[4] ?? ''}`, line: lineNo };
        break;
      }
      case 'PSTAT':
        data.instrument = f[2]?.trim();
        data.metadata[key] = { value: f[2]?.trim() ?? '', line: lineNo };
        break;
      default: {
        if (f.length >= 3 && type) {
          data.metadata[key] = { value: f[2]!.trim(), line: lineNo };
          if (key === 'DATE') data.date = `${f[2]!.trim()}${data.date ? ' ' + data.date : ''}`;
          if (key === 'TIME') data.date = `${data.date ? data.date + ' ' : ''}${f[2]!.trim()}`;
        }
      }
    }
  }
  const main = tables.length ? tables : ocv ? [ocv] : [];
  if (ocv && tables.length) {
    const vf = ocv.names.indexOf('Vf');
    if (vf >= 0 && ocv.points > 0) data.metadata['OCVCURVE'] = { value: ocv.values[vf]![ocv.points - 1]!, unit: 'V', line: ocv.line };
  }
  if (main.length === 0) {
    if (!data.problems.some((p) => p.code === InstrumentCodes.dtaTable)) data.problems.push({ code: InstrumentCodes.noData, severity: 'error', line: lines.lineNo - 1, message: `${fileName} has no data table (a \`CURVE\` or \`ZCURVE\` line followed by its columns)` });
    return data;
  }
  assemble(data, main);
  canonicalFields(data, vsOpenCircuit);
  if (data.points === 0 && !data.partial) data.problems.push({ code: InstrumentCodes.noData, severity: 'error', line: main[0]!.line, message: `${fileName} has a table (line ${main[0]!.line}) but no data rows` });
  return data;
}

/** The tables one after the other; a CV's cycle is the number of its CURVE table. */
function assemble(data: ImportedData, tables: { key: string; names: string[]; units: string[]; values: Float64Array[]; points: number }[]): void {
  const first = tables[0]!;
  const total = tables.reduce((n, t) => n + t.points, 0);
  const columns: Column[] = [];
  first.names.forEach((name, k) => {
    if (first.units[k] === 'bits') return; // overload flags (`..........a`): text, not a quantity
    const values = new Float64Array(total);
    let at = 0;
    for (const t of tables) {
      values.set(t.values[k]!.subarray(0, t.points), at);
      at += t.points;
    }
    // `V vs. Ref.`: a potential against the reference electrode, as every potential of a file is.
    const written = first.units[k]!.replace(/\s*vs\.?\s*Ref\.?$/i, '');
    const conversion = siConversion(written);
    applyConversion(values, conversion);
    columns.push({ name, unit: conversion.unit, values, label: `${name} (${first.units[k]})` });
  });
  data.segments = [];
  let at = 0;
  for (const t of tables) {
    data.segments.push({ name: t.key, first: at, points: t.points });
    at += t.points;
  }
  if (tables.length > 1 && tables.every((t) => /^CURVE\d+$/.test(t.key))) {
    const cycle = new Float64Array(total);
    for (const s of data.segments) cycle.fill(Number(s.name.slice(5)), s.first, s.first + s.points);
    columns.push({ name: 'cycle number', unit: '', values: cycle, label: 'CURVE number' });
  }
  nameColumns(columns);
  data.columns = columns;
  data.points = total;
}

/** `Scan Rate` (V/s) and `Init E` (V vs the reference) under the names the cross-checks read. */
function canonicalFields(data: ImportedData, vsOpenCircuit: Set<string>): void {
  const rate = data.metadata['SCANRATE'];
  if (rate && typeof rate.value === 'number' && rate.unit) {
    const c = siConversion(rate.unit);
    if (c.unit === 'V/s') data.metadata['Scan Rate'] = { value: toSiValue(rate.value, c), unit: 'V/s', line: rate.line };
  }
  const tag = TAGS[String(data.metadata['TAG']?.value ?? '')];
  const key = tag?.initialPotential;
  const e = key ? data.metadata[key] : undefined;
  if (key && e && typeof e.value === 'number' && !vsOpenCircuit.has(key)) data.metadata['Init E'] = { value: e.value, unit: 'V', line: e.line };
}
