// EZChrom (Agilent OpenLab EZChrom) ASCII exports: `Key:,value` header lines
// (comma or tab after the colon), `Sampling Rate:` and `Total Data Points:`
// per channel, axis titles and multipliers, then each channel's detector
// readings one per line, channel after channel.
import { siConversion, toSiValue } from './column-units';
import { InstrumentCodes } from './codes';
import { emptyImport, type GcChannel, type ImportedData } from './series';

export function looksLikeEzchrom(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^Sampling Rate:[,\t]/m.test(head) && /^Total Data Points:[,\t]/m.test(head);
}

export function importEzchromAsc(text: string, fileName = 'data'): ImportedData {
  const data = emptyImport('EZChrom ASCII');
  data.technique = 'GC';
  data.techniqueLabel = 'Gas chromatography (EZChrom)';
  const lines = text.split('\n');
  const fields: Record<string, string[]> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const colon = line.indexOf(':');
    if (colon < 0) break;
    const key = line.slice(0, colon).trim();
    const cells = line.slice(colon + 1).split(/[,\t]/).map((c) => c.trim());
    if (cells[0] === '') cells.shift();
    fields[key] = cells;
    if (!['Sampling Rate', 'Total Data Points', 'X Axis Title', 'Y Axis Title', 'X Axis Multiplier', 'Y Axis Multiplier', 'Maxchannels'].includes(key)) data.metadata[key] = { value: cells.join(', '), line: i + 1 };
  }
  const fail = (line: number, message: string, code: string = InstrumentCodes.gcExport) => {
    data.problems.push({ code, severity: 'error', line, message });
    return data;
  };
  const rates = (fields['Sampling Rate'] ?? []).filter((c) => c !== 'Hz').map(Number);
  const counts = (fields['Total Data Points'] ?? []).filter((c) => c !== 'Pts.').map(Number);
  const yTitles = fields['Y Axis Title'] ?? [];
  const yMultipliers = (fields['Y Axis Multiplier'] ?? []).map(Number);
  if (!rates.length || rates.length !== counts.length || rates.some((r) => !(r > 0)) || counts.some((n) => !Number.isInteger(n) || n < 0)) {
    return fail(i, `${fileName}: the header does not give a sampling rate in Hz and a number of points for each channel`);
  }
  if (!(fields['Sampling Rate'] ?? []).includes('Hz')) return fail(i, `${fileName}: the sampling rate is not in Hz`);
  data.date = fields['Acquisition Date and Time']?.join(' ');
  const channels: GcChannel[] = [];
  for (let c = 0; c < counts.length; c++) {
    const n = counts[c]!;
    const multiplier = Number.isFinite(yMultipliers[c]) ? yMultipliers[c]! : 1;
    const unit = siConversion(yTitles[c] ?? '');
    const trace = new Float64Array(n);
    let read = 0;
    for (; read < n && i < lines.length; i++) {
      const cell = lines[i]!.trim();
      if (cell === '') continue;
      const v = Number(cell);
      if (!Number.isFinite(v)) return fail(i + 1, `${fileName} line ${i + 1}, channel ${c + 1}: \`${cell}\` is not a number`, InstrumentCodes.notNumeric);
      trace[read++] = toSiValue(v * multiplier, unit);
    }
    if (read < n) {
      data.partial = { pointsRead: read, reason: `channel ${c + 1} has ${read} of ${n} points` };
      data.problems.push({ code: InstrumentCodes.truncated, severity: 'warning', line: lines.length, message: `${fileName} ends after ${read} of the ${n} points of channel ${c + 1}; the points read are kept` });
      channels.push({ name: `channel ${c + 1}`, samplingRateHz: rates[c], trace: trace.slice(0, read), traceUnit: unit.unit, peaks: [] });
      break;
    }
    channels.push({ name: `channel ${c + 1}`, samplingRateHz: rates[c], trace, traceUnit: unit.unit, peaks: [] });
  }
  data.chromatograms = [{ time: data.date, sample: fields['Sample ID']?.join(', '), channels }];
  return data;
}
