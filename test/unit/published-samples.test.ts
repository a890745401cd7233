// The samples transcribed from published experimental descriptions (samples/her-acid-ptc.faraday, …):
// each parses without errors, and every number Faraday derives from it is checked against a
// calculation written out here from the sample's stated quantities and the model of its
// synthetic data (samples/data/generate.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';

const root = path.resolve(__dirname, '..', '..');
const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
function sample(name: string): { text: string; analysis: Analysis } {
  const file = path.join(root, 'samples', name);
  const text = readFileSync(file, 'utf8');
  return { text, analysis: analyze(text, { fileName: file, readFile: read }) };
}
function one(a: Analysis, kind: string, subject?: string): number {
  const found = a.values.filter((v) => v.kind === kind && (subject === undefined || v.subject === subject));
  assert.equal(found.length, 1, `one ${kind}${subject ? ` of ${subject}` : ''}: ${found.map((v) => `${v.subject}: ${v.label}`).join('; ')}`);
  return found[0]!.value as number;
}
function near(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: expected ${expected} ± ${tolerance}, got ${actual}`);
}
const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);
/** 2.303RT/F at 25 °C. */
const NERNST_25 = (Math.LN10 * 8.314462618 * 298.15) / 96485.33212;

test('HER on 40 wt% Pt/C in 0.5 M H2SO4 (Zhu et al., Nat. Commun. 2016): ink, pH, set-points, overpotential, Tafel, mass activity', () => {
  const { text, analysis: a } = sample('her-acid-ptc.faraday');
  assert.match(text, /doi:10\.1038\/ncomms12272/);
  assert.deepEqual(errors(a), []);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code), []);
  // Ink: 4 mg Pt/C in 800 + 200 µL solvents + 50 µL Nafion solution = 1050 µL → 3.8095 mg/mL.
  near(one(a, 'inkConcentration', 'PtC40'), 4 / 1.05, 1e-9, 'ink concentration (mg/mL)');
  // Loading: 5 µL × 4 mg / 1050 µL = 0.0190476 mg on 0.0707 cm² = 0.269415 mg/cm²; Pt 40 %: 107.766 µg/cm².
  const catalystMg = (4 * 5) / 1050;
  near(one(a, 'loading', 'wPtC'), catalystMg / 0.0707, 1e-9, 'loading (mg/cm²)');
  near(one(a, 'metalLoading', 'wPtC'), ((catalystMg * 0.4) / 0.0707) * 1000, 1e-6, 'Pt loading (µg/cm²)');
  // pH of 0.5 M H2SO4 (pKa −3 and 1.99): [H+] = [HSO4−] + 2[SO4 2−]. With the first step complete,
  // x = [SO4 2−] solves x² + (0.5 + Ka2)x − 0.5·Ka2 = 0, Ka2 = 10^−1.99 = 0.0102329: x = 0.0098386,
  // [H+] = 0.5098386, pH 0.29256; the incomplete first step (Ka1 = 1000) lowers [H+] to 0.509588, pH 0.29278.
  const ka2 = 10 ** -1.99;
  const x = (-(0.5 + ka2) + Math.sqrt((0.5 + ka2) ** 2 + 4 * 0.5 * ka2)) / 2;
  near(-Math.log10(0.5 + x), 0.29256, 5e-5, 'pH, first step complete');
  near(one(a, 'pH', 'acid'), 0.29278, 1e-4, 'estimated pH');
  assert.ok(codes(a).includes('FD0502'), 'the estimated pH is said');
  // Set-points vs SCE: E(SCE) = E(RHE) − 0.241 − 0.0591597 × 0.29278 = E(RHE) − 0.258321 V.
  near(one(a, 'setpoint', '0.05 V vs RHE'), 0.05 - 0.241 - NERNST_25 * 0.29278, 1e-5, 'start vs SCE');
  near(one(a, 'setpoint', '-0.10 V vs RHE'), -0.1 - 0.241 - NERNST_25 * 0.29278, 1e-5, 'end vs SCE');
  // Model j = −0.1 mA/cm² × 10^(−E/0.030 V), E_eq(H+/H2) = 0 V vs RHE:
  // 10 mA/cm² at E = −0.030 × log10(10/0.1) = −60.0 mV (read between 1 mV points of 6 figures).
  near(one(a, 'overpotential'), -60, 0.01, 'η at 10 mA/cm² (mV)');
  // Tafel over 1–10 mA/cm² (η −30 … −60 mV): slope 30 mV/dec (the published value), j0 = 0.1 mA/cm².
  near(one(a, 'tafelSlope'), 30, 1e-3, 'Tafel slope (mV/dec)');
  near(one(a, 'exchangeCurrentDensity'), 0.1, 1e-4, 'j0 (mA/cm²)');
  // Mass activity at η = −50 mV: |j| = 0.1 × 10^(50/30) = 4.64159 mA/cm², |i| = 4.64159 × 0.0707 = 0.328160 mA,
  // over 0.0190476 mg of Pt/C = 17.2284 A/g, over 0.00761905 mg Pt = 43.0710 A/g Pt.
  const i = 0.1 * 10 ** (50 / 30) * 0.0707; // mA
  near(one(a, 'massActivity'), i / catalystMg, 0.002, 'mass activity (A/g)');
  near(one(a, 'metalMassActivity'), i / (catalystMg * 0.4), 0.005, 'Pt mass activity (A/g)');
});
