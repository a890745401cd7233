// Gamry Framework .DTA files (real files in test/fixtures/instrument-exports,
// from gamry-parser's tests): CV cycles as CURVE tables, chronoamperometry,
// potentiostatic EIS, open-circuit potential; and damaged copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importInstrumentFile } from '../../server/src/instruments/detect';
import { runCharge } from '../../server/src/instruments/derived';
import { column, type ImportedData } from '../../server/src/instruments/series';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'instrument-exports');
const text = (f: string) => readFileSync(path.join(fixtures, f), 'utf8');
const load = (f: string, content = text(f)) => importInstrumentFile(new TextEncoder().encode(content), f);
const values = (d: ImportedData, name: string) => column(d, new RegExp(`^${name}$`))!.values;
const near = (actual: number, expected: number, relative = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} ≠ ${expected}`);

test('Gamry CV: five CURVE tables are five cycles; the scan rate from SCANRATE in mV/s', () => {
  const d = load('gamry-cv_data.dta');
  assert.deepEqual(d.problems, []);
  assert.equal(d.format, 'Gamry Framework (.DTA)');
  assert.equal(d.technique, 'CV');
  assert.equal(d.date, '3/6/2019 16:35:22');
  assert.equal(d.points, 50);
  assert.deepEqual(d.segments!.map((s) => `${s.name}@${s.first}+${s.points}`), ['CURVE1@0+10', 'CURVE2@10+10', 'CURVE3@20+10', 'CURVE4@30+10', 'CURVE5@40+10']);
  // `Over` (bits) is a text column of overload flags: not a quantity, not read.
  assert.deepEqual(d.columns.map((c) => `${c.name}/${c.unit}`), ['Pt/', 'Time/s', 'Potential/V', 'Current/A', 'Vu/V', 'Sig/V', 'Ach/V', 'IERange/', 'Cycle/']);
  assert.equal(column(d, /^Potential$/)!.label, 'Vf (V vs. Ref.)');
  // First row `0 0.1 4.9E-001 7.80498E-009`, last `49 601.1 8.89001E-001 2.62272E-007`.
  assert.deepEqual([values(d, 'Time')[0], values(d, 'Potential')[0], values(d, 'Current')[0]], [0.1, 0.49, 7.80498e-9]);
  assert.deepEqual([values(d, 'Time')[49], values(d, 'Potential')[49], values(d, 'Current')[49]], [601.1, 0.889001, 2.62272e-7]);
  assert.deepEqual([values(d, 'Cycle')[9], values(d, 'Cycle')[10], values(d, 'Cycle')[49]], [1, 2, 5]);
  // SCANRATE QUANT 1.23456E+000 `&Scan Rate (mV/s)` → 1.23456e-3 V/s.
  near(d.metadata['Scan Rate']!.value as number, 1.23456e-3);
  assert.equal(d.metadata['VLIMIT2']!.value, 0.9);
});

test('Gamry chronoamperometry: the charge of the ten points by trapezoid, written out', () => {
  const d = load('gamry-chronoa_data.dta');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'CA');
  assert.equal(d.instrument, 'potentiostat-id');
  assert.equal(d.points, 10);
  // VSTEP1 POTEN 5.00000E-001 F: the step potential vs the reference (F), the run's Init E.
  assert.deepEqual(d.metadata['Init E'], { value: 0.5, unit: 'V', line: 11 });
  const t = values(d, 'Time');
  const i = values(d, 'Current');
  assert.deepEqual([t[0], i[0], t[9], i[9]], [0, -2.34197e-8, 270, 3e-9]);
  // Σ (i_k + i_k−1)/2 · (t_k − t_k−1), in nA·s:
  //   (−23.4197 + 14.0441)/2 × 30 + (14.0441 + 9.32775)/2 × 30 + (9.32775 + 7.52058)/2 × 30.0001 + (7.52058 + 6.37081)/2 × 29.9999
  // + (6.37081 + 5.4468)/2 × 30 + (5.4468 + 4.86946)/2 × 30 + (4.86946 + 4.43861)/2 × 30 + (4.43861 + 4.07718)/2 × 30 + (4.07718 + 3)/2 × 30
  // = −140.634 + 350.57775 + 252.7271… + 208.3686… + 177.2642 + 154.7439 + 139.62105 + 127.73685 + 106.1577 = 1376.563 nA·s
  const hand = (-140.634 + 350.57775 + ((9.32775 + 7.52058) / 2) * 30.0001 + ((7.52058 + 6.37081) / 2) * 29.9999 + 177.26415 + 154.7439 + 139.62105 + 127.73685 + 106.1577) * 1e-9;
  const q = runCharge(t, i);
  assert.equal(q.source, 'trapezoid');
  near(q.chargeC, hand, 1e-9);
  near(q.chargeC, 1.376563347847e-6, 1e-9);
});

test('Gamry EIS: ZCURVE with rows separated by blanks as well as tabs; |Z| agrees with Zmod', () => {
  const d = load('gamry-eispot_data.dta');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'EIS');
  assert.equal(d.instrument, 'In the hood');
  // Rows 6–9 of the file are written `  6 8 10<tab>226.885…`: still rows of the table.
  assert.equal(d.points, 10);
  assert.deepEqual([values(d, 'Freq')[0], values(d, "Z'")[0], values(d, 'Z"')[0]], [10000, 224.6075, -3.767681]);
  assert.deepEqual([values(d, 'Freq')[9], values(d, "Z'")[9], values(d, 'Z"')[9]], [0.5, 226.885, -7.053867]);
  assert.equal(column(d, /^Phase$/)!.unit, 'deg'); // the units row writes `°`
  // √(224.6075² + 3.767681²) = 224.6391, the file's Zmod.
  near(Math.hypot(224.6075, 3.767681), values(d, 'Z')[0]!, 1e-6);
  assert.deepEqual([d.metadata['VDC']!.value, d.metadata['FREQINIT']!.value, d.metadata['FREQINIT']!.unit], [1.3, 100000, 'Hz']);
});

test('Gamry open-circuit potential (CRLF): 21 points of Vf', () => {
  const d = load('gamry-ocp_data.dta');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'OCP');
  assert.equal(d.techniqueLabel, 'Open Circuit Potential');
  assert.equal(d.points, 21);
  assert.deepEqual([values(d, 'Time')[0], values(d, 'Potential')[0]], [5.00833, 0.0205436]);
  assert.deepEqual([values(d, 'Time')[20], values(d, 'Potential')[20]], [105.175, 0.0345678]);
  // `deg C` is not a unit Faraday reads: the column keeps it as written, unconverted.
  assert.equal(column(d, /^Temp$/)!.unit, 'deg C');
  assert.deepEqual([d.metadata['SAMPLETIME']!.value, d.metadata['SAMPLETIME']!.unit], [5, 's']);
});

test('damaged .DTA files: a row cut off, a table without its units row, no table at all', () => {
  const cv = text('gamry-cv_data.dta');
  const cut = cv.slice(0, cv.indexOf('\t27\t280.9') + 12);
  const d = load('cv.dta', cut);
  assert.equal(d.points, 27);
  // CURVE1 and CURVE2 (lines 23–32, 36–45), then 7 rows of CURVE3; line 56 (`27 280.9 8.9…`) is cut.
  assert.deepEqual(d.problems.map((p) => [p.code, p.line]), [['FD0704', 56]]);
  assert.equal(d.partial?.pointsRead, 27);
  const noUnits = load('cv.dta', cv.replace('\t#\ts\tV vs. Ref.\tA\tV\tV\tV\t#\tbits\n', ''));
  assert.deepEqual(noUnits.problems.map((p) => p.code).slice(0, 1), ['FD0728']);
  const none = load('cv.dta', cv.slice(0, cv.indexOf('CURVE1')));
  assert.deepEqual(none.problems.map((p) => [p.code, p.line]), [['FD0703', 20]]);
});

test('Gamry OCVCURVE: the open circuit measured before the run is kept apart; alone, it is the data', () => {
  const eis = text('gamry-eispot_data.dta');
  const ocv = 'OCVCURVE\tTABLE\t3\n\tPt\tT\tVf\tVm\tAch\tOver\n\t#\ts\tV vs. Ref.\tV\tV\tbits\n\t0\t0.5\t1.358E-001\t1.358E-001\t0\t...........\n\t1\t1\t1.3585E-001\t1.3585E-001\t0\t...........\n\t2\t1.5\t1.35852E-001\t1.35852E-001\t0\t...........\n';
  const before = load('eis.dta', eis.replace('ZCURVE\tTABLE', ocv + 'ZCURVE\tTABLE'));
  assert.deepEqual(before.problems, []);
  assert.equal(before.points, 10); // the ZCURVE only
  assert.deepEqual([before.metadata['OCVCURVE']!.value, before.metadata['OCVCURVE']!.unit], [0.135852, 'V']);
  const alone = load('ocv.dta', eis.slice(0, eis.indexOf('ZCURVE')) + ocv);
  assert.deepEqual(alone.problems, []);
  assert.equal(alone.points, 3);
  assert.deepEqual([...column(alone, /^Potential$/)!.values], [0.1358, 0.13585, 0.135852]);
});
