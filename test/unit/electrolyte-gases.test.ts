// Electrolytes saturated with a gas: CO2 fixes the dissolved CO2 by Henry's law
// and holds the carbonate system open in the pH estimate; inert gases leave the
// salts' carbonate in solution; O2's dissolved concentration comes from the
// electrolyte or oxygen-transport.ts. A measured pH always wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { estimatePH } from '../../server/src/electrochem/ph';

const near = (a: number | string | undefined, b: number, tol: number, what = '') => assert.ok(typeof a === 'number' && Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const value = (a: Analysis, kind: string, subject: string) => a.values.find((v) => v.kind === kind && v.subject === subject);
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);
const electrolyte = (body: string, top = '') => `${top}electrolyte e {\n${body}\n}\n`;

// Constants: K_H(CO2) = 0.034 mol/(L·atm); Ka1 = 10^−6.35 = 4.4668e-7; Ka2 = 10^−10.33 = 4.6774e-11.
//
// 0.1 M KHCO3 under 1 atm CO2: [CO2(aq)] = 0.034 × 1 = 0.034 M. The carbon follows the gas, K+ = 0.1 M
// stays. Charge balance [K+] + [H+] = [HCO3-] + 2[CO3 2-] + [OH-] with [HCO3-] = Ka1·[CO2]/h:
//   h ≈ Ka1·[CO2]/[K+] = 4.4668e-7 × 0.034 / 0.1 = 1.5187e-7 → pH 6.8185;
//   [CO3 2-]/[HCO3-] = Ka2/h = 3.08e-4, so [HCO3-] = 0.1/(1 + 2 × 3.08e-4) and pH − log10(1.000616) = 6.8183
//   ([H+] and [OH-] ≈ 1e-7 against 0.1 M are below 1e-6 of a pH unit).
test('0.1 M KHCO3 under 1 atm CO2 is pH 6.82 (not the 8.34 of plain bicarbonate)', () => {
  near(estimatePH([{ name: 'KHCO3', molar: 0.1 }], [{ system: 'carbonate', molar: 0.034 }]).pH, 6.8183, 2e-4, 'ph.ts');
  const a = analyze(electrolyte('  0.1 M KHCO3 in water\n  saturated with CO2'));
  near(value(a, 'pH', 'e')?.value, 6.8183, 2e-4, 'saturated with CO2');
  near(value(a, 'dissolvedGas', 'e/CO2')?.value, 34, 1e-9, 'K_H × 1 atm = 34 mM');
  assert.equal(value(a, 'saturatingGas', 'e')?.value, 'CO2');
  const pH = value(a, 'pH', 'e')!;
  // The assumptions are in the hover and in the report's extra fields.
  assert.match(pH.detail!, /K_H·p = 0\.034 mol\/\(L·atm\) × 1\.000 atm = 34\.0 mM/);
  assert.match(pH.detail!, /101\.325 kPa \(the protocol's pressure/);
  assert.match(pH.detail!, /pKa 6\.35, 10\.33/);
  assert.deepEqual({ ...pH.extra }, { estimated: true, gas: 'CO2', partialPressure: 101.325, henryConstant: 0.034, dissolved: 34, pKa: '6.35, 10.33', constantsTemperature: 298.15 });
  assert.match(pH.hint!.text, /pH ≈ 6\.82 \(estimated, CO2-saturated\)/);
  // `purge CO2 30 min` says the same: a purged electrolyte is taken as saturated with its gas.
  near(value(analyze(electrolyte('  0.1 M KHCO3 in water\n  purge CO2 30 min')), 'pH', 'e')?.value, 6.8183, 2e-4, 'purge CO2');
});

// 0.1 M K2CO3 under CO2: K+ = 0.2 M, h ≈ 4.4668e-7 × 0.034 / 0.2 = 7.5936e-8 → 7.1196; Ka2/h = 6.16e-4,
// − log10(1 + 2 × 6.16e-4) = −0.0005 → 7.1190. The carbonate has become bicarbonate.
// 0.1 M KOH under CO2: K+ = 0.1 M, the same solution as 0.1 M KHCO3 under CO2: 6.8183.
// 0.1 M KHCO3 under 0.5 atm CO2: [CO2] = 0.017 M, h ≈ 4.4668e-7 × 0.017 / 0.1 = 7.5936e-8 → 7.1196, and the
// same carbonate term as K2CO3 above (the same [CO2]/[K+]): 7.1190.
test('carbonate and hydroxide under CO2 become bicarbonate; the partial pressure may be stated', () => {
  near(value(analyze(electrolyte('  0.1 M K2CO3 in water\n  saturated with CO2')), 'pH', 'e')?.value, 7.1190, 2e-4, 'K2CO3');
  near(value(analyze(electrolyte('  0.1 M KOH in water\n  saturated with CO2')), 'pH', 'e')?.value, 6.8183, 2e-4, 'KOH');
  const half = analyze(electrolyte('  0.1 M KHCO3 in water\n  saturated with CO2 at 0.5 atm'));
  near(value(half, 'pH', 'e')?.value, 7.1190, 2e-4, '0.5 atm');
  near(value(half, 'dissolvedGas', 'e/CO2')?.value, 17, 1e-9, '0.034 × 0.5 atm');
  near(value(analyze(electrolyte('  0.1 M KHCO3 in water\n  purge CO2 30 min at 0.5 atm')), 'pH', 'e')?.value, 7.1190, 2e-4, 'purge at 0.5 atm');
  // The protocol's pressure is the CO2's when none is stated: 2 atm doubles [CO2], h ≈ 3.0374e-7 → 6.5175;
  // Ka2/h = 1.54e-4, − log10(1 + 3.08e-4) = −0.0001 → 6.5173.
  near(value(analyze(electrolyte('  0.1 M KHCO3 in water\n  saturated with CO2', 'pressure 2 atm\n')), 'pH', 'e')?.value, 6.5173, 3e-4, 'pressure 2 atm');
});

// Ar- or N2-purged 0.1 M KHCO3: a closed carbonate system, pH ≈ (pKa1 + pKa2)/2 = (6.35 + 10.33)/2 = 8.34.
test('inert gases leave the bicarbonate at pH 8.34, and say so', () => {
  for (const gas of ['Ar', 'N2']) {
    const a = analyze(electrolyte(`  0.1 M KHCO3 in water\n  purge ${gas} 30 min`));
    near(value(a, 'pH', 'e')?.value, 8.34, 0.01, gas);
    assert.equal(value(a, 'saturatingGas', 'e')?.value, gas);
    assert.match(value(a, 'pH', 'e')!.detail!, /takes no part in the acid–base balance/);
    assert.equal(value(a, 'dissolvedGas', `e/${gas}`), undefined, 'no concentration of an inert gas is invented');
  }
});

test('a measured pH wins over the estimate; the gas is still recorded', () => {
  const a = analyze(electrolyte('  0.5 M KHCO3 in water\n  saturated with CO2\n  pH 7.2 measured'));
  const pHs = a.values.filter((v) => v.kind === 'pH');
  assert.equal(pHs.length, 1);
  assert.equal(pHs[0]!.value, 7.2);
  assert.equal(pHs[0]!.extra?.estimated, false);
  near(value(a, 'dissolvedGas', 'e/CO2')?.value, 34, 1e-9, 'dissolved CO2 still shown');
});

// O2-saturated 0.1 M KOH: Davis et al., S = 1.26e-3 × 10^(−0.1746 × 0.1) = 1.26e-3 × 0.96061 = 1.2104e-3 mol/L.
test('O2-saturated 0.1 M KOH has the library\'s dissolved O2; the electrolyte\'s own solubility wins', () => {
  const a = analyze(electrolyte('  0.1 M KOH in water\n  saturated with O2'));
  near(value(a, 'dissolvedGas', 'e/O2')?.value, 1.2104, 1e-4, 'Davis 1967');
  near(value(a, 'pH', 'e')?.value, 13.0, 1e-6, 'O2 leaves the pH');
  const own = analyze(electrolyte('  0.1 M KOH in water\n  saturated with O2\n  solubility O2 1.1e-6 mol/cm3'));
  near(value(own, 'dissolvedGas', 'e/O2')?.value, 1.1, 1e-9, '1.1e-6 mol/cm3 = 1.1 mM');
  assert.equal(value(analyze(electrolyte('  1 M KOH in water\n  saturated with O2')), 'dissolvedGas', 'e/O2'), undefined, 'not in the library: absent');
});

test('what cannot be estimated is absent with its diagnostic', () => {
  const notGas = analyze(electrolyte('  0.1 M KOH in water\n  saturated with KCl'));
  assert.ok(codes(notGas).includes('FD0561'));
  assert.equal(value(notGas, 'saturatingGas', 'e'), undefined);
  // An impossible protocol pressure leaves [CO2] and the pH unknown, never 1 atm.
  const badPressure = analyze(electrolyte('  0.1 M KHCO3 in water\n  saturated with CO2', 'pressure -5 kPa\n'));
  assert.ok(codes(badPressure).includes('FD0410'));
  assert.equal(value(badPressure, 'pH', 'e'), undefined);
  const badStated = analyze(electrolyte('  0.1 M KHCO3 in water\n  saturated with CO2 at 20 mL'));
  assert.ok(codes(badStated).includes('FD0402'), 'a volume is no pressure');
  assert.equal(value(badStated, 'pH', 'e'), undefined);
  const both = analyze(electrolyte('  0.1 M KHCO3 in water\n  purge Ar 30 min\n  saturated with CO2'));
  assert.ok(codes(both).includes('FD0560'));
  near(value(both, 'pH', 'e')?.value, 6.8183, 2e-4, '`saturated with` wins');
});

test('a cell purging CO2 through an electrolyte estimated without it says so', () => {
  const cell = (gasLine: string) => analyze(`electrolyte bic {\n  0.1 M KHCO3 in water\n${gasLine}}\nelectrode w {\n  catalyst 1 mg Cu\n  area 1 cm2\n}\ncell H {\n  working w\n  catholyte bic 30 mL\n  purge CO2 20 mL/min\n}\n`);
  assert.ok(codes(cell('')).includes('FD0562'));
  assert.ok(!codes(cell('  saturated with CO2\n')).includes('FD0562'));
  assert.ok(!codes(cell('  pH 6.8 measured\n')).includes('FD0562'));
});
