// While someone types, the language server keeps a document's text as the
// last joined text and the edits since (text-version.ts): every character,
// slice and whole text read from it must be those of the edits applied one
// after the other, whatever was read in between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, TextVersion, type OffsetEdit } from '../../server/src/lsp/text-version';

/** Each edit on the whole string, one after the other: what every read must equal. */
const oneByOne = (text: string, edits: OffsetEdit[]) => edits.reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);

test('edits apply one after the other, each at offsets of the text the one before left', () => {
  // "stir 10 min" → insert "at 25 °C " at 5 → "stir at 25 °C 10 min" (20 characters);
  // then 14..16 ("10") replaced by "15" → "stir at 25 °C 15 min"; then "stir" (0..4) deleted.
  const edits = [{ start: 5, end: 5, text: 'at 25 °C ' }, { start: 14, end: 16, text: '15' }, { start: 0, end: 4, text: '' }];
  assert.equal(applyEdits('stir 10 min', edits), ' at 25 °C 15 min');
  const v = TextVersion.of('stir 10 min').edited(edits);
  assert.equal(v.length, 16);
  assert.equal(v.slice(1, 9), 'at 25 °C');
  assert.equal(String.fromCharCode(v.charCodeAt(10)), '1');
  assert.ok(Number.isNaN(v.charCodeAt(16)) && Number.isNaN(v.charCodeAt(-1)), 'no character outside the text');
  assert.equal(v.text, ' at 25 °C 15 min');
  assert.equal(applyEdits('abc', []), 'abc');
  assert.equal(applyEdits('', [{ start: 0, end: 0, text: 'x' }]), 'x');
  assert.equal(applyEdits('abc', [{ start: 3, end: 3, text: 'd' }, { start: 0, end: 4, text: '' }]), '');
});

const script = fc.string({ maxLength: 40 }).chain((text) =>
  fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((raw) => {
    // Offsets valid in the text each edit applies to.
    const edits: OffsetEdit[] = [];
    let length = text.length;
    for (const [a, b, t] of raw) {
      const x = a % (length + 1);
      const y = b % (length + 1);
      edits.push({ start: Math.min(x, y), end: Math.max(x, y), text: t });
      length += t.length - Math.abs(x - y);
    }
    return { text, edits };
  }));

test('characters, slices, lengths and texts read through the edits equal the edits applied one by one (random edits)', () => {
  fc.assert(
    fc.property(script, fc.nat(), fc.nat(), ({ text, edits }, a, b) => {
      const expected = oneByOne(text, edits);
      assert.equal(applyEdits(text, edits), expected);
      const v = TextVersion.of(text).edited(edits);
      assert.equal(v.length, expected.length);
      const [from, to] = [a % (expected.length + 1), b % (expected.length + 1)].sort((x, y) => x - y) as [number, number];
      assert.equal(v.slice(from, to), expected.slice(from, to));
      for (let i = -1; i <= expected.length; i++) assert.ok(Object.is(v.charCodeAt(i), expected.charCodeAt(i)), `character ${i}`);
      assert.equal(v.text, expected);
      assert.equal(v.slice(from, to), expected.slice(from, to), 'read again after joining');
    }),
    { numRuns: 2000 },
  );
});

test('each version reads its own text, read in any order and after any number of edits', () => {
  const v1 = TextVersion.of('synthesis A {\n}\n');
  const v2 = v1.edited([{ start: 11, end: 11, text: 'B' }]);
  const v3 = v2.edited([{ start: 0, end: 0, text: '# x\n' }]);
  assert.equal(v3.text, '# x\nsynthesis AB {\n}\n');
  assert.equal(v2.text, 'synthesis AB {\n}\n');
  assert.equal(v1.text, 'synthesis A {\n}\n');
  // Past the number of edits kept unjoined: 300 characters typed one at a time.
  let v = TextVersion.of('');
  for (let i = 0; i < 300; i++) v = v.edited([{ start: i, end: i, text: String(i % 10) }]);
  assert.equal(v.length, 300);
  assert.equal(v.slice(95, 105), '5678901234');
  assert.equal(v.text, '0123456789'.repeat(30));
});
