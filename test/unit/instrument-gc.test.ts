// Gas chromatograms (real files in test/fixtures/instrument-exports, from
// yadg's test data): an INFICON Fusion micro-GC JSON export of a Cu
// CO2-reduction run and an EZChrom ASCII export; and damaged copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importInstrumentFile } from '../../server/src/instruments/detect';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'instrument-exports');
const text = (f: string) => readFileSync(path.join(fixtures, f), 'utf8');
const load = (f: string, content = text(f)) => importInstrumentFile(new TextEncoder().encode(content), f);
const near = (actual: number, expected: number, relative = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} ≠ ${expected}`);

test('Fusion JSON: one injection, two channels, the instrument\'s peaks and calibrated concentrations', () => {
  const d = load('fusion-gc-cu-co2rr.fusion-data');
  assert.deepEqual(d.problems, []);
  assert.equal(d.format, 'INFICON Fusion JSON');
  assert.equal(d.technique, 'GC');
  assert.equal(d.instrument, 'INFICON Fusion 70174445');
  assert.equal(d.metadata['Method']!.value, 'AS_Cal_20220204');
  const [injection] = d.chromatograms!;
  assert.equal(d.chromatograms!.length, 1);
  assert.equal(injection!.time, '2022-06-08T14:10:58.301Z');
  assert.equal(injection!.sample, '15p-Cu-10mA-01');
  const [a, b] = injection!.channels;
  // Module A (argon carrier): 8000 values at 50 Hz = 160 s of trace; 5 peaks. Module B (helium): 8500 values, 13 peaks.
  assert.deepEqual([a!.name, a!.carrierGas, a!.samplingRateHz, a!.trace!.length, a!.trace![0], a!.trace![7999]], ['moduleA:tcd', 'argon', 50, 8000, 0, -5119]);
  assert.deepEqual([b!.name, b!.carrierGas, b!.trace!.length, b!.peaks.length], ['moduleB:tcd', 'helium', 8500, 13]);
  assert.deepEqual(a!.peaks.map((p) => p.name), ['H2', 'O2', 'N2', 'CH4', 'CO']);
  const h2 = a!.peaks[0]!;
  assert.deepEqual([h2.retentionTimeS, h2.area, h2.height], [52.16, 5649.79, 5226]);
  // `concentration` 0.07965441630924582 (% by volume) is a volume fraction of 7.965441630924582e-4.
  near(h2.volumeFraction!, 7.965441630924582e-4);
  assert.equal(a!.peaks[1]!.volumeFraction, undefined); // O2 is not calibrated in this method
  assert.equal(b!.peaks[0]!.name, undefined); // an unassigned peak at 29.76 s
  // The calibrated concentrations add up to the file's own frontInletTotalConcentration, 0.19087328539610038 %:
  // H2 0.0796544 + CO 0.1086600 + C2H4 0.0024429 + C2H6 0.0000757 + MeOH 0.0000403 (+ zeros).
  const total = injection!.channels.flatMap((c) => c.peaks).reduce((s, p) => s + (p.volumeFraction ?? 0), 0);
  near(total, 0.19087328539610038 / 100, 1e-12);
});

test('EZChrom ASCII: two detector traces of 18001 points at 20 Hz, scaled by the Y multiplier', () => {
  const d = load('ezchrom-gc.dat.asc');
  assert.deepEqual(d.problems, []);
  assert.equal(d.format, 'EZChrom ASCII');
  assert.equal(d.technique, 'GC');
  assert.equal(d.date, '3/24/2023 5:01:47 PM');
  assert.equal(d.metadata['Sample ID']!.value, '230324 PK C2H2hydr_B11R1 Tvar 1_30_69_0 20');
  const [c1, c2] = d.chromatograms![0]!.channels;
  // 13 header lines, then 18001 readings of channel 1 (lines 14–18014) and 18001 of channel 2 (lines 18015–36015).
  assert.deepEqual([c1!.samplingRateHz, c1!.trace!.length, c2!.trace!.length, c1!.traceUnit], [20, 18001, 18001, 'counts']);
  // (18001 − 1) / 20 Hz = 900 s = 15 min of trace. Readings × 0.000130208: 72567 → 9.44880, last of channel 2 109718 → 14.28616.
  near(c1!.trace![0]!, 72567 * 0.000130208);
  near(c2!.trace![18000]!, 109718 * 0.000130208);
  assert.deepEqual(c1!.peaks, []); // an ASCII export carries the trace only
});

test('damaged GC exports: JSON cut short, a trace shorter than announced, an ASCII export cut in channel 2', () => {
  const json = text('fusion-gc-cu-co2rr.fusion-data');
  const cut = load('run.fusion-data', json.slice(0, 50000));
  assert.equal(cut.problems.length, 1);
  assert.equal(cut.problems[0]!.code, 'FD0726');
  assert.equal(cut.problems[0]!.line, 1); // one line of JSON
  assert.match(cut.problems[0]!.message, /run\.fusion-data is not complete JSON/);
  const short = JSON.parse(json);
  short.detectors['moduleA:tcd'].values.length = 7990;
  const s = load('run.fusion-data', JSON.stringify(short));
  assert.deepEqual(s.problems.map((p) => p.code), ['FD0726']);
  assert.match(s.problems[0]!.message, /moduleA:tcd trace has 7990 of the 8000 points/);
  assert.equal(s.chromatograms![0]!.channels[0]!.trace, undefined);
  assert.equal(s.chromatograms![0]!.channels[0]!.peaks.length, 5); // the instrument's peaks are kept

  const asc = text('ezchrom-gc.dat.asc').split('\n');
  const e = load('gc.asc', asc.slice(0, 13 + 18001 + 500).join('\n'));
  assert.deepEqual(e.problems.map((p) => p.code), ['FD0704']);
  assert.match(e.problems[0]!.message, /ends after 500 of the 18001 points of channel 2/);
  assert.equal(e.chromatograms![0]!.channels[1]!.trace!.length, 500);
  const word = load('gc.asc', [...asc.slice(0, 20), 'n/a', ...asc.slice(21)].join('\n'));
  assert.deepEqual(word.problems.map((p) => [p.code, p.line]), [['FD0701', 21]]);
});
