// CH Instruments importer on real exports (test/fixtures/instrument-exports, unchanged) and on hand-made variants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importChi } from '../../server/src/instruments/chi-import';
import { importDelimited } from '../../server/src/instruments/delimited-import';
import { chargeAndMeanCurrent } from '../../server/src/instruments/derived';
import { column } from '../../server/src/instruments/series';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'instrument-exports');

test('CHI600C cyclic voltammetry export: header, 6 segments, 20 390 points', () => {
  const d = importChi(readFileSync(path.join(fixtures, 'chi600c-cv.csv'), 'utf8'), 'chi600c-cv.csv');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'CV');
  assert.equal(d.instrument, 'CHI600C');
  assert.equal(d.metadata['Init E']!.value, -0.01);
  assert.equal(d.metadata['Scan Rate']!.value, 0.05);
  assert.equal(d.metadata['Scan Rate']!.unit, 'V/s');
  assert.equal(d.metadata['Segment']!.value, 6);
  assert.deepEqual(d.columns.map((c) => `${c.name}/${c.unit}`), ['Potential/V', 'Current/A']);
  // 20422 lines: the column header is line 31, a blank line, then 20390 rows (lines 33–20422).
  assert.equal(d.points, 20390);
  assert.equal(column(d, /Potential/)!.values[0], -0.01);
  assert.equal(column(d, /Current/)!.values[0], -9.816e-8);
  assert.equal(column(d, /Potential/)!.values[d.points - 1], 1.199);
  assert.equal(column(d, /Current/)!.values[d.points - 1], -7.203e-7);
});

test('CHI660E impedance export: a bare `Imp SF` line, five columns', () => {
  const d = importChi(readFileSync(path.join(fixtures, 'chi660e-eis.txt'), 'utf8'), 'chi660e-eis.txt');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'EIS');
  assert.equal(d.instrument, 'CHI660E');
  assert.equal(d.metadata['High Frequency']!.value, 2e6);
  assert.equal(d.metadata['Amplitude']!.value, 0.025);
  assert.deepEqual(d.columns.map((c) => c.name), ['Freq', "Z'", 'Z"', 'Z', 'Phase']);
  assert.equal(d.columns[1]!.unit, 'ohm');
  assert.equal(d.columns[0]!.values[0], 9.961e4);
  assert.equal(d.columns[4]!.values[d.points - 1], -70.3);
  assert.equal(d.points, 73); // header on line 17, a blank line, rows on lines 19–91
});

test('i-t export with CRLF, tabs, peak block, Data Proc line; charge by trapezoid', () => {
  // Constant −50 mA for 10 s then a linear ramp to −150 mA over 10 s:
  // Q = −0.05 × 10 + (−0.05 − 0.15)/2 × 10 = −0.5 − 1.0 = −1.5 C; mean −75 mA over 20 s.
  const rows = ['0\t-0.05', '10\t-0.05', '20\t-0.15'];
  const text = ['Nov. 24, 2026   10:00:00', 'Amperometric i-t Curve', 'Instrument Model:  CHI660E', 'Init E (V) = -1.057', 'Sample Interval (s) = 0.1', 'ip = -1.2e-3A', 'Data Proc: None', '', 'Time/sec\tCurrent/A', '', ...rows, ''].join('\r\n');
  const d = importChi(text, 'it.txt');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'CA');
  assert.equal(d.metadata['Init E']!.value, -1.057);
  assert.equal(d.dataProc, 'None');
  assert.equal(d.peaks[0]!.name, 'ip');
  assert.equal(d.columns[0]!.unit, 's');
  const { chargeC, meanCurrentA } = chargeAndMeanCurrent(d.columns[0]!.values, d.columns[1]!.values);
  assert.ok(Math.abs(chargeC + 1.5) < 1e-12);
  assert.ok(Math.abs(meanCurrentA + 0.075) < 1e-12);
});

test('extra columns, malformed and truncated files', () => {
  const head = 'Nov. 24, 2026\nLinear Sweep Voltammetry\n\nPotential/V, Current/A, Charge/C, Time/s\n\n';
  const d = importChi(head + '0.1, 1e-6, 0, 0\n0.2, 2e-6, 1e-7, 1\n', 'lsv.txt');
  assert.equal(d.columns.length, 4);
  assert.equal(d.points, 2);
  const bad = importChi(head + '0.1, 1e-6, 0, 0\n0.2, abc, 1e-7, 1\n', 'lsv.txt');
  assert.equal(bad.problems[0]!.code, 'FD0701');
  assert.equal(bad.problems[0]!.line, 7);
  assert.match(bad.problems[0]!.message, /lsv\.txt line 7, column 2 \(Current\): `abc` is not a number/);
  const cut = importChi(head + '0.1, 1e-6, 0, 0\n0.2, 2e-6, 1e-7, 1\n0.3, 3e', 'lsv.txt');
  assert.equal(cut.partial?.pointsRead, 2);
  assert.equal(cut.problems[0]!.code, 'FD0704');
  const none = importChi('just some text\nno table here\n', 'x.txt');
  assert.equal(none.problems[0]!.code, 'FD0703');
});

test('delimited UV-vis export with title lines and units in the header', async () => {
  const { importDelimited, looksLikeChi } = await import('../../server/src/instruments/delimited-import');
  // A synthetic file in the shape of a Shimadzu UV-1800 CSV export.
  const csv = '"Au28(TBBT)20 in DCM (synthetic fixture)"\n"Wavelength nm.","Abs."\n400,0.812\n401,0.809\n402,0.805\n';
  const d = importDelimited(csv, 'uv.csv');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'UV-vis');
  assert.deepEqual(d.columns.map((c) => [c.name, c.unit]), [['Wavelength', 'nm'], ['Abs', '']]);
  assert.equal(d.points, 3);
  assert.equal(d.columns[1]!.values[2], 0.805);
  const tsv = importDelimited('Time [s]\tCurrent (mA)\n0\t-1\n1\t-1.5\n', 'it.tsv');
  assert.deepEqual(tsv.columns.map((c) => [c.name, c.unit]), [['Time', 's'], ['Current', 'mA']]);
  const bad = importDelimited('Wavelength (nm),Abs\n400,0.8\n401,x\n', 'bad.csv');
  assert.equal(bad.problems[0]!.line, 3);
  assert.ok(looksLikeChi('Instrument Model:  CHI660E\n'));
  assert.ok(!looksLikeChi(csv));
});

test('branch difference of a CV at a potential, by hand', async () => {
  const { branchDifference } = await import('../../server/src/instruments/derived');
  // Up 0 → 1 V with i = 1 + E, down 1 → 0 V with i = −1 − E: at 0.25 V, 1.25 − (−1.25) = 2.5
  const e = Float64Array.from([0, 0.5, 1, 0.5, 0]);
  const i = Float64Array.from([1, 1.5, 2, -1.5, -1]);
  assert.equal(branchDifference(e, i, 0.25), 2.5);
  assert.equal(branchDifference(e, i, 2), undefined);
});

test('delimited cells may be quoted with commas inside; the line before the header is the title', async () => {
  const { importDelimited } = await import('../../server/src/instruments/delimited-import');
  const text = '"Au28(TBBT)20, 0.1 mg/mL in DCM"\r\n"Wavelength nm.","Abs."\r\n"900.0","0.0123"\r\n899.0,0.0125\r\n';
  const d = importDelimited(text, 'uv.csv');
  assert.equal(d.metadata.title!.value, 'Au28(TBBT)20, 0.1 mg/mL in DCM');
  assert.deepEqual(d.columns.map((c) => [c.name, c.unit]), [['Wavelength', 'nm'], ['Abs', '']]);
  assert.deepEqual([...d.columns[1]!.values], [0.0123, 0.0125]);
  assert.equal(d.technique, 'UV-vis');
  assert.deepEqual(d.problems, []);
});

test('an empty cell or a number beyond the doubles is no reading: the row is left out with FD0701, never read as 0 or Infinity', () => {
  const head = 'Nov. 24, 2026\nLinear Sweep Voltammetry\n\nPotential/V, Current/A\n\n';
  const d = importChi(head + '0.1, 1e-6\n0.2,\n0.3, 1e400\n0.4, 4e-6\n', 'lsv.txt');
  // Rows 1 and 4 are read; `0.2,` (empty current) and `1e400` are left out and said.
  assert.deepEqual([...d.columns[1]!.values], [1e-6, 4e-6]);
  assert.deepEqual(d.problems.map((p) => [p.code, p.line]), [['FD0701', 7], ['FD0701', 8]]);
  assert.match(d.problems[0]!.message, /lsv\.txt line 7, column 2 \(Current\) is empty/);
  assert.match(d.problems[1]!.message, /line 8, column 2 \(Current\): `1e400` is beyond the largest number Faraday computes with/);
  const csv = importDelimited('E,I\n0.1,1e-6\n0.2,1e400\n0.3,3e-6\n', 'x.csv');
  assert.deepEqual([...csv.columns[1]!.values], [1e-6, 3e-6]);
  assert.deepEqual(csv.problems.map((p) => [p.code, p.line]), [['FD0701', 3]]);
});
