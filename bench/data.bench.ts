// Instrument import speed (MB/s) on a generated 1 000 000-row CH Instruments
// i-t export, with the trapezoidal charge over every point; and the time to
// the first render of the preview's figures for the sample: analysis,
// Vega-Lite specs and a headless render of each figure (the webview's own
// render time, measured in the real VS Code run, is in bundle.bench.ts).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importChi } from '../server/src/instruments/chi-import';
import { column } from '../server/src/instruments/series';
import { chargeAndMeanCurrent } from '../server/src/instruments/derived';
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

/** An i-t export like the instrument writes: header, then `time, current` rows. */
function itExport(rows: number): string {
  const lines = ['Nov. 24, 2026   10:00:00', 'Amperometric i-t Curve', 'File: bench', 'Data Source:  Experiment', 'Instrument Model:  CHI660D', 'Header: ', 'Note: generated for the benchmark', '', 'Init E (V) = -1.057', 'Sample Interval (s) = 0.01', `Run Time (sec) = ${rows / 100}`, '', 'Time/sec, Current/A', ''];
  for (let i = 0; i < rows; i++) lines.push(`${(i / 100).toFixed(2)}, ${(-0.08 - 0.02 * Math.exp(-i / 6000) + ((i * 7919) % 13) * 1e-6).toExponential(4)}`);
  return lines.join('\r\n') + '\r\n';
}

export async function run(): Promise<string> {
  const out: string[] = ['## Instrument import'];
  const text = itExport(1_000_000);
  const mb = Buffer.byteLength(text) / 1024 / 1024;
  importChi(text.slice(0, 100_000), 'warm-up.txt');
  const ms: number[] = [];
  let points = 0;
  let charge = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    const data = importChi(text, 'bench-it.txt');
    const t = column(data, /^Time$/i)!;
    const i = column(data, /^Current$/i)!;
    charge = chargeAndMeanCurrent(t.values, i.values).chargeC;
    ms.push(performance.now() - t0);
    points = data.points;
  }
  const m = median(ms);
  out.push(`1 000 000-row i-t export (${mb.toFixed(1)} MB, CRLF): ${points} points read and integrated (${charge.toFixed(1)} C) in ${m.toFixed(0)} ms median of 5 = ${(mb / (m / 1000)).toFixed(1)} MB/s`);

  // Other potentiostats, from their bytes as the CLI and the server read them (format detection, decoding, SI conversion).
  const rows = 200_000;
  for (const [name, bytes] of [[`EC-Lab CV text export, ${rows} rows × 12 columns (Latin-1)`, ecLabText(rows)], [`EC-Lab binary .mpr, ${rows} records × 11 columns`, ecLabBinary(rows)], [`Gamry .DTA CV, ${rows} rows × 9 columns`, gamryText(rows)]] as const) {
    importInstrumentFile(bytes.subarray(0, 100_000), 'warm-up');
    const times: number[] = [];
    let read = 0;
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      read = importInstrumentFile(bytes, 'bench').points;
      times.push(performance.now() - t0);
    }
    const mbs = bytes.length / 1024 / 1024;
    const mt = median(times);
    out.push(`${name} (${mbs.toFixed(1)} MB): ${read} points in ${mt.toFixed(0)} ms median of 3 = ${(mbs / (mt / 1000)).toFixed(1)} MB/s`);
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
