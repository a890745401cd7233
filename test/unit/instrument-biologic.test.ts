// BioLogic EC-Lab exports (real files in test/fixtures/instrument-exports, from
// yadg's test data): the text export of five techniques, the binary file of
// the CV run, a European-locale variant, and damaged copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importInstrumentFile } from '../../server/src/instruments/detect';
import { onsetPotential, runCharge, trapezoid } from '../../server/src/instruments/derived';
import { column, type ImportedData } from '../../server/src/instruments/series';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'instrument-exports');
const bytes = (f: string) => new Uint8Array(readFileSync(path.join(fixtures, f)));
const load = (f: string) => importInstrumentFile(bytes(f), f);
const values = (d: ImportedData, name: string) => column(d, new RegExp(`^${name.replace(/[()"']/g, '\\$&')}$`))!.values;
const near = (actual: number, expected: number, relative = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} ≠ ${expected}`);

test('EC-Lab CV text export: 5103 points in SI, the scan rate of the header and of the data', () => {
  const d = load('biologic-cv.mpt');
  assert.deepEqual(d.problems, []);
  assert.equal(d.format, 'BioLogic EC-Lab text (.mpt)');
  assert.equal(d.technique, 'CV');
  assert.equal(d.instrument, 'VMP3 (SN 10831083)');
  assert.equal(d.metadata['Encoding']!.value, 'Latin-1 (not UTF-8)');
  // `Nb header lines : 58`: the column header is line 58, the rows are lines 59–5161.
  assert.equal(d.points, 5103);
  assert.deepEqual(d.columns.map((c) => `${c.name}/${c.unit}`).slice(5, 11), ['Time/s', 'control/V', 'Potential/V', 'Current/A', 'Cycle/', 'Charge/C']);
  assert.equal(column(d, /^Current$/)!.label, '<I>/mA');
  // First row: time 4.320204396882385E+004 s, Ewe 2.4807117E+000 V, <I> -1.235983972946997E-006 mA.
  assert.equal(values(d, 'Time')[0], 43202.04396882385);
  assert.equal(values(d, 'Potential')[0], 2.4807117);
  near(values(d, 'Current')[0]!, -1.235983972946997e-9);
  // Last row: 1.496513870154098E+005 s, 3.1632588 V, 6.838552079206513E-004 mA, cycle 2.
  assert.equal(values(d, 'Time')[5102], 149651.3870154098);
  assert.equal(values(d, 'Potential')[5102], 3.1632588);
  near(values(d, 'Current')[5102]!, 6.838552079206513e-7);
  assert.equal(values(d, 'Cycle')[5102], 2);
  // Header: dE/dt 0.100 with `dE/dt unit mV/s` → 1e-4 V/s; Ei is vs Eoc, so no Init E.
  assert.deepEqual(d.metadata['Scan Rate'], { value: 1e-4, unit: 'V/s', line: 38 });
  assert.equal(d.metadata['Init E'], undefined);
  // The data agree: control/V rows 5 and 105 (2.4743066 V at 43273.05706895632 s, 2.2742705 V at 45273.39997268212 s):
  // (2.2742705 − 2.4743066) / (45273.39997268212 − 43273.05706895632) = −0.2000361 / 2000.3429037258 = −1.00000e-4 V/s.
  const c = values(d, 'control');
  const t = values(d, 'Time');
  near((c[104]! - c[4]!) / (t[104]! - t[4]!), -1.00001e-4, 1e-4);
});

test('EC-Lab CA: Init E from `Ei (V) 0.300 vs. Ref`, and a charge the points are too sparse to integrate', () => {
  const d = load('biologic-ca.mpt');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'CA');
  assert.equal(d.techniqueLabel, 'Chronoamperometry / Chronocoulometry');
  assert.equal(d.points, 721); // header of 68 lines, rows on lines 69–789, the last without a line break
  assert.deepEqual(d.metadata['Init E'], { value: 0.3, unit: 'V', line: 42 });
  // Latin-1 `µF` decoded: the column converts to F.
  const capacitance = d.columns.find((k) => k.label === 'Capacitance charge/µF')!;
  assert.equal(capacitance.unit, 'F');
  assert.equal(values(d, 'Time')[0], 108874.2284907824);
  near(values(d, 'Current')[0]!, 1.8604061e-5);
  assert.equal(values(d, 'Time')[720], 152074.2269261391);
  near(values(d, 'Current')[720]!, 2.765074e-9);
  // The instrument integrated the current at its acquisition rate: (Q-Qo) ends at 2.4380106E-004 C.
  const q = runCharge(values(d, 'Time'), values(d, 'Current'), values(d, 'Charge'));
  assert.equal(q.source, 'instrument');
  near(q.chargeC, 2.4380106e-4);
  // Points are recorded every 60 s; the first interval holds the spike after the step:
  // (1.8604061e-5 + 2.8889910e-8) A / 2 × (108934.2286766004 − 108874.2284907824) s = 5.5898e-4 C of the trapezoid's 7.780e-4 C,
  // where the instrument counted (Q-Qo) = 2.4513674E-005 C.
  const first = ((1.8604061e-5 + 2.888991e-8) / 2) * (108934.2286766004 - 108874.2284907824);
  near(first, 5.5898e-4, 1e-4);
  near(q.trapezoidC, 7.780107e-4, 1e-6);
  near(q.trapezoidC - first, q.chargeC - 2.4513674e-5, 0.01); // the rest agrees within 1 %
});

test('EC-Lab CP and LSV: controlled current, charge and an onset by interpolation', () => {
  const cp = load('biologic-cp.mpt');
  assert.deepEqual(cp.problems, []);
  assert.equal(cp.technique, 'CP');
  assert.equal(cp.points, 121);
  assert.deepEqual([cp.metadata['Is']!.value, cp.metadata['Is']!.unit], [-100, 'mA']);
  assert.equal(column(cp, /^Potential$/)!.label, '<Ewe>/V'); // the averaged Ewe, the only one recorded
  assert.deepEqual([values(cp, 'Time')[0], values(cp, 'Potential')[0]], [328.3641917048226, -3.2463198]);
  assert.deepEqual([values(cp, 'Time')[120], values(cp, 'Potential')[120]], [447.3645886986196, -3.5944343]);
  // −0.1 A for 119.0004 s is −11.900 C; the trapezoid of the measured current and the instrument's (Q-Qo) = −11.889417 C agree to 0.01 %.
  near(trapezoid(values(cp, 'Time'), values(cp, 'Current')), -11.889417, 1e-4);

  const lsv = load('biologic-lsv.mpt');
  assert.deepEqual(lsv.problems, []);
  assert.equal(lsv.technique, 'LSV');
  assert.equal(lsv.points, 1186);
  assert.deepEqual(lsv.metadata['Scan Rate'], { value: 0.02, unit: 'V/s', line: 46 }); // dE/dt 20.000 mV/s
  assert.equal(lsv.metadata['Init E']!.value, -0.057);
  assert.deepEqual([values(lsv, 'Potential')[0], values(lsv, 'Potential')[1185]], [-0.24618463, -4.0008063]);
  // |i| first reaches 50 mA between rows 727 and 728: (−2.474658 V, −48.96110592735022 mA) and (−2.4781115 V, −50.65224422934816 mA):
  // f = (50 − 48.96110592735022) / (50.65224422934816 − 48.96110592735022) = 0.614316; E = −2.474658 − 0.0034535 f = −2.476780 V.
  const f = (50 - 48.96110592735022) / (50.65224422934816 - 48.96110592735022);
  near(onsetPotential(values(lsv, 'Potential'), values(lsv, 'Current'), 0.05)!, -2.474658 + f * (-2.4781115 + 2.474658), 1e-9);
});

test('EC-Lab PEIS: −Im(Z) becomes Z" with the sign of the imaginary part; |Z| agrees with the file', () => {
  const d = load('biologic-peis.mpt');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'EIS');
  assert.equal(d.points, 32);
  assert.equal(d.metadata['Reference electrode']!.value, 'SCE Saturated Calomel Electrode (0.241 V)');
  assert.deepEqual([values(d, 'Freq')[0], values(d, "Z'")[0], values(d, 'Z"')[0]], [199998.14, 10.512296, -0.73047662]);
  assert.deepEqual([values(d, 'Freq')[31], values(d, "Z'")[31], values(d, 'Z"')[31]], [1.0000616, 18.024315, -2.6962531]);
  // √(10.512296² + 0.73047662²) = 10.537645, the file's |Z| 10.537644 to the instrument's float precision (1.2e-7).
  for (const k of [0, 31]) near(Math.hypot(values(d, "Z'")[k]!, values(d, 'Z"')[k]!), values(d, 'Z')[k]!, 2.4e-7);
  assert.equal(d.columns.find((c) => c.label === 'Re(Y)/Ohm-1')!.unit, 'S');
});

test('a European-locale export (decimal commas, CRLF as EC-Lab writes on Windows) reads the same numbers', () => {
  const text = readFileSync(path.join(fixtures, 'biologic-cv.mpt'), 'latin1');
  const lines = text.split('\n');
  // EC-Lab in a German locale writes 0,100 and 2,4807117E+000: every decimal point of the settings and rows becomes a comma.
  const european = lines.map((l, i) => (i >= 37 && !/^[a-zA-Z(]+\//.test(l) ? l.replace(/(\d)\.(\d)/g, '$1,$2') : l)).join('\r\n');
  assert.ok(european.includes('2,4807117E+000'));
  const d = importInstrumentFile(new Uint8Array(Buffer.from(european, 'latin1')), 'cv-de.mpt');
  const reference = load('biologic-cv.mpt');
  assert.deepEqual(d.problems, []);
  assert.equal(d.points, 5103);
  assert.deepEqual(d.metadata['Scan Rate']!.value, 1e-4);
  for (const name of ['Time', 'Potential', 'Current']) assert.deepEqual(values(d, name), values(reference, name));
});

test('EC-Lab binary (.mpr) of the same CV run: modules, column ids, values as the text export', () => {
  const d = load('biologic-cv.mpr');
  assert.deepEqual(d.problems, []);
  assert.equal(d.format, 'BioLogic EC-Lab binary (.mpr)');
  assert.equal(d.technique, 'CV'); // technique byte 0x06 of the VMP Set module
  assert.equal(d.metadata['Modules']!.value, 'VMP Set v0 01.10.18, VMP data v2 01.10.18, VMP LOG v0 01.12.18');
  assert.equal(d.metadata['Column ids']!.value, '1 2 3 21 65 4 19 6 11 24 434');
  // The log's OLE date 43110.7093055… days after 30 Dec 1899 is the text export's `Acquisition started on : 01/10/2018 17:01:24`.
  assert.equal(d.date, '2018-01-10 17:01:24');
  assert.equal(d.metadata['EC-Lab version']!.value, '11.12');
  // dE/dt 0.1 with unit code 1 (mV/s) in the technique parameters: 1e-4 V/s, as the text export says.
  assert.equal(d.metadata['Scan Rate']!.value, 1e-4);
  assert.equal(d.points, 5103);
  const text = load('biologic-cv.mpt');
  // Records of 37 bytes: flags, time f8, control f4, Ewe f4, <I> f8, cycle f8, (Q-Qo) f4. Doubles equal the text's 16 digits,
  // floats its 8 digits to float precision.
  for (const k of [0, 1, 2550, 5102]) {
    near(values(d, 'Time')[k]!, values(text, 'Time')[k]!, 1e-15);
    near(values(d, 'Current')[k]!, values(text, 'Current')[k]!, 1e-15);
    near(values(d, 'Potential')[k]!, values(text, 'Potential')[k]!, 6e-8);
    assert.equal(values(d, 'Cycle')[k], values(text, 'Cycle')[k]);
    assert.equal(values(d, 'ox/red')[k], values(text, 'ox/red')[k]);
  }
});

test('damaged .mpr files: an unknown column id is named, a cut-off copy keeps its complete records', () => {
  const original = bytes('biologic-cv.mpr');
  // The data module's bytes start at 1965 + 6 + 51 = 2022; its 11 column ids at 2027–2048. The last, 434, becomes 999.
  const altered = original.slice();
  const idAt = 2022 + 5 + 2 * 10;
  assert.equal(altered[idAt]! | (altered[idAt + 1]! << 8), 434);
  altered[idAt] = 999 & 0xff;
  altered[idAt + 1] = 999 >> 8;
  const bad = importInstrumentFile(altered, 'cv.mpr');
  assert.equal(bad.points, 0);
  assert.deepEqual(bad.columns, []);
  assert.equal(bad.problems.length, 1);
  assert.equal(bad.problems[0]!.code, 'FD0720');
  assert.equal(bad.problems[0]!.byteOffset, idAt);
  assert.match(bad.problems[0]!.message, /column id 999 \(byte 2047, after `cycle number`\) is not a BioLogic column Faraday knows/);

  // Cut inside the records: 2022 + 0x195 = 2427 is the first record; 100 records and 10 bytes of the next survive.
  const cut = importInstrumentFile(original.slice(0, 2427 + 100 * 37 + 10), 'cv.mpr');
  assert.equal(cut.points, 100);
  assert.equal(cut.partial?.pointsRead, 100);
  assert.equal(cut.problems[0]!.code, 'FD0722');
  assert.equal(values(cut, 'Time')[99], values(load('biologic-cv.mpr'), 'Time')[99]);
  // Cut inside the first module header, and a file that is not an EC-Lab file at all.
  assert.equal(importInstrumentFile(original.slice(0, 80), 'cv.mpr').problems[0]!.code, 'FD0721');
  const junk = original.slice(0, 600);
  junk.set(new TextEncoder().encode('NOTAMODULE'), 0x34);
  const notModule = importInstrumentFile(junk, 'cv.mpr');
  assert.equal(notModule.problems[0]!.code, 'FD0721');
  assert.equal(notModule.problems[0]!.byteOffset, 0x34);
});

test('damaged .mpt files: cut in a row, cut in the header, a header count that points elsewhere', () => {
  const text = readFileSync(path.join(fixtures, 'biologic-lsv.mpt'), 'latin1');
  const lines = text.split('\n');
  // Lines 1–66 header, rows from line 67: keep 10 rows and half of the 11th.
  const cut = [...lines.slice(0, 76), lines[76]!.slice(0, 40)].join('\n');
  const d = importInstrumentFile(new Uint8Array(Buffer.from(cut, 'latin1')), 'lsv.mpt');
  assert.equal(d.points, 10);
  assert.deepEqual(d.partial, { pointsRead: 10, reason: 'line 77 is incomplete' });
  assert.equal(d.problems[0]!.code, 'FD0704');
  assert.equal(d.problems[0]!.line, 77);
  const header = importInstrumentFile(new Uint8Array(Buffer.from(lines.slice(0, 30).join('\n'), 'latin1')), 'lsv.mpt');
  assert.deepEqual(header.problems.map((p) => [p.code, p.line]), [['FD0723', 2]]);
  assert.match(header.problems[0]!.message, /says its header has 66 lines, but the file has 30/);
  const shifted = importInstrumentFile(new Uint8Array(Buffer.from(text.replace('Nb header lines : 66', 'Nb header lines : 60'), 'latin1')), 'lsv.mpt');
  assert.deepEqual(shifted.problems.map((p) => [p.code, p.line]), [['FD0723', 60]]);
  // A row with a word in it is left out, located.
  const word = importInstrumentFile(new Uint8Array(Buffer.from(text.replace(/\n(2\t0\t1\t1\t)/, '\nx\t0\t1\t1\t'), 'latin1')), 'lsv.mpt');
  assert.equal(word.points, 1185);
  assert.deepEqual(word.problems.map((p) => [p.code, p.line]), [['FD0701', 67]]);
});
