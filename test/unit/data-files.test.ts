// `data "…"` in the language: reading, patterns, cross-checks, charges from i-t files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import { MAX_DATA_FILE_BYTES } from '../../server/src/instruments/detect';
import { readBytesBounded } from '../../server/src/instruments/read-bytes';
import { column } from '../../server/src/instruments/series';

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

/** A workspace with real exports of other potentiostats, read as the CLI and the language server read them (bytes, bounded). */
function otherInstruments(lines: string[]): ReturnType<typeof analyze> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-formats-'));
  mkdirSync(path.join(dir, 'data'));
  const fixtures = path.resolve(__dirname, '..', 'fixtures', 'instrument-exports');
  const copies: Record<string, string> = { 'biologic-lsv.mpt': 'lsv.mpt', 'biologic-cv.mpr': 'cv.mpr', 'biologic-ca.mpt': 'ca-0.3.mpt', 'gamry-chronoa_data.dta': 'chronoa-0.5.DTA', 'gamry-eispot_data.dta': 'eis.DTA', 'fusion-gc-cu-co2rr.fusion-data': 'gc.fusion-data' };
  for (const [from, to] of Object.entries(copies)) copyFileSync(path.join(fixtures, from), path.join(dir, 'data', to));
  const text = ['cell H {', '  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE', '}', 'run in H {', ...lines.map((l) => '  ' + l), '}', ''].join('\n');
  return analyze(text, { fileName: path.join(dir, 'p.faraday'), readFile: read, readBytes: readBytesBounded, workspaceRoot: dir });
}

test('BioLogic .mpt/.mpr and Gamry .DTA on run lines: the same values and cross-checks as CH Instruments files', () => {
  const a = otherInstruments([
    'LSV from -0.06 V to -4 V vs Ag/AgCl at 20 mV/s, data "data/lsv.mpt", onset at 50 mA',
    'CV from 2.48 V to 3.16 V vs Ag/AgCl at 0.1 mV/s, data "data/cv.mpr"',
    'CA at 0.3 V vs Ag/AgCl for 12 h, data "data/ca-{E}.mpt"',
    'CA at 0.5 V vs SHE for 270 s, data "data/chronoa-{E}.DTA"',
    'EIS at 1.3 V vs Ag/AgCl from 10 kHz to 0.5 Hz, data "data/eis.DTA"',
  ]);
  const files = a.values.filter((v) => v.kind === 'dataFile').map((v) => v.label);
  assert.deepEqual(files, [
    'data/lsv.mpt: Linear Sweep Voltammetry, 1186 points',
    'data/cv.mpr: Cyclic Voltammetry, 5103 points',
    'data/ca-0.3.mpt: Chronoamperometry / Chronocoulometry, 721 points',
    'data/chronoa-0.5.DTA: Chronoamperometry, 10 points',
    'data/eis.DTA: Potentiostatic EIS, 10 points',
  ]);
  // Onset at 50 mA, interpolated in the EC-Lab export (see instrument-biologic.test.ts): −2.476780 V vs the reference.
  const onset = a.values.find((v) => v.kind === 'onsetPotential')!;
  assert.equal(onset.value, -2.4768);
  // Charges: the instrument's (Q-Qo) for the EC-Lab file, the trapezoid for the Gamry file.
  const charge = (f: string) => a.values.find((v) => v.kind === 'charge' && v.subject === f)!.value as number;
  assert.equal(charge('data/ca-0.3.mpt'), 2.4380106e-4);
  assert.ok(Math.abs(charge('data/chronoa-0.5.DTA') - 1.376563347847e-6) < 1e-18);
  const codes = a.diagnostics.map((d) => d.code);
  // Scan rates agree (20 mV/s, 0.1 mV/s), the EC-Lab CA was run at its set-point; the Gamry CA at 0.5 V vs Ag/AgCl is
  // 0.5 V as written on the SHE scale: the set-point vs Ag/AgCl is 0.5 − 0.198 = 0.302 V.
  assert.deepEqual(codes.filter((c) => /^FD07/.test(c)).sort(), ['FD0710', 'FD0729']);
  assert.match(a.diagnostics.find((d) => d.code === 'FD0710')!.message, /chronoa-0\.5\.DTA` was run at Init E = 0\.5 V, the potential as written \(0\.5 V vs SHE\): the set-point vs the reference is 0\.302 V/);
  assert.match(a.diagnostics.find((d) => d.code === 'FD0729')!.message, /gives 0\.0007780 C, the instrument's own integral 0\.0002438 C/);
});

test('other scan rates, a GC file on a run line, a binary file through a text-only reader, a file too large', () => {
  const a = otherInstruments([
    'LSV from -0.06 V to -4 V vs Ag/AgCl at 50 mV/s, data "data/lsv.mpt"',
    'CV from 2.48 V to 3.16 V vs Ag/AgCl at 1 mV/s, data "data/cv.mpr"',
    'CA at -0.8 V vs Ag/AgCl for 2 h, data "data/gc.fusion-data"',
  ]);
  const messages = (code: string) => a.diagnostics.filter((d) => d.code === code).map((d) => d.message);
  assert.deepEqual(messages('FD0709'), ['`data/lsv.mpt` was recorded at 0.02 V/s, but the line says 0.0500 V/s', '`data/cv.mpr` was recorded at 0.0001 V/s, but the line says 0.00100 V/s']);
  assert.deepEqual(messages('FD0708'), ['`data/gc.fusion-data` holds Gas chromatography (micro-GC) data, but the line runs CA']);
  assert.equal(a.values.find((v) => v.kind === 'dataFile' && v.subject === 'data/gc.fusion-data')!.label, 'data/gc.fusion-data: Gas chromatography (micro-GC), 1 injection, 2 channels, 18 peaks');

  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-formats-'));
  copyFileSync(path.resolve(__dirname, '..', 'fixtures', 'instrument-exports', 'biologic-cv.mpr'), path.join(dir, 'cv.mpr'));
  const text = 'run {\n  CV from 2.48 V to 3.16 V vs Ag/AgCl at 0.1 mV/s, data "cv.mpr"\n}\n';
  const textOnly = analyze(text, { fileName: path.join(dir, 'p.faraday'), readFile: read });
  assert.ok(textOnly.diagnostics.some((d) => d.code === 'FD0727' && /cv\.mpr is a binary EC-Lab file but was read as text/.test(d.message)));
  // The reader returns one byte more than the limit; a typed array that says so stands for it (no 256 MB in a unit test).
  const huge = Object.defineProperty(new Uint8Array(16), 'length', { value: MAX_DATA_FILE_BYTES + 1 });
  const large = analyze(text, { fileName: path.join(dir, 'p.faraday'), readBytes: (_f, max) => (assert.equal(max, MAX_DATA_FILE_BYTES + 1), huge) });
  assert.deepEqual(large.diagnostics.filter((d) => /^FD07/.test(d.code)).map((d) => [d.code, large.text.slice(d.span.start, d.span.end)]), [['FD0725', '"cv.mpr"']]);
  assert.ok(!large.values.some((v) => v.kind === 'dataFile'));
});

test('figures draw the other formats as they draw CH Instruments files: LSV, i-t, Nyquist', async () => {
  const { buildFigures } = await import('../../server/src/plots/figures');
  const a = otherInstruments([
    'LSV from -0.06 V to -4 V vs Ag/AgCl at 20 mV/s, data "data/lsv.mpt"',
    'CA at 0.3 V vs Ag/AgCl for 12 h, data "data/ca-{E}.mpt"',
    'CA at 0.5 V vs Ag/AgCl for 270 s, data "data/chronoa-{E}.DTA"',
    'EIS at 1.3 V vs Ag/AgCl from 10 kHz to 0.5 Hz, data "data/eis.DTA"',
  ]);
  const figures = new Map(buildFigures(a).map((f) => [f.id, f]));
  // Every point of every file is read: 1186 of the LSV, 721 + 10 of the two CA files, 10 of the EIS.
  assert.deepEqual(['lsv', 'it', 'nyquist'].map((id) => figures.get(id)?.pointsRead), [1186, 731, 10]);
  // Nyquist plots −Z": the Gamry Zimag −3.767681 ohm at 10 kHz is drawn at +3.767681.
  const rows = (figures.get('nyquist')!.spec.data as { values: { re: number; im: number }[] }).values;
  assert.deepEqual(rows.find((r) => r.re === 224.6075), { re: 224.6075, im: 3.767681, file: 'data/eis.DTA' });
});

test('Cdl from EC-Lab CV files of a {rate} line, as from CH Instruments files', async () => {
  const { branchDifference } = await import('../../server/src/instruments/derived');
  const { importInstrumentFile } = await import('../../server/src/instruments/detect');
  const fixtures = path.resolve(__dirname, '..', 'fixtures', 'instrument-exports');
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-cdl-'));
  mkdirSync(path.join(dir, 'data'));
  // The real CV at 0.1 mV/s, and a copy whose <I>/mA column is doubled standing for a run at 0.2 mV/s.
  const original = readFileSync(path.join(fixtures, 'biologic-cv.mpt'), 'latin1');
  writeFileSync(path.join(dir, 'data', 'cv-0.1.mpt'), original, 'latin1');
  const doubled = original.split('\n').map((l, i) => {
    if (i < 58 || !l.trim()) return l;
    const cells = l.split('\t');
    cells[8] = (2 * Number(cells[8])).toExponential(15).toUpperCase();
    return cells.join('\t');
  });
  writeFileSync(path.join(dir, 'data', 'cv-0.2.mpt'), doubled.join('\n'), 'latin1');
  const text = 'electrode w {\n  area 1 cm2\n}\ncell H {\n  working w\n  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE\n}\nrun in H {\n  CV ecsa from 1.5 V to 5.5 V vs Ag/AgCl at 0.1, 0.2 mV/s, data "data/cv-{rate}.mpt"\n}\n';
  const a = analyze(text, { fileName: path.join(dir, 'p.faraday'), readFile: read, readBytes: readBytesBounded, workspaceRoot: dir });
  // Δi at the middle of the window of the real file; the doubled file has 2Δi. Slope (2Δi − Δi)/(0.2 − 0.1 mV/s) = Δi/1e-4 V/s;
  // Cdl = slope/2 per cm² of the 1 cm² electrode (without a stated area there is no Cdl per cm², FD0533), in mF/cm².
  const d = importInstrumentFile(new Uint8Array(Buffer.from(original, 'latin1')), 'cv');
  const e = column(d, /^Potential$/)!.values;
  const mid = (Math.min(...e) + Math.max(...e)) / 2;
  const di = branchDifference(e, column(d, /^Current$/)!.values, mid)!;
  const cdl = a.values.find((v) => v.kind === 'cdl')!;
  assert.ok(Math.abs((cdl.value as number) - ((di / 1e-4 / 2) * 1000)) < 1e-9 * Math.abs(cdl.value as number), `${cdl.value} vs ${(di / 1e-4 / 2) * 1000}`);
  // The header of the copy still says 0.1 mV/s: the line's 0.2 mV/s is flagged for it, and only for it.
  assert.deepEqual(a.diagnostics.filter((x) => x.code === 'FD0709').map((x) => x.message), ['`data/cv-0.2.mpt` was recorded at 0.0001 V/s, but the line says 0.000200 V/s']);
});

test('Cdl from CV files of 200 001 points each (a long series is never spread into a call)', () => {
  // A purely capacitive CV: i = +Cdl·v on the rising branch and −Cdl·v on the falling one, so Δi = 2·Cdl·v at
  // any potential and the slope of Δi against v is 2·Cdl; Cdl = slope/2 = 1 mF on 1 cm², i.e. 1 mF/cm².
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-long-cv-'));
  mkdirSync(path.join(dir, 'data'));
  for (const mv of [10, 20]) {
    const v = mv / 1000;
    const rows: string[] = [];
    const half = 100_000; // points per branch: 0 → 1 V → 0 V in steps of 10 µV
    for (let k = 0; k <= 2 * half; k++) {
      const e = (k <= half ? k : 2 * half - k) / half;
      rows.push(`${e.toFixed(5)}, ${(k < half ? 1e-3 * v : -1e-3 * v).toExponential(4)}`);
    }
    writeFileSync(path.join(dir, 'data', `cv-${mv}.txt`), `Nov. 24, 2026   10:00:00\nCyclic Voltammetry\nFile: long\nInstrument Model:  CHI660D\n\nInit E (V) = 0\nHigh E (V) = 1\nLow E (V) = 0\nScan Rate (V/s) = ${v}\nSegment = 2\nSample Interval (V) = 0.00001\n\nPotential/V, Current/A\n\n${rows.join('\n')}\n`);
  }
  const text = 'electrode w {\n  area 1 cm2\n}\ncell H {\n  working w\n  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE\n}\nrun in H {\n  CV ecsa from 0 V to 1 V vs Ag/AgCl at 10, 20 mV/s, data "data/cv-{rate}.txt"\n}\n';
  const a = analyze(text, { fileName: path.join(dir, 'p.faraday'), readFile: read, readBytes: readBytesBounded, workspaceRoot: dir });
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
  assert.equal(a.values.filter((v) => v.kind === 'dataFile').map((v) => v.value).join(), '200001,200001');
  const cdl = a.values.find((v) => v.kind === 'cdl')!;
  assert.ok(Math.abs((cdl.value as number) - 1) < 1e-9, `${cdl.value} mF/cm²`);
});
