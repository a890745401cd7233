// A result (and a plan) takes its electrolyte volume, electrode area, catalyst
// mass and pH from the cell it was measured in, found through its run or named
// with `in CELL`; never from the first cell of the protocol.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { parseFaraday } from '../../server/src/syntax/parse';

const F = 96485.33212;
const near = (a: number | string | undefined, b: number, tol: number, what = '') => assert.ok(typeof a === 'number' && Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const valueOf = (a: Analysis, kind: string, subject: string) => a.values.find((v) => v.kind === kind && v.subject === subject)?.value;
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);

// Cell B is declared first, so "the first cell" is the wrong one for a result run in A.
// Calibration y = 0.5 x exactly; a reading of 0.25 is 0.5 mg/L, ×10 dilution = 5 mg/L NH3-N.
const twoCells = (result: string, runs = 'run in B {\n  CA at -0.9 V vs RHE for 2 h\n}\nrun in A {\n  CA at -0.8 V vs RHE for 2 h\n}\n') => `nernst slope 0.059 V
electrolyte nitrate {
  0.1 M KNO3 in water
  pH 1.0 measured
}
electrode wB {
  catalyst 2 mg Au28Cu12
  area 2 cm2
}
electrode wA {
  catalyst 1 mg Au28Cu12
  area 1 cm2
}
cell B {
  working wB
  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE
  catholyte nitrate 60 mL
}
cell A {
  working wA
  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE
  catholyte nitrate 30 mL
}
${runs}reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O
calibration c {
  analyte NH3-N
  dilute 1 mL to 10 mL
  standards mg/L -> absorbance { 0 -> 0; 1 -> 0.5; 2 -> 1.0 }
}
${result}`;

const resultAt = (potential: string, header = '') => `result Au28Cu12 at ${potential} V vs RHE for 2 h${header} {\n  charge 10 C\n  NH3-N absorbance 0.25 by c\n  yield in µg/h/mg, mmol/h/cm2\n}\n`;

// Hand calculation for cell A (30 mL, 1 mg, 1 cm²):
//   N = 5 mg/L × 0.030 L / 14.007 g/mol = 0.15 mg / 14.007 = 0.0107089 mmol NH3
//   FE = 8 × 96485.33212 C/mol × 1.070893e-5 mol / 10 C = 82.660 %
//   yield per mg = 1.07089e-5 mol × 17.031 g/mol / 2 h / 1 mg = 91.19 µg/h/mg
// In cell B (60 mL, 2 mg, 2 cm²) the amount would be twice as large: 0.0214178 mmol.
const molA = (5e-3 * 0.030) / 14.007;
const molB = (5e-3 * 0.060) / 14.007;

test('two cells: a result run in A takes A\'s catholyte volume, catalyst mass and area, and A counts as used', () => {
  const a = analyze(twoCells(resultAt('-0.8')));
  assert.equal(valueOf(a, 'cell', 'Au28Cu12'), 'A');
  near(valueOf(a, 'productAmount', 'Au28Cu12/NH3'), molA * 1000, 1e-7, 'NH3 mmol in 30 mL');
  near(molA * 1000, 0.0107089, 1e-7, 'hand value');
  near(valueOf(a, 'faradaicEfficiency', 'Au28Cu12/NH3'), (8 * F * molA / 10) * 100, 1e-9, 'FE');
  near(valueOf(a, 'faradaicEfficiency', 'Au28Cu12/NH3'), 82.660, 1e-3, 'FE by hand');
  const yields = a.values.filter((v) => v.kind === 'yieldRate' && v.subject === 'Au28Cu12/NH3');
  near(yields[0]?.value, (molA * 17.031 * 1e6) / 2 / 1, 0.01, 'µg/h/mg over 1 mg'); // 91.19
  near(yields[1]?.value, (molA * 1000) / 2 / 1, 1e-9, 'mmol/h/cm2 over 1 cm²');
  assert.ok(!a.diagnostics.some((d) => d.code === 'FD0203' && /cell `A`/.test(d.message)), 'A is used by its result');
  assert.ok(!codes(a).includes('FD0210') && !codes(a).includes('FD0211'));
  // The set-point of the result converts through A's pH: −0.8 − 0.198 − 0.059 × 1.0 = −1.057 V vs Ag/AgCl.
  near(a.values.find((v) => v.kind === 'setpoint' && v.subject === '-0.8 V vs RHE' && v.span.start > a.text.indexOf('result'))?.value as number, -1.057, 1e-9, 'set-point');
});

test('a result whose run is in B takes B\'s 60 mL', () => {
  const a = analyze(twoCells(resultAt('-0.9')));
  assert.equal(valueOf(a, 'cell', 'Au28Cu12'), 'B');
  near(valueOf(a, 'productAmount', 'Au28Cu12/NH3'), molB * 1000, 1e-7, 'NH3 mmol in 60 mL'); // 0.0214178
});

test('several fitting cells are an error naming them, with an `in CELL` fix whose text parses', () => {
  const both = 'run in B {\n  CA at -0.8 V vs RHE for 2 h\n}\nrun in A {\n  CA at -0.8 V vs RHE for 2 h\n}\n';
  const text = twoCells(resultAt('-0.8'), both);
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === 'FD0210')!;
  assert.ok(d, 'ambiguous');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /several cells fit `result Au28Cu12 at -0\.8 V vs RHE for 2 h`: B, A; say which one with `in B`/);
  assert.equal(valueOf(a, 'productAmount', 'Au28Cu12/NH3'), undefined, 'no guess');
  const fix = d.fixes!.find((f) => f.title.includes('in A'))!;
  const edit = fix.edits[0]!;
  const fixed = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  assert.ok(fixed.includes('result Au28Cu12 at -0.8 V vs RHE for 2 h in A {'));
  assert.deepEqual(parseFaraday(fixed).problems, []);
  const b = analyze(fixed);
  assert.ok(!codes(b).includes('FD0210'));
  assert.equal(valueOf(b, 'cell', 'Au28Cu12'), 'A');
  near(valueOf(b, 'productAmount', 'Au28Cu12/NH3'), molA * 1000, 1e-7, 'bound to A');
});

test('no fitting cell is an error, and the values that need a cell are absent', () => {
  const a = analyze(twoCells(resultAt('-0.85')));
  const d = a.diagnostics.find((x) => x.code === 'FD0211');
  assert.ok(d && d.severity === 'error' && /no cell fits `result Au28Cu12 at -0\.85 V vs RHE for 2 h`/.test(d.message), d?.message);
  assert.equal(valueOf(a, 'productAmount', 'Au28Cu12/NH3'), undefined);
  assert.ok(codes(a).includes('FD0514'), 'the volume is said to be missing');
});

test('`in CELL` on the header binds explicitly, also against the runs', () => {
  const a = analyze(twoCells(resultAt('-0.8', ' in B')));
  assert.equal(valueOf(a, 'cell', 'Au28Cu12'), 'B');
  near(valueOf(a, 'productAmount', 'Au28Cu12/NH3'), molB * 1000, 1e-7, 'B by name');
  const unknown = analyze(twoCells(resultAt('-0.8', ' in C')));
  assert.ok(unknown.diagnostics.some((x) => x.code === 'FD0202' && /unknown cell `C`/.test(x.message)));
});

test('a plan binds to its cell the same way: -0.9 V for 2 h is B, whose electrode has 2 cm²', () => {
  // −5 mA/cm² × 2 cm² = 10 mA for 7200 s = 72 C (on A's 1 cm² it would be 36 C).
  const a = analyze(twoCells('plan Au28Cu12 at -0.9 V vs RHE for 2 h {\n  expect current density -5 mA/cm2\n}\n'));
  assert.equal(valueOf(a, 'cell', 'Au28Cu12'), 'B');
  near(valueOf(a, 'expectedCharge', 'Au28Cu12'), 72, 1e-9, 'charge over B');
});

test('a cell without runs that holds the result\'s catalyst is its only candidate, and is not "never used"', () => {
  const text = twoCells(resultAt('-0.8'), 'run in A {\n  CA at -0.7 V vs RHE for 2 h\n}\n').replace('catalyst 2 mg Au28Cu12', 'catalyst 2 mg Au25').replace('result Au28Cu12', 'result Au25');
  const a = analyze(text);
  assert.equal(valueOf(a, 'cell', 'Au25'), 'B');
  assert.ok(!a.diagnostics.some((d) => d.code === 'FD0203' && /cell `B`/.test(d.message)), 'B is used by the binding');
  near(valueOf(a, 'productAmount', 'Au25/NH3'), molB * 1000, 1e-7, 'B\'s 60 mL');
});

test('the current-to-density fix of a plan converts over its own cell\'s electrode, not the first one', () => {
  // The plan at −0.8 V is A's: −50 mA over its 1 cm² = −50 mA/cm2 (over wB, the first electrode, 2 cm²: −25 mA/cm2).
  const a = analyze(twoCells('plan Au28Cu12 at -0.8 V vs RHE for 2 h {\n  expect current density -50 mA\n}\n'));
  const d = a.diagnostics.find((x) => x.code === 'FD0402')!;
  assert.equal(d.fixes?.find((f) => f.title.startsWith('Convert'))?.title, 'Convert to `-50 mA/cm2` over the 1 cm² electrode');
  // At −0.9 V it is B's 2 cm².
  const b = analyze(twoCells('plan Au28Cu12 at -0.9 V vs RHE for 2 h {\n  expect current density -50 mA\n}\n'));
  assert.equal(b.diagnostics.find((x) => x.code === 'FD0402')!.fixes?.find((f) => f.title.startsWith('Convert'))?.title, 'Convert to `-25 mA/cm2` over the 2 cm² electrode');
});

test('values per cm² are absent, with a warning, when the bound electrode states no area (never an assumed 1 cm²)', () => {
  const text = twoCells('result Au28Cu12 at -0.8 V vs RHE for 2 h {\n  double layer 20, 60, 100 mV/s -> 0.10, 0.30, 0.50 mA/cm2\n}\n').replace('  area 1 cm2\n', '');
  const a = analyze(text);
  assert.equal(valueOf(a, 'cell', 'Au28Cu12'), 'A');
  near(valueOf(a, 'cdl', 'Au28Cu12'), 2.5, 1e-9, 'Cdl = slope/2 = 5/2 mF/cm²');
  assert.equal(valueOf(a, 'ecsa', 'Au28Cu12'), undefined);
  assert.ok(a.diagnostics.some((d) => d.code === 'FD0533' && /ECSA needs the geometric area of the working electrode wA/.test(d.message)));
});

test('the Methods section\'s FE formula takes V from the results\' cell, not the first cell', async () => {
  const { writeMethods } = await import('../../server/src/methods/assemble');
  const unescape = (s: string) => s.replace(/\\([\\`*_[\]<>~|#])/g, '$1');
  // The result at −0.8 V was run in A (30 mL); B (60 mL) is declared and run first.
  const one = analyze(twoCells(resultAt('-0.8')));
  assert.match(unescape(writeMethods(one, 'md').text), /V = 30 mL the catholyte volume/);
  // Results in A and in B: no single V, and the note says why.
  const both = analyze(twoCells(resultAt('-0.8') + resultAt('-0.9')));
  const written = writeMethods(both, 'md');
  assert.doesNotMatch(unescape(written.text), /V = \d/);
  assert.ok(written.problems.some((p) => /different volumes \(A: 30 mL, B: 60 mL\)/.test(p.message)), written.problems.map((p) => p.message).join('\n'));
});
