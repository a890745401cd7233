// Rotating-disk ORR: the sample's four sweeps (samples/data/generate.ts) follow
// Koutecký–Levich with n = 4, C = 1.26e-3 × 10^(−0.1746 × 0.1) mol/L (Davis et al.
// 1967 at 0.1 M KOH), D = 1.9e-5 cm²/s, ν = 0.01 cm²/s, and jk = 2 mA/cm² ×
// 10^((0.9 V − E)/0.060 V); the analysis must give n and jk back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { angularRate, kouteckyLevich, levichPerElectron } from '../../server/src/electrochem/koutecky-levich';
import { buildFigures } from '../../server/src/plots/figures';

const root = path.resolve(__dirname, '..', '..');
const samplePath = path.join(root, 'samples', 'orr-rde-pt.faraday');
const sample = readFileSync(samplePath, 'utf8');
const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
const run = (text = sample, extra: Record<string, string> = {}): Analysis =>
  analyze(text, { fileName: samplePath, readFile: (f) => extra[path.basename(f)] ?? read(f) });
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);
const of = (a: Analysis, kind: string) => a.values.filter((v) => v.kind === kind);
const F = 96485.33212;

test('Levich B per electron, in SI, equals the textbook CGS value', () => {
  // 0.62 F D^(2/3) ν^(−1/6) C in cm, s, mol: 0.62 × 96485.33 × 7.1203e-4 × 2.15443 × 1.2e-6 = 1.1012e-4 A/cm² per (rad/s)^½.
  const cgs = 0.62 * F * (1.9e-5) ** (2 / 3) * 0.01 ** (-1 / 6) * 1.2e-6;
  const si = levichPerElectron(1.9e-9, 1e-6, 1.2); // A/m² per (rad/s)^½
  assert.ok(Math.abs(si / 1e4 / cgs - 1) < 1e-12);
  assert.ok(Math.abs(cgs - 1.1012e-4) < 1e-8, `${cgs}`);
  // 1600 rpm = 26.667 rev/s = 167.55 rad/s.
  assert.ok(Math.abs(angularRate(1600 / 60) - 167.5516) < 1e-4);
});

test('Koutecký–Levich on exact points: n and jk come back; a line through the origin has no kinetic limit', () => {
  const perElectron = levichPerElectron(1.9e-9, 1e-6, 1.2);
  const omegas = [400, 900, 1600, 2500].map((rpm) => angularRate(rpm / 60));
  const points = omegas.map((omega) => ({ omega, j: -1 / (1 / 50 + 1 / (2 * perElectron * Math.sqrt(omega))) }));
  const fit = kouteckyLevich(points, perElectron)!;
  assert.ok(Math.abs(fit.electrons - 2) < 1e-9);
  assert.ok(Math.abs(fit.kinetic! - 50) < 1e-9);
  assert.ok(fit.r2 > 0.999999);
  const limited = kouteckyLevich(omegas.map((omega) => ({ omega, j: 4 * perElectron * Math.sqrt(omega) })), perElectron)!;
  assert.ok(Math.abs(limited.electrons - 4) < 1e-9);
  assert.equal(limited.kinetic, undefined);
  assert.equal(kouteckyLevich(points.slice(0, 1), perElectron), undefined);
});

test('the sample series: n = 4 and the model\'s kinetic current at 0.80, 0.85 and 0.90 V vs RHE', () => {
  const a = run();
  const n = of(a, 'kouteckyLevichElectrons');
  assert.deepEqual(n.map((v) => v.subject), ['0.80', '0.85', '0.90'].map((e) => `LSV data/orr-pt-{rpm}.txt at ${e} V vs RHE`));
  // The files keep 6 figures of the current: n within 0.1 %.
  for (const v of n) assert.ok(Math.abs((v.value as number) - 4) < 0.004, `${v.subject}: ${v.value}`);
  const jk = of(a, 'kineticCurrentDensity');
  [0.8, 0.85, 0.9].forEach((e, i) => {
    const model = 2 * 10 ** ((0.9 - e) / 0.06);
    assert.ok(Math.abs((jk[i]!.value as number) / model - 1) < 0.002, `${e}: ${jk[i]!.value} vs ${model}`);
  });
  // The library's O2 data for 0.1 M KOH were used, and said.
  const info = a.diagnostics.find((d) => d.code === 'FD0585')!;
  assert.match(info.message, /0\.1 M KOH/);
  assert.match(info.message, /Davis/);
});

test('transport data stated in the electrolyte replace the library\'s', () => {
  // Twice the concentration: the same slope gives half the electrons.
  const stated = sample.replace('  pH 13.0 measured\n', '  pH 13.0 measured\n  solubility O2 2.42076e-6 mol/cm3\n  diffusivity O2 1.9e-5 cm2/s\n  viscosity 0.01 cm2/s\n');
  const a = run(stated);
  for (const v of of(a, 'kouteckyLevichElectrons')) assert.ok(Math.abs((v.value as number) - 2) < 0.003, `${v.value}`);
  assert.ok(!codes(a).includes('FD0585'));
  // Only some of them stated: nothing is guessed.
  const partial = run(sample.replace('  pH 13.0 measured\n', '  pH 13.0 measured\n  viscosity 0.01 cm2/s\n'));
  assert.ok(codes(partial).includes('FD0584'));
  assert.equal(of(partial, 'kouteckyLevichElectrons').length, 0);
  // 1 M KOH is not in the library; 0.1 M HClO4 is.
  assert.ok(codes(run(sample.replace('0.1 M KOH in water', '1 M KOH in water'))).includes('FD0584'));
  const acid = run(sample.replace('0.1 M KOH in water', '0.1 M HClO4 in water').replace('pH 13.0', 'pH 1.0'));
  assert.match(acid.diagnostics.find((d) => d.code === 'FD0585')!.message, /0\.1 M HClO4.*1\.26e-6 mol\/cm³/);
});

test('Koutecký–Levich needs rotation rates, a file per rate and at least two of them', () => {
  const line = /^  LSV .*$/m;
  const noRpm = run(sample.replace(line, '  LSV from 1.1 V to 0.2 V vs RHE at 10 mV/s, data "data/orr-pt-1600.txt", koutecky-levich at 0.85 V vs RHE'));
  assert.ok(codes(noRpm).includes('FD0590'));
  const noList = run(sample.replace(line, '  LSV from 1.1 V to 0.2 V vs RHE at 10 mV/s, data "data/orr-pt-{rpm}.txt"'));
  assert.ok(codes(noList).includes('FD0753'));
  const single = run(sample.replace(line, '  LSV from 1.1 V to 0.2 V vs RHE at 10 mV/s at 1600 rpm, data "data/orr-pt-1600.txt", KL at 0.85 V vs RHE'));
  assert.ok(codes(single).includes('FD0583'));
  // At 0.3 V the current is at its limit in every file: n from the slope, no kinetic current (the intercept is
  // within rounding of zero, so the kinetic current is either absent, with FD0586, or far above any measured current).
  const limited = run(sample.replace('koutecky-levich at 0.80, 0.85, 0.90 V vs RHE', 'koutecky-levich at 0.3 V vs RHE'));
  assert.ok(Math.abs((of(limited, 'kouteckyLevichElectrons')[0]!.value as number) - 4) < 0.004);
  const jk = of(limited, 'kineticCurrentDensity')[0];
  assert.ok(codes(limited).includes('FD0586') || (jk !== undefined && (jk.value as number) > 1000));
});

test('a series whose current is linear in ω^½ through the origin has no kinetic current, said (FD0586)', () => {
  // Two synthetic files, purely diffusion-limited: j = −B ω^½ with n = 4 at every potential.
  const perElectron = levichPerElectron(1.9e-9, 1e-6, 1.26 * 10 ** (-0.1746 * 0.1)); // C in mol/m³
  const file = (rpm: number) => {
    const j = -4 * perElectron * Math.sqrt(angularRate(rpm / 60)) * 1e-4; // A/cm²
    const rows = Array.from({ length: 11 }, (_, k) => `${(0.2 - k * 0.1).toFixed(3)}, ${(j * 0.196).toExponential(6)}`);
    return ['Nov. 24, 2026', 'Linear Sweep Voltammetry', 'Scan Rate (V/s) = 0.01', '', 'Potential/V, Current/A', '', ...rows, ''].join('\n');
  };
  const text = sample.replace(/^  LSV .*$/m, '  LSV from 1.132 V to 0.132 V vs RHE at 10 mV/s at 400, 1600 rpm, data "data/limit-{rpm}.txt", KL at 0.632 V vs RHE');
  const a = run(text, { 'limit-400.txt': file(400), 'limit-1600.txt': file(1600) });
  assert.ok(codes(a).includes('FD0586'), JSON.stringify(a.diagnostics.map((d) => d.message)));
  assert.ok(Math.abs((of(a, 'kouteckyLevichElectrons')[0]!.value as number) - 4) < 1e-4);
  assert.equal(of(a, 'kineticCurrentDensity').length, 0);
});

test('the LSV figure tells the rotation rates apart; the Koutecký–Levich plot has a line per potential', () => {
  const figures = buildFigures(run());
  const lsv = figures.find((f) => f.id === 'lsv')!;
  const series = new Set(((lsv.spec.layer as { data: { values: { series: string }[] } }[])[0]!.data.values).map((r) => r.series));
  assert.deepEqual([...series], ['Pt/C in KOH01, 400 rpm', 'Pt/C in KOH01, 900 rpm', 'Pt/C in KOH01, 1600 rpm', 'Pt/C in KOH01, 2500 rpm']);
  const kl = figures.find((f) => f.id === 'koutecky-levich')!;
  const points = (kl.spec.layer as { data: { values: { potential: string }[] } }[])[1]!.data.values;
  assert.equal(points.length, 12);
  assert.match(JSON.stringify(kl.spec.title), /n = 4\.00 at 0\.85 V vs RHE/);
});
