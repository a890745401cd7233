// CH Instruments text exports (CV, LSV, i-t, A.C. impedance, DPV, OCP): one
// pass over the lines. The header is free text and `Key (unit) = value` lines;
// a `Name/unit, Name/unit` line starts the data table.
import type { ImportedData, Technique } from './series';
import { InstrumentCodes } from './codes';

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

export function importChi(text: string, fileName = 'data'): ImportedData {
  const data: ImportedData = { technique: 'unknown', metadata: {}, columns: [], points: 0, peaks: [], problems: [] };
  const lines = text.split(/\r\n|\n|\r/);
  const endsWithNewline = /[\r\n]$/.test(text);
  let header: { name: string; unit: string }[] | undefined;
  const values: number[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    const lineNo = i + 1;
    if (line === '') continue;
    if (!header) {
      if (i === 0) {
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
      const cols = columnHeader(line);
      if (cols) {
        header = cols;
        for (const _ of cols) values.push([]);
      }
      continue;
    }
    const cells = line.split(/\s*[,\t]\s*/);
    const last = i === lines.length - 1 || (i === lines.length - 2 && lines[lines.length - 1] === '');
    if (cells.length !== header.length) {
      if (last && !endsWithNewline) {
        data.partial = { pointsRead: values[0]!.length, reason: `line ${lineNo} is incomplete` };
        data.problems.push({ code: InstrumentCodes.truncated, severity: 'warning', line: lineNo, message: `${fileName} ends in the middle of line ${lineNo}; ${values[0]!.length} points were read` });
        break;
      }
      data.problems.push({ code: InstrumentCodes.columnCount, severity: 'error', line: lineNo, message: `${fileName} line ${lineNo} has ${cells.length} columns, the header names ${header.length}` });
      continue;
    }
    const row = cells.map(Number);
    const bad = row.findIndex((x) => Number.isNaN(x));
    if (bad >= 0) {
      if (last && !endsWithNewline) {
        data.partial = { pointsRead: values[0]!.length, reason: `line ${lineNo} is incomplete` };
        data.problems.push({ code: InstrumentCodes.truncated, severity: 'warning', line: lineNo, message: `${fileName} ends in the middle of line ${lineNo}; ${values[0]!.length} points were read` });
        break;
      }
      data.problems.push({ code: InstrumentCodes.notNumeric, severity: 'error', line: lineNo, message: `${fileName} line ${lineNo}, column ${bad + 1} (${header[bad]!.name}): \`${cells[bad]}\` is not a number` });
      continue;
    }
    row.forEach((x, k) => values[k]!.push(x));
  }
  if (!header) {
    data.problems.push({ code: InstrumentCodes.noData, severity: 'error', line: lines.length, message: `${fileName} has no data table (a line such as \`Potential/V, Current/A\`)` });
    return data;
  }
  data.columns = header.map((h, k) => ({ name: h.name, unit: h.unit, values: Float64Array.from(values[k]!) }));
  data.points = values[0]!.length;
  if (data.points === 0) data.problems.push({ code: InstrumentCodes.noData, severity: 'error', line: lines.length, message: `${fileName} has a column header but no data rows` });
  return data;
}
