// Further cases checked by hand (calculation in the comment of each).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertPotential, nernstSlope, resolveScale, type Scale } from '../../server/src/electrochem/potential-scale';
import { estimatePH } from '../../server/src/electrochem/ph';
import { fitCalibration } from '../../server/src/electrochem/calibration';
import { analyteBasis } from '../../server/src/electrochem/analyte';
import { faradaicEfficiency, gasMolarRate, molarVolume } from '../../server/src/electrochem/faradaic';
import { analyze } from '../../server/src/analysis/analyze';

const scale = (t: string) => resolveScale(t) as Scale;
const near = (a: number, b: number, tol: number, what = '') => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test('Nernst slope 2.303RT/F: 0.05916 V at 25 °C, 0.05817 V at 20 °C', () => {
  near(nernstSlope(298.15), 0.059159, 1e-6, '25 °C'); // ln10 × 8.314462618 × 298.15 / 96485.33212
  near(nernstSlope(293.15), 0.058167, 1e-6, '20 °C');
});

test('conversions between scales', () => {
  const s = 0.05916;
  // RHE → SCE at pH 7: E = 0 − 0.05916 × 7 − 0.241 = −0.65512
  near(convertPotential(0, scale('RHE'), scale('SCE'), 7, s), -0.65512, 1e-9, 'RHE→SCE');
  // Hg/HgO (1 M KOH) → RHE at pH 14: E = 0 + 0.098 + 0.05916 × 14 = 0.92624; the pH term appears once
  near(convertPotential(0, scale('Hg/HgO (1 M KOH)'), scale('RHE'), 14, s), 0.92624, 1e-9, 'HgO→RHE');
  near(convertPotential(convertPotential(-0.3, scale('RHE'), scale('Hg/HgO'), 14, s), scale('Hg/HgO'), scale('RHE'), 14, s), -0.3, 1e-12, 'round trip');
  // Ag/AgCl (3 M KCl) → SHE: +0.210
  near(convertPotential(0, scale('Ag/AgCl (3 M KCl)'), scale('SHE'), 0, s), 0.21, 1e-12, '3 M KCl');
  // MSE → SCE: 0.640 − 0.241 = 0.399
  near(convertPotential(0, scale('MSE'), scale('SCE'), 0, s), 0.399, 1e-12, 'MSE→SCE');
  const unknown = resolveScale('Ag/AgCI (sat. KCl)');
  assert.ok('error' in unknown && /did you mean `Ag\/AgCl \(sat\. KCl\)`/.test(unknown.error));
});

test('pH estimates by charge balance', () => {
  near(estimatePH([{ name: 'H2SO4', molar: 0.05 }]).pH, 1.240, 5e-4, '0.05 M H2SO4'); // quadratic in [H+] with Ka2 = 10^-1.99
  near(estimatePH([{ name: 'H2SO4', molar: 0.05 }, { name: 'KNO3', molar: 0.5 }]).pH, 1.240, 5e-4, 'nitrate is a spectator');
  near(estimatePH([{ name: 'KOH', molar: 1 }]).pH, 14.0, 1e-6, '1 M KOH');
  near(estimatePH([{ name: 'NaOH', molar: 0.1 }]).pH, 13.0, 1e-6, '0.1 M NaOH');
  near(estimatePH([{ name: 'HCl', molar: 0.01 }]).pH, 2.0, 1e-6, '0.01 M HCl');
  near(estimatePH([{ name: 'KNO3', molar: 0.5 }]).pH, 7.0, 1e-6, 'neutral salt');
  // Equimolar KH2PO4/K2HPO4 at 0.1 M: pH ≈ pKa2 = 7.20, slightly lower from the ionic terms (ideal: 7.20 within 0.02)
  near(estimatePH([{ name: 'KH2PO4', molar: 0.1 }, { name: 'K2HPO4', molar: 0.1 }]).pH, 7.2, 0.02, 'phosphate');
  // 0.5 M KHCO3: pH ≈ (pKa1 + pKa2)/2 = 8.34
  near(estimatePH([{ name: 'KHCO3', molar: 0.5 }]).pH, 8.34, 0.02, 'bicarbonate');
  // Sulfate from K2SO4 takes protons: 0.05 M H2SO4 + 0.5 M K2SO4 is less acidic than 1.24
  assert.ok(estimatePH([{ name: 'H2SO4', molar: 0.05 }, { name: 'K2SO4', molar: 0.5 }]).pH > 1.6);
  assert.deepEqual(estimatePH([{ name: 'Xyz', molar: 1 }]).ignored, ['Xyz']);
});

test('calibration: exact line, LOD/LOQ by hand', () => {
  // y = 2x + 1 exactly: slope 2, intercept 1, R² 1, s = 0
  const f = fitCalibration([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])!;
  near(f.slope, 2, 1e-12);
  near(f.intercept, 1, 1e-12);
  near(f.r2, 1, 1e-12);
  assert.equal(f.lod, 0);
  // Points (0,0), (1,1), (2,1): slope 0.5, intercept 1/6, residuals -1/6, 1/3, -1/6 → SSE 1/6, s = sqrt(1/6) = 0.40825, LOD = 3.3 × 0.40825 / 0.5 = 2.6944
  const g = fitCalibration([{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 1 }])!;
  near(g.slope, 0.5, 1e-12);
  near(g.lod, 2.69444, 1e-4);
  near(g.loq, 8.16497, 1e-4);
});

test('analyte bases give different moles from the same mg/L', () => {
  const nh3n = analyteBasis('NH3-N');
  const nh3 = analyteBasis('NH3');
  const nh4 = analyteBasis('NH4+');
  assert.ok(!('error' in nh3n) && !('error' in nh3) && !('error' in nh4));
  near(nh3n.gramsPerMolProduct, 14.007, 1e-9);
  near(nh3.gramsPerMolProduct, 17.031, 1e-9);
  near(nh4.gramsPerMolProduct, 18.039, 1e-9);
  const n2h4n = analyteBasis('N2H4-N');
  assert.ok(!('error' in n2h4n) && Math.abs(n2h4n.gramsPerMolProduct - 28.014) < 1e-9, 'two N per N2H4');
  assert.ok('error' in analyteBasis('ammonia'));
});

test('GC gases at other flows and temperatures', () => {
  // Vm at 25 °C, 101325 Pa: 8.314462618 × 298.15 / 101325 = 0.0244654 m³/mol
  near(molarVolume(298.15, 101325) * 1000, 24.465, 1e-3);
  // 1000 ppm H2 at 10 mL/min, 20 mA, 20 °C: Vm = 8.314462618 × 293.15 / 101325 = 0.0240553 m³/mol,
  // rate = 1e-3 × (10e-6/60 m³/s) / 0.0240553 = 6.9285e-9 mol/s; FE = 2 × 96485.33212 × 6.9285e-9 / 0.020 = 6.685 %
  const rate = gasMolarRate(1e-3, 10e-6 / 60, 293.15, 101325);
  near(rate, 6.9285e-9, 1e-12);
  near((2 * 96485.33212 * rate) / 0.02, 0.066853, 1e-5);
  // FE = n F N / Q: 8 e-, 1 mmol, 1000 C → 77.19 %
  near(faradaicEfficiency(8, 1e-3, 1000), 0.771883, 1e-6);
});

test('diagnostics of calibrations and results trigger where they should', () => {
  const base = 'calibration c {\n  analyte NH3-N\n  standards mg/L -> absorbance { 0 -> 0.01; 1 -> 0.5 }\n}\n';
  assert.ok(analyze(base).diagnostics.some((d) => d.code === 'FD0507'), 'fewer than three standards');
  const poor = 'calibration c {\n  analyte NH3-N\n  standards mg/L -> absorbance { 0 -> 0.01; 1 -> 0.5; 2 -> 0.6; 3 -> 1.4 }\n}\n';
  assert.ok(analyze(poor).diagnostics.some((d) => d.code === 'FD0506'), 'R² below 0.99');
  const amb = 'calibration c {\n  analyte ammonia\n  standards mg/L -> absorbance { 0 -> 0.01; 1 -> 0.5; 2 -> 1.0 }\n}\n';
  assert.ok(analyze(amb).diagnostics.some((d) => d.code === 'FD0509'), 'ambiguous analyte');
  const scanRate = 'run in H {\n  CV from 0.1 V to 0.3 V vs RHE at 50 mL\n}\n';
  const d = analyze(scanRate).diagnostics.find((x) => x.code === 'FD0402');
  assert.ok(d && d.message === 'Rate of a sweep needs a potential per time, such as `50 mV/s` or a rotation rate such as `600 rpm`; got `50 mL` (a volume)', d?.message);
});

test('double-layer capacitance and ECSA from Δj against scan rate', () => {
  // Δj rises 0.8 mA/cm² over 160 mV/s: slope 5 mF/cm², Cdl = slope/2 = 2.5 mF/cm²;
  // ECSA = 2.5 mF/cm² × 1 cm² / 0.035 mF/cm² (acid default) = 71.43 cm²; with 0.040 stated: 62.5 cm².
  const base = 'electrode w {\n  catalyst 1 mg Au\n  area 1 cm2\n}\nresult X at -0.8 V vs RHE for 1 h {\n  double layer 20, 60, 100, 140, 180 mV/s -> 0.10, 0.30, 0.50, 0.70, 0.90 mA/cm2\n}\n';
  const a = analyze(base);
  near(a.values.find((v) => v.kind === 'cdl')!.value as number, 2.5, 1e-9, 'Cdl');
  near(a.values.find((v) => v.kind === 'ecsa')!.value as number, 71.428571, 1e-5, 'ECSA');
  assert.ok(a.diagnostics.some((d) => d.code === 'FD0516' && /0\.035 mF\/cm2/.test(d.message)), 'the default is named');
  const stated = analyze(base.replace('  double', '  specific capacitance 0.040 mF/cm2\n  double'));
  near(stated.values.find((v) => v.kind === 'ecsa')!.value as number, 62.5, 1e-9, 'ECSA with Cs stated');
  assert.ok(!stated.diagnostics.some((d) => d.code === 'FD0516'));
  assert.ok(analyze(base.replace('0.90 mA/cm2', 'mA/cm2').replace(', 0.70,', ',')).diagnostics.some((d) => d.code === 'FD0517' || d.code === 'FD0109'));
});

test('iR compensation at the mean current of a result', () => {
  // 75 C in 1 h: 20.833 mA; 85 % of 2.5 Ω: 0.020833 × 2.5 × 0.85 = 44.27 mV compensated
  const a = analyze(require('node:fs').readFileSync(require('node:path').join(__dirname, '../../samples/alkaline-hgo-hydrazine.faraday'), 'utf8'));
  near(a.values.find((v) => v.kind === 'iRCompensation')!.value as number, 44.2708, 1e-3, 'iR');
});

test('reading outside the standards, below the LOD, and FE above 100 % are flagged; not on the sample', async () => {
  const { fixedSample } = await import('./sample-helpers');
  const codes = (t: string) => analyze(t).diagnostics.map((d) => d.code);
  for (const c of ['FD0504', 'FD0505', 'FD0508']) assert.ok(!codes(fixedSample).includes(c), `${c} not on the sample`);
  assert.ok(codes(fixedSample.replace('absorbance 0.099 by nessler', 'absorbance 0.900 by nessler')).includes('FD0504'));
  assert.ok(codes(fixedSample.replace('absorbance 0.099 by nessler', 'absorbance 0.013 by nessler')).includes('FD0505'));
  assert.ok(codes(fixedSample.replace('charge 600 C', 'charge 300 C')).includes('FD0508'));
});

test('the remaining electrochemistry diagnostics trigger once each', () => {
  const codes = (t: string) => analyze(t).diagnostics.map((d) => d.code);
  const cell = (extra = '', electrolyte = '0.1 M K3PO4 in water') =>
    `electrolyte e {\n  ${electrolyte}\n}\nelectrode w {\n  catalyst 1 mg Au\n  area 1 cm2\n}\ncell H {\n  working w\n  reference SCE\n  catholyte e 30 mL\n}\n${extra}`;
  assert.ok(codes(cell('run in H {\n  CA at -0.8 V vs Ag/AgCI for 1 h\n}\n', '0.1 M KNO3 in water')).includes('FD0501'), 'unknown reference');
  const noPH = 'cell H {\n  reference SCE\n  catholyte e 30 mL\n}\nrun in H {\n  CA at -0.8 V vs RHE for 1 h\n}\n';
  assert.ok(codes(noPH).includes('FD0503'), 'pH unknown: the electrolyte is not declared');
  const calib = 'calibration c {\n  analyte NH3-N\n  standards mg/L -> absorbance { 0 -> 0.01; 1 -> 0.27; 2 -> 0.53 }\n}\n';
  assert.ok(codes(cell(calib + 'result X at -0.8 V vs RHE for 1 h {\n  NH3-N absorbance 0.2 by c\n}\n', '0.1 M KNO3 in water')).includes('FD0510'), 'no reaction gives n');
  assert.ok(codes(cell(calib + 'reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O\nresult X at -0.8 V vs RHE for 1 h {\n  NH3-N absorbance 0.2 by c\n}\n', '0.1 M KNO3 in water')).includes('FD0513'), 'no charge');
  assert.ok(codes(cell(calib + 'result X at -0.8 V vs RHE for 1 h {\n  NH3-N absorbance 0.2\n}\n', '0.1 M KNO3 in water')).includes('FD0515'), 'no calibration named');
  const noVolume = cell(calib + 'result X at -0.8 V vs RHE for 1 h {\n  charge 10 C\n  NH3-N absorbance 0.2 by c\n}\n', '0.1 M KNO3 in water').replace('catholyte e 30 mL', 'catholyte e');
  assert.ok(codes(noVolume).includes('FD0514'), 'no catholyte volume');
});
