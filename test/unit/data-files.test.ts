// `data "…"` in the language: reading, patterns, cross-checks, charges from i-t files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';

const samples = path.resolve(__dirname, '..', '..', 'samples');
const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
const sample = readFileSync(path.join(samples, 'au28cu12-si.faraday'), 'utf8');

test('the sample reads its data files: i-t charges, no mismatches', () => {
  const a = analyze(sample, { fileName: path.join(samples, 'au28cu12-si.faraday'), readFile: read });
  // The generated −0.8 V file integrates to the 600 C the result states (trapezoid over 7201 points).
  const q = a.values.find((v) => v.kind === 'charge' && v.subject === 'data/it-au28cu12--0.8.txt')!;
  assert.ok(Math.abs((q.value as number) - 600) < 3, `${q.value}`);
  // Two LSVs (with and without nitrate), five CAs, five ECSA CVs, EIS, two UV-vis spectra, and the i-t files of two results.
  assert.equal(a.values.filter((v) => v.kind === 'dataFile').length, 2 + 5 + 5 + 1 + 2 + 2);
  assert.deepEqual(a.diagnostics.filter((d) => /^FD07/.test(d.code)).map((d) => d.message), []);
});

test('Init E on the wrong scale, another technique, another scan rate, a missing file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-data-'));
  mkdirSync(path.join(dir, 'data'));
  for (const f of ['it-au28cu12--0.7.txt', 'it-au28cu12--0.8.txt', 'it-au28cu12--0.9.txt', 'it-au28cu12--1.0.txt', 'lsv-au28cu12.txt', 'lsv-au28cu12-blank.txt', 'uvvis-au28.csv', 'uvvis-cu28.csv']) copyFileSync(path.join(samples, 'data', f), path.join(dir, 'data', f));
  // The −1.1 V file was run at −1.1 V on the Ag/AgCl scale: the wrong scale.
  const wrong = readFileSync(path.join(samples, 'data', 'it-au28cu12--1.1.txt'), 'utf8').replace('Init E (V) = -1.357', 'Init E (V) = -1.1');
  writeFileSync(path.join(dir, 'data', 'it-au28cu12--1.1.txt'), wrong);
  const text = sample.replace('at 10 mV/s, data "data/lsv-au28cu12.txt"', 'at 50 mV/s, data "data/lsv-au28cu12.txt"').replace('data "data/eis-au28cu12.txt"', 'data "data/it-au28cu12--0.7.txt"');
  const a = analyze(text, { fileName: path.join(dir, 'p.faraday'), readFile: read });
  const msgs = (code: string) => a.diagnostics.filter((d) => d.code === code).map((d) => d.message);
  assert.ok(msgs('FD0710').some((m) => /Init E = -1\.1 V, the potential as written .* wrong scale/.test(m)));
  assert.ok(msgs('FD0709').some((m) => /recorded at 0\.01 V\/s, but the line says 0\.05\d* V\/s/.test(m)));
  assert.ok(msgs('FD0708').some((m) => /holds Amperometric i-t Curve data, but the line runs EIS/.test(m)));
  assert.equal(msgs('FD0707').length, 5, 'the five ECSA CVs are missing here');
});

test('untrusted workspaces and paths outside the workspace are not read', () => {
  const file = path.join(samples, 'au28cu12-si.faraday');
  const untrusted = analyze(sample, { fileName: file, readFile: read, readData: false });
  assert.ok(untrusted.diagnostics.some((d) => d.code === 'FD0705'));
  assert.ok(!untrusted.values.some((v) => v.kind === 'dataFile'));
  const outside = analyze('run in H {\n  LSV from 0 V to -1 V vs RHE at 10 mV/s, data "../../../etc/passwd"\n}\n', { fileName: file, readFile: read, workspaceRoot: samples });
  assert.ok(outside.diagnostics.some((d) => d.code === 'FD0706'));
});

test('a result without a stated charge takes it from its i-t file', () => {
  const text = sample.replace('  charge 600 C', '  data "data/it-au28cu12--0.8.txt"');
  const a = analyze(text, { fileName: path.join(samples, 'au28cu12-si.faraday'), readFile: read });
  const fe = a.values.find((v) => v.kind === 'faradaicEfficiency' && v.subject === 'Au28Cu12/NH3')!;
  assert.ok(Math.abs((fe.value as number) - 94.25) < 0.05, `${fe.value}`);
});

test('Cdl from the ECSA CV files recovers the capacitance they were generated with', () => {
  // generate.ts: i = ±Cdl·v with Cdl = 2.5 mF on 1 cm² → Δi = 2·Cdl·v → slope/2 = 2.5 mF/cm²
  const a = analyze(sample, { fileName: path.join(samples, 'au28cu12-si.faraday'), readFile: read });
  const cdl = a.values.find((v) => v.kind === 'cdl')!;
  assert.ok(Math.abs((cdl.value as number) - 2.5) < 1e-6, `${cdl.value}`);
  assert.equal(cdl.subject, 'CV ecsa');
});

test('onset potential of the LSV at 10 mA/cm², on the RHE scale; unreachable or wrong criteria are flagged', () => {
  const file = path.join(samples, 'au28cu12-si.faraday');
  const a = analyze(sample, { fileName: file, readFile: read });
  const onset = a.values.find((v) => v.kind === 'onsetPotential')!;
  // Model of the generated LSV: |i| = ik·ilim/(ik + ilim) + 10 µA reaches 10 mA at −0.6126 V vs RHE (file vs Ag/AgCl + 0.257 V).
  assert.ok(Math.abs((onset.value as number) - -0.6126) < 0.0005, `${onset.value}`);
  assert.equal(onset.extra?.scale, 'RHE');
  assert.equal(onset.unit, 'V');
  const far = analyze(sample.replace('onset at 10 mA/cm2', 'onset at 500 mA/cm2'), { fileName: file, readFile: read });
  assert.ok(far.diagnostics.some((d) => d.code === 'FD0711' && /never reaches 500 mA\/cm2/.test(d.message)));
  const wrong = analyze(sample.replace('onset at 10 mA/cm2', 'onset at 10 mV'), { fileName: file, readFile: read });
  assert.ok(wrong.diagnostics.some((d) => d.code === 'FD0712' && wrong.text.slice(d.span.start, d.span.end) === '10 mV'));
});
