// BioLogic EC-Lab binary files (`.mpr`): a 52-byte magic, then modules, each
// `MODULE` + a header (short name, long name, byte length, version, date) +
// its bytes. `VMP Set` holds the technique and its parameters, `VMP data` the
// number of points, the column ids and the records, `VMP LOG` the run's log.
// A record's layout follows from its column ids, so an id that is not known
// leaves the record width unknown: the file is then refused with the id
// named, never read into wrong numbers.
import { BINARY_WIDTH, BIOLOGIC_SCAN_RATE_PARAMS, BIOLOGIC_SCAN_RATE_UNITS, BIOLOGIC_TECHNIQUE_IDS, MPR_COLUMNS, MPR_FLAGS, type BinaryType } from './biologic-tables';
import { applyConversion, nameColumns, siConversion, toSiValue } from './column-units';
import { InstrumentCodes } from './codes';
import { startsWithAscii } from './text-decoding';
import { emptyImport, type Column, type ImportedData } from './series';

export const MPR_MAGIC = 'BIO-LOGIC MODULAR FILE';
const FIRST_MODULE = 0x34;
const MODULE_TAG = 'MODULE';

export interface MprModule {
  shortName: string;
  longName: string;
  /** Offset of the module's bytes in the file, after its header. */
  offset: number;
  /** As the header says; `available` is what the file holds. */
  length: number;
  available: number;
  version: number;
  date: string;
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  let s = '';
  for (let i = from; i < from + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

const DATE = /^\d\d[./-]\d\d[./-]\d\d$/;

/**
 * The modules of the file. Two header layouts exist: EC-Lab before 11.50
 * writes length, version and date after the names (51 bytes); later versions
 * add a maximum length and a second version (59 bytes). The layout is the one
 * after which the next module (or the end of the file) follows.
 */
export function mprModules(bytes: Uint8Array, view: DataView): { modules: MprModule[]; error?: { at: number; message: string } } {
  const modules: MprModule[] = [];
  let at = FIRST_MODULE;
  while (at < bytes.length) {
    if (ascii(bytes, at, MODULE_TAG.length) !== MODULE_TAG) return { modules, error: { at, message: `expected a module at byte ${at}, found ${JSON.stringify(ascii(bytes, at, 6))}` } };
    const h = at + MODULE_TAG.length;
    if (h + 51 > bytes.length) return { modules, error: { at, message: `the module header at byte ${at} is cut off` } };
    const layouts = [
      { size: 59, length: h + 39, version: h + 43, date: h + 51 },
      { size: 51, length: h + 35, version: h + 39, date: h + 43 },
    ].filter((l) => h + l.size <= bytes.length);
    const fits = (l: (typeof layouts)[number]) => {
      const end = h + l.size + view.getUint32(l.length, true);
      return end === bytes.length || ascii(bytes, end, MODULE_TAG.length) === MODULE_TAG;
    };
    // A complete module is followed by the next one; a cut-off last module is recognised by its date field.
    const layout = layouts.find(fits) ?? layouts.find((l) => DATE.test(ascii(bytes, l.date, 8)));
    if (!layout) return { modules, error: { at, message: `the header of the module at byte ${at} has neither known layout` } };
    const offset = h + layout.size;
    const length = view.getUint32(layout.length, true);
    const available = Math.min(length, bytes.length - offset);
    modules.push({ shortName: ascii(bytes, h, 10).trim(), longName: ascii(bytes, h + 10, 25).trim(), offset, length, available, version: view.getUint32(layout.version, true), date: ascii(bytes, layout.date, 8) });
    at = offset + length;
  }
  return { modules };
}

/** Module dates are written mm/dd/yy (also with `.` or `-`): 01.10.18 is 10 January 2018. */
function isoDate(date: string): string | undefined {
  const m = /^(\d\d)[./-](\d\d)[./-](\d\d)$/.exec(date);
  return m ? `20${m[3]}-${m[1]}-${m[2]}` : undefined;
}

export function importBiologicMpr(bytes: Uint8Array, fileName = 'data'): ImportedData {
  const data = emptyImport('BioLogic EC-Lab binary (.mpr)');
  const fail = (code: string, at: number, message: string) => {
    data.problems.push({ code, severity: 'error', line: 0, byteOffset: at, message });
    return data;
  };
  if (!startsWithAscii(bytes, MPR_MAGIC)) return fail(InstrumentCodes.mprStructure, 0, `${fileName} does not start with \`${MPR_MAGIC}\`: it is not an EC-Lab binary file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { modules, error } = mprModules(bytes, view);
  if (error) return fail(InstrumentCodes.mprStructure, error.at, `${fileName}: ${error.message}; copy the file again or export it as text (.mpt)`);
  const settings = modules.find((m) => m.shortName === 'VMP Set');
  const dataModule = modules.find((m) => m.shortName === 'VMP data');
  const log = modules.find((m) => m.shortName === 'VMP LOG');
  if (!dataModule) return fail(InstrumentCodes.mprStructure, bytes.length, `${fileName} has no \`VMP data\` module (modules: ${modules.map((m) => m.shortName).join(', ') || 'none'}); the file was cut short or holds settings only`);
  data.metadata['Modules'] = { value: modules.map((m) => `${m.shortName} v${m.version} ${m.date}`).join(', '), line: 0 };
  if (settings) readSettings(data, bytes, view, settings);
  if (log) readLog(data, bytes, view, log);
  data.date ??= isoDate(dataModule.date);
  readRecords(data, bytes, view, dataModule, fileName);
  return data;
}

function readSettings(data: ImportedData, bytes: Uint8Array, view: DataView, m: MprModule): void {
  if (m.available < 1) return;
  const id = bytes[m.offset]!;
  const known = BIOLOGIC_TECHNIQUE_IDS[id];
  data.metadata['Technique id'] = { value: id, line: 0 };
  if (known) {
    data.technique = known.technique;
    data.techniqueLabel = known.name;
  }
  const area = m.offset + 0x211;
  if (m.available >= 0x215) data.metadata['Electrode surface area'] = { value: Number(view.getFloat32(area, true).toPrecision(7)), unit: 'cm2', line: 0 };
  // The technique parameters sit at one of several offsets; the right one announces the technique's parameter count.
  const rate = BIOLOGIC_SCAN_RATE_PARAMS[id];
  if (!rate) return;
  for (const at of [0x0572, 0x1845, 0x1846, 0x1847]) {
    const p = m.offset + at;
    if (at + 4 + rate.unitAt + 1 > m.available || view.getUint16(p + 2, true) !== rate.parameters) continue;
    const value = Number(view.getFloat32(p + 4 + rate.rateAt, true).toPrecision(7));
    const unit = BIOLOGIC_SCAN_RATE_UNITS[bytes[p + 4 + rate.unitAt]!];
    data.metadata['dE/dt'] = { value, unit, line: 0 };
    if (unit) data.metadata['Scan Rate'] = { value: toSiValue(value, siConversion(unit)), unit: 'V/s', line: 0 };
    return;
  }
}

/** A Pascal string (length byte, then text) when it looks like text, else undefined. */
function pascal(bytes: Uint8Array, at: number, end: number): string | undefined {
  const n = bytes[at];
  if (n === undefined || n === 0 || at + 1 + n > end) return undefined;
  const s = ascii(bytes, at + 1, n);
  return /^[\x20-\x7e]+$/.test(s) ? s : undefined;
}

/** Run log: start of acquisition (an OLE date, days since 30 Dec 1899), device serial and software version (yadg mpr_columns.py offsets). */
function readLog(data: ImportedData, bytes: Uint8Array, view: DataView, m: MprModule): void {
  const end = m.offset + m.available;
  if (m.available >= 0x251) {
    const days = view.getFloat64(m.offset + 0x249, true);
    // Only a date between 1990 and 2100 is taken for one; other layouts put something else there.
    if (days > 32874 && days < 73051) {
      const ms = Math.round((days - 25569) * 86400000);
      data.date = new Date(ms).toISOString().replace('T', ' ').replace(/\.000Z$/, '');
    }
  }
  const device = pascal(bytes, m.offset + 0x3cf, end);
  const version = pascal(bytes, m.offset + 0x3b7, end);
  if (device) data.instrument = `SN ${device}`;
  if (version) data.metadata['EC-Lab version'] = { value: version, line: 0 };
}

function readRecords(data: ImportedData, bytes: Uint8Array, view: DataView, m: MprModule, fileName: string): void {
  const fail = (at: number, message: string, code: string = InstrumentCodes.mprStructure) => data.problems.push({ code, severity: 'error', line: 0, byteOffset: at, message });
  if (m.available < 5) return void fail(m.offset, `${fileName}: the \`VMP data\` module is cut off before its column list`);
  const points = view.getUint32(m.offset, true);
  const count = bytes[m.offset + 4]!;
  // Versions 2 and 3 list the ids as 16-bit numbers and start the records at 0x195 (0x196 for version 3).
  const start = m.version === 2 ? 0x195 : m.version === 3 ? 0x196 : undefined;
  if (start === undefined) return void fail(m.offset - 8, `${fileName}: the \`VMP data\` module is of version ${m.version}, which Faraday does not read (versions 2 and 3 are known); export the run as text (.mpt)`);
  if (5 + 2 * count > m.available) return void fail(m.offset, `${fileName}: the \`VMP data\` module is cut off inside its column list`);
  const columns: { at: number; type: BinaryType; name: string; unit: string; mask?: number }[] = [];
  let width = 0;
  let flagsAt = -1;
  for (let k = 0; k < count; k++) {
    const idAt = m.offset + 5 + 2 * k;
    const id = view.getUint16(idAt, true);
    const flag = MPR_FLAGS[id];
    if (flag) {
      if (flagsAt < 0) {
        flagsAt = width;
        width += 1;
      }
      columns.push({ at: flagsAt, type: 'u1', name: flag.name, unit: '', mask: flag.mask });
      continue;
    }
    const known = MPR_COLUMNS[id];
    if (!known) {
      const after = columns.length ? `after \`${columns[columns.length - 1]!.name}\`` : 'as its first column';
      data.problems.push({ code: InstrumentCodes.unknownMprColumn, severity: 'error', line: 0, byteOffset: idAt, message: `${fileName}: column id ${id} (byte ${idAt}, ${after}) is not a BioLogic column Faraday knows, so the record layout is unknown and no values are read; export the run as text (.mpt) and name that file` });
      return;
    }
    columns.push({ at: width, type: known.type, name: known.name, unit: known.unit });
    width += BINARY_WIDTH[known.type];
  }
  // The bytes between the column list and the records are zero in every known file; anything else means another layout.
  for (let i = m.offset + 5 + 2 * count; i < m.offset + Math.min(start, m.available); i++) {
    if (bytes[i] !== 0) return void fail(i, `${fileName}: unexpected bytes between the column list and the records of the \`VMP data\` module (byte ${i}); the layout is not the known one, so no values are read`);
  }
  const room = Math.max(0, m.available - start);
  let n = points;
  if (width * points > room) {
    n = Math.floor(room / width);
    data.partial = { pointsRead: n, reason: `the data module holds ${n} of ${points} records` };
    data.problems.push({ code: InstrumentCodes.binaryTruncated, severity: 'warning', line: 0, byteOffset: m.offset + start + n * width, message: `${fileName} is cut short: the data module announces ${points} points but holds ${n} complete records; those are used` });
  }
  const out: Column[] = [];
  for (const c of columns) {
    const values = new Float64Array(n);
    const first = m.offset + start + c.at;
    const end = first + n * width;
    // One loop per type: the record layout is fixed, so the type test stays out of the loop over records.
    if (c.type === 'f4') for (let p = first, r = 0; p < end; p += width) values[r++] = view.getFloat32(p, true);
    else if (c.type === 'f8') for (let p = first, r = 0; p < end; p += width) values[r++] = view.getFloat64(p, true);
    else if (c.type === 'u2') for (let p = first, r = 0; p < end; p += width) values[r++] = view.getUint16(p, true);
    else if (c.type === 'u4') for (let p = first, r = 0; p < end; p += width) values[r++] = view.getUint32(p, true);
    else if (c.mask === undefined) for (let p = first, r = 0; p < end; p += width) values[r++] = bytes[p]!;
    else {
      const shift = Math.log2(c.mask & -c.mask);
      for (let p = first, r = 0; p < end; p += width) values[r++] = (bytes[p]! & c.mask) >> shift;
    }
    const conversion = siConversion(c.unit);
    applyConversion(values, conversion);
    out.push({ name: c.name, unit: conversion.unit, values, label: c.unit ? `${c.name}/${c.unit}` : c.name });
  }
  data.columns = out;
  nameColumns(data.columns);
  data.points = n;
  data.metadata['Column ids'] = { value: Array.from({ length: count }, (_, k) => view.getUint16(m.offset + 5 + 2 * k, true)).join(' '), line: 0 };
}
