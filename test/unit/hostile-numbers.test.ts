// Numbers no double holds, found by fuzzing the language server (a standards
// reading edited into `-1e309` drew a calibration figure of nulls and
// "slope —" labels), shrunk to their smallest form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { buildFigures } from '../../server/src/plots/figures';
import { fitCalibration } from '../../server/src/electrochem/calibration';

const calibration = (reading: string) => `calibration indophenol {\n  analyte NH3-N\n  standards mg/L -> absorbance { 0.0 -> 0.021; 0.1 -> 0.098; 0.4 -> ${reading}; 0.8 -> 0.642 }\n}\n`;

test('a standards reading of -1e309: FD0132 at it, no fit, no figure, no NaN', () => {
  const text = calibration('-1e309');
  const a = analyze(text);
  const range = a.diagnostics.filter((d) => d.code === 'FD0132');
  assert.equal(range.length, 1);
  assert.equal(text.slice(range[0]!.span.start, range[0]!.span.end), '-1e309');
  assert.match(range[0]!.message, /beyond the largest number Faraday computes with/);
  assert.ok(!a.facts.calibrationFits.has('indophenol'), 'no fit from an infinite reading');
  assert.deepEqual(buildFigures(a).map((f) => f.id), []);
  assert.deepEqual(a.values.filter((v) => /^calibration(Slope|Intercept|R2)$/.test(v.kind)), []);
  // With a reading a double holds, the same calibration is fitted and drawn.
  const fine = analyze(calibration('0.331'));
  assert.ok(fine.facts.calibrationFits.has('indophenol'));
  assert.deepEqual(buildFigures(fine).map((f) => f.id), ['calibration-indophenol']);
});

test('1e309 mg and 1e-400 mg: FD0132 at the number, not a silent Infinity or 0', () => {
  const text = 'synthesis X {\n  add 1e309 mg HAuCl4·3H2O\n  add 1e-400 mg HAuCl4·3H2O\n  add 0e5 mg HAuCl4·3H2O\n}\n';
  const a = analyze(text);
  const range = a.diagnostics.filter((d) => d.code === 'FD0132').map((d) => [text.slice(d.span.start, d.span.end), /smaller than the smallest/.test(d.message)]);
  assert.deepEqual(range, [['1e309', false], ['1e-400', true]], 'a written zero (0e5) is a zero');
  assert.ok(!JSON.stringify(a.values.map((v) => [v.value, v.label])).match(/Infinity|NaN/));
});

test('a fit through a point that is not a finite number is no fit', () => {
  assert.equal(fitCalibration([{ x: 0, y: 0 }, { x: 1, y: Number.NEGATIVE_INFINITY }, { x: 2, y: 2 }]), undefined);
  assert.equal(fitCalibration([{ x: 0, y: 0 }, { x: Number.NaN, y: 1 }, { x: 2, y: 2 }]), undefined);
  // y = 2x + 1 through three points: slope 2, intercept 1, R² 1.
  const fit = fitCalibration([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])!;
  assert.deepEqual([fit.slope, fit.intercept, fit.r2], [2, 1, 1]);
});

test('standards that give one reading at every concentration: no fit, FD0557 at the table, no infinite concentration in the figure', () => {
  // Shrunk from `npm run fuzz` (seed 20261204, edit 2694): a GC table edited into `{ 0 -> 0; 10^L00 -> 15100 … }`
  // read as (0, 0) and (10, 0); its slope 0 turned each reading's concentration into Infinity in the calibration figure.
  const text = 'calibration tcd {\n  gas H2\n  method GC TCD\n  standards ppm -> area { 0 -> 0; 10 -> 0 }\n}\n';
  const a = analyze(text);
  const flat = a.diagnostics.filter((d) => d.code === 'FD0557');
  assert.equal(flat.length, 1);
  assert.match(flat[0]!.message, /its area does not change with the concentration/);
  assert.equal(text.slice(flat[0]!.span.start, flat[0]!.span.end).startsWith('standards'), true, 'at the standards table');
  assert.ok(!a.facts.calibrationFits.has('tcd'));
  assert.deepEqual(buildFigures(a).map((f) => f.id), []);
  // The fit itself refuses a flat line: (0, 5), (1, 5), (2, 5) has slope 0.
  assert.equal(fitCalibration([{ x: 0, y: 5 }, { x: 1, y: 5 }, { x: 2, y: 5 }]), undefined);
  // A line with a slope is still fitted: (0, 1), (1, 3), (2, 5) has slope 2 and intercept 1.
  const fit = fitCalibration([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])!;
  assert.deepEqual([fit.slope, fit.intercept], [2, 1]);
});
