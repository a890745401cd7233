// `PVDF` spells the elements P, V, D (deuterium) and F, but a chemist who writes
// it means poly(vinylidene fluoride): a name of capitals only that is no known
// species or material is an abbreviation until declared. Plain formulas stay formulas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { applyFix } from './sample-helpers';

const synthesis = (name: string) => `synthesis S {\n  add 10 mg ${name}\n}\n`;

test('capitals-only names that spell elements but are no known species ask for a declaration, and give no amount', () => {
  // PVDF poly(vinylidene fluoride) (D is deuterium), NHS N-hydroxysuccinimide, DCC dicyclohexylcarbodiimide,
  // DBU, ICP, COF, CNF carbon nanofibre, PVP, SDS, NHC.
  for (const name of ['PVDF', 'NHS', 'DCC', 'DBU', 'ICP', 'COF', 'CNF', 'PVP', 'SDS', 'NHC', 'CHO']) {
    const a = analyze(synthesis(name));
    const d = a.diagnostics.find((x) => x.code === 'FD0320');
    assert.ok(d, `${name}: ${a.diagnostics.map((x) => `${x.code} ${x.message}`).join(' | ')}`);
    assert.equal(d.severity, 'warning');
    assert.match(d.message, new RegExp(`\`reagent ${name} = FORMULA "`));
    assert.equal(a.values.filter((v) => v.kind === 'amount').length, 0, `${name}: no amount until declared`);
    assert.ok(!a.diagnostics.some((x) => x.code === 'FD0309'), `${name} is not silently read as a formula`);
  }
  const pvdf = analyze(synthesis('PVDF')).diagnostics.find((x) => x.code === 'FD0320')!;
  // Read as a formula, PVDF would be DFPV: 2.014101778 + 18.998403162 + 30.973761998 + 50.9415 = 102.928 g/mol.
  assert.match(pvdf.message, /DFPV \(102\.93 g\/mol\)/);
  // PBI is in the material library: a mass of it is a mass of polybenzimidazole, with no warning.
  assert.ok(!analyze(synthesis('PBI')).diagnostics.some((x) => x.code === 'FD0320'));
});

test('the plain formulas chemists write stay formulas, with their amounts', () => {
  const formulas = ['KOH', 'NaBH4', 'CuCl', 'H2SO4', 'KNO3', 'HCl', 'NaOH', 'KHCO3', 'CO2', 'N2', 'Ar', 'THF', 'KCN', 'KSCN', 'HCOOH', 'HCN',
    'K2S2O8', 'NaCl', 'KI', 'KF', 'HF', 'CO', 'NO', 'Na2S', 'KBr', 'CsOH', 'AgNO3', 'FeCl3', 'ZnO', 'TiO2', 'MoS2', 'Co3O4', 'NiO', 'CuO', 'Bi2O3', 'NH4F'];
  for (const name of formulas) {
    const a = analyze(synthesis(name));
    assert.ok(!a.diagnostics.some((x) => x.code === 'FD0320' || x.severity === 'error'), `${name}: ${a.diagnostics.map((x) => `${x.code} ${x.message}`).join(' | ')}`);
    assert.equal(a.values.filter((v) => v.kind === 'amount').length, 1, `${name} has its amount`);
  }
  // 10 mg KCN / (39.0983 + 12.011 + 14.007 g/mol) = 0.15357 mmol
  const kcn = analyze(synthesis('KCN')).values.find((v) => v.kind === 'amount')!;
  assert.ok(Math.abs((kcn.value as number) - 10 / (39.0983 + 12.011 + 14.007)) < 1e-9);
});

test('a declared name of capitals is used as declared, without the warning', () => {
  const a = analyze(`reagent PVDF = C2H2F2 "poly(vinylidene fluoride)"\n${synthesis('PVDF')}`);
  assert.ok(!a.diagnostics.some((x) => x.code === 'FD0320'));
  // 10 mg / (2 × 12.011 + 2 × 1.008 + 2 × 18.998403162 g/mol = 64.0348) = 0.15616 mmol of repeat units
  const v = a.values.find((x) => x.kind === 'amount')!;
  assert.ok(Math.abs((v.value as number) - 10 / 64.034806) < 1e-6, String(v.value));
});

test('the quick fix declares the name as the formula it spells, above the block that uses it', () => {
  const text = `protocol "test"\n${synthesis('PVDF')}`;
  const fixed = applyFix(text, 'FD0320', 'PVDF');
  assert.equal(fixed, `protocol "test"\nreagent PVDF = PVDF\n${synthesis('PVDF')}`);
  const a = analyze(fixed);
  assert.deepEqual(a.diagnostics.filter((x) => x.severity === 'error' || x.severity === 'warning').map((x) => x.message), []);
  // 10 mg / 102.928 g/mol = 0.097155 mmol
  assert.ok(Math.abs((a.values.find((x) => x.kind === 'amount')!.value as number) - 10 / 102.927767) < 1e-6);
});

test('an electrode catalyst and an electrolyte component of capitals ask the same', () => {
  const a = analyze('electrode w {\n  catalyst 1 mg PVDF\n  area 1 cm2\n}\nelectrolyte e {\n  0.1 M NHS in water\n}\n');
  const words = a.diagnostics.filter((x) => x.code === 'FD0320').map((x) => a.text.slice(x.span.start, x.span.end));
  assert.deepEqual(words.sort(), ['NHS', 'PVDF']);
});
