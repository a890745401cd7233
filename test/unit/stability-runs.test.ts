// Stability runs and open-circuit records of the OER sample, from synthetic records
// (samples/data/generate.ts): a CP run at 10 mA/cm² for 100 h drifting 0.5 mV/h with
// ±1 mV noise (a point every 5 min), a CA run at 1.55 V vs RHE for 50 h losing 10 %
// with a charging spike jss·exp(−t/10 s) (a point every 30 s), and an OCP relaxing as
// 0.950 + 0.050 exp(−t/300 s) V vs RHE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { currentRetention, potentialDrift, stabilityWindow } from '../../server/src/electrochem/stability';
import { buildFigures } from '../../server/src/plots/figures';

const root = path.resolve(__dirname, '..', '..');
const samplePath = path.join(root, 'samples', 'oer-figures-of-merit.faraday');
const sample = readFileSync(samplePath, 'utf8');
const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
const run = (text = sample): Analysis => analyze(text, { fileName: samplePath, readFile: read });
const one = (a: Analysis, kind: string) => {
  const found = a.values.filter((v) => v.kind === kind);
  assert.equal(found.length, 1, `one ${kind}`);
  return found[0]!;
};
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);

test('the averaging window: 1 % of the run, at least 10 min, at most 10 % of it; a stated window is capped the same way', () => {
  assert.equal(stabilityWindow(100 * 3600), 3600);
  assert.equal(stabilityWindow(10 * 3600), 600);
  assert.equal(stabilityWindow(3600), 360);
  assert.equal(stabilityWindow(100 * 3600, 1800), 1800);
  assert.equal(stabilityWindow(3600, 1800), 360);
});

test('drift and retention of exact lines, by hand', () => {
  // E = 1.5 V + 2 mV/h, a point a minute for 10 h: windows of 10 min; means at 5 min and 9 h 55 min.
  const t = Float64Array.from({ length: 601 }, (_, k) => k * 60);
  const e = Float64Array.from(t, (s) => 1.5 + (0.002 * s) / 3600);
  const d = potentialDrift(t, e)!;
  assert.equal(d.windowS, 600);
  assert.equal(d.start.points, 11);
  assert.ok(Math.abs(d.start.t - 300) < 1e-9 && Math.abs(d.end.t - (36000 - 300)) < 1e-9);
  assert.ok(Math.abs(d.drift * 3600 * 1000 - 2) < 1e-9);
  // A cathodic current falling linearly from −10 to −8 mA: |i| means 9.9833 and 8.0167 mA, 80.30 % retained.
  const i = Float64Array.from(t, (s) => -(10 - (2 * s) / 36000) / 1000);
  const r = currentRetention(t, i)!;
  const start = 10 - (2 * 300) / 36000;
  const end = 10 - (2 * 35700) / 36000;
  assert.ok(Math.abs(r.retained - end / start) < 1e-12);
  // Too short a record gives nothing rather than a number.
  assert.equal(potentialDrift(Float64Array.of(0), Float64Array.of(1)), undefined);
});

test('CP stability: the drift of 0.5 mV/h is recovered from the record, on the RHE scale', () => {
  const drift = one(run(), 'potentialDrift');
  // Windows of 1 h (1 % of 100 h), 13 points each; the noise (±1 mV uniform, σ = 0.58 mV) leaves σ = 0.58 × √(2/13) / 99 h
  // = 0.0023 mV/h on the drift: within ±0.01 mV/h (4σ).
  assert.ok(Math.abs((drift.value as number) - 0.5) < 0.01, `${drift.value}`);
  assert.equal(drift.unit, 'mV/h');
  assert.equal(drift.extra!.windowS, 3600);
  assert.equal(drift.extra!.scale, 'RHE');
  // The start window's mean: 1.530 V + 0.5 mV/h × 0.5 h.
  assert.ok(Math.abs((drift.extra!.start as number) - 1.53025) < 0.001);
  assert.match(drift.hint!.text, /^drift 0\.5\d\d mV\/h \(ΔE 50 mV\)$/);
});

test('CA stability: the current retained over 50 h, charging spike included, by hand', () => {
  // Windows of 30 min, 61 points at 30 s. Start: jss (1 − 0.10 × 0.25 h/50 h) + jss Σk e^(−3k)/61 = jss (0.9995 + 1.052396/61);
  // end: jss (1 − 0.10 × 49.75/50) = 0.90050 jss. Retained 0.90050 / 1.016752 = 88.566 %.
  const spike = 1 / (1 - Math.exp(-3)) / 61;
  const expected = (0.9005 / (0.9995 + spike)) * 100;
  const retained = one(run(), 'currentRetention');
  assert.ok(Math.abs((retained.value as number) - expected) < 0.005, `${retained.value} vs ${expected}`);
  assert.equal(retained.unit, '%');
  // A stated window of 2 h (241 points): start jss (1 − 0.10 × 1/50 + 1.052396/241), end jss (1 − 0.10 × 49/50).
  const twoHours = one(run(sample.replace('CA stability at 1.55 V vs RHE for 50 h,', 'CA stability at 1.55 V vs RHE for 50 h, window 2 h,')), 'currentRetention');
  const expected2 = (0.902 / (0.998 + 1 / (1 - Math.exp(-3)) / 241)) * 100;
  assert.ok(Math.abs((twoHours.value as number) - expected2) < 0.005, `${twoHours.value} vs ${expected2}`);
});

test('OCP: the mean of the record\'s last window, on the RHE scale', () => {
  const ocp = one(run(), 'openCircuitPotential');
  // Last 3 min (10 % of 30 min): 0.950 + 0.050 × (300/180)(e^(−5.4) − e^(−6)) = 0.950170 V, sampled every second.
  const expected = 0.95 + 0.05 * (300 / 180) * (Math.exp(-5.4) - Math.exp(-6));
  assert.ok(Math.abs((ocp.value as number) - expected) < 2e-5, `${ocp.value}`);
  assert.equal(ocp.extra!.scale, 'RHE');
});

test('a record shorter than its line, and a stability line without data, are said', () => {
  const longer = run(sample.replace('CP stability at 10 mA/cm2 for 100 h', 'CP stability at 10 mA/cm2 for 200 h'));
  const short = longer.diagnostics.find((d) => d.code === 'FD0750')!;
  assert.match(short.message, /covers 100 h, but the line says 200 h/);
  assert.ok(!codes(run()).includes('FD0750'));
  const noData = run(sample.replace(', data "data/cp-stability-ruo2.mpt"', ''));
  assert.ok(codes(noData).includes('FD0589'));
  assert.equal(noData.values.filter((v) => v.kind === 'potentialDrift').length, 0);
});

test('stability figures: the curve against hours and the two windows with their means', () => {
  const figures = buildFigures(run());
  const cp = figures.find((f) => f.id === 'stability')!;
  const ca = figures.find((f) => f.id === 'stability-2')!;
  const layers = cp.spec.layer as { data: { values: Record<string, number | string>[] } }[];
  assert.equal(cp.pointsRead, 1201);
  const [start, end] = layers[1]!.data.values;
  assert.deepEqual([start!.t, start!.t2, end!.t, end!.t2], [0, 1, 99, 100]);
  assert.ok(Math.abs((end!.y as number) - (start!.y as number) - 0.0495) < 0.001);
  assert.match(JSON.stringify(ca.spec.title), /88\.6 % retained/);
  assert.match(JSON.stringify(cp.spec), /E \(V vs RHE\)/);
});
