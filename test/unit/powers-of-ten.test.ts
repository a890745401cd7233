// Powers of ten that give the same double on every Node: the double a decimal
// spelling gives, where V8's `10 ** e` is off by a bit for some e (on Node 20,
// 10 ** -4 and 10 ** -23; on Node 24, 10 ** 23).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timesPowerOfTen } from '../../server/src/units/powers-of-ten';
import { power, powerOfTen } from '../../server/src/units/portable-power';

test('every integer power of ten from 1e-60 to 1e60 is the double its spelling gives', () => {
  for (let e = -60; e <= 60; e++) {
    assert.equal(powerOfTen(e), Number(`1e${e}`), `10^${e}`);
    assert.equal(timesPowerOfTen(1, e), Number(`1e${e}`), `1 × 10^${e}`);
  }
});

test('a number scaled by a power of ten within the exact ones is its decimal spelling', () => {
  // 13 × 10^-4 (the esd of 22.0728(13)) and 5 × 10^-3 are single correctly rounded divisions.
  assert.equal(timesPowerOfTen(13, -4), 0.0013);
  assert.equal(timesPowerOfTen(5, -3), 0.005);
  assert.equal(timesPowerOfTen(2.5, 3), 2500);
});

test('fractional powers are exp(y·ln x)', () => {
  assert.equal(powerOfTen(0.5), Math.exp(0.5 * Math.LN10));
  assert.ok(Math.abs(powerOfTen(0.5) - Math.sqrt(10)) < 1e-15);
  assert.equal(power(8, 1 / 3), Math.exp((1 / 3) * Math.log(8)));
  assert.ok(Math.abs(power(8, 1 / 3) - 2) < 1e-15);
  assert.deepEqual([power(0, 2), power(0, 0), power(0, -1)], [0, 1, Infinity]);
});
