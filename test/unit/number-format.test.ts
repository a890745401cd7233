// The one formatter of displayed numbers: rounding, signs, notation, esds,
// significant figures from the inputs, and what every label of an analysis
// may never contain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatNumber, formatNumberByDigits, formatWithEsd, NOT_SHOWN, significantFiguresOf, significantFromInputs } from '../../server/src/units/format';
import { analyze } from '../../server/src/analysis/analyze';
import { sampleText } from './sample-helpers';

/** The value of a displayed number and the place value of its last written digit. */
function readBack(text: string): { mantissa: number; exponent: number; lastPlace: number; firstPlace: number } {
  const [m, e] = text.replace('−', '-').split('e') as [string, string | undefined];
  const [whole, fraction = ''] = m.replace('-', '').split('.') as [string, string | undefined];
  const leading = /[1-9]/.exec(whole + fraction);
  const firstPlace = leading ? whole.length - 1 - leading.index : 0;
  return { mantissa: Number(m), exponent: e === undefined ? 0 : Number(e), lastPlace: -fraction.length, firstPlace };
}

/** v / 10^e in two steps, so that neither power over- or underflows. */
const scaled = (v: number, e: number) => v / 10 ** Math.trunc(e / 2) / 10 ** (e - Math.trunc(e / 2));

const isNegativeZero = (text: string) => /^[-−]0*\.?0*(e-?\d+)?$/.test(text);

// Subnormal doubles (below 2.2e-308) carry a few bits only: their shortest
// decimal spelling, which the formatter rounds, is itself further than half a
// unit from the double, so they are left out.
const normalDouble = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x === 0 || Math.abs(x) >= 2.2250738585072014e-308);

test('property: any finite double, any number of figures, reads back within half a unit of its last digit', () => {
  fc.assert(
    fc.property(normalDouble, fc.integer({ min: 1, max: 17 }), fc.boolean(), (value, significant, unicodeMinus) => {
      const text = formatNumber(value, { significant, unicodeMinus });
      assert.doesNotMatch(text, /NaN|Infinity/);
      assert.ok(!isNegativeZero(text), `negative zero: ${text} for ${value}`);
      const { mantissa, exponent, firstPlace } = readBack(text);
      assert.ok(Number.isFinite(mantissa), `${text} does not read back as a number`);
      const error = Math.abs(mantissa - scaled(value, exponent));
      // The last significant digit: `10` to one figure is good to ±5.
      const halfUnit = 0.5 * 10 ** (value === 0 ? -(significant - 1) : firstPlace - significant + 1);
      assert.ok(error <= halfUnit * (1 + 1e-9) + 4 * Number.EPSILON * Math.abs(mantissa), `${value} → ${text}: off by ${error}, half a unit is ${halfUnit}`);
    }),
    { numRuns: 3000 },
  );
});

test('property: fixed decimals read back within half a unit of the last decimal and never show a negative zero', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), fc.integer({ min: 0, max: 8 }), (value, decimals) => {
      const text = formatNumber(value, { decimals, unicodeMinus: true });
      assert.doesNotMatch(text, /NaN|Infinity|e/);
      assert.ok(!isNegativeZero(text), `negative zero: ${text} for ${value}`);
      const { mantissa, lastPlace } = readBack(text);
      assert.equal(lastPlace, -decimals);
      assert.ok(Math.abs(mantissa - value) <= 0.5 * 10 ** -decimals * (1 + 1e-9) + 4 * Number.EPSILON * Math.abs(value), `${value} → ${text}`);
    }),
    { numRuns: 3000 },
  );
});

test('property: the fast rounding (the double scaled by a power of ten) gives exactly what rounding its shortest spelling gives', () => {
  // Doubles of every size, numbers as chemists write them (few decimals, so often near a half), halves and powers of ten.
  const written = fc.tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 0, max: 9 })).map(([n, d]) => n / 10 ** d);
  const edges = fc.tuple(fc.integer({ min: -30, max: 30 }), fc.constantFrom(1, 0.5, 5, 9.5, 0.95, 9.995, 0.0005, 2.5, 1.005, 4.35)).map(([e, m]) => m * 10 ** e);
  const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), written, edges, edges.map((x) => -x));
  const format = fc.record({ significant: fc.option(fc.integer({ min: 1, max: 17 }), { nil: undefined }), decimals: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), trim: fc.boolean(), unicodeMinus: fc.boolean() });
  fc.assert(fc.property(value, format, (v, f) => formatNumber(v, f) === formatNumberByDigits(v, f)), { numRuns: 20000, seed: 20261202 });
  for (const v of [0.125, 0.0125, 1.005, 2.675, 1e-7, 123456.5, 999.95, 9.9995, 0.45, -0.45, 1e15 + 0.5, 4503599627370495.5]) {
    for (const f of [{ significant: 2 }, { significant: 3 }, { significant: 4 }, { decimals: 2 }, { decimals: 3 }, { significant: 12, trim: true }]) assert.equal(formatNumber(v, f), formatNumberByDigits(v, f), `${v} ${JSON.stringify(f)}`);
  }
});

test('a set-point that computes to −5.6e-17 V is shown as 0.000, not −NaN', () => {
  // 1.025 − 0.059 × 14 − 0.199 is −5.55e-17 in doubles.
  const setpoint = 1.025 - 0.059 * 14 - 0.199;
  assert.ok(setpoint < 0 && setpoint > -1e-16);
  assert.equal(formatNumber(setpoint, { decimals: 3, unicodeMinus: true }), '0.000');
  assert.equal(formatNumber(5.551115123125783e-17, { decimals: 3 }), '0.000');
  const text = ['nernst slope 0.059 V', 'reference Ag/AgCl (3 M KCl) at 0.199 V vs SHE', 'electrolyte alk {', '  1 M KOH in water', '  pH 14 measured', '}',
    'cell A {', '  reference Ag/AgCl (3 M KCl) at 0.199 V vs SHE', '  catholyte alk 30 mL', '}', 'run in A {', '  CA at 1.025 V vs RHE for 1 h', '}', ''].join('\n');
  const a = analyze(text);
  const v = a.values.find((x) => x.kind === 'setpoint')!;
  assert.equal(v.label, '0.000 V vs Ag/AgCl (3 M KCl)');
  assert.equal(v.hint?.text, '≙ 0.000 V vs Ag/AgCl');
});

test('rounding is decimal, half away from zero, with carries and without float noise', () => {
  assert.equal(formatNumber(2.675, { decimals: 2 }), '2.68');
  assert.equal(formatNumber(-2.675, { decimals: 2 }), '-2.68');
  assert.equal(formatNumber(9.996, { significant: 3 }), '10.0');
  assert.equal(formatNumber(99999, { significant: 2 }), '100000');
  assert.equal(formatNumber(0.1 + 0.2, { significant: 17 }), '0.30000000000000004');
  assert.equal(formatNumber(0.1 + 0.2, { significant: 6 }), '0.300000');
  assert.equal(formatNumber(-0, { significant: 3 }), '0.00');
  assert.equal(formatNumber(-0.0004, { significant: 1, decimals: 3 }), '0.000');
});

test('very large and very small numbers are written with an exponent, as the language reads them', () => {
  assert.equal(formatNumber(6.02214076e23, { significant: 4 }), '6.022e23');
  assert.equal(formatNumber(0.0000123456, { significant: 3 }), '1.23e-5');
  assert.equal(formatNumber(0.000202031, { significant: 4 }), '0.0002020');
  assert.equal(formatNumber(123456, { significant: 3 }), '123000');
  assert.equal(formatNumber(1234567, { significant: 7 }), '1234567');
  assert.equal(formatNumber(1234567, { significant: 3 }), '1.23e6');
  assert.equal(formatNumber(-1.5e-300, { significant: 2, unicodeMinus: true }), '−1.5e-300');
});

test('a non-finite number is never shown', () => {
  for (const x of [NaN, Infinity, -Infinity]) {
    assert.equal(formatNumber(x, { significant: 4 }), NOT_SHOWN);
    assert.equal(formatNumber(x, { decimals: 2 }), NOT_SHOWN);
    assert.equal(formatWithEsd(x, 0.1), NOT_SHOWN);
  }
});

test('trimmed numbers drop trailing zeros, for exact numbers', () => {
  assert.equal(formatNumber(12, { significant: 6, trim: true }), '12');
  assert.equal(formatNumber(2.4000000000000004, { significant: 6, trim: true }), '2.4');
  assert.equal(formatNumber(1.5e-7, { significant: 6, trim: true }), '1.5e-7');
});

test('a value with an esd follows the crystallographic convention', () => {
  assert.equal(formatWithEsd(16334.93, 1.56), '16334.9(16)');
  assert.equal(formatWithEsd(2.4211, 0.0004), '2.4211(4)');
  assert.equal(formatWithEsd(100.123, 0.25), '100.1(3)');
  // An esd of 25 on 1732.05: one digit, in units of tens.
  assert.equal(formatWithEsd(1732.05, 25), '1730(30)');
  assert.equal(formatWithEsd(-0.00004, 0.0002), '0.0000(2)');
  assert.equal(formatWithEsd(1732.0508, 0, { significant: 5 }), '1732.1');
});

test('significant figures as written, and from the fewest among the inputs within bounds', () => {
  const cases: [string, number][] = [['0.099', 2], ['1.0', 2], ['600', 1], ['600.', 3], ['20', 1], ['22.0728(13)', 6], ['-0.8', 1], ['−1.057', 4], ['1e5', 1], ['2.50e-3', 3], ['0', 1], ['0.0', 1]];
  for (const [text, n] of cases) assert.equal(significantFiguresOf(text), n, text);
  assert.deepEqual(significantFromInputs(['20.000', '1.0000'], { floor: 4, ceiling: 6 }), { significant: 5 });
  assert.deepEqual(significantFromInputs(['20'], { floor: 4, ceiling: 6 }), { significant: 4 });
  assert.deepEqual(significantFromInputs(['20.00000000'], { floor: 4, ceiling: 6 }), { significant: 6 });
  assert.deepEqual(significantFromInputs([], { floor: 3, ceiling: 6 }), { significant: 3 });
});

test('a cell volume without esds is rounded to the figures of its cell, not 1732.0508075688776', () => {
  const crystal = (a: string, c: string) => `cluster X = Au\ncrystal X {\n  system hexagonal\n  cell a ${a} Å, c ${c} Å\n}\n`;
  const rough = analyze(crystal('10', '20')).values.find((v) => v.kind === 'cellVolume')!;
  // V = a²c·sin 120° = 100 × 20 × 0.8660254 = 1732.0508 Å³
  assert.ok(Math.abs((rough.value as number) - 1732.0508075688776) < 1e-9, 'the report value keeps full precision');
  assert.equal(rough.label, '1732 Å³');
  const precise = analyze(crystal('10.0000', '20.0000')).values.find((v) => v.kind === 'cellVolume')!;
  assert.equal(precise.label, '1732.05 Å³');
});

test('no label, hint or detail of any sample shows NaN, Infinity, float noise or a negative zero', () => {
  const dir = path.resolve(__dirname, '..', '..', 'samples');
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : undefined);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.faraday'))) {
    const fileName = path.join(dir, file);
    const a = analyze(readFileSync(fileName, 'utf8'), { fileName, readFile: read, workspaceRoot: dir });
    noUnshownNumbers(a);
  }
  noUnshownNumbers(analyze(sampleText));
});

function noUnshownNumbers(a: ReturnType<typeof analyze>): void {
  for (const v of a.values) {
    for (const text of [v.label, v.hint?.text ?? '', v.detail ?? '']) {
      assert.doesNotMatch(text, /NaN|Infinity/, `${v.kind} ${v.subject}: ${text}`);
      assert.doesNotMatch(text, /\d\.\d{9,}/, `${v.kind} ${v.subject}: unrounded number in ${text}`);
      assert.doesNotMatch(text, /(^|[^\w.])[-−]0(\.0+)?(?![\d.])/, `${v.kind} ${v.subject}: negative zero in ${text}`);
    }
  }
  for (const d of a.diagnostics) assert.doesNotMatch(d.message, /NaN|Infinity|\d\.\d{9,}/, d.message);
}

test('numbers become text only in units/format.ts: elsewhere toFixed and toPrecision round machine values (inside Number(…))', () => {
  const root = path.resolve(__dirname, '..', '..');
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !full.endsWith(path.join('units', 'format.ts'))) {
        readFileSync(full, 'utf8').split('\n').forEach((line, i) => {
          const uses = line.match(/\.to(Fixed|Precision)\(/g)?.length ?? 0;
          const wrapped = line.match(/Number\([^()]*(\([^()]*\))*[^()]*\.to(Fixed|Precision)\(/g)?.length ?? 0;
          const shown = /\$\{\s*Number\([^}]*\.to(Fixed|Precision)\(|String\(\s*Number\([^)]*\.to(Fixed|Precision)\(/.test(line);
          if (uses > wrapped || shown) offenders.push(`${path.relative(root, full)}:${i + 1}: ${line.trim()}`);
        });
      }
    }
  };
  walk(path.join(root, 'server', 'src'));
  walk(path.join(root, 'client', 'src'));
  assert.deepEqual(offenders, []);
});

test('amounts carry the figures of the weighed mass, four at least', () => {
  const amount = (mass: string) => analyze(`synthesis S {\n  add ${mass} CuCl\n}\n`).values.find((v) => v.kind === 'amount')!;
  // 20 mg / 98.996 g/mol = 0.202028 mmol
  assert.equal(amount('20 mg').label, '0.2020 mmol');
  assert.equal(amount('20.000 mg').label, '0.20203 mmol');
  assert.equal(amount('20.0000000 mg').label, '0.202028 mmol');
  assert.ok(Math.abs((amount('20 mg').value as number) - 20 / 98.996) < 1e-12, 'the value itself is not rounded');
});

test('a value that divides by zero is left out, with FD0220 saying why', () => {
  // A zero current is impossible at its place (FD0410), so nothing divides by it.
  const zero = ['reaction H2 : 2 H+ + 2 e- -> H2', 'result w at -0.8 V vs RHE for 2 h {', '  current 0 mA', '  H2 300 ppm by GC at 18 mL/min', '}', ''].join('\n');
  const z = analyze(zero);
  assert.equal(z.values.filter((v) => v.kind === 'faradaicEfficiency' || v.kind === 'faradaicEfficiencySum').length, 0, z.values.map((v) => v.label).join(' | '));
  const impossible = z.diagnostics.find((x) => x.code === 'FD0410');
  assert.equal(impossible && zero.slice(impossible.span.start, impossible.span.end), '0 mA');
  assert.ok(!z.diagnostics.some((x) => x.code === 'FD0220'), 'the impossible current says why; nothing divides by it');
  // A current so small that the FE overflows: the value is left out, and FD0220 says why.
  const text = zero.replace('current 0 mA', 'current 1e-320 mA');
  const a = analyze(text);
  assert.equal(a.values.filter((v) => v.kind === 'faradaicEfficiency' || v.kind === 'faradaicEfficiencySum').length, 0, a.values.map((v) => v.label).join(' | '));
  const d = a.diagnostics.find((x) => x.code === 'FD0220' && /faradaic efficiency of w\/H2/.test(x.message));
  assert.ok(d, a.diagnostics.map((x) => `${x.code} ${x.message}`).join('\n'));
  assert.equal(text.slice(d.span.start, d.span.end), 'H2 300 ppm by GC at 18 mL/min');
  for (const v of [...z.values, ...a.values]) assert.doesNotMatch(`${v.label} ${v.hint?.text ?? ''} ${v.detail ?? ''}`, /NaN|Infinity/);
});
