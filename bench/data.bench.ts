// Instrument import speed (MB/s) on generated 10⁶- and 10⁷-row CH Instruments
// i-t exports, with the trapezoidal charge over every point; and the time to
// the first render of the preview's figures for the sample: analysis,
// Vega-Lite specs and a headless render of each figure (the webview's own
// render time, measured in the real VS Code run, is in bundle.bench.ts).
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importChi } from '../server/src/instruments/chi-import';
import { column } from '../server/src/instruments/series';
import { runCharge, streamedTrapezoid } from '../server/src/instruments/derived';
import { analyze } from '../server/src/analysis/analyze';
import { buildFigures } from '../server/src/plots/figures';
import { renderSvg } from '../server/src/plots/render';
import { generateLines } from './generate-protocol';
import { ecLabBinary, ecLabText, gamryText } from './instrument-exports';
import { importInstrumentFile } from '../server/src/instruments/detect';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** One row of the generated i-t export: 10 ms per point, a decaying reduction current. */
const itRow = (i: number) => `${(i / 100).toFixed(2)}, ${(-0.08 - 0.02 * Math.exp(-i / 6000) + ((i * 7919) % 13) * 1e-6).toExponential(4)}\r\n`;

/** An i-t export's bytes like the instrument writes them (CRLF): header, then `time, current` rows, built in chunks (10⁷ rows do not fit one string comfortably). */
function itExport(rows: number): Uint8Array {
  const header = ['Nov. 24, 2026   10:00:00', 'Amperometric i-t Curve', 'File: bench', 'Data Source:  Experiment', 'Instrument Model:  CHI660D', 'Header: ', 'Note: generated for the benchmark', '', 'Init E (V) = -1.057', 'Sample Interval (s) = 0.01', `Run Time (sec) = ${rows / 100}`, '', 'Time/sec, Current/A', '', ''].join('\r\n');
  const chunks: Buffer[] = [Buffer.from(header)];
  for (let from = 0; from < rows; from += 100_000) {
    const part: string[] = [];
    for (let i = from; i < Math.min(rows, from + 100_000); i++) part.push(itRow(i));
    chunks.push(Buffer.from(part.join('')));
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The machine is shared: the best of several runs is the one least disturbed, and the load average says how disturbed. */
const load = () => `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`;

export async function run(): Promise<string> {
  const out: string[] = ['## Instrument import'];
  // As the CLI and the language server read a file: its bytes, format detection, rows, the charge summed while reading.
  for (const [rows, runs] of [[1_000_000, 7], [10_000_000, 3]] as const) {
    const bytes = itExport(rows);
    const mb = bytes.length / 1024 / 1024;
    importInstrumentFile(bytes.subarray(0, 100_000), 'warm-up.txt');
    const ms: number[] = [];
    let points = 0;
    let charge = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const data = importInstrumentFile(bytes, 'bench-it.txt');
      const t = column(data, /^Time$/i)!;
      const i = column(data, /^Current$/i)!;
      charge = runCharge(t.values, i.values, undefined, streamedTrapezoid(data, t, i)).chargeC;
      ms.push(performance.now() - t0);
      points = data.points;
    }
    const best = Math.min(...ms);
    out.push(`${rows.toLocaleString('en-US')}-row CHI i-t export from its bytes (${mb.toFixed(1)} MB, CRLF): ${points} points read and integrated (${charge.toFixed(1)} C) in ${best.toFixed(0)} ms best of ${runs} (median ${median(ms).toFixed(0)}) = ${(mb / (best / 1000)).toFixed(1)} MB/s; ${load()}`);
  }
  // The same 10⁶ rows given as a string (an editor's buffer, or a caller with text): encoded to UTF-8 first.
  const text = Buffer.from(itExport(1_000_000)).toString('latin1');
  const mb = text.length / 1024 / 1024;
  importChi(text.slice(0, 100_000), 'warm-up.txt');
  const ms: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    const data = importChi(text, 'bench-it.txt');
    const t = column(data, /^Time$/i)!;
    const i = column(data, /^Current$/i)!;
    runCharge(t.values, i.values, undefined, streamedTrapezoid(data, t, i));
    ms.push(performance.now() - t0);
  }
  out.push(`the 1 000 000-row export as a string: ${Math.min(...ms).toFixed(0)} ms best of 5 = ${(mb / (Math.min(...ms) / 1000)).toFixed(1)} MB/s`);

  // Other potentiostats, from their bytes as the CLI and the server read them (format detection, decoding, SI conversion).
  const rows = 200_000;
  for (const [name, bytes] of [[`EC-Lab CV text export, ${rows} rows × 12 columns (Latin-1)`, ecLabText(rows)], [`EC-Lab binary .mpr, ${rows} records × 11 columns`, ecLabBinary(rows)], [`Gamry .DTA CV, ${rows} rows × 9 columns`, gamryText(rows)]] as const) {
    importInstrumentFile(bytes.subarray(0, 100_000), 'warm-up');
    const times: number[] = [];
    let read = 0;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      read = importInstrumentFile(bytes, 'bench').points;
      times.push(performance.now() - t0);
    }
    const mbs = bytes.length / 1024 / 1024;
    const mt = Math.min(...times);
    out.push(`${name} (${mbs.toFixed(1)} MB): ${read} points in ${mt.toFixed(0)} ms best of 5 = ${(mbs / (mt / 1000)).toFixed(1)} MB/s; ${load()}`);
  }

  out.push('', '## Time to first render of the preview (sample)');
  const root = process.cwd();
  const sample = path.join(root, 'samples', 'au28cu12-si.faraday');
  const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
  const t0 = performance.now();
  const analysis = analyze(readFileSync(sample, 'utf8'), { fileName: sample, readFile: read });
  const t1 = performance.now();
  const figures = buildFigures(analysis);
  const t2 = performance.now();
  for (const f of figures) await renderSvg(f.spec);
  const t3 = performance.now();
  out.push(`analysis with its ${analysis.facts.datasets.length} data files: ${(t1 - t0).toFixed(0)} ms; ${figures.length} Vega-Lite specs: ${(t2 - t1).toFixed(0)} ms; headless render of all (first, cold): ${(t3 - t2).toFixed(0)} ms; total ${(t3 - t0).toFixed(0)} ms`);
  // The 10 000-line protocol of the language-server benchmark, with its data files read as the server does.
  const big = generateLines(10_000);
  const bigFile = path.join(root, 'samples', 'bench-10k.faraday');
  const b0 = performance.now();
  const bigAnalysis = analyze(big, { fileName: bigFile, readFile: read });
  const distinct = new Set(bigAnalysis.facts.datasets.map((d) => d.path)).size;
  out.push(`the language-server benchmark's 10 000-line protocol names ${bigAnalysis.facts.datasets.length} data files (${distinct} distinct); its analysis with them read: ${(performance.now() - b0).toFixed(0)} ms`);
  return out.join('\n');
}
