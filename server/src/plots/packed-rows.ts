// The preview's long series travel packed: a column per field instead of an
// object per row, numbers to six significant digits, and each distinct text
// once. The sample's i-t rows ({"t":0.0011111111111111111,"j":-284.2,
// "potential":"-0.7 V vs RHE"}, 7500 of them) were most of an 856 KB message
// that the server, the extension and the webview each serialised or parsed.
// The webview unpacks them into the same rows before vega reads them. No
// import beyond a table of powers of ten: the webview's bundle takes this file.
import { EXACT_POWERS_OF_TEN } from '../units/powers-of-ten';

/** Sources shorter than this travel as rows: packing a few points saves nothing. */
export const PACK_MIN_ROWS = 256;
/** Significant digits kept: a figure a few thousand pixels wide cannot show the seventh. */
const DIGITS = 6;

export type PackedColumn = { field: string; numbers: (number | null)[] } | { field: string; texts: string[]; codes: number[] };

export interface PackedRows {
  rows: number;
  columns: PackedColumn[];
}

/** x to `DIGITS` significant digits: the decimal those digits spell, so JSON writes no more of them. */
export function toDisplayDigits(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const a = Math.abs(x);
  let e = Math.floor(Math.log10(a));
  // log10 may land a hair off an exact power: the exponent is checked against the powers themselves.
  if (Math.abs(e) > 21) return x;
  if (e >= 0 ? a < EXACT_POWERS_OF_TEN[e]! : a * EXACT_POWERS_OF_TEN[-e]! < 1) e--;
  else if (e + 1 >= 0 ? a >= EXACT_POWERS_OF_TEN[e + 1]! : a * EXACT_POWERS_OF_TEN[-(e + 1)]! >= 1) e++;
  const k = DIGITS - 1 - e;
  if (k > 22 || k < -22) return x;
  // An integer of at most DIGITS digits scaled by an exact power of ten: the double nearest that decimal.
  return k >= 0 ? Math.round(x * EXACT_POWERS_OF_TEN[k]!) / EXACT_POWERS_OF_TEN[k]! : Math.round(x / EXACT_POWERS_OF_TEN[-k]!) * EXACT_POWERS_OF_TEN[-k]!;
}

/**
 * The rows packed by column, or undefined when they do not pack: fewer than PACK_MIN_ROWS, rows
 * with other fields than the first's, or a field that is not all numbers or all texts. A number JSON
 * cannot hold (NaN, ±Infinity) is null, as JSON would send it.
 */
export function packRows(rows: readonly unknown[]): PackedRows | undefined {
  if (rows.length < PACK_MIN_ROWS) return undefined;
  const first = rows[0];
  if (!isPlainRow(first)) return undefined;
  const fields = Object.keys(first);
  const columns: PackedColumn[] = [];
  for (const field of fields) {
    const sample = first[field];
    if (typeof sample === 'number') {
      const numbers: (number | null)[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const v = (rows[i] as Record<string, unknown>)[field];
        if (typeof v !== 'number') return undefined;
        numbers[i] = Number.isFinite(v) ? toDisplayDigits(v) : null;
      }
      columns.push({ field, numbers });
    } else if (typeof sample === 'string') {
      const texts: string[] = [];
      const index = new Map<string, number>();
      const codes: number[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const v = (rows[i] as Record<string, unknown>)[field];
        if (typeof v !== 'string') return undefined;
        let code = index.get(v);
        if (code === undefined) index.set(v, (code = texts.push(v) - 1));
        codes[i] = code;
      }
      columns.push({ field, texts, codes });
    } else return undefined;
  }
  // Every row has exactly these fields (a row with one more would lose it).
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (!isPlainRow(row)) return undefined;
    let n = 0;
    for (const _ in row) n++;
    if (n !== fields.length) return undefined;
  }
  return { rows: rows.length, columns };
}

/** The rows again, fields in their packed order; undefined for anything that is not a whole packing. */
export function unpackRows(packed: unknown): Record<string, unknown>[] | undefined {
  if (!isPlainRow(packed) || !Array.isArray(packed.columns)) return undefined;
  const n = packed.rows;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
  const columns = packed.columns as unknown[];
  const readers: ((i: number) => unknown)[] = [];
  const fields: string[] = [];
  for (const c of columns) {
    if (!isPlainRow(c) || typeof c.field !== 'string' || fields.includes(c.field)) return undefined;
    if (Array.isArray(c.numbers)) {
      const numbers = c.numbers as unknown[];
      if (numbers.length !== n || !numbers.every((v) => v === null || (typeof v === 'number' && Number.isFinite(v)))) return undefined;
      readers.push((i) => numbers[i]);
    } else if (Array.isArray(c.texts) && Array.isArray(c.codes)) {
      const texts = c.texts as unknown[];
      const codes = c.codes as unknown[];
      if (!texts.every((t) => typeof t === 'string') || codes.length !== n) return undefined;
      if (!codes.every((k) => typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < texts.length)) return undefined;
      readers.push((i) => texts[codes[i] as number]);
    } else return undefined;
    fields.push(c.field);
  }
  const rows: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let f = 0; f < fields.length; f++) row[fields[f]!] = readers[f]!(i);
    rows[i] = row;
  }
  return rows;
}

function isPlainRow(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

type WithVega = { vega: Record<string, unknown> };
type Source = Record<string, unknown> & { values?: unknown; packed?: unknown };

/** A figure for the webview: its long inline sources packed (`packed` in place of `values`); the figure itself is not changed. */
export function packFigure<F extends WithVega>(figure: F): F {
  const data = figure.vega.data;
  if (!Array.isArray(data)) return figure;
  let changed = false;
  const packedData = (data as Source[]).map((d) => {
    if (!Array.isArray(d.values)) return d;
    const packed = packRows(d.values);
    if (!packed) return d;
    changed = true;
    const { values: _, ...rest } = d;
    return { ...rest, packed };
  });
  return changed ? { ...figure, vega: { ...figure.vega, data: packedData } } : figure;
}

/** The figure as the server compiled it, its packed sources unpacked; undefined when one did not arrive whole. */
export function unpackFigure<F extends WithVega>(figure: F): F | undefined {
  const data = figure.vega.data;
  if (!Array.isArray(data) || !(data as Source[]).some((d) => isPlainRow(d) && d.packed !== undefined)) return figure;
  const out: Source[] = [];
  for (const d of data as Source[]) {
    if (!isPlainRow(d) || d.packed === undefined) {
      out.push(d);
      continue;
    }
    const values = unpackRows(d.packed);
    if (!values) return undefined;
    const { packed: _, ...rest } = d;
    out.push({ ...rest, values });
  }
  return { ...figure, vega: { ...figure.vega, data: out } };
}
