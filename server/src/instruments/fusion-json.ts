// INFICON Fusion micro-GC exports (`.fusion-data`, JSON): one injection with
// its `runTimeStamp`, and per detector channel (`moduleA:tcd`) the trace
// (`values` at `nValuesPerSecond`) and the instrument's integrated peaks
// (`label`, `top` in s, `area`, `height`, and for calibrated species the
// `concentration` in % by volume; yadg's fusion reader reads them the same way).
import { InstrumentCodes } from './codes';
import { emptyImport, type GcChannel, type GcPeak, type ImportedData } from './series';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** Content test: a JSON object that names Fusion's detectors and run time stamp. */
export function looksLikeFusion(text: string): boolean {
  const head = text.slice(0, 4096);
  return head.trimStart().startsWith('{') && head.includes('"detectors"') && /"(runTimeStamp|methodName)"/.test(text.slice(0, 200000));
}

export function importFusionJson(text: string, fileName = 'data'): ImportedData {
  const data = emptyImport('INFICON Fusion JSON');
  data.technique = 'GC';
  data.techniqueLabel = 'Gas chromatography (micro-GC)';
  const fail = (line: number, message: string) => {
    data.problems.push({ code: InstrumentCodes.gcExport, severity: 'error', line, message });
    return data;
  };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    // V8 names the position of the error; turn it into a line.
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    const line = at === undefined ? text.split('\n').length : text.slice(0, Number(at)).split('\n').length;
    return fail(line, `${fileName} is not complete JSON (${(e as Error).message}); the export was cut short or edited: export the injection again`);
  }
  if (!isObject(root) || !isObject(root.detectors)) return fail(1, `${fileName} has no \`detectors\`: it is not a Fusion run export`);
  const time = typeof root.runTimeStamp === 'string' ? root.runTimeStamp : undefined;
  const annotations = isObject(root.annotations) ? root.annotations : {};
  const sample = typeof annotations.name === 'string' ? annotations.name : undefined;
  if (typeof root.methodName === 'string') data.metadata['Method'] = { value: root.methodName, line: 1 };
  if (sample) data.metadata['Sample'] = { value: sample, line: 1 };
  if (typeof annotations.valcoPositionName === 'string') data.metadata['Valve position'] = { value: `${annotations.valcoPosition ?? ''} ${annotations.valcoPositionName}`.trim(), line: 1 };
  const system = isObject(root.systemConfiguration) && isObject(root.systemConfiguration.systemInfo) ? root.systemConfiguration.systemInfo : undefined;
  if (system && typeof system.systemSerialNumber === 'string') data.instrument = `INFICON Fusion ${system.systemSerialNumber}`;
  const version = isObject(root.softwareVersion) ? root.softwareVersion.version : undefined;
  if (typeof version === 'string') data.metadata['Software'] = { value: version, line: 1 };
  data.date = time;

  const channels: GcChannel[] = [];
  for (const name of Object.keys(root.detectors).sort()) {
    const d = root.detectors[name];
    if (!isObject(d)) continue;
    const channel: GcChannel = { name, peaks: [] };
    if (typeof d.carrierGas === 'string') channel.carrierGas = d.carrierGas;
    const rate = num(d.nValuesPerSecond);
    const expected = num(d.nValuesExpected);
    if (Array.isArray(d.values) && rate) {
      const values = d.values;
      const trace = new Float64Array(values.length);
      let bad = -1;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          bad = i;
          break;
        }
        trace[i] = v;
      }
      if (bad >= 0) fail(1, `${fileName}: value ${bad + 1} of the ${name} trace is not a number; the trace is left out`);
      else if (expected !== undefined && expected !== values.length) fail(1, `${fileName}: the ${name} trace has ${values.length} of the ${expected} points it announces; the trace is left out, the instrument's peaks are kept`);
      else {
        channel.trace = trace;
        channel.samplingRateHz = rate;
        channel.traceUnit = 'counts';
      }
    }
    const peaks = isObject(d.analysis) && Array.isArray(d.analysis.peaks) ? d.analysis.peaks : [];
    for (const p of peaks) {
      if (!isObject(p)) continue;
      const top = num(p.top);
      const area = num(p.area);
      if (top === undefined || area === undefined) continue;
      const peak: GcPeak = { retentionTimeS: top, area };
      if (typeof p.label === 'string') peak.name = p.label;
      const height = num(p.height);
      if (height !== undefined) peak.height = height;
      const concentration = num(p.concentration);
      if (concentration !== undefined) peak.volumeFraction = concentration / 100; // the instrument writes % by volume
      channel.peaks.push(peak);
    }
    channels.push(channel);
  }
  if (channels.length === 0) return fail(1, `${fileName} lists no detector channel`);
  data.chromatograms = [{ time, sample, channels }];
  return data;
}
