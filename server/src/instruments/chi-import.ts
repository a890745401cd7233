// CH Instruments text exports (CV, LSV, i-t, A.C. impedance, DPV, OCP): one
// pass over the text. The header is free text and `Key (unit) = value` lines;
// a `Name/unit, Name/unit` line starts the data table.
import type { ImportedData, Technique } from './series';
import { InstrumentCodes } from './codes';
import { scanNumericBody } from './numeric-scan';
import { LineCursor, textAsBytes, type TextBytes } from './text-bytes';

const TECHNIQUES: [RegExp, Technique][] = [
  [/^Cyclic Voltammetry/i, 'CV'],
  [/^Linear Sweep Voltammetry/i, 'LSV'],
  [/^(Amperometric i-t Curve|Chronoamperometry|i-t)/i, 'CA'],
  [/^A\.C\. Impedance/i, 'EIS'],
  [/^Differential Pulse Voltammetry/i, 'DPV'],
  [/^Open Circuit Potential/i, 'OCP'],
];

const HEADER_CELL = /^\s*([^/,\t]+?)\s*\/\s*([^,\t]+?)\s*$/;

/** `Time/sec, Current/A` → [{Time, s}, {Current, A}], or undefined if the line is not a column header. */
function columnHeader(line: string): { name: string; unit: string }[] | undefined {
  const cells = line.split(/\s*[,\t]\s*/).filter((c) => c.length > 0);
  if (cells.length < 2) return undefined;
  const parsed = cells.map((c) => HEADER_CELL.exec(c));
  if (parsed.some((m) => !m)) return undefined;
  return parsed.map((m) => ({ name: m![1]!, unit: m![2] === 'sec' ? 's' : m![2]! }));
}

/**
 * Reads a CH Instruments export: the header line by line, then the rows in
 * one pass over the bytes (numeric-scan.ts); for an i-t record the trapezoid
 * of the current over time is summed as the rows are read.
 */
export function importChi(source: string | TextBytes, fileName = 'data'): ImportedData {
  const text = typeof source === 'string' ? textAsBytes(source) : source;
  const data: ImportedData = { technique: 'unknown', metadata: {}, columns: [], points: 0, peaks: [], problems: [] };
  const lines = new LineCursor(text, 'any');
  let header: { name: string; unit: string }[] | undefined;
  while (!header) {
    const lineNo = lines.lineNo;
    const raw = lines.next();
    if (raw === undefined) break;
    const line = raw.trim();
    if (line === '') continue;
    if (lineNo === 1) {
      data.date = line;
      continue;
    }
    if (data.techniqueLabel === undefined) {
      const t = TECHNIQUES.find(([re]) => re.test(line));
      if (t) {
        data.techniqueLabel = line;
        data.technique = t[1];
        continue;
      }
    }
    const model = /^Instrument Model:\s*(.+)$/.exec(line);
    if (model) {
      data.instrument = model[1]!.trim();
      continue;
    }
    if (/^Data Proc:/i.test(line)) {
      data.dataProc = line.replace(/^Data Proc:\s*/i, '');
      continue;
    }
    const kv = /^(.+?)\s*(?:\(([^)]*)\))?\s*=\s*(.+)$/.exec(line);
    if (kv) {
      const key = kv[1]!.trim();
      const valueText = kv[3]!.trim();
      const num = /^([-+]?\d*\.?\d+(?:e[-+]?\d+)?)\s*([A-Za-z/%]*)$/i.exec(valueText);
      const value = num ? Number(num[1]) : valueText;
      const unit = kv[2] ?? (num && num[2] ? num[2] : undefined);
      // Peak results (`Ep = -0.512V`) are short symbols; parameters have words.
      if (/^(tp|ip|Ep|Ah|Ap|Eh|W1\/2)$/i.test(key)) data.peaks.push({ name: key, value, unit, line: lineNo });
      else data.metadata[key] = { value, unit, line: lineNo };
      continue;
    }
    header = columnHeader(line);
  }
  if (!header) {
    data.problems.push({ code: InstrumentCodes.noData, severity: 'error', line: lines.lineNo - 1, message: `${fileName} has no data table (a line such as \`Potential/V, Current/A\`)` });
    return data;
  }
  const columns = header;
  const time = columns.findIndex((c) => /^Time$/i.test(c.name));
  const current = columns.findIndex((c) => /^Current$/i.test(c.name));
  const body = scanNumericBody(text, lines.at, lines.lineNo, {
    width: columns.length,
    separator: 'comma-or-tab',
    lineEnds: 'any',
    decimalComma: false,
    integrate: data.technique === 'CA' && time >= 0 && current >= 0 ? { x: time, y: current } : undefined,
    // A line the fast path did not take, read as before: trimmed, split at `,` or a tab, each cell by Number().
    slowLine(raw, { lineNo, terminated, points: read }, row) {
      const line = raw.trim();
      if (line === '') return 'skip';
      const cells = line.split(/\s*[,\t]\s*/);
      const cutOff = () => {
        data.partial = { pointsRead: read, reason: `line ${lineNo} is incomplete` };
        data.problems.push({ code: InstrumentCodes.truncated, severity: 'warning', line: lineNo, message: `${fileName} ends in the middle of line ${lineNo}; ${read} points were read` });
        return 'stop' as const;
      };
      if (cells.length !== columns.length) {
        if (!terminated) return cutOff();
        data.problems.push({ code: InstrumentCodes.columnCount, severity: 'error', line: lineNo, message: `${fileName} line ${lineNo} has ${cells.length} columns, the header names ${columns.length}` });
        return 'skip';
      }
      // An empty cell is no reading (Number('') would make it 0), and `1e400` is no double (Infinity).
      const values = cells.map((c) => (c === '' ? NaN : Number(c)));
      const bad = values.findIndex((x) => !Number.isFinite(x));
      if (bad >= 0) {
        if (!terminated) return cutOff();
        const what = cells[bad] === '' ? ' is empty' : `: \`${cells[bad]}\` ${Number.isNaN(values[bad]) ? 'is not a number' : 'is beyond the largest number Faraday computes with'}`;
        data.problems.push({ code: InstrumentCodes.notNumeric, severity: 'error', line: lineNo, message: `${fileName} line ${lineNo}, column ${bad + 1} (${columns[bad]!.name})${what}` });
        return 'skip';
      }
      row.set(values);
      return 'row';
    },
  });
  data.columns = columns.map((h, k) => ({ name: h.name, unit: h.unit, values: body.columns[k]! }));
  data.points = body.points;
  if (body.trapezoid !== undefined) data.trapezoid = { time: columns[time]!.name, current: columns[current]!.name, coulombs: body.trapezoid };
  if (data.points === 0) data.problems.push({ code: InstrumentCodes.noData, severity: 'error', line: body.line, message: `${fileName} has a column header but no data rows` });
  return data;
}
