// Flow cells and MEAs: the cell's type, the electrolytes' flows, the gas fed
// through the gas-diffusion electrode (which GC lines without their own flow
// take), and the liquid-product volume of an MEA, which has no catholyte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { completions } from '../../server/src/features/completion';

const near = (a: number | string | undefined, b: number, tol: number, what = '') => assert.ok(typeof a === 'number' && Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const value = (a: Analysis, kind: string, subject: string) => a.values.find((v) => v.kind === kind && v.subject === subject);
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);

const protocol = (cell: string, readings: string) => `reaction CO : CO2 + H2O + 2 e- -> CO + 2 OH-
reaction HCOO- : CO2 + H2O + 2 e- -> HCOO- + OH-
electrolyte bic {
  1 M KHCO3 in water
  saturated with CO2
  pH 7.8 measured
}
electrode gde {
  catalyst 1 mg Ag
  area 2 cm2
}
cell F {
  working gde
  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE
${cell}
}
result Ag at -0.8 V vs RHE for 1 h in F {
  current -100 mA
${readings}
}
`;

// CO at 2 % (20000 ppm) in the 20 mL/min CO2 fed through the GDE, 25 °C and 101.325 kPa:
//   Vm = RT/p = 8.314462618 × 298.15 / 101325 = 0.0244654 m³/mol
//   ṅ(CO) = x·flow/Vm = 0.02 × (20e-6 m³ / 60 s) / 0.0244654 = 2.72494e-7 mol/s
//   FE = n·F·ṅ/I = 2 × 96485.33212 × 2.72494e-7 / 0.100 A = 0.525833 → 52.58 %
//   j(CO) = 52.58 % × 100 mA / 2 cm² = 26.29 mA/cm² (the GDE's geometric area)
test('a GC line without its own flow takes the flow cell\'s gas feed through the GDE', () => {
  const a = analyze(protocol('  type flow cell\n  catholyte bic 30 mL at 10 mL/min\n  feed CO2 20 mL/min', '  CO 20000 ppm by GC'));
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
  near(value(a, 'faradaicEfficiency', 'Ag/CO')?.value, 52.583, 1e-3, 'FE(CO)');
  near(value(a, 'partialCurrentDensity', 'Ag/CO')?.value, 26.292, 1e-3, 'j(CO) over 2 cm²');
  near(value(a, 'carrierFlow', 'Ag/CO')?.value, 20, 1e-9, 'the flow it took');
  assert.match(value(a, 'faradaicEfficiency', 'Ag/CO')!.detail!, /flow = 20 mL\/min \(cell F's CO2 feed through the gas-diffusion electrode; the line states none\)/);
  assert.equal(value(a, 'cellType', 'F')?.value, 'flow cell');
  near(value(a, 'gasFlow', 'F')?.value, 20, 1e-9, 'gas flow on the cell');
  near(value(a, 'electrolyteFlow', 'F/catholyte')?.value, 10, 1e-9, 'catholyte flow');
  // The line's own flow wins: at 40 mL/min the same fraction is twice the moles, FE 105.17 %.
  const own = analyze(protocol('  type flow cell\n  feed CO2 20 mL/min', '  CO 20000 ppm by GC at 40 mL/min'));
  near(value(own, 'faradaicEfficiency', 'Ag/CO')?.value, 105.167, 1e-3, 'own flow');
  assert.equal(value(own, 'carrierFlow', 'Ag/CO'), undefined);
});

// A peak area through a gas calibration: 0.05 ppm per area × 400000 = 20000 ppm, the same 52.58 %.
test('a gas calibration\'s reading and an H-cell\'s purge flow are taken the same way', () => {
  const cal = 'calibration fid-CO {\n  gas CO\n  response factor 0.05 ppm per area\n}\n';
  const a = analyze(cal + protocol('  type flow cell\n  feed CO2 20 mL/min', '  CO area 400000 by fid-CO'));
  near(value(a, 'faradaicEfficiency', 'Ag/CO')?.value, 52.583, 1e-3, 'through fid-CO');
  const h = analyze(protocol('  type H-cell\n  catholyte bic 30 mL\n  purge CO2 20 mL/min', '  CO 20000 ppm by GC'));
  near(value(h, 'faradaicEfficiency', 'Ag/CO')?.value, 52.583, 1e-3, 'H-cell purge');
  assert.match(value(h, 'faradaicEfficiency', 'Ag/CO')!.detail!, /cell F's CO2 purge/);
  // A flow cell with both: the feed through the GDE (30 mL/min → 78.87 %), not the purge of the catholyte reservoir.
  const both = analyze(protocol('  type flow cell\n  purge CO2 20 mL/min\n  feed CO2 30 mL/min', '  CO 20000 ppm by GC'));
  near(value(both, 'faradaicEfficiency', 'Ag/CO')?.value, 52.583 * 1.5, 1e-3, 'feed wins in a flow cell');
});

test('without any flow a gas reading is an error, never an assumed number', () => {
  for (const reading of ['  CO 20000 ppm by GC', '  CO area 400000 by fid-CO']) {
    const a = analyze('calibration fid-CO {\n  gas CO\n  response factor 0.05 ppm per area\n}\n' + protocol('  type flow cell\n  catholyte bic 30 mL', reading));
    assert.ok(codes(a).includes('FD0551'), reading);
    assert.match(a.diagnostics.find((d) => d.code === 'FD0551')!.message, /feed CO2 20 mL\/min/);
    assert.equal(value(a, 'faradaicEfficiency', 'Ag/CO'), undefined);
  }
  // An impossible feed has its error, and the reading has no number (no fallback to anything else).
  const bad = analyze(protocol('  type flow cell\n  purge CO2 20 mL/min\n  feed CO2 -5 mL/min', '  CO 20000 ppm by GC'));
  assert.ok(codes(bad).includes('FD0410'));
  assert.equal(value(bad, 'faradaicEfficiency', 'Ag/CO'), undefined);
  assert.ok(!codes(bad).includes('FD0551'), 'the flow is stated, only impossible');
});

// HCOO- 46 mg/L (1.0218 mmol/L, 45.017 g/mol) in the 10 mL that collected the liquid products of the MEA:
//   N = 1.0218e-3 mol/L × 0.010 L = 1.0218e-5 mol; Q = 0.100 A × 3600 s = 360 C
//   FE = 2 × 96485.33212 C/mol × 1.0218e-5 mol / 360 C = 1.9718 C / 360 C = 0.005477 → 0.5477 %
test('an MEA has no catholyte volume: its dissolved products need a collection volume', () => {
  const without = analyze(protocol('  type MEA\n  feed CO2 20 mL/min', '  HCOO- 46 mg/L'));
  const d = without.diagnostics.find((x) => x.code === 'FD0514');
  assert.ok(d, 'no volume');
  assert.match(d!.message, /MEA.*liquid products 10 mL/);
  assert.equal(value(without, 'faradaicEfficiency', 'Ag/HCOO-'), undefined);
  const collected = analyze(protocol('  type MEA\n  feed CO2 20 mL/min\n  liquid products 10 mL', '  HCOO- 46 mg/L'));
  near(value(collected, 'faradaicEfficiency', 'Ag/HCOO-')?.value, 0.5477, 2e-4, 'FE over 10 mL');
  assert.match(value(collected, 'cell', 'Ag')!.detail!, /an MEA; liquid products collected in 10 mL; gas flow 20 mL\/min \(cell F's CO2 feed/);
  // A catholyte in an MEA is said, and its volume does not hold the products.
  const withCatholyte = analyze(protocol('  type MEA\n  catholyte bic 30 mL\n  feed CO2 20 mL/min', '  HCOO- 46 mg/L'));
  assert.ok(codes(withCatholyte).includes('FD0564'));
  assert.equal(value(withCatholyte, 'faradaicEfficiency', 'Ag/HCOO-'), undefined);
  // In a flow cell the recirculated catholyte holds them (30 mL: FE 1.643 %), unless a collection volume is stated.
  near(value(analyze(protocol('  type flow cell\n  catholyte bic 30 mL at 10 mL/min', '  HCOO- 46 mg/L')), 'faradaicEfficiency', 'Ag/HCOO-')?.value, 0.5477 * 3, 6e-4, 'flow cell, 30 mL');
});

test('an unknown cell type is an error with fixes to the known ones', () => {
  const a = analyze(protocol('  type flowcel\n  feed CO2 20 mL/min', '  CO 20000 ppm by GC'));
  const d = a.diagnostics.find((x) => x.code === 'FD0563');
  assert.ok(d);
  assert.equal(d!.fixes?.[0]?.edits[0]?.newText, 'flow cell');
  for (const spelling of ['H-cell', 'H', 'flow cell', 'flow', 'MEA', 'zero-gap']) {
    assert.ok(!codes(analyze(protocol(`  type ${spelling}`, '  current -100 mA'))).includes('FD0563'), spelling);
  }
});

test('completion offers the cell types, the gases and the new cell lines', () => {
  const vocabulary = { species: [], referenceElectrodes: [], unitsFor: () => [] };
  const at = (text: string, marker: string) => completions(analyze(text), text.indexOf(marker) + marker.length, vocabulary).map((c) => c.label);
  assert.deepEqual(at('cell F {\n  type \n}\n', 'type '), ['H-cell', 'flow cell', 'MEA']);
  assert.ok(at('cell F {\n  feed \n}\n', 'feed ').includes('CO2'));
  assert.ok(at('electrolyte e {\n  saturated with \n}\n', 'with ').includes('CO2'));
  const lines = at('cell F {\n  \n}\n', '{\n  ');
  for (const w of ['type', 'feed', 'liquid products']) assert.ok(lines.includes(w), w);
});

// The flow-cell sample: 0.5 M KHCO3 under 1 atm CO2, h ≈ Ka1 × 0.034 / 0.5 = 3.0374e-8 → 7.5174, and
// Ka2/h = 1.54e-3: − log10(1 + 3.08e-3) = −0.0013 → pH 7.5161.
// H2 at 0.57 % in the 20 mL/min feed: 0.0057 × 3.3333e-7 m³/s / 0.0244654 m³/mol = 7.7661e-8 mol/s,
// FE = 2 × 96485.33212 × 7.7661e-8 / 0.100 A = 0.14986 → 14.99 %; C2H4 at 0.25 %: 12 e⁻, 39.44 %.
test('the flow-cell sample: estimated pH under CO2 and FEs at the feed through the GDE', () => {
  const text = readFileSync(new URL('../../samples/co2-flow-cell-cu.faraday', import.meta.url), 'utf8');
  const a = analyze(text);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.message), []);
  near(value(a, 'pH', 'bic')?.value, 7.5161, 2e-4, 'catholyte pH');
  near(value(a, 'pH', 'bicAr')?.value, 8.34, 0.01, 'anolyte pH');
  near(value(a, 'faradaicEfficiency', 'Cu/H2')?.value, 14.986, 1e-3, 'FE(H2)');
  near(value(a, 'faradaicEfficiency', 'Cu/C2H4')?.value, 39.4375, 1e-3, 'FE(C2H4)');
  assert.equal(value(a, 'cellType', 'flow')?.value, 'flow cell');
});
