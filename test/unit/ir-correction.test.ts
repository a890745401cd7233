// `iR …` in a cell corrects the potentials read from its recorded sweeps:
// E_corr = E − f·i·R, with i signed as recorded (cathodic negative).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { parseFaraday } from '../../server/src/syntax/parse';
import { buildFigures } from '../../server/src/plots/figures';
import { highFrequencyIntercept } from '../../server/src/instruments/impedance';
import { correctedPotential } from '../../server/src/electrochem/ir-correction';

const near = (a: number | string | undefined, b: number, tol: number, what = '') => assert.ok(typeof a === 'number' && Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

/** A CH Instruments export header, as the instrument writes it. */
const chi = (technique: string, params: string[], columns: string, rows: string[]) =>
  ['Nov. 24, 2026   10:00:00', technique, 'File: test', 'Data Source:  Experiment', 'Instrument Model:  CHI660D', 'Header: ', 'Note: ', '', ...params, '', columns, '', ...rows, ''].join('\n');

// A small LSV, vs the Ag/AgCl reference: |i| grows as E² (1, 4, 9, 16 mA per −0.1 V steps).
const cathodic = chi('Linear Sweep Voltammetry', ['Init E (V) = 0', 'Final E (V) = -0.4', 'Scan Rate (V/s) = 0.01'], 'Potential/V, Current/A',
  ['0.000, 0.000e+0', '-0.100, -1.000e-3', '-0.200, -4.000e-3', '-0.300, -9.000e-3', '-0.400, -1.600e-2']);
const anodic = chi('Linear Sweep Voltammetry', ['Init E (V) = 0', 'Final E (V) = 0.4', 'Scan Rate (V/s) = 0.01'], 'Potential/V, Current/A',
  ['0.000, 0.000e+0', '0.100, 1.000e-3', '0.200, 4.000e-3', '0.300, 9.000e-3', '0.400, 1.600e-2']);
// Impedance with an inductive tail: Z" goes from +0.5 Ω at 100 kHz to −0.5 Ω at 10 kHz while Z' goes 10.0 → 10.4 Ω.
const eis = chi('A.C. Impedance', ['Init E (V) = 0', 'High Frequency (Hz) = 1e+5', 'Low Frequency (Hz) = 1'], 'Freq/Hz, Z\'/ohm, Z"/ohm, Z/ohm, Phase/deg',
  ['1.000e+5, 1.000e+1, 5.000e-1, 1.001e+1, 2.9', '1.000e+4, 1.040e+1, -5.000e-1, 1.041e+1, -2.8', '1.000e+3, 1.200e+1, -3.000e+0, 1.237e+1, -14.0', '1.000e+2, 2.000e+1, -8.000e+0, 2.154e+1, -21.8']);

const dir = mkdtempSync(path.join(tmpdir(), 'faraday-ir-'));
mkdirSync(path.join(dir, 'data'));
writeFileSync(path.join(dir, 'data', 'lsv-cathodic.txt'), cathodic);
writeFileSync(path.join(dir, 'data', 'lsv-anodic.txt'), anodic);
writeFileSync(path.join(dir, 'data', 'eis.txt'), eis);
const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };

// The reference is Ag/AgCl at 0.198 V vs SHE and the catholyte pH 1.0 with slope 0.059 V:
// E(RHE) = E(ref) + 0.198 + 0.059 × 1.0 = E(ref) + 0.257 V.
const protocol = (iR: string, lsv = 'lsv-cathodic.txt', eisLine = '') => `nernst slope 0.059 V
electrolyte acid {
  0.05 M H2SO4 in water
  pH 1.0 measured
}
electrode w {
  catalyst 1 mg Au
  area 1 cm2
}
cell H {
  working w
  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE
  catholyte acid 30 mL
${iR ? `  ${iR}\n` : ''}}
run in H {
  LSV from 0 V to -0.4 V vs Ag/AgCl at 10 mV/s, data "data/${lsv}", onset at 5 mA/cm2
${eisLine}}
`;
const run = (text: string) => analyze(text, { fileName: path.join(dir, 'p.faraday'), readFile: read });
const onset = (a: Analysis) => a.values.find((v) => v.kind === 'onsetPotential')?.value;

// Uncorrected: |i| = 5 mA lies between −0.2 V (4 mA) and −0.3 V (9 mA): t = (5 − 4)/(9 − 4) = 0.2,
//   E = −0.2 + 0.2 × (−0.1) = −0.22 V vs Ag/AgCl = −0.22 + 0.257 = 0.037 V vs RHE.
// With `iR 85 % of 10 ohm`, each point moves by −0.85 × i × 10 Ω:
//   −0.2 V, −4 mA → −0.2 + 0.85 × 0.004 × 10 = −0.166 V;  −0.3 V, −9 mA → −0.3 + 0.0765 = −0.2235 V
//   onset = −0.166 + 0.2 × (−0.2235 + 0.166) = −0.1775 V  (= −0.22 + 0.85 × 10 Ω × 5 mA)
//   = −0.1775 + 0.257 = 0.0795 V vs RHE.
test('`iR 85 % of 10 ohm` moves the onset of a cathodic sweep by +0.85 × 10 Ω × 5 mA = +42.5 mV', () => {
  near(onset(run(protocol(''))), 0.037, 1e-9, 'uncorrected');
  const a = run(protocol('iR 85 % of 10 ohm'));
  near(onset(a), 0.0795, 1e-9, 'corrected');
  const v = a.values.find((x) => x.kind === 'onsetPotential')!;
  assert.equal(v.extra?.iR, 'iR-corrected (85 %)');
  assert.match(v.detail!, /recorded -0\.2200 V; iR-corrected \(85 %\)/);
});

test('an anodic sweep is corrected the other way: 0.22 − 0.85 × 10 Ω × 5 mA = 0.1775 V', () => {
  const text = (iR: string) => protocol(iR, 'lsv-anodic.txt').replace('from 0 V to -0.4 V', 'from 0 V to 0.4 V');
  near(onset(run(text(''))), 0.22 + 0.257, 1e-9, 'uncorrected');
  near(onset(run(text('iR 85 % of 10 ohm'))), 0.1775 + 0.257, 1e-9, 'corrected');
  near(correctedPotential(0.3, 9e-3, 0.85, 10), 0.3 - 0.0765, 1e-12);
});

test('compensation by the instrument: nothing more, or only the rest', () => {
  // The potentiostat did the 85 %: the file's potentials are used as recorded.
  near(onset(run(protocol('iR 85 % of 10 ohm by instrument'))), 0.037, 1e-9, 'by instrument');
  near(onset(run(protocol('iR 85 % by instrument'))), 0.037, 1e-9, 'no resistance needed');
  // 100 % wanted, 85 % by the instrument: the remaining 15 % afterwards, −0.22 + 0.15 × 10 × 0.005 = −0.2125 V.
  near(onset(run(protocol('iR 100 % of 10 ohm, 85 % by instrument'))), -0.2125 + 0.257, 1e-9, 'the rest');
  const wrong = run(protocol('iR 80 % of 10 ohm, 85 % by instrument'));
  assert.ok(wrong.diagnostics.some((d) => d.code === 'FD0531'));
});

test('`iR 100 %` parses; without a resistance nor impedance file it is one located warning and nothing is corrected', () => {
  assert.deepEqual(parseFaraday('cell H {\n  iR 100 %\n}\n').problems, []);
  const text = protocol('iR 100 %');
  const a = run(text);
  const d = a.diagnostics.find((x) => x.code === 'FD0530')!;
  assert.ok(d, 'warned');
  assert.equal(d.severity, 'warning');
  assert.equal(a.text.slice(d.span.start, d.span.end), 'iR 100 %');
  assert.match(d.message, /no recorded potential is corrected; write the resistance/);
  near(onset(a), 0.037, 1e-9, 'uncorrected');
  assert.match(a.values.find((x) => x.kind === 'onsetPotential')!.detail!, /Not iR-corrected/);
});

// High-frequency intercept: Z" changes sign between (10.0, +0.5) and (10.4, −0.5):
//   t = 0.5 / (0.5 + 0.5) = 0.5, R = 10.0 + 0.5 × 0.4 = 10.2 Ω.
// Onset with 100 % of 10.2 Ω: −0.22 + 1.0 × 10.2 Ω × 0.005 A = −0.169 V = 0.088 V vs RHE.
// (The report rounds onsets to 0.1 mV, so the inputs are chosen to give exact values.)
test('`iR 100 %` takes the resistance from the high-frequency intercept of the cell\'s EIS file', () => {
  const text = protocol('iR 100 %', 'lsv-cathodic.txt', '  EIS at 0 V vs Ag/AgCl from 100 kHz to 100 Hz, data "data/eis.txt"\n');
  const a = run(text);
  assert.ok(!a.diagnostics.some((d) => d.code === 'FD0530'));
  near(a.values.find((v) => v.kind === 'uncompensatedResistance')?.value, 10.2, 1e-12, 'R');
  near(onset(a), 0.088, 1e-9, 'corrected with R from EIS');
  // The sample's Randles file (Rs = 8 Ω, no inductive tail): the two highest-frequency points both lie at Z' = 8.000 Ω.
  const sample = analyze(readFileSync(path.resolve(__dirname, '..', '..', 'samples', 'au28cu12-si.faraday'), 'utf8'), { fileName: path.resolve(__dirname, '..', '..', 'samples', 'au28cu12-si.faraday'), readFile: read });
  const data = sample.facts.datasets.find((d) => d.data.technique === 'EIS')!.data;
  const col = (re: RegExp) => data.columns.find((c) => re.test(c.name))!.values;
  near(highFrequencyIntercept(col(/^Z'$/), col(/^Z"$/), col(/^Freq/))?.ohm, 8, 1e-9, 'sample Rs');
});

test('the LSV figure draws the corrected potentials and says so on its axis and title', () => {
  const a = run(protocol('iR 85 % of 10 ohm'));
  const fig = buildFigures(a).find((f) => f.id === 'lsv')!;
  const spec = JSON.stringify(fig.spec);
  assert.match(spec, /E \(V vs RHE\), iR-corrected \(85 %\)/);
  assert.match(spec, /Linear sweep voltammetry, iR-corrected \(85 %\)/);
  const rows = (fig.spec.layer as { data: { values: { E: number; j: number }[] } }[])[0]!.data.values;
  // The point recorded at −0.3 V, −9 mA: −0.3 + 0.0765 + 0.257 = 0.0335 V vs RHE.
  near(rows.find((r) => Math.abs(r.j - -9) < 1e-9)?.E, 0.0335, 1e-9, 'drawn point');
  const plain = buildFigures(run(protocol(''))).find((f) => f.id === 'lsv')!;
  assert.doesNotMatch(JSON.stringify(plain.spec), /iR-corrected/);
});

test('iR compensation of a result at its mean current, with the resistance as stated', () => {
  // 75 C in 1 h: 20.833 mA; i·R on 2.5 Ω = 52.08 mV; 85 % of it = 44.27 mV.
  const text = protocol('iR 85 % of 2.5 ohm').replace('LSV from', 'CA at -0.3 V vs Ag/AgCl for 1 h\n  LSV from') + 'result Au at -0.3 V vs Ag/AgCl for 1 h {\n  charge 75 C\n}\n';
  near(run(text).values.find((v) => v.kind === 'iRCompensation')?.value, 44.2708, 1e-3, 'mV');
});

test('an onset at a current density needs the electrode area; at a current it does not', () => {
  const noArea = protocol('').replace('  area 1 cm2\n', '');
  const a = run(noArea);
  assert.equal(onset(a), undefined, 'no onset on an assumed 1 cm²');
  assert.ok(a.diagnostics.some((d) => d.code === 'FD0533' && a.text.slice(d.span.start, d.span.end) === '5 mA/cm2'));
  near(onset(run(noArea.replace('onset at 5 mA/cm2', 'onset at 5 mA'))), 0.037, 1e-9, 'current criterion');
});
