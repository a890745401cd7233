import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUnit } from '../../server/src/units/parse-unit';
import { convert, toSI, unit, kindMismatch, shiftDecimal, shiftDecimalByDigits } from '../../server/src/units/convert';
import fc from 'fast-check';
import { formatNumber } from '../../server/src/units/format';

test('every spelling chemists type is read with the right SI factor', () => {
  const cases: [string, number][] = [
    ['mg', 1e-6], ['µL', 1e-9], ['μL', 1e-9], ['uL', 1e-9], ['K', 1], ['Å', 1e-10], ['Å3', 1e-30], ['Å³', 1e-30], ['A^3', 1e-30],
    ['cm2', 1e-4], ['cm²', 1e-4], ['cm^2', 1e-4], ['mV/s', 1e-3], ['Hz', 1], ['kHz', 1e3], ['mHz', 1e-3], ['M', 1e3], ['mM', 1],
    ['mol/L', 1e3], ['mg/L', 1e-3], ['g/L', 1], ['ppm', 1e-6], ['%', 1e-2], ['C', 1], ['mA/cm2', 10], ['Mg/m3', 1e3], ['mm-1', 1e3],
    ['s', 1], ['min', 60], ['h', 3600], ['d', 86400], ['ohm', 1], ['Ω', 1], ['mF/cm2', 10], ['g/mol', 1e-3], ['nm', 1e-9],
  ];
  for (const [text, factor] of cases) assert.equal(toSI(1, unit(text)), factor, text);
});

test('temperatures in °C convert as offsets, never multiplied', () => {
  assert.equal(toSI(25, unit('°C')), 298.15);
  assert.equal(toSI(25, unit('degC')), 298.15);
  assert.equal(convert(0, unit('°C'), unit('K')), 273.15);
  assert.equal(convert(373.15, unit('K'), unit('°C')), 100);
});

test('decimal prefix changes are exact', () => {
  assert.equal(convert(1, unit('mF/cm2'), unit('µF/cm2')), 1000);
  assert.equal(convert(0.1, unit('mL'), unit('µL')), 100);
  assert.equal(convert(0.29, unit('mg/L'), unit('g/L')), 0.00029);
  assert.equal(convert(600, unit('rpm'), unit('Hz')), 10);
  assert.equal(toSI(30, unit('µL')), 3e-8);
  assert.equal(shiftDecimal(0.29, 2), 29);
});

test('compound units: after a slash every term divides', () => {
  assert.equal(convert(1, unit('µg/h/mg'), unit('µg/(h·mg)')), 1);
  assert.equal(convert(1, unit('µg·h-1·mg-1'), unit('µg/h/mg')), 1);
  // 1 mmol/(h·cm²) = 1e-3 mol / (3600 s × 1e-4 m²) = 1/360 mol/(s·m²)
  assert.ok(Math.abs(convert(1, unit('mmol/h/cm2'), unit('mol/s/m2')) - 1 / 360) < 1e-15);
});

test('unknown units are reported with a suggestion', () => {
  const p = parseUnit('mgg');
  assert.ok('error' in p);
  assert.equal(p.error, 'unknown unit `mgg`; did you mean `mg`?');
  assert.ok('error' in parseUnit('kmin'), 'minutes take no prefix');
  assert.ok('error' in parseUnit('m%'), 'percent takes no prefix');
});

test('a unit of the wrong kind is explained in words', () => {
  assert.equal(kindMismatch(unit('mL'), 'scan rate', ['scanRate'], '50 mL'), 'Scan rate needs a potential per time, such as `50 mV/s`; got `50 mL` (a volume)');
  assert.equal(kindMismatch(unit('mV/s'), 'scan rate', ['scanRate'], '50 mV/s'), undefined);
  assert.match(kindMismatch(unit('mg'), 'volume of a dilution', ['volume'], '30 mg')!, /Volume of a dilution needs a volume such as `10 mL`; got `30 mg` \(a mass\)/);
  assert.equal(kindMismatch(unit('min'), 'amount of a reagent', ['mass', 'volume', 'amount'], '20 min'),
    'Amount of a reagent needs a mass such as `20 mg`, a volume such as `10 mL` or an amount of substance such as `0.2 mmol`; got `20 min` (a time)');
});

test('numbers are shown without float noise', () => {
  assert.equal(formatNumber(0.000202031, { significant: 4 }), '0.0002020');
  assert.equal(formatNumber(1000.0000000000001, { significant: 6 }), '1000.00');
  assert.equal(formatNumber(-1.057, { decimals: 3, unicodeMinus: true }), '−1.057');
  assert.equal(formatNumber(11908.4123, { decimals: 2 }), '11908.41');
  assert.equal(formatNumber(83.333333, { significant: 4 }), '83.33');
  assert.equal(formatNumber(2.4210499, { decimals: 4 }), '2.4210');
  assert.equal(formatNumber(-0.00001, { decimals: 3 }), '0.000');
});

test('property: shifting the decimal point of a short decimal by arithmetic gives exactly what the digits of its shortest spelling give', () => {
  const written = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 })).map(([n, d]) => n / 10 ** d);
  const value = fc.oneof(written, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer().map((n) => n * 1e6), fc.constantFrom(0.1, 0.2, 0.3, 1.1, 2.675, 1e-7, 999999999999999, 4503599627370497, 999922222.2222201, 999844444444.4501, 999510000000.0391, 999455555555.6001));
  fc.assert(fc.property(value, fc.integer({ min: -30, max: 30 }), (v, e) => Object.is(shiftDecimal(v, e), shiftDecimalByDigits(v, e))), { numRuns: 30000, seed: 20261202 });
  assert.equal(shiftDecimal(1.1, 3), 1100);
  assert.equal(shiftDecimal(0.1, -3), 0.0001);
});
