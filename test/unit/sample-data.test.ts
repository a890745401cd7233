// The synthetic instrument files written by samples/data/generate.ts, read back through the
// project's importers and checked against the models stated in their headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importChi } from '../../server/src/instruments/chi-import';
import { importDelimited } from '../../server/src/instruments/delimited-import';
import { column } from '../../server/src/instruments/series';

const dir = path.resolve(__dirname, '..', '..', 'samples', 'data');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

test('EIS: CHI A.C. impedance export of a Randles circuit, 100 kHz → 10 mHz', () => {
  const d = importChi(read('eis-au28cu12.txt'), 'eis-au28cu12.txt');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'EIS');
  assert.equal(d.metadata['Init E']!.value, -0.257);
  assert.equal(d.metadata['High Frequency']!.value, 1e5);
  assert.equal(d.metadata['Low Frequency']!.value, 0.01);
  assert.equal(d.metadata['Amplitude']!.value, 0.005);
  assert.deepEqual(d.columns.map((c) => c.name), ['Freq', "Z'", 'Z"', 'Z', 'Phase']);
  // 7 decades × 10 points per decade, both ends included: 71.
  assert.equal(d.points, 71);
  const f = column(d, /^Freq$/)!.values;
  const zRe = column(d, /^Z'$/)!.values;
  const zIm = column(d, /^Z"$/)!.values;
  assert.equal(f[0], 1e5);
  assert.equal(f[d.points - 1], 0.01);
  const rs = 8;
  const rct = 25;
  const cdl = 2.5e-3;
  assert.ok(Math.abs(zRe[0]! - rs) < 0.5, `Z'(100 kHz) = ${zRe[0]}`);
  assert.ok(zRe[d.points - 1]! > rs + rct, `Z'(10 mHz) = ${zRe[d.points - 1]}`);
  // Capacitive everywhere: Z" < 0.
  assert.ok(zIm.every((x) => x < 0));
  // The semicircle's top is the first local maximum of −Z" coming from high frequency;
  // the global maximum is the Warburg tail at 10 mHz (−Z" = 20.2 ohm against 13.1 ohm).
  let top = -1;
  for (let k = 1; k + 1 < d.points; k++) {
    if (-zIm[k]! >= -zIm[k - 1]! && -zIm[k]! >= -zIm[k + 1]!) {
      top = k;
      break;
    }
  }
  assert.ok(top > 0);
  const fTop = 1 / (2 * Math.PI * rct * cdl); // 2.546 Hz
  const ratio = f[top]! / fTop;
  assert.ok(ratio < 1.6 && ratio > 1 / 1.6, `semicircle top at ${f[top]} Hz, expected near ${fTop.toFixed(3)} Hz`);
  assert.ok(-zIm[top]! > 0.4 * rct && -zIm[top]! < 0.6 * rct, `-Z" at the top = ${-zIm[top]!}`);
  // Here the Warburg tail rises above the semicircle.
  assert.ok(-zIm[d.points - 1]! > -zIm[top]!);
});

test('UV-vis: Shimadzu-style CSV (title line, quoted `Wavelength nm.`) reads through importDelimited', () => {
  const hc = 1239.84193;
  for (const [file, peak] of [
    ['uvvis-au28.csv', 365],
    ['uvvis-cu28.csv', 390],
  ] as const) {
    const d = importDelimited(read(file), file);
    assert.deepEqual(d.problems, []);
    assert.equal(d.technique, 'UV-vis');
    assert.deepEqual(d.columns.map((c) => [c.name, c.unit]), [['Wavelength', 'nm'], ['Abs', '']]);
    assert.equal(d.points, 601);
    assert.match(String(d.metadata.title!.value), /SYNTHETIC/);
    const wl = d.columns[0]!.values;
    const abs = d.columns[1]!.values;
    assert.equal(wl[0], 900); // the instrument writes long → short wavelength
    assert.equal(wl[600], 300);
    let best = 0;
    for (let k = 1; k < d.points; k++) if (abs[k]! > abs[best]!) best = k;
    // The a·E⁴ background pulls the maximum slightly to the blue of the band centre.
    assert.ok(Math.abs(wl[best]! - peak) <= 2, `${file}: maximum at ${wl[best]} nm`);
    if (file === 'uvvis-au28.csv') {
      // The model at 365 nm, computed here from the parameters in the title line.
      const e = hc / 365;
      const band = (nm: number, fwhm: number, h: number) => h * Math.exp((-4 * Math.LN2 * (e - hc / nm) ** 2) / fwhm ** 2);
      const a365 = 0.002 * e ** 4 + band(365, 0.25, 0.9) + band(480, 0.18, 0.45) + band(580, 0.15, 0.3);
      const k365 = wl.indexOf(365);
      assert.ok(Math.abs(abs[k365]! - a365) < 6e-5, `A(365) = ${abs[k365]}, model ${a365}`);
    }
  }
});

test('LSV: 1001 points; the current at −1.15 V vs RHE is the stated Tafel + mass-transport model', () => {
  const d = importChi(read('lsv-au28cu12.txt'), 'lsv-au28cu12.txt');
  assert.deepEqual(d.problems, []);
  assert.equal(d.technique, 'LSV');
  assert.equal(d.points, 1001);
  const e = column(d, /Potential/)!.values;
  const i = column(d, /Current/)!.values;
  assert.equal(e[0], -0.407);
  const k = e.indexOf(-1.407); // −1.15 V vs RHE − 0.257
  assert.equal(k, 1000);
  // i0 from ik(−0.8 V) = 0.09 A with b = 0.20 V/dec: 0.09 / 10^4 = 9e-6 A.
  const b = 0.2;
  const ilim = 0.25;
  const i0 = 0.09 / 10 ** (0.8 / b);
  const ik = i0 * 10 ** (1.15 / b); // 5.06 A
  const model = -(ik * ilim) / (ik + ilim) - 1e-3 * 0.01; // −0.2382 A
  assert.ok(Math.abs(i[k]! - model) < 0.02 * Math.abs(model), `i(−1.15 V) = ${i[k]}, model ${model}`);
  // The stated onset: |i| = 10 mA at −0.6126 V vs RHE (−0.870 V vs Ag/AgCl).
  const onset = -b * Math.log10((0.00999 * ilim) / (ilim - 0.00999) / i0);
  assert.equal(onset.toFixed(4), '-0.6126');
  assert.match(d.techniqueLabel!, /Linear Sweep/);
  const note = read('lsv-au28cu12.txt').split('\n').find((l) => l.startsWith('Note:'))!;
  assert.match(note, /onset at 10 mA: E = -0\.6126 V vs RHE/);
  const near = e.indexOf(-0.87);
  assert.ok(Math.abs(i[near]! + 0.01) < 2e-4, `i(-0.613 V vs RHE) = ${i[near]}`);
});
