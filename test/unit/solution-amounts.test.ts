// Concentrations and mass fractions in synthesis steps, checked by hand
// (the calculation is written next to each number).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { parseUnit, isMassFractionUnit } from '../../server/src/units/parse-unit';
import { toSI } from '../../server/src/units/convert';
import { massesFromFractions } from '../../server/src/chemistry/solution-amounts';

const near = (a: number | string | undefined, b: number, tol: number, what = '') => assert.ok(typeof a === 'number' && Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

function value(a: Analysis, kind: string, subject: string): number | string | undefined {
  return a.values.find((v) => v.kind === kind && v.subject === subject)?.value;
}

function codes(a: Analysis, text: string): string[] {
  return a.diagnostics.filter((d) => d.severity !== 'hint').map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`);
}

const inSynthesis = (...steps: string[]) => `synthesis S {\n${steps.map((s) => `  ${s}\n`).join('')}}\n`;

test('a concentration times the solvent volume of its step: 2 mM in 10 mL is 0.02 mmol', () => {
  const text = inSynthesis('dissolve 2 mM CrCl3·6H2O in 10 mL ethanol');
  const a = analyze(text);
  // 2 mmol/L × 0.010 L = 0.020 mmol
  near(value(a, 'amount', 'S/CrCl3·6H2O'), 0.02, 1e-12, '2 mM × 10 mL');
  assert.deepEqual(codes(a, text).filter((c) => c.startsWith('FD0304')), [], 'no "not an amount" error for a concentration');
  const amount = a.values.find((v) => v.kind === 'amount')!;
  assert.match(amount.detail!, /2 mM × 10 mL ethanol \(the solvent of the step\) = 0\.02000 mmol/);
});

test('the volume is summed over the solvents joined by +, or written with the amount', () => {
  // 2 mM × (10 mL + 5 mL) = 2 mmol/L × 0.015 L = 0.030 mmol
  near(value(analyze(inSynthesis('dissolve 2 mM CrCl3·6H2O in 10 mL ethanol + 5 mL water')), 'amount', 'S/CrCl3·6H2O'), 0.03, 1e-12, 'sum');
  // `10 mL of 2 mM X` and `2 mM X (10 mL)`: 0.020 mmol, with no solvent on the line
  near(value(analyze(inSynthesis('add 10 mL of 2 mM CrCl3·6H2O')), 'amount', 'S/CrCl3·6H2O'), 0.02, 1e-12, 'of');
  near(value(analyze(inSynthesis('add 2 mM CrCl3·6H2O (10 mL), dropwise')), 'amount', 'S/CrCl3·6H2O'), 0.02, 1e-12, 'brackets');
  // The volume written with the amount wins over the solvent of the step: 2 mM × 250 µL = 0.5 µmol
  near(value(analyze(inSynthesis('add 250 µL of 2 mM CrCl3·6H2O in 10 mL water')), 'amount', 'S/CrCl3·6H2O'), 0.0005, 1e-12, 'own volume');
  // A mass concentration: 5 mg/mL × 2 mL = 10 mg of NaBH4 = 10 / 37.833 mmol (M = 22.98977 + 10.81 + 4 × 1.008 = 37.83177)
  near(value(analyze(inSynthesis('add 5 mg/mL NaBH4 in 2 mL water')), 'amount', 'S/NaBH4'), 10 / 37.83177, 1e-6, 'mg/mL');
});

test('a concentration without any volume is a located warning saying to give it', () => {
  const text = inSynthesis('add 2 mM CrCl3·6H2O, stir');
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === 'FD0330')!;
  assert.equal(text.slice(d.span.start, d.span.end), '2 mM');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /give the volume of the solution.*`in 10 mL ethanol`.*`10 mL of 2 mM CrCl3·6H2O`/);
  assert.equal(value(a, 'amount', 'S/CrCl3·6H2O'), undefined, 'no amount without a volume');
});

test('equivalents and the theoretical yield from concentration lines, by hand', () => {
  const text = [
    'ligand PET = SC8H9',
    'cluster Au25 = [Au25(PET)18](TOA)',
    'synthesis Au25 {',
    '  product Au25',
    '  dissolve 2 mM HAuCl4·3H2O in 10 mL THF',
    '  add 50 mg TOAB',
    '  add 1 mL of 100 mM PET-H',
    '}',
  ].join('\n');
  const a = analyze(text);
  // HAuCl4·3H2O: 2 mmol/L × 0.010 L = 0.0200 mmol (the basis, the first metal precursor)
  near(value(a, 'amount', 'Au25/HAuCl4·3H2O'), 0.02, 1e-12, 'gold');
  // PET-H: 100 mmol/L × 0.001 L = 0.100 mmol = 0.100 / 0.0200 = 5.00 eq
  near(value(a, 'amount', 'Au25/2-phenylethanethiol'), 0.1, 1e-12, 'thiol');
  near(value(a, 'equivalents', 'Au25/2-phenylethanethiol'), 5, 1e-12, 'thiol eq');
  // Au limits: 0.0200 mmol Au / 25 = 0.000800 mmol Au25.
  // M(Au25) = 25 × 196.96657 + 18 × (32.06 + 8 × 12.011 + 9 × 1.008) + (14.007 + 32 × 12.011 + 68 × 1.008)
  //         = 4924.16425 + 18 × 137.22 + 466.903 = 4924.16425 + 2469.96 + 466.903 = 7861.02725 g/mol
  // yield = 0.000800 mmol × 7861.02725 g/mol = 6.2888218 mg
  near(value(a, 'theoreticalYield', 'Au25'), 6.2888218, 1e-6, 'yield');
  assert.equal(value(a, 'limiting', 'Au25'), 'Au');
});

test('mass fractions: wt%, wt. % and % w/w of a solvent mass, a solvent volume with its density, or a total mass', () => {
  // 10 wt% PBI in 9 g DMAc: the solution weighs 9 g / (1 − 0.10) = 10 g, of which PBI 1 g = 1000 mg
  for (const spelling of ['10 wt%', '10 wt. %', '10 wt.%', '10 % w/w']) {
    near(value(analyze(inSynthesis(`mix ${spelling} PBI in 9 g DMAc`)), 'mass', 'S/PBI'), 1000, 1e-9, spelling);
  }
  // 10 mL DMAc × 0.937 g/mL = 9.37 g; total 9.37 / 0.9 = 10.4111 g; PBI = 1.04111 g = 1041.11 mg
  near(value(analyze(inSynthesis('mix 10 wt% PBI in 10 mL DMAc')), 'mass', 'S/PBI'), 1041.1111, 1e-3, 'volume × density');
  // 10 g of 10 wt% PBI in DMAc: 10 % of 10 g = 1 g
  near(value(analyze(inSynthesis('mix 10 g of 10 wt% PBI in DMAc')), 'mass', 'S/PBI'), 1000, 1e-9, 'total mass');
  // A solute given by mass belongs to the rest: (9 g + 0.05 g KCl) / 0.9 = 10.0556 g; PBI = 1.00556 g
  near(value(analyze(inSynthesis('dissolve 10 wt% PBI + 50 mg KCl in 9 g DMAc')), 'mass', 'S/PBI'), 1005.5556, 1e-3, 'with KCl');
  // A species with a formula gets moles too: 5 wt% KOH in 19 g water → 1 g KOH; M = 39.0983 + 15.999 + 1.008 = 56.1053
  near(value(analyze(inSynthesis('dissolve 5 wt% KOH in 19 g water')), 'amount', 'S/KOH'), 1000 / 56.1053, 1e-6, 'KOH mmol');
});

test('a material has a mass but no moles; a bare percent, missing solvent or fractions over 100 % are reported', () => {
  const pbi = analyze(inSynthesis('mix 10 wt% PBI in 9 g DMAc'));
  assert.equal(value(pbi, 'amount', 'S/PBI'), undefined, 'no moles for a polymer');
  assert.match(pbi.values.find((v) => v.kind === 'mass')!.hint!.text, /= 1000 mg/);

  const cases: [string, string, string][] = [
    ['mix 10 wt% PBI in DMAc', 'FD0331', '10 wt%'],
    ['mix 10 % PBI in 9 g DMAc', 'FD0332', '10 %'],
    ['mix 60 wt% PBI + 50 wt% KCl in 1 g water', 'FD0333', '60 wt%'],
    ['add 2 mmol Nafion', 'FD0334', '2 mmol'],
  ];
  for (const [step, code, at] of cases) {
    const text = inSynthesis(step);
    assert.ok(codes(analyze(text), text).includes(`${code} ${at}`), `${step}: ${codes(analyze(text), text).join('; ')}`);
  }
  // The bare percent offers `wt%` as its fix.
  const text = inSynthesis('mix 10 % PBI in 9 g DMAc');
  const fix = analyze(text).diagnostics.find((d) => d.code === 'FD0332')!.fixes![0]!;
  assert.equal(fix.edits[0]!.newText, 'wt%');
});

test('mass-fraction units and the arithmetic of shares', () => {
  for (const spelling of ['wt%', 'wt.%', 'wt. %', '% w/w']) {
    const u = parseUnit(spelling);
    assert.ok('unit' in u, spelling);
    assert.equal(toSI(20, u.unit), 0.2, spelling);
    assert.ok(isMassFractionUnit(spelling), spelling);
  }
  assert.ok(!isMassFractionUnit('%'), 'a bare percent is not a mass fraction');
  // rest 9 kg, fractions 0.1 and 0.05: total = 9 / 0.85 = 10.5882 kg; 1.05882 kg and 0.529412 kg
  const r = massesFromFractions([0.1, 0.05], 9);
  assert.ok('massesKg' in r);
  near(r.totalKg, 9 / 0.85, 1e-12, 'total');
  near(r.massesKg[1]!, 0.05 * 9 / 0.85, 1e-12, 'second');
  assert.ok('error' in massesFromFractions([0.6, 0.4], 1));
});
