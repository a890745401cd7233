// Gas flows in the standard units of mass-flow controllers (`sccm`, `slpm`): molar
// flows at 0 °C and 101.325 kPa, never a volume at the protocol's temperature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { parseUnit } from '../../server/src/units/parse-unit';
import { toSI } from '../../server/src/units/convert';
import { methodsDocument, renderMethods } from '../../server/src/methods/assemble';

const near = (a: number | string | undefined, b: number, tol: number, what = '') => assert.ok(typeof a === 'number' && Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const value = (a: Analysis, kind: string, subject: string) => a.values.find((v) => v.kind === kind && v.subject === subject);
const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

const protocol = (cell: string, readings: string, temperature = '25 °C') => `temperature ${temperature}
pressure 101.325 kPa
reaction CO : CO2 + H2O + 2 e- -> CO + 2 OH-
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

// 20 sccm = 20 cm³/min of gas at 273.15 K and 101325 Pa:
//   R·T0 = 8.314462618 × 273.15 = 2271.0955 J/mol; p0/(R·T0) = 101325 / 2271.0955 = 44.61503 mol/m³
//   ṅ = 20e-6 m³/min / 60 s/min × 44.61503 mol/m³ = 1.487168e-5 mol/s
test('sccm and slpm are molar flows at 0 °C and 101.325 kPa', () => {
  const sccm = parseUnit('sccm');
  assert.ok('unit' in sccm);
  near(toSI(20, sccm.unit), 1.487168e-5, 1e-10, '20 sccm in mol/s');
  for (const spelling of ['SCCM']) {
    const u = parseUnit(spelling);
    assert.ok('unit' in u, spelling);
    near(toSI(20, u.unit), 1.487168e-5, 1e-10, spelling);
  }
  // 1 slpm = 1000 sccm: 0.02 slpm is the same 1.487168e-5 mol/s.
  for (const spelling of ['slpm', 'SLPM', 'slm', 'SLM']) {
    const u = parseUnit(spelling);
    assert.ok('unit' in u, spelling);
    near(toSI(0.02, u.unit), 1.487168e-5, 1e-10, spelling);
  }
});

// CO at 2 % of the carrier, 100 mA, 2 electrons:
//   at 20 sccm:            ṅ(CO) = 0.02 × 1.487168e-5 = 2.974336e-7 mol/s
//                          FE = 2 × 96485.33212 × 2.974336e-7 / 0.100 = 0.573960 → 57.396 %
//   at 20 mL/min at 25 °C: Vm = 8.314462618 × 298.15 / 101325 = 0.0244654 m³/mol
//                          ṅ(CO) = 0.02 × (20e-6 / 60) / 0.0244654 = 2.724941e-7 mol/s → FE 52.583 %
//   ratio 57.396 / 52.583 = 1.091525 = 298.15 / 273.15: the error a sccm read as mL/min would make.
test('the FE of a GC product at 20 sccm and at 20 mL/min at 25 °C differ by 298.15/273.15', () => {
  const sccm = analyze(protocol('  type flow cell\n  feed CO2 20 sccm', '  CO 20000 ppm by GC'));
  const mlMin = analyze(protocol('  type flow cell\n  feed CO2 20 mL/min', '  CO 20000 ppm by GC'));
  assert.deepEqual(errors(sccm), []);
  assert.deepEqual(errors(mlMin), []);
  const fe = value(sccm, 'faradaicEfficiency', 'Ag/CO')?.value as number;
  const feVolume = value(mlMin, 'faradaicEfficiency', 'Ag/CO')?.value as number;
  near(fe, 57.3960, 1e-3, 'FE at 20 sccm');
  near(feVolume, 52.5833, 1e-3, 'FE at 20 mL/min, 25 °C');
  near(fe / feVolume, 298.15 / 273.15, 1e-9, 'ratio');
  // j(CO) = 57.396 % × 100 mA / 2 cm² = 28.698 mA/cm².
  near(value(sccm, 'partialCurrentDensity', 'Ag/CO')?.value, 28.698, 1e-3, 'j(CO)');
  // The report carries the molar flow: on the cell and the carrier flow in µmol/s, on the FE in mol/s.
  const gasFlow = value(sccm, 'gasFlow', 'F')!;
  near(gasFlow.value, 14.87168, 1e-5, 'gasFlow µmol/s');
  assert.equal(gasFlow.unit, 'umol/s');
  assert.deepEqual(gasFlow.extra, { gas: 'CO2', source: 'feed', written: '20 sccm', standardTemperatureK: 273.15, standardPressurePa: 101325 });
  near(value(sccm, 'carrierFlow', 'Ag/CO')?.value, 14.87168, 1e-5, 'carrierFlow µmol/s');
  near(value(sccm, 'faradaicEfficiency', 'Ag/CO')?.extra?.carrierMolarFlow as number, 1.487168e-5, 1e-10, 'carrierMolarFlow');
  // At 20 mL/min and 25 °C: (20e-6 / 60) / 0.0244654 = 1.362468e-5 mol/s.
  near(value(mlMin, 'faradaicEfficiency', 'Ag/CO')?.extra?.carrierMolarFlow as number, 1.362468e-5, 1e-10, 'carrierMolarFlow of mL/min');
  // The hover states the standard conditions.
  assert.match(gasFlow.detail!, /20 sccm = 14\.87 µmol\/s \(a molar flow: standard volume at 0 °C \(273\.15 K\) and 101\.325 kPa/);
  assert.match(value(sccm, 'faradaicEfficiency', 'Ag/CO')!.detail!, /flow = 20 sccm = 14\.87 µmol\/s .*no temperature or pressure enters/);
});

// At 40 °C a flow in mL/min holds fewer moles: Vm = 8.314462618 × 313.15 / 101325 = 0.0256963 m³/mol,
// FE = 2 × 96485.33212 × 0.02 × (20e-6/60) / 0.0256963 / 0.100 = 50.065 %; 20 sccm stays 57.396 %.
test('a standard flow takes no temperature or pressure of the protocol; a line\'s own flow and a purge read it too', () => {
  near(value(analyze(protocol('  type flow cell\n  feed CO2 20 sccm', '  CO 20000 ppm by GC', '40 °C')), 'faradaicEfficiency', 'Ag/CO')?.value, 57.3960, 1e-3, 'sccm at 40 °C');
  near(value(analyze(protocol('  type flow cell\n  feed CO2 20 mL/min', '  CO 20000 ppm by GC', '40 °C')), 'faradaicEfficiency', 'Ag/CO')?.value, 50.0645, 1e-3, 'mL/min at 40 °C');
  const own = analyze(protocol('  type flow cell', '  CO 20000 ppm by GC at 20 SCCM'));
  assert.deepEqual(errors(own), []);
  near(value(own, 'faradaicEfficiency', 'Ag/CO')?.value, 57.3960, 1e-3, 'the line\'s own sccm');
  // `purge CO2 0.02 slpm` in an H-cell is the purge's flow, not its duration.
  const purge = analyze(protocol('  type H-cell\n  purge CO2 0.02 slpm', '  CO 20000 ppm by GC'));
  assert.deepEqual(errors(purge), []);
  near(value(purge, 'faradaicEfficiency', 'Ag/CO')?.value, 57.3960, 1e-3, 'purge in slpm');
  assert.equal(value(purge, 'gasFlow', 'F')?.extra?.source, 'purge');
});

test('a molar amount is no flow, and the methods section names the standard conditions', () => {
  const bad = analyze(protocol('  type flow cell\n  feed CO2 20 mmol', '  CO 20000 ppm by GC'));
  assert.ok(errors(bad).some((e) => e.startsWith('FD0402') && e.includes('a molar gas flow such as `20 sccm`')), errors(bad).join('\n'));
  assert.equal(value(bad, 'faradaicEfficiency', 'Ag/CO'), undefined);
  const text = renderMethods(methodsDocument(analyze(protocol('  type flow cell\n  feed CO2 20 sccm', '  CO 20000 ppm by GC'))), 'md');
  assert.match(text, /molar gas flow \(20 sccm; a volume flow V̇ at the standard conditions 0 °C and 101\.325 kPa/);
  assert.doesNotMatch(text, /molar volume of an ideal gas/);
});
