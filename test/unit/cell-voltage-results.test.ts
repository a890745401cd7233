// Results of MEAs and flow electrolysers: at a cell voltage (`at 3.2 V cell voltage`,
// on no reference scale) or at a constant current density (`at 200 mA/cm2`, whose
// current is j × the working electrode's area).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { completions } from '../../server/src/features/completion';
import { parseFaraday as parse } from '../../server/src/syntax/parse';
import type { ResultBlock } from '../../server/src/syntax/ast';

const near = (a: number | string | undefined, b: number, tol: number, what = '') => assert.ok(typeof a === 'number' && Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const value = (a: Analysis, kind: string, subject: string) => a.values.find((v) => v.kind === kind && v.subject === subject);
const problems = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code} ${d.message}`);

const protocol = (header: string, body: string, area = '  area 5 cm2\n') => `reaction H2 : 2 H2O + 2 e- -> H2 + 2 OH-
reaction HCOO- : CO2 + H2O + 2 e- -> HCOO- + OH-
electrode gde {
  catalyst 1 mg Cu
${area}}
cell M {
  type MEA
  working gde
  counter IrO2
  liquid products 10 mL
  feed CO2 20 mL/min
}
result Cu ${header} in M {
${body}
}
`;

// H2 at 10 % of 20 mL/min at 25 °C, 101.325 kPa: ṅ = 0.10 × (20e-6/60 m³/s) / 0.0244654 m³/mol = 1.362468e-6 mol/s.
// HCOO- 10 mM in 10 mL: 1e-4 mol.
//   At 1 A for 1 h (Q = 3600 C):
//     FE(H2)    = 2 × 96485.33212 × 1.362468e-6 / 1    = 0.262916 → 26.292 %
//     FE(HCOO-) = 2 × 96485.33212 × 1e-4 / 3600        = 0.00536030 → 0.5360 %
//     j(H2)     = 26.292 % × 1000 mA / 5 cm²           = 52.583 mA/cm²
test('a result at a cell voltage takes its current as stated and is never put on the RHE', () => {
  const a = analyze(protocol('at 3.2 V cell voltage for 1 h', '  current -1 A\n  H2 10 % by GC\n  HCOO- 10 mM'));
  assert.deepEqual(problems(a), []);
  const r = a.parse.document.statements.find((s): s is ResultBlock => s.kind === 'result')!;
  assert.equal(r.potential, undefined);
  assert.equal(a.text.slice(r.cellVoltage!.span.start, r.cellVoltage!.span.end), '3.2 V');
  near(value(a, 'cellVoltage', 'Cu')?.value, 3.2, 1e-12, 'cell voltage');
  assert.match(value(a, 'cellVoltage', 'Cu')!.detail!, /on no reference scale/);
  near(value(a, 'faradaicEfficiency', 'Cu/H2')?.value, 26.2916, 1e-3, 'FE(H2)');
  near(value(a, 'faradaicEfficiency', 'Cu/HCOO-')?.value, 0.53603, 1e-4, 'FE(HCOO-)');
  near(value(a, 'partialCurrentDensity', 'Cu/H2')?.value, 52.583, 1e-3, 'j(H2)');
  // No potential was written, so nothing is converted to or from the RHE.
  assert.equal(a.values.some((v) => v.subject === 'Cu' && /RHE/.test(v.label)), false);
});

test('a cell voltage on a reference scale is an error (FD0565)', () => {
  const a = analyze(protocol('at 3.2 V vs RHE cell voltage for 1 h', '  current -1 A\n  H2 10 % by GC'));
  const d = a.diagnostics.find((x) => x.code === 'FD0565');
  assert.ok(d, problems(a).join('\n'));
  assert.equal(d!.severity, 'error');
  assert.equal(a.text.slice(d!.span.start, d!.span.end), 'vs RHE cell voltage');
  // A current density on a scale is no potential: an error, and no potential is read from it.
  const onScale = analyze(protocol('at -200 mA/cm2 vs RHE for 1 h', '  H2 10 % by GC'));
  assert.ok(onScale.diagnostics.some((x) => x.severity === 'error' && /a current density or current is on no potential scale: drop `vs RHE`/.test(x.message)));
  assert.equal(onScale.parse.document.statements.find((s): s is ResultBlock => s.kind === 'result')!.potential, undefined);
  // A potential vs RHE without `cell voltage` stays a potential.
  const potential = analyze(protocol('at -0.8 V vs RHE for 1 h', '  current -1 A\n  H2 10 % by GC'));
  assert.equal(potential.diagnostics.some((x) => x.code === 'FD0565'), false);
});

// At -200 mA/cm² over the 5 cm² MEA: I = 200 mA/cm² × 5 cm² = 1000 mA, Q = 1 A × 3600 s = 3600 C,
// so the same FEs as the stated 1 A above. At 100 mA for 30 min (Q = 180 C):
//   FE(H2 at 1 %) = 2 × 96485.33212 × 1.362468e-7 mol/s / 0.1 A = 0.262916 → 26.292 %
//   FE(HCOO-)     = 2 × 96485.33212 × 1e-4 mol / 180 C      = 0.107206 → 10.721 %
test('a result at a current density takes j × the electrode area as its current', () => {
  const a = analyze(protocol('at -200 mA/cm2 for 1 h', '  H2 10 % by GC\n  HCOO- 10 mM'));
  assert.deepEqual(problems(a), []);
  near(value(a, 'setCurrent', 'Cu')?.value, 1000, 1e-9, 'I = j × A');
  assert.match(value(a, 'setCurrent', 'Cu')!.detail!, /I = j × A = -200 mA\/cm2 × 5 cm² = 1000 mA/);
  near(value(a, 'faradaicEfficiency', 'Cu/H2')?.value, 26.2916, 1e-3, 'FE(H2)');
  near(value(a, 'faradaicEfficiency', 'Cu/HCOO-')?.value, 0.53603, 1e-4, 'FE(HCOO-)');
  near(value(a, 'meanCurrent', 'Cu')?.value, 1000, 1e-9, 'mean current');
  const current = analyze(protocol('at 100 mA for 30 min', '  H2 1 % by GC\n  HCOO- 10 mM'));
  assert.deepEqual(problems(current), []);
  near(value(current, 'faradaicEfficiency', 'Cu/H2')?.value, 26.2916, 1e-3, 'FE(H2) at 100 mA');
  near(value(current, 'faradaicEfficiency', 'Cu/HCOO-')?.value, 10.7206, 1e-3, 'FE(HCOO-) over 180 C');
  // A stated current wins over the header's set-point.
  const stated = analyze(protocol('at -200 mA/cm2 for 1 h', '  current -500 mA\n  H2 10 % by GC'));
  near(value(stated, 'faradaicEfficiency', 'Cu/H2')?.value, 52.5833, 1e-3, 'the stated 500 mA');
  assert.equal(value(stated, 'setCurrent', 'Cu'), undefined);
});

test('a current density without an electrode area gives no current and says so (FD0566)', () => {
  const a = analyze(protocol('at -200 mA/cm2 for 1 h', '  H2 10 % by GC', ''));
  const d = a.diagnostics.find((x) => x.code === 'FD0566');
  assert.ok(d, problems(a).join('\n'));
  assert.equal(a.text.slice(d!.span.start, d!.span.end), '-200 mA/cm2');
  assert.equal(value(a, 'faradaicEfficiency', 'Cu/H2'), undefined);
});

test('a header without potential, cell voltage or current density is an error; a plan still needs a potential', () => {
  const none = parse('result Cu for 1 h {\n  current -1 A\n}\n');
  assert.match(none.problems.map((p) => p.message).join('\n'), /a result needs the potential it was run at: add `at -0\.8 V vs RHE`, or for an MEA or two-electrode cell the cell voltage/);
  const plan = parse('plan Cu at -200 mA/cm2 for 1 h {\n  expect FE CO 90 %\n}\n');
  assert.ok(plan.problems.some((p) => /expected a potential with its scale/.test(p.message)));
});

test('completion offers `cell voltage` after a voltage in a result header, and the result snippets', () => {
  const text = 'result Cu at 3.2 V ';
  const vocabulary = { species: [], referenceElectrodes: ['RHE'], unitsFor: () => [] };
  const labels = completions(analyze(text), text.length, vocabulary).map((c) => c.label);
  assert.deepEqual(labels, ['vs', 'cell voltage']);
  const top = completions(analyze(''), 0, vocabulary).map((c) => c.label);
  assert.ok(top.includes('result at cell voltage') && top.includes('result at current density'), top.join(', '));
});

test('the MEA sample: 20 sccm and results at a cell voltage and at a current density', () => {
  const a = analyze(readFileSync(new URL('../../samples/co2-mea-cu.faraday', import.meta.url), 'utf8'));
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.message), []);
  // 20 sccm = 1.487168e-5 mol/s; at 1 A: FE(CO) = 2 × 96485.33212 × 0.12 × 1.487168e-5 = 0.344376.
  for (const r of ['Cu-V', 'Cu-j']) {
    near(value(a, 'faradaicEfficiency', `${r}/H2`)?.value, 28.698, 1e-3, `${r} H2`);
    near(value(a, 'faradaicEfficiency', `${r}/CO`)?.value, 34.4376, 1e-3, `${r} CO`);
    near(value(a, 'faradaicEfficiency', `${r}/C2H4`)?.value, 34.4376, 1e-3, `${r} C2H4`);
  }
});

// A cell voltage is never matched to a CA line vs the RHE: with a run holding one, the header must name the cell.
test('a result at a cell voltage is bound by `in CELL`, never through a CA line at a potential', () => {
  const text = protocol('at 3.2 V cell voltage for 1 h', '  current -1 A\n  H2 10 % by GC').replace(' in M {', ' {') + 'run in M {\n  CA at -0.8 V vs RHE for 1 h\n}\n';
  const a = analyze(text);
  const d = a.diagnostics.find((x) => /a result at a cell voltage is never matched to a CA line at a potential/.test(x.message));
  assert.ok(d, problems(a).join('\n'));
  assert.equal(d!.fixes?.[0]?.edits[0]?.newText, ' in M');
  assert.equal(value(a, 'faradaicEfficiency', 'Cu/H2'), undefined);
  assert.equal(value(analyze(text.replace('for 1 h {', 'for 1 h in M {')), 'faradaicEfficiency', 'Cu/H2')?.value !== undefined, true);
});
