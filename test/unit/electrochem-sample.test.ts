// REFERENCE-VALUES.md: potentials, pH, calibrations, the result at -0.8 V and the plan at -1.0 V, from the sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { fixedSample, value, close } from './sample-helpers';

const a = analyze(fixedSample);

test('set-points vs Ag/AgCl (sat. KCl) with the source convention (0.198 V, 0.059 V × pH 1.0)', () => {
  const expected: [string, number][] = [
    ['-0.7 V vs RHE', -0.957], ['-0.8 V vs RHE', -1.057], ['-0.9 V vs RHE', -1.157], ['-1.0 V vs RHE', -1.257], ['-1.1 V vs RHE', -1.357],
    ['0.25 V vs RHE', -0.007], ['-1.15 V vs RHE', -1.407], ['-0.15 V vs RHE', -0.407], ['0 V vs RHE', -0.257],
  ];
  for (const [subject, v] of expected) close(value(a, 'setpoint', subject), v, 3, subject);
  const sp = a.values.find((v) => v.kind === 'setpoint' && v.subject === '-0.8 V vs RHE')!;
  assert.equal(sp.extra?.scale, 'Ag/AgCl (sat. KCl)');
  assert.equal(sp.hint?.text, '≙ −1.057 V vs Ag/AgCl');
});

test('pH: measured wins; 0.05 M H2SO4 is estimated at 1.240 (pKa2 1.99, ideal)', () => {
  const blank = a.values.find((v) => v.kind === 'pH' && v.subject === 'blank')!;
  close(blank.value, 1.240, 3, 'blank');
  assert.equal(blank.extra?.estimated, true);
  const nitrate = a.values.find((v) => v.kind === 'pH' && v.subject === 'nitrate')!;
  assert.equal(nitrate.value, 1.0);
  assert.equal(nitrate.extra?.estimated, false);
});

test('without the measured pH the conversion uses the estimate and says so', () => {
  const text = fixedSample.replace(/\n\s*pH 1.0 measured[^\n]*/, '');
  const b = analyze(text);
  const info = b.diagnostics.find((d) => d.code === 'FD0502');
  assert.ok(info);
  assert.match(info.message, /estimated pH 1\.24 of nitrate/);
  // -0.8 − 0.198 − 0.059 × 1.2400 = -1.0712
  close(value(b, 'setpoint', '-0.8 V vs RHE'), -1.0712, 3);
});

test('calibrations: slope, intercept, R², LOD', () => {
  const cases: [string, number, number, number, number][] = [
    ['nessler', 0.26387, 0.00874, 0.99987, 0.0346],
    ['griess', 1.01429, 0.003, 0.99988, 0.0077],
    ['wattchrisp', 0.56006, 0.0102, 1.0, 0.0036],
  ];
  for (const [name, slope, intercept, r2, lod] of cases) {
    close(value(a, 'calibrationSlope', name), slope, 5, `${name} slope`);
    close(value(a, 'calibrationIntercept', name), intercept, 5, `${name} intercept`);
    close(value(a, 'calibrationR2', name), r2, 5, `${name} R²`);
    close(value(a, 'calibrationLOD', name), lod, 4, `${name} LOD`);
  }
});

test('result at -0.8 V: concentrations, FE, yield rates, FE sum and conversion', () => {
  close(value(a, 'concentration', 'Au28Cu12/NH3-N'), 342.08, 2, 'NH3-N');
  close(a.values.find((v) => v.subject === 'Au28Cu12/NH3-N')!.extra!.measured as number, 0.3421, 4, 'NH3-N read');
  close(value(a, 'productAmount', 'Au28Cu12/NH3'), 0.7327, 4, 'NH3 mmol');
  close(value(a, 'faradaicEfficiency', 'Au28Cu12/NH3'), 94.25, 2, 'FE NH3');
  const rates = a.values.filter((v) => v.kind === 'yieldRate' && v.subject === 'Au28Cu12/NH3');
  close(rates.find((r) => r.unit === 'ug/h/mg')!.value, 6239, 0, 'µg/h/mg');
  close(rates.find((r) => r.unit === 'mmol/h/cm2')!.value, 0.3663, 4, 'mmol/h/cm2');
  close(value(a, 'concentration', 'Au28Cu12/NO2-N'), 28.986, 3, 'NO2-N');
  close(value(a, 'faradaicEfficiency', 'Au28Cu12/NO2-'), 1.997, 3, 'FE NO2-');
  close(value(a, 'meanCurrent', 'Au28Cu12'), 83.33, 2, 'current');
  close(value(a, 'faradaicEfficiency', 'Au28Cu12/H2'), 0.852, 3, 'FE H2');
  close(value(a, 'faradaicEfficiencySum', 'Au28Cu12'), 97.10, 2, 'FE sum');
  close(value(a, 'conversion', 'Au28Cu12'), 5.30, 2, 'conversion');
  assert.equal(a.diagnostics.filter((d) => d.code === 'FD0508').length, 0, 'no FE warning on the sample');
});

test('plan at -1.0 V: charge, NH3, catholyte and diluted concentration, absorbance, warnings', () => {
  close(value(a, 'expectedCharge', 'Au28Cu12'), 3600, 6);
  close(value(a, 'expectedAmount', 'Au28Cu12/NH3'), 4.4307, 4);
  close(value(a, 'expectedConcentration', 'Au28Cu12/NH3-N'), 2068.7, 1);
  close(value(a, 'expectedReading', 'Au28Cu12/nessler'), 0.555, 3);
  close(value(a, 'conversion', 'Au28Cu12/NH3'), 29.5, 1);
  assert.ok(a.diagnostics.some((d) => d.code === 'FD0511' && /2\.069 mg\/L NH3-N/.test(d.message)));
  assert.ok(a.diagnostics.some((d) => d.code === 'FD0512' && /29\.5 %/.test(d.message)));
});
