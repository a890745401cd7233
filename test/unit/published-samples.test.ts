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
/** The charge of the i-t file: the run line and the result read the same file, and each reports it. */
function charges(a: Analysis): number {
  const found = a.values.filter((v) => v.kind === 'charge').map((v) => v.value as number);
  assert.equal(found.length, 2);
  assert.equal(found[0], found[1]);
  return found[0]!;
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

test('nitrate to ammonia on Au–Cu NWs/CF (Zha et al., RSC Adv. 2023): charge, calibration, FE and yield rate as published', () => {
  const { text, analysis: a } = sample('nitrate-ammonia-aucu.faraday');
  assert.match(text, /doi:10\.1039\/d3ra00679d/);
  assert.deepEqual(errors(a), []);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code), []);
  const F = 96485.33212;
  // The i-t file: I(t) = −[Iss + (I0 − Iss) e^(−t/τ)] with Q = Iss·T + (I0 − Iss)·τ·(1 − e^(−T/τ)) = 8F·n/0.841,
  // n = 5336.0 µg / 17.031 g/mol = 313.311 µmol → Q = 287.5616 C; the trapezoid over 1 s points adds
  // (I0 − Iss)·h²/(12τ) ≈ 0.070 A × 1 s² / 360 s = 0.0002 C.
  const q = (8 * F * (5336.0e-6 / 17.031)) / 0.841;
  near(q, 287.5616, 1e-4, 'charge of the model');
  near(charges(a), q, 5e-4, 'integrated charge (C)');
  near(one(a, 'meanCurrent', 'AuCu-NW'), (q / 3600) * 1000, 1e-3, 'mean current (mA)');
  // Set-point vs Ag/AgCl (sat. KCl, 0.197 V) at the estimated pH 14.00 of 1 M KOH: −1.05 − 0.197 − 0.0591597 × 14 = −2.07524 V.
  near(one(a, 'pH', 'nitrate'), 14, 1e-9, 'estimated pH');
  for (const v of a.values.filter((x) => x.kind === 'setpoint')) near(v.value as number, -1.05 - 0.197 - NERNST_25 * 14, 2e-5, 'set-point vs Ag/AgCl');
  // Indophenol standards: x̄ = 0.875 mg/L, ȳ = 0.4321667, Sxx = 2.96875, Sxy = 1.423375:
  // slope 1.423375 / 2.96875 = 0.4794526 per mg/L, intercept 0.4321667 − 0.4794526 × 0.875 = 0.0126456.
  const xs = [0, 0.25, 0.5, 1, 1.5, 2];
  const ys = [0.013, 0.131, 0.254, 0.49, 0.735, 0.97];
  const slope = 1.423375 / 2.96875;
  const intercept = 2.593 / 6 - slope * 0.875;
  near(one(a, 'calibrationSlope', 'indophenol'), slope, 1e-12, 'slope');
  near(one(a, 'calibrationIntercept', 'indophenol'), intercept, 1e-12, 'intercept');
  // Reading 0.7140: (0.7140 − 0.0126456) / 0.4794526 = 1.462823 mg/L, × 100 (50 µL to 5 mL) = 146.2823 mg/L NH3-N.
  const cN = ((0.714 - intercept) / slope) * 100;
  near(one(a, 'concentration', 'AuCu-NW/NH3-N'), cN, 1e-9, 'NH3-N in the catholyte (mg/L)');
  // s_x0 = (s_y/x / b)·√(1/1 + 1/6 + (0.714 − ȳ)²/(b²·Sxx)), s_y/x = √(SSE/4), × 100.
  const sse = xs.reduce((s, x, k) => s + (ys[k]! - (intercept + slope * x)) ** 2, 0);
  const sx0 = (Math.sqrt(sse / 4) / slope) * Math.sqrt(1 + 1 / 6 + (0.714 - 2.593 / 6) ** 2 / (slope ** 2 * 2.96875)) * 100;
  const c = a.values.find((v) => v.kind === 'concentration')!;
  near((c.extra as { uncertainty: number }).uncertainty, sx0, 1e-9, 's_x0 (mg/L)');
  // Ammonia in 30 mL: 146.2823 mg/L × 0.030 L / 14.007 g/mol = 0.3133054 mmol; 3.00 mmol KNO3 held: 10.44 % converted.
  const mmol = (cN * 0.03) / 14.007;
  near(one(a, 'productAmount', 'AuCu-NW/NH3'), mmol, 1e-9, 'NH3 (mmol)');
  near(one(a, 'conversion', 'AuCu-NW'), (mmol / 3) * 100, 1e-6, 'nitrate converted (%)');
  // FE = 8 × F × 0.3133054 mmol / 287.5619 C = 84.10 % (published 84.1 ± 1.0 %).
  const fe = (8 * F * mmol * 1e-3) / charges(a) * 100;
  near(one(a, 'faradaicEfficiency', 'AuCu-NW/NH3'), fe, 1e-9, 'FE(NH3) (%)');
  near(fe, 84.1, 0.05, 'FE as published');
  // Yield: 0.3133054 mmol × 17.031 g/mol per 1 h per 1 cm² = 5335.9 µg h⁻¹ cm⁻² (published 5336.0 ± 159.2).
  near(one(a, 'yieldRate', 'AuCu-NW/NH3'), mmol * 17.031 * 1000, 1e-6, 'yield (µg/h/cm²)');
  near(one(a, 'yieldRate', 'AuCu-NW/NH3'), 5336.0, 1, 'yield as published');
});

test('yield rates: per area and per mass, in mass or amount; a unit that is none says so, and so does a missing basis', () => {
  const { text } = sample('nitrate-ammonia-aucu.faraday');
  const file = path.join(root, 'samples', 'nitrate-ammonia-aucu.faraday');
  const run = (t: string) => analyze(t, { fileName: file, readFile: read });
  const yields = (a: Analysis) => a.values.filter((v) => v.kind === 'yieldRate').map((v) => [v.unit, v.value as number] as const);
  const line = /  yield in µg\/h\/cm2 .*\n/;
  // No catalyst mass on the binder-free electrode: per-mass yields are said to be missing (FD0346), not guessed.
  const perMass = run(text.replace(line, '  yield in µg/h/mg, µmol/h/cm2\n'));
  assert.deepEqual(perMass.diagnostics.filter((d) => d.code === 'FD0346').map((d) => d.severity), ['information']);
  // µmol/h/cm2: 313.3054 µmol per 1 h per 1 cm².
  const mmol = a0mmol();
  assert.deepEqual(yields(perMass).map(([u]) => u), ['umol/h/cm2']);
  near(yields(perMass)[0]![1], mmol * 1000, 1e-6, 'µmol/h/cm²');
  // With a stated loading of 2 mg/cm² on 1 cm²: 5335.9 / 2 = 2667.95 µg/h/mg and 313.3054 / 2 = 156.65 µmol/h/mg.
  const loaded = run(text.replace(line, '  yield in µg/h/mg, µmol/h/mg\n').replace('  area 1 cm2 ', '  loading 2 mg/cm2\n  area 1 cm2 '));
  assert.ok(!codes(loaded).includes('FD0346'));
  const [[u1, v1], [u2, v2]] = yields(loaded) as [[string, number], [string, number]];
  assert.equal(u1, 'ug/h/mg');
  near(v1, (mmol * 17.031 * 1000) / 2, 1e-6, 'µg/h/mg');
  assert.equal(u2, 'umol/h/mg');
  near(v2, (mmol * 1000) / 2, 1e-6, 'µmol/h/mg');
  // A concentration is no yield rate: a warning at the unit, and nothing shown in it.
  const wrong = run(text.replace(line, '  yield in mg/L\n'));
  const w = wrong.diagnostics.find((d) => d.code === 'FD0345')!;
  assert.equal(w.severity, 'warning');
  assert.equal(text.replace(line, '  yield in mg/L\n').slice(w.span.start, w.span.end), 'mg/L');
  assert.deepEqual(yields(wrong), []);

  function a0mmol(): number {
    const slope = 1.423375 / 2.96875;
    const intercept = 2.593 / 6 - slope * 0.875;
    return (((0.714 - intercept) / slope) * 100 * 0.03) / 14.007;
  }
});

test('standards exactly on a line: no uncertainty made of rounding residuals', () => {
  const { text } = sample('nitrate-ammonia-aucu.faraday');
  const file = path.join(root, 'samples', 'nitrate-ammonia-aucu.faraday');
  // A = 0.012 + 0.480 c exactly: the residuals are rounding (about 1e-17), not scatter.
  const exact = text.replace(/standards mg\/L -> absorbance \{[^}]*\}/, 'standards mg/L -> absorbance { 0 -> 0.012; 0.25 -> 0.132; 0.5 -> 0.252; 1 -> 0.492; 1.5 -> 0.732; 2 -> 0.972 }');
  const a = analyze(exact, { fileName: file, readFile: read });
  assert.deepEqual(errors(a), []);
  const c = a.values.find((v) => v.kind === 'concentration')!;
  // (0.7140 − 0.012) / 0.480 × 100 = 146.25 mg/L, with no ± (there is no residual scatter to count).
  near(c.value as number, 146.25, 1e-9, 'concentration');
  assert.equal(c.label, '146.25 mg/L NH3-N');
  assert.equal((c.extra as { uncertainty?: number } | undefined)?.uncertainty, undefined);
  assert.equal(one(a, 'calibrationLOD', 'indophenol'), 0);
});

test('ORR on N-Fe-CNT/CNP at 900 rpm (Chung et al., Nat. Commun. 2013): the rpm series has its Tafel slope, overpotential and mass activity', () => {
  const { text, analysis: a } = sample('orr-rde-nfe-cnt.faraday');
  assert.match(text, /doi:10\.1038\/ncomms2944/);
  assert.deepEqual(errors(a), []);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code), []);
  const F = 96485.33212;
  // Levich: B = 0.62 × 4 × F × (1.9e-5)^(2/3) × 0.01^(−1/6) × 1.2e-6 = 0.62 × 4 × 96485.33 × 7.1203e-4 × 2.15443 × 1.2e-6
  // = 4.4048e-4 A/cm² per (rad/s)^½; ω = 2π × 900/60 = 94.248 rad/s: jL = 4.4048e-4 × 9.7081 = 4.2762 mA/cm².
  const jl = 0.62 * 4 * F * (1.9e-5) ** (2 / 3) * 0.01 ** (-1 / 6) * 1.2e-6 * Math.sqrt((2 * Math.PI * 900) / 60) * 1000;
  near(jl, 4.2762, 1e-4, 'limiting current density (mA/cm²)');
  const j = (e: number) => 1 / (1 / 10 ** ((0.85 - e) / 0.06) + 1 / jl); // |j|, mA/cm²
  // Loading stated, 1.0 mg/cm²; mass activity at 0.90 V: |j| = 1/(1/0.146780 + 1/4.2762) = 0.141909 mA/cm²,
  // over 1.0 mg/cm² = 0.141909 A/g.
  near(one(a, 'loading', 'wNFe'), 1, 1e-12, 'loading');
  near(one(a, 'massActivity'), j(0.9) / 1.0, 1e-5, 'mass activity (A/g)');
  // Tafel over 0.90–1.00 V vs RHE: the six recorded steps 0.90, 0.92, …, 1.00 V; η = E − 1.228834 V
  // (O2/OH−, 2 × 237.129 kJ/mol / 4F); least squares of η on log10|j|. Transport lowers |j| by 3.3 % at 0.90 V,
  // so the slope is 60.5 mV/dec rather than the kinetic 60.
  const eEq = (2 * 237129) / (4 * F);
  const pts = [0.9, 0.92, 0.94, 0.96, 0.98, 1.0].map((e) => ({ x: Math.log10(j(e)), y: (e - eEq) * 1000 }));
  const mx = pts.reduce((s, p) => s + p.x, 0) / 6;
  const my = pts.reduce((s, p) => s + p.y, 0) / 6;
  const slope = pts.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / pts.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  near(one(a, 'tafelSlope'), Math.abs(slope), 0.01, 'Tafel slope (mV/dec)');
  near(Math.abs(slope), 60.48, 0.01, 'Tafel slope, by hand');
  // j0: the line at η = 0, log10 j0 = x̄ − ȳ/slope.
  near(Math.log10(one(a, 'exchangeCurrentDensity')), mx - my / slope, 0.002, 'log10 j0');
  // η at 1 mA/cm²: between the steps at 0.86 V (|j| = 0.58767) and 0.84 V (|j| = 1.09273), linearly:
  // E = 0.86 − 0.02 × (1 − 0.58767)/(1.09273 − 0.58767) = 0.843672 V, η = −385.16 mV (the model's own
  // 0.843059 V is between the 20 mV steps: read from the record, not from the model).
  const e1 = 0.86 - (0.02 * (1 - j(0.86))) / (j(0.84) - j(0.86));
  near(one(a, 'overpotential'), (e1 - eEq) * 1000, 0.01, 'η at 1 mA/cm² (mV)');
});

test('CO2 to CO on a cobalt-catalyst electrode (Nat. Commun. 2020, Table 1 entry 1): moles from the headspace, FE as published, pH of CO2-saturated KHCO3', () => {
  const { text, analysis: a } = sample('co2-reduction-cobalt.faraday');
  assert.match(text, /doi:10\.1038\/s41467-020-17125-4/);
  assert.deepEqual(errors(a), []);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code), []);
  const F = 96485.33212;
  // i-t model: Q = 1.22 mA × 7200 s = 8.784 C; the trapezoid over 2 s points adds (I0 − Iss)·h²/(12τ)
  // = 0.78 mA × 4 s² / 240 s = 1.3e-5 C.
  const q = charges(a);
  near(q, 8.784, 3e-5, 'charge (C)');
  // Set-point vs Ag/AgCl (sat. KCl) at the published pH 6.8: −0.51 − 0.197 − 0.0591597 × 6.8 = −1.109286 V.
  for (const v of a.values.filter((x) => x.kind === 'setpoint')) near(v.value as number, -0.51 - 0.197 - NERNST_25 * 6.8, 1e-5, 'set-point');
  // FE = 2F·N/Q: CO 2 × 96485.33 × 28.68 µmol / 8.78401 C = 63.01 %, H2 2 × 96485.33 × 7.283 µmol / 8.78401 C = 16.00 %
  // (published 63 and 16 %); their sum 79.0 % is below 80 %, and the note says every declared product was read.
  near(one(a, 'productAmount', 'Co-cat/CO'), 0.02868, 1e-12, 'CO (mmol)');
  near(one(a, 'faradaicEfficiency', 'Co-cat/CO'), ((2 * F * 28.68e-6) / q) * 100, 1e-9, 'FE(CO)');
  near(one(a, 'faradaicEfficiency', 'Co-cat/H2'), ((2 * F * 7.283e-6) / q) * 100, 1e-9, 'FE(H2)');
  near(one(a, 'faradaicEfficiency', 'Co-cat/CO'), 63, 0.01, 'FE(CO) as published');
  near(one(a, 'faradaicEfficiency', 'Co-cat/H2'), 16, 0.01, 'FE(H2) as published');
  near(one(a, 'faradaicEfficiencySum', 'Co-cat'), 79, 0.02, 'ΣFE');
  const note = a.diagnostics.find((d) => d.code === 'FD0550')!;
  assert.match(note.message, /every declared product was read/);
  assert.doesNotMatch(note.message, /not measured: +\(/);
  // Partial current density of CO: 0.63005 × 1.2200 mA / 1 cm² = 0.7687 mA/cm²; yield 28.68 µmol / 2 h / 1 cm².
  near(one(a, 'partialCurrentDensity', 'Co-cat/CO'), (one(a, 'faradaicEfficiency', 'Co-cat/CO') / 100) * (q / 7200) * 1000, 1e-9, 'j(CO)');
  near(one(a, 'yieldRate', 'Co-cat/CO'), 0.02868 / 2, 1e-12, 'CO yield (mmol/h/cm²)');
  // Without the published pH, the estimate for 0.1 M KHCO3 under 1 atm CO2: [H+] ≈ Ka1·[CO2]/[HCO3−]
  // = 10^−6.35 × 0.034 / 0.1 = 1.5183e-7, pH 6.8186, the published 6.8 to its precision.
  const file = path.join(root, 'samples', 'co2-reduction-cobalt.faraday');
  const estimated = analyze(text.replace(/  pH 6\.8 measured.*\n/, ''), { fileName: file, readFile: read });
  near(one(estimated, 'pH', 'bicarbonate'), -Math.log10((10 ** -6.35 * 0.034) / 0.1), 2e-3, 'estimated pH');
  near(one(estimated, 'pH', 'bicarbonate'), 6.8, 0.05, 'estimated pH against the published 6.8');
});

test('a product stated as moles: replicates, a nitrogen basis, and no calibration', () => {
  const { text } = sample('co2-reduction-cobalt.faraday');
  const file = path.join(root, 'samples', 'co2-reduction-cobalt.faraday');
  const run = (t: string) => analyze(t, { fileName: file, readFile: read });
  // Three headspace injections: mean 28.68 µmol, sample SD √(((−0.18)² + 0.22² + (−0.04)²)/2) = 0.2030 µmol.
  const rep = run(text.replace('CO 28.68 µmol by GC', 'CO 28.50, 28.90, 28.64 µmol by GC'));
  const amount = rep.values.find((v) => v.kind === 'productAmount' && v.subject === 'Co-cat/CO')!;
  near(amount.value as number, 0.02868, 1e-12, 'mean (mmol)');
  near((amount.extra as { uncertainty: number }).uncertainty, Math.sqrt((0.18 ** 2 + 0.22 ** 2 + 0.04 ** 2) / 2) / 1000, 1e-12, 'SD (mmol)');
  // On a nitrogen basis a mole is a mole of N: 5 µmol of N2H4-N is 2.5 µmol N2H4.
  const hydrazine = run(text.replace('reaction H2 :', 'reaction N2H4 : N2 + 4 H2O + 4 e- -> N2H4 + 4 OH-\nreaction H2 :').replace('H2 7.283 µmol by GC', 'N2H4-N 5 µmol by titration'));
  near(one(hydrazine, 'productAmount', 'Co-cat/N2H4'), 0.0025, 1e-12, 'N2H4 (mmol)');
  // A calibration turns responses into concentrations: an amount through one is an error at the value.
  const withCal = run(`${text}\ncalibration ic { analyte CO; standards mg/L -> area { 0 -> 0; 1 -> 100; 2 -> 205 } }\n`.replace('CO 28.68 µmol by GC', 'CO 28.68 µmol by ic'));
  const e = withCal.diagnostics.find((d) => d.code === 'FD0522')!;
  assert.equal(e.severity, 'error');
  assert.match(e.message, /is an amount of CO/);
});

test('OER on binder-free NiFe-MOF/Ni foam at 10 mg/cm² (Wang et al., Mater. Chem. Front. 2023): η10 as published, Tafel, j0, mass activity, set current, 666 h drift', () => {
  const { text, analysis: a } = sample('oer-binder-free-nife-mof.faraday');
  assert.match(text, /doi:10\.1039\/d3qm00614j/);
  assert.deepEqual(errors(a), []);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code), []);
  // Binder-free: the stated loading is the loading, 10 mg/cm² on 1 cm² = 10 mg of catalyst.
  near(one(a, 'loading', 'wNiFeMOF'), 10, 1e-12, 'loading (mg/cm²)');
  // Sweep vs Hg/HgO (0.098 V) at the estimated pH 14: E(Hg/HgO) = E(RHE) − 0.098 − 0.0591597 × 14 = E(RHE) − 0.926236 V.
  near(one(a, 'setpoint', '1.30 V vs RHE'), 1.3 - 0.098 - NERNST_25 * 14, 1e-5, 'start vs Hg/HgO');
  // Model j = 10 mA/cm² × 10^((η − 0.226 V)/0.040 V): η at 10 mA/cm² is the published 226 mV (read between 1 mV points).
  near(one(a, 'overpotential'), 226, 0.01, 'η10 (mV)');
  // Tafel over 1–100 mA/cm²: 40 mV/dec; j0 = 10 × 10^(−226/40) = 10 × 10^−5.65 = 2.2387e-5 mA/cm².
  near(one(a, 'tafelSlope'), 40, 1e-4, 'Tafel slope (mV/dec)');
  near(one(a, 'exchangeCurrentDensity'), 10 * 10 ** -5.65, 1e-8, 'j0 (mA/cm²)');
  // Mass activity at η = 300 mV: |j| = 10 × 10^(74/40) = 707.95 mA/cm², over 10 mg/cm² = 70.795 A/g
  // (the record is read between 1 mV points, where the exponential is bowed: +0.02 %).
  near(one(a, 'massActivity'), (10 * 10 ** (0.074 / 0.04)) / 10, 0.05, 'mass activity (A/g)');
  // CP at the published 100 mA/cm² on 1 cm²: 100 mA; the drift over 666 h is the model's 0.010 mV/h.
  near(one(a, 'setCurrent', '100 mA/cm2'), 100, 1e-9, 'set current (mA)');
  near(one(a, 'potentialDrift'), 0.01, 1e-6, 'drift (mV/h)');
});
