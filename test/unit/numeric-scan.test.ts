// The byte scanner of instrument exports: its decimal reading gives exactly
// Number()'s double (fuzzed with fast-check), and tables read through it give
// the values, line numbers and charges that reading each cell with Number() gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decimalEnd, parseDecimal } from '../../server/src/instruments/decimal-bytes';
import { importChi } from '../../server/src/instruments/chi-import';
import { importDelimited } from '../../server/src/instruments/delimited-import';
import { importBiologicMpt } from '../../server/src/instruments/biologic-mpt';
import { importGamryDta } from '../../server/src/instruments/gamry-dta';
import { trapezoid } from '../../server/src/instruments/derived';

const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const parse = (s: string, decimalComma = false) => parseDecimal(ascii(s), 0, s.length, decimalComma);

test('decimal bytes: hand cases, each against Number()', () => {
  // 0.1 is 1 / 10^1, one correctly rounded division: the double nearest 0.1, as Number('0.1').
  assert.equal(parse('0.1'), 0.1);
  // EC-Lab writes 17 significant digits with trailing zeros: 43202 × 10^0 once the zeros are dropped.
  assert.equal(parse('4.3202000000000000E+004'), 43202);
  assert.equal(parse('-1.235983972946997E-006'), Number('-1.235983972946997E-006'));
  // 2^53 + 1 has no double: m ≥ 2^53 goes to Number(), which rounds to even (2^53).
  assert.equal(parse('9007199254740993'), 9007199254740992);
  assert.ok(Object.is(parse('-0'), -0));
  assert.ok(Object.is(parse('-0.000e5'), -0));
  assert.equal(parse('1e400'), Infinity);
  assert.equal(parse('1e-400'), 0);
  assert.equal(parse('5e-324'), 5e-324);
  assert.equal(parse('.5'), 0.5);
  assert.equal(parse('5.'), 5);
  assert.equal(parse('+1.5e+3'), 1500);
  assert.equal(parse('0,300', true), 0.3);
  assert.equal(parse('1' + '0'.repeat(30) + '1'), Number('1' + '0'.repeat(30) + '1'));
  assert.equal(parse('0.' + '0'.repeat(30) + '7'), 7e-31);
  for (const word of ['', '-', '+', '.', '-.', 'e5', '.e5', '1e', '1e+', 'Infinity', 'NaN', 'x1']) assert.ok(Number.isNaN(parse(word)), word);
  // The number ends where a byte cannot continue it; what follows is the caller's to judge.
  assert.equal(parse('0x10'), 0);
  assert.equal(decimalEnd, 1);
  assert.equal(parse('1.5,3'), 1.5);
  assert.equal(decimalEnd, 3);
});

const digits = (max: number) => fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), maxLength: max });
const decimalText = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    whole: digits(25),
    point: fc.boolean(),
    fraction: digits(25),
    exponent: fc.option(fc.record({ e: fc.constantFrom('e', 'E'), sign: fc.constantFrom('', '-', '+'), digits: fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9'), minLength: 1, maxLength: 4 }) })),
  })
  .filter((r) => r.whole.length + (r.point ? r.fraction.length : 0) > 0)
  .map((r) => `${r.sign}${r.whole}${r.point ? '.' + r.fraction : ''}${r.exponent ? r.exponent.e + r.exponent.sign + r.exponent.digits : ''}`);

test('decimal bytes: every decimal literal reads as Number() reads it (fuzzed)', () => {
  fc.assert(
    fc.property(decimalText, (s) => {
      const x = parse(s);
      assert.ok(Object.is(x, Number(s)), `${s}: ${x} against Number() ${Number(s)}`);
      assert.equal(decimalEnd, s.length);
    }),
    { numRuns: 20_000 },
  );
});

test('decimal bytes: a decimal comma reads as Number() after replacing it with a point (fuzzed)', () => {
  fc.assert(
    fc.property(decimalText, (s) => {
      const european = s.replace('.', ',');
      assert.ok(Object.is(parse(european, true), Number(s)), european);
    }),
    { numRuns: 5000 },
  );
});

test('decimal bytes: doubles written as instruments write them read back to themselves (fuzzed)', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 16 }), (x, k) => {
      for (const s of [String(x), x.toExponential(k), x.toExponential(k).toUpperCase(), x.toPrecision(k + 1), Math.abs(x) < 1e21 ? x.toFixed(k) : String(x)]) {
        assert.ok(Object.is(parse(s), Number(s)), s);
      }
      // String() writes the shortest digits that read back to x (and -0 as `0`).
      if (!Object.is(x, -0)) assert.ok(Object.is(parse(String(x)), x));
    }),
    { numRuns: 10_000 },
  );
});

test('decimal bytes: on any text, a number read is Number() of the characters it read (fuzzed)', () => {
  const chars = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', ',', 'e', 'E', '+', '-', ' ', 'x'), maxLength: 30 });
  fc.assert(
    fc.property(chars, fc.boolean(), (s, comma) => {
      const x = parse(s, comma);
      if (Number.isNaN(x)) return;
      const read = s.slice(0, decimalEnd);
      assert.ok(Object.is(x, Number(comma ? read.replace(',', '.') : read)), `${s} read as ${read}`);
    }),
    { numRuns: 20_000 },
  );
});

/** Cells as instruments write them, with the value Number() gives each. */
const cell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => x.toExponential(4)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => (n / 100).toFixed(2)),
  fc.constantFrom('1.23456789012345678', '-0', '.5', '7.', '0x10', 'abc', '', ' 2 ', '1e400', '\u00a03'),
);

test('CH Instruments tables read through the scanner: each cell as Number() reads it (an empty or infinite one leaves its row out), blank and bad lines as before, LF, CRLF or CR', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom(', ', ',', '\t', ' , '), (rows, eol, sep) => {
      const body = rows.map(([a, b]) => `${a}${sep}${b}`);
      const text = ['Nov. 24, 2026', 'Linear Sweep Voltammetry', '', 'Potential/V, Current/A', ...body, ''].join(eol);
      const d = importChi(text, 'lsv.txt');
      // What each line gives by the rule of the format: trimmed, split at `,` or a tab with blanks around, Number() per cell.
      const expected: number[][] = [];
      const problems: number[] = [];
      body.forEach((line, i) => {
        const t = line.trim();
        if (t === '') return;
        const cells = t.split(/\s*[,\t]\s*/);
        // An empty cell or `1e400` is no reading: the row is left out and said (never 0 or Infinity).
        const values = cells.map((c) => (c === '' ? NaN : Number(c)));
        if (cells.length !== 2 || values.some((x) => !Number.isFinite(x))) problems.push(5 + i);
        else expected.push(values);
      });
      assert.deepEqual(d.problems.filter((p) => p.code !== 'FD0703').map((p) => p.line), problems);
      assert.equal(d.points, expected.length);
      expected.forEach((row, i) => row.forEach((x, k) => assert.ok(Object.is(d.columns[k]!.values[i], x), `row ${i} column ${k}: ${d.columns[k]!.values[i]} against ${x}`)));
    }),
    { numRuns: 500 },
  );
});

test('i-t export: the charge summed while reading is the trapezoid over the columns read', () => {
  // 0, 1, 2 s at −1, −2, −4 mA: (−1 − 2)/2 × 1 + (−2 − 4)/2 × 1 = −1.5 − 3 = −4.5 mC.
  const text = ['Nov. 24, 2026', 'Amperometric i-t Curve', 'Time/sec, Current/A', '0, -1e-3', '1, -2e-3', '', '2, -4e-3', ''].join('\r\n');
  const d = importChi(text, 'it.txt');
  assert.deepEqual(d.trapezoid, { time: 'Time', current: 'Current', coulombs: trapezoid(d.columns[0]!.values, d.columns[1]!.values) });
  assert.ok(Math.abs(d.trapezoid!.coulombs + 4.5e-3) < 1e-15);
  // Long records cross the scanner's first allocation (1024 rows): the sum goes on over the copied columns.
  const rows = Array.from({ length: 5000 }, (_, i) => `${(i / 100).toFixed(2)}, ${(-0.08 - 0.02 * Math.exp(-i / 600)).toExponential(4)}`);
  const long = importChi(['Nov. 24, 2026', 'Amperometric i-t Curve', 'Time/sec, Current/A', ...rows, ''].join('\n'), 'it.txt');
  assert.equal(long.points, 5000);
  assert.equal(long.trapezoid!.coulombs, trapezoid(long.columns[0]!.values, long.columns[1]!.values));
  assert.equal(long.columns[1]!.values[4999], Number(rows[4999]!.split(', ')[1]));
});

test('delimited tables read through the scanner: quoted, blank and bad cells as before', () => {
  const d = importDelimited('Sample 1\nTime [s],Current (mA)\n0,-1\n"1","-1.5"\n\n2,\n3, 4 \n4,x\n', 'it.csv');
  assert.deepEqual([...d.columns[1]!.values], [-1, -1.5, 4]);
  assert.deepEqual(d.problems.map((p) => [p.code, p.line]), [['FD0701', 6], ['FD0701', 8]]);
  const tsv = importDelimited('Time [s]\tCurrent (mA)\r\n0\t-1\r\n1\t -1.5 \r\n2\t1\t\r\n', 'it.tsv');
  assert.deepEqual([...tsv.columns[1]!.values], [-1, -1.5]);
  assert.deepEqual(tsv.problems.map((p) => [p.code, p.line]), [['FD0702', 4]]);
});

/** A minimal EC-Lab text export around `rows` (tab-separated, Latin-1 or UTF-8 alike for ASCII). */
const mpt = (rows: string[], eol: string) => ['EC-Lab ASCII FILE', 'Nb header lines : 4', 'Chronoamperometry / Chronocoulometry', 'time/s\tI/mA\t', ...rows, ''].join(eol);

test('EC-Lab rows read through the scanner: a trailing tab, CRLF, decimal commas and bad cells as reading each cell with Number()', () => {
  const value = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e3, max: 1e3 }).map((x) => x.toExponential(15).toUpperCase()),
    fc.integer({ min: -99_999, max: 99_999 }).map((n) => (n / 1000).toFixed(3)),
    fc.constantFrom('1E+400', 'x', '', ' 5 ', '1.5.3'),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(value, value, fc.constantFrom('', '\t', '\t\t')), { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (rows, eol, comma) => {
      const written = rows.map(([a, b, end]) => (comma ? `${a.replace('.', ',')}\t${b.replace('.', ',')}${end}` : `${a}\t${b}${end}`));
      const d = importBiologicMpt(mpt(written, eol), 'ca.mpt');
      // The rule of the format: cells at tabs, one empty cell after a final tab dropped, Number() of each cell (its first comma a point), finite.
      const firstRow = written.find((l) => l.trim() !== '') ?? '';
      const decimalComma = firstRow.includes(',');
      const expected: number[][] = [];
      const bad: number[] = [];
      written.forEach((line, i) => {
        if (line.trim() === '') return;
        const cells = line.split('\t');
        if (cells.length > 1 && cells[cells.length - 1]!.trim() === '') cells.pop();
        const values = cells.map((c) => (c === '' ? NaN : Number(decimalComma ? c.replace(',', '.') : c)));
        if (cells.length !== 2 || !values.every(Number.isFinite)) bad.push(5 + i);
        else expected.push(values);
      });
      assert.deepEqual(d.problems.filter((p) => p.code !== 'FD0703').map((p) => p.line), bad);
      assert.equal(d.points, expected.length);
      // I/mA is converted to A by one division by 10^3 and the offset 0 added (so −0 mA is 0 A), as column-units.ts does after reading.
      expected.forEach(([t, i], r) => {
        assert.ok(Object.is(d.columns[0]!.values[r], t), `row ${r} time ${d.columns[0]!.values[r]} against ${t}`);
        assert.ok(Object.is(d.columns[1]!.values[r], i! / 1000 + 0), `row ${r} current ${d.columns[1]!.values[r]} against ${i! / 1000}`);
      });
    }),
    { numRuns: 300 },
  );
});

test('Gamry: a decimal comma stated after the first table reads the file again with decimal commas', () => {
  const table = ['CURVE1\tTABLE', '\tPt\tT\tVf\tIm', '\t#\ts\tV vs. Ref.\tA', '\t0\t0,0\t0,5\t1,5E-006', '\t1\t0,1\t0,4\t2,5E-006'];
  const text = ['EXPLAIN', 'TAG\tCV', ...table, 'SCANRATE\tQUANT\t0,05\tScan Rate (V/s)', ''].join('\r\n');
  const d = importGamryDta(text, 'cv.dta');
  assert.deepEqual(d.problems, []);
  assert.equal(d.points, 2);
  // `0,4` is 0.4 V; `2,5E-006` A is 2.5e-6 A; the scan rate 0.05 V/s.
  assert.equal(d.columns.find((c) => c.name === 'Potential')!.values[1], 0.4);
  assert.equal(d.columns.find((c) => c.name === 'Current')!.values[1], 2.5e-6);
  assert.equal(d.metadata['Scan Rate']!.value, 0.05);
});
