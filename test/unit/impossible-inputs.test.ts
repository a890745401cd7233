// Impossible inputs are errors at the quantity, and nothing is computed from
// them: temperatures at or below 0 K, zero or negative areas, masses,
// volumes and durations, a zero charge or current, pH outside −2…16, and Z
// that is not a whole number; a cell that breaks the crystal system its space
// group implies. The numbers that remain are checked by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { FARADAY, GAS_CONSTANT } from '../../server/src/data/constants';

const BASE = `temperature 25 °C
reaction H2 : 2 H+ + 2 e- -> H2
reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O
electrolyte e {
  0.5 M KNO3 in water
  pH 7.0 measured
}
electrode w {
  catalyst 1 mg Au
  area 1 cm2
}
cell H {
  working w
  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE
  catholyte e 30 mL
}
calibration nessler {
  analyte NH3-N
  standards mg/L -> absorbance { 0 -> 0; 1 -> 0.5; 2 -> 1.0 }
}
result X at -0.8 V vs RHE for 1 h {
  charge 600 C
  NH3-N absorbance 0.25 by nessler
  H2 1 % by GC at 10 mL/min
}
`;

/** The base with one piece of text replaced; fails when the piece is not there, so a case cannot silently test nothing. */
function withText(from: string, to: string, base = BASE): string {
  assert.ok(base.includes(from), `the base protocol has \`${from}\``);
  return base.replace(from, to);
}

const values = (a: Analysis, kind: string) => a.values.filter((v) => v.kind === kind);

/** The one error at the quantity written as `written`, with its code. */
function errorAt(a: Analysis, written: string, code: string) {
  const at = a.diagnostics.filter((d) => d.severity === 'error' && a.text.slice(d.span.start, d.span.end) === written);
  assert.equal(at.length, 1, `one error at \`${written}\`; got ${JSON.stringify(a.diagnostics.map((d) => `${d.code} ${a.text.slice(d.span.start, d.span.end)}: ${d.message}`))}`);
  assert.equal(at[0]!.code, code, at[0]!.message);
  return at[0]!;
}

// By hand: the NH3-N reading 0.25 on the line A = 0.5·c gives 0.5 mg/L; in 30 mL that is 0.015 mg of N,
// 0.015 / 14.007 = 1.07089e-3 mmol NH3 (CIAAW 2021 abridged weights: N 14.007, H 1.008).
// FE = 8·F·n/Q; yield = n·M(NH3)/(t·m) and n/(t·A).
const nNH3 = 0.015 / 14.007 / 1000; // mol
const feNH3 = (8 * FARADAY * nNH3) / 600;
// H2 by GC: 1 % of 10 mL/min at 298.15 K and 101325 Pa, over the mean current 600 C / 3600 s.
const rateH2 = (0.01 * (10e-6 / 60)) / ((GAS_CONSTANT * 298.15) / 101325);
const feH2 = (2 * FARADAY * rateH2) / (600 / 3600);

test('the base protocol computes what the impossible inputs below must remove (hand values)', () => {
  const a = analyze(BASE);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error'), []);
  const fe = (p: string) => values(a, 'faradaicEfficiency').find((v) => v.subject === `X/${p}`)!.value as number;
  assert.ok(Math.abs(fe('NH3') - feNH3 * 100) < 1e-9, `FE(NH3) ${fe('NH3')} vs ${feNH3 * 100}`);
  assert.ok(Math.abs(fe('H2') - feH2 * 100) < 1e-9, `FE(H2) ${fe('H2')} vs ${feH2 * 100}`);
  assert.ok(Math.abs(feH2 * 100 - 7.8875) < 1e-3, 'FE(H2) ≈ 7.89 %');
  const yields = values(a, 'yieldRate').map((v) => `${v.unit} ${(v.value as number).toPrecision(5)}`);
  // 1.07089e-6 mol × 17.031 g/mol = 18.238 µg in 1 h on 1 mg; 1.07089e-3 mmol in 1 h on 1 cm².
  assert.deepEqual(yields, ['ug/h/mg 18.238', 'mmol/h/cm2 0.0010709']);
  assert.equal(values(a, 'setpoint').length, 1);
  assert.equal(values(a, 'meanCurrent').length, 1);
  assert.equal(values(a, 'faradaicEfficiencySum').length, 1);
});

test('a temperature at or below absolute zero: error there, no Nernst slope, no set-point, no gas FE', () => {
  for (const t of ['-300 °C', '0 K', '-273.15 °C']) {
    const a = analyze(withText('temperature 25 °C', `temperature ${t}`));
    assert.match(errorAt(a, t, 'FD0410').message, /is not a possible protocol temperature: it must be above absolute zero/);
    assert.deepEqual(values(a, 'setpoint'), [], 'the RHE conversion needs the Nernst slope of the temperature');
    assert.deepEqual(values(a, 'faradaicEfficiency').map((v) => v.subject), ['X/NH3'], 'FE(H2) needs the gas molar volume');
    assert.deepEqual(values(a, 'faradaicEfficiencySum'), [], 'a sum without FE(H2) would be low');
  }
});

test('a zero or negative electrode area: error there, no yield per area, no default area', () => {
  for (const area of ['0 cm2', '-1 cm2']) {
    const a = analyze(withText('area 1 cm2', `area ${area}`));
    assert.match(errorAt(a, area, 'FD0410').message, /is not a possible electrode area: it must be greater than zero/);
    assert.deepEqual(values(a, 'yieldRate').map((v) => v.unit), ['ug/h/mg'], 'the yield per mass does not need the area');
  }
});

test('a zero catalyst loading: error there, no yield per mass', () => {
  const a = analyze(withText('catalyst 1 mg Au', 'catalyst 0 mg Au'));
  errorAt(a, '0 mg', 'FD0410');
  assert.deepEqual(values(a, 'yieldRate').map((v) => v.unit), ['mmol/h/cm2']);
});

test('a zero charge is an error and gives no FE; a cathodic (negative) charge is a charge', () => {
  const zero = analyze(withText('charge 600 C', 'charge 0 C'));
  assert.match(errorAt(zero, '0 C', 'FD0410').message, /it cannot be zero/);
  for (const kind of ['faradaicEfficiency', 'faradaicEfficiencySum', 'meanCurrent', 'yieldRate']) assert.deepEqual(values(zero, kind), [], kind);
  assert.ok(!zero.diagnostics.some((d) => d.code === 'FD0513'), 'no "add the charge" warning: the charge is there, and wrong');
  const cathodic = analyze(withText('charge 600 C', 'charge -600 C'));
  assert.deepEqual(cathodic.diagnostics.filter((d) => d.severity === 'error'), []);
  const fe = values(cathodic, 'faradaicEfficiency').find((v) => v.subject === 'X/NH3')!.value as number;
  assert.ok(Math.abs(fe - feNH3 * 100) < 1e-9);
});

test('a zero current of a result: error there, no FE from it', () => {
  const a = analyze(withText('charge 600 C', 'current 0 mA'));
  errorAt(a, '0 mA', 'FD0410');
  assert.deepEqual(values(a, 'faradaicEfficiency'), []);
});

test('a zero duration: error there, no mean current, no yield rates, no gas FE; FE from the charge stays', () => {
  const a = analyze(withText('for 1 h {', 'for 0 h {'));
  errorAt(a, '0 h', 'FD0410');
  for (const kind of ['meanCurrent', 'yieldRate', 'faradaicEfficiencySum']) assert.deepEqual(values(a, kind), [], kind);
  assert.deepEqual(values(a, 'faradaicEfficiency').map((v) => v.subject), ['X/NH3']);
});

test('a zero catholyte volume: error there, no amount of product, and no "add the volume" warning', () => {
  const a = analyze(withText('catholyte e 30 mL', 'catholyte e 0 mL'));
  errorAt(a, '0 mL', 'FD0410');
  assert.deepEqual(values(a, 'productAmount'), []);
  assert.deepEqual(values(a, 'faradaicEfficiency').map((v) => v.subject), ['X/H2']);
  assert.ok(!a.diagnostics.some((d) => d.code === 'FD0514'));
});

test('a pH outside −2…16: error there, no pH value, no estimate in its place, no set-point', () => {
  for (const pH of ['17', '-3']) {
    const a = analyze(withText('pH 7.0 measured', `pH ${pH} measured`));
    assert.match(errorAt(a, pH, 'FD0410').message, /is not a possible pH: it must lie between −2 and 16/);
    assert.deepEqual(values(a, 'pH'), []);
    assert.deepEqual(values(a, 'setpoint'), []);
    assert.ok(!a.diagnostics.some((d) => d.code === 'FD0503'), 'no "add the pH" warning: it is there, and impossible');
  }
  const unit = analyze(withText('pH 7.0 measured', 'pH 7.0 mL measured'));
  assert.match(errorAt(unit, '7.0 mL', 'FD0402').message, /^PH is a number without a unit|^pH/i);
});

test('FE above 100 % from a reading stays the warning FD0508, with its value', () => {
  // 0.6 C instead of 600 C: FE(NH3) = 1000 × 0.138 % = 137.8 %.
  const a = analyze(withText('charge 600 C', 'charge 0.6 C'));
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.ok(a.diagnostics.some((d) => d.code === 'FD0508' && d.severity === 'warning'));
  const fe = values(a, 'faradaicEfficiency').find((v) => v.subject === 'X/NH3')!.value as number;
  assert.ok(Math.abs(fe - feNH3 * 1000 * 100) < 1e-6);
});

const CRYSTAL = `cluster X = C6H6
crystal X {
  formula C6H6
  temperature 100(2) K
  system triclinic
  space group P-1
  cell a 10 Å, b 11 Å, c 12 Å
  cell alpha 80°, beta 85°, gamma 95°
  Z 2
}
`;

test('crystal: a zero cell edge, an impossible Z or temperature is an error there; nothing is computed from it', () => {
  const edge = analyze(withText('a 10 Å', 'a 0 Å', CRYSTAL));
  assert.match(errorAt(edge, '0 Å', 'FD0410').message, /is not a possible cell edge: it must be greater than zero/);
  assert.deepEqual([...values(edge, 'cellVolume'), ...values(edge, 'density')], []);
  assert.ok(!edge.diagnostics.some((d) => d.code === 'FD0607'), 'not "incomplete": the edge is written, and impossible');
  for (const z of ['0', '-2', '2.5']) {
    const a = analyze(withText('Z 2', `Z ${z}`, CRYSTAL));
    assert.match(errorAt(a, z, 'FD0410').message, /is not a possible Z \(formula units per cell\): it must be a whole number, at least 1/);
    assert.deepEqual([...values(a, 'density'), ...values(a, 'F000')], []);
    assert.equal(values(a, 'cellVolume').length, 1, 'the volume does not need Z');
  }
  const zUnit = analyze(withText('Z 2', 'Z 2 mL', CRYSTAL));
  errorAt(zUnit, '2 mL', 'FD0402');
  assert.deepEqual(values(zUnit, 'F000'), []);
  errorAt(analyze(withText('100(2) K', '-5 K', CRYSTAL)), '-5 K', 'FD0410');
  errorAt(analyze(withText('alpha 80°', 'alpha 180°', CRYSTAL)), '180°', 'FD0410');
});

/** A crystal table with this space group (and system line, if any) and cell. */
function crystal(spaceGroup: string, cell: string, system = ''): Analysis {
  return analyze(`cluster X = C6H6\ncrystal X {\n  formula C6H6\n${system ? `  system ${system}\n` : ''}  space group ${spaceGroup}\n  cell ${cell}\n  Z 4\n}\n`);
}

function cellVolume(a: Analysis): number | undefined {
  return values(a, 'cellVolume')[0]?.value as number | undefined;
}

test('the space group implies the crystal system: Fm-3m with α 89° is an error at α, with or without a system line', () => {
  for (const system of ['', 'cubic']) {
    const a = crystal('Fm-3m', 'a 10 Å, alpha 89°', system);
    const d = errorAt(a, '89°', 'FD0610');
    assert.equal(d.message, 'α must be 90° in a cubic cell (space group Fm-3m, No. 225), but it is 89°; correct α or the space group');
    assert.equal(cellVolume(a), undefined, 'no volume from an impossible cell');
  }
  // Without the error, the space group alone completes the cubic cell: V = a³ = 1000 Å³.
  assert.equal(cellVolume(crystal('Fm-3m', 'a 10 Å')), 1000);
});

test('a system line that contradicts the space group is an error', () => {
  const a = crystal('Fm-3m', 'a 10 Å', 'tetragonal');
  const d = errorAt(a, 'tetragonal', 'FD0604');
  assert.match(d.message, /space group Fm-3m \(No\. 225\) is cubic, but the system is tetragonal/);
});

test('every system fixes its cell: the message names the parameter and the value it must have', () => {
  const cases: [string, string, string, RegExp][] = [
    ['Fm-3m', 'a 10 Å, b 10.2 Å', '10.2 Å', /^b must equal a = 10 Å in a cubic cell/],
    ['P4/mmm', 'a 5 Å, b 5.1 Å, c 8 Å', '5.1 Å', /^b must equal a = 5 Å in a tetragonal cell/],
    ['Pnma', 'a 4 Å, b 5 Å, c 6 Å, beta 91°', '91°', /^β must be 90° in a orthorhombic cell \(space group Pnma, No\. 62\)/],
    ['P63/mmc', 'a 3 Å, c 5 Å, gamma 90°', '90°', /^γ must be 120° in a hexagonal cell/],
    ['P-3m1', 'a 3 Å, b 3.5 Å, c 5 Å', '3.5 Å', /^b must equal a = 3 Å in a trigonal cell on hexagonal axes/],
    ['R-3m', 'a 2 Å, b 2 Å, c 2 Å, alpha 60°, beta 61°, gamma 60°', '61°', /^β must equal α = 60° in a trigonal cell on rhombohedral axes/],
    ['P21/c', 'a 4 Å, b 5 Å, c 6 Å, alpha 89.5°, beta 100°', '89.5°', /^α must be 90° in a monoclinic cell \(space group P21\/c, No\. 14\)/],
  ];
  for (const [group, cell, at, message] of cases) {
    const a = crystal(group, cell);
    assert.match(errorAt(a, at, 'FD0610').message, message, `${group}: ${cell}`);
    assert.equal(cellVolume(a), undefined, `${group}: no volume`);
  }
});

test('cells that fit their system give their volumes, by hand', () => {
  const near = (x: number | undefined, y: number) => assert.ok(x !== undefined && Math.abs(x - y) < 1e-6 * y, `${x} vs ${y}`);
  near(cellVolume(crystal('P4/mmm', 'a 5 Å, c 8 Å')), 200); // a²c
  near(cellVolume(crystal('Pnma', 'a 4 Å, b 5 Å, c 6 Å')), 120); // abc
  near(cellVolume(crystal('P63/mmc', 'a 3 Å, c 5 Å')), 9 * 5 * (Math.sqrt(3) / 2)); // (√3/2)a²c = 38.971
  near(cellVolume(crystal('R-3m', 'a 3 Å, c 5 Å')), 9 * 5 * (Math.sqrt(3) / 2)); // R on hexagonal axes
  near(cellVolume(crystal('R-3m', 'a 2 Å, alpha 60°')), 8 * Math.sqrt(0.5)); // rhombohedral axes: a³√(1 − 3cos²α + 2cos³α) = 5.65685
  near(cellVolume(crystal('P21/c', 'a 4 Å, b 5 Å, c 6 Å, beta 120°')), 120 * Math.sin(Math.PI / 3)); // abc·sinβ
  near(cellVolume(crystal('P1121/b', 'a 4 Å, b 5 Å, c 6 Å, gamma 120°')), 120 * Math.sin(Math.PI / 3)); // unique axis c: abc·sinγ
  near(cellVolume(crystal('P-1', 'a 4 Å, b 5 Å, c 6 Å, alpha 90°, beta 90°, gamma 90°')), 120); // triclinic: free
});

test('a constrained parameter may differ within its esd or a small tolerance (0.005°, 5e-5 of an edge), not beyond', () => {
  const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors(crystal('P21/c', 'a 4 Å, b 5 Å, c 6 Å, beta 100°, gamma 90.02(3)°')), []);
  assert.deepEqual(errors(crystal('P21/c', 'a 4 Å, b 5 Å, c 6 Å, beta 100°, gamma 90.004°')), []);
  errorAt(crystal('P21/c', 'a 4 Å, b 5 Å, c 6 Å, beta 100°, gamma 90.05(3)°'), '90.05(3)°', 'FD0610');
  errorAt(crystal('P21/c', 'a 4 Å, b 5 Å, c 6 Å, beta 100°, gamma 90.01°'), '90.01°', 'FD0610');
  // Edges: |a − b| within √(esd_a² + esd_b²) = 0.00028 Å, or 5e-5 × 10 Å = 0.0005 Å without esds.
  assert.deepEqual(errors(crystal('P4/mmm', 'a 10.0000(2) Å, b 10.0002(2) Å, c 8 Å')), []);
  assert.deepEqual(errors(crystal('P4/mmm', 'a 10.0000 Å, b 10.0004 Å, c 8 Å')), []);
  errorAt(crystal('P4/mmm', 'a 10.0000(2) Å, b 10.0010(2) Å, c 8 Å'), '10.0010(2) Å', 'FD0610');
  // A rhombohedral R cell is on its own axes when an angle is not that of hexagonal axes.
  assert.deepEqual(errors(crystal('R-3m', 'a 5 Å, alpha 89°')), []);
});
