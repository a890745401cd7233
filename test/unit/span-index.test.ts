// The index that answers hovers and block lookups gives exactly what reading
// every value (or diagnostic) gives, in the same order: on random spans, and at
// every offset and every block of the sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { SpanIndex } from '../../server/src/analysis/span-index';
import { diagnosticsInBlock, inBlock, valuesInBlock } from '../../server/src/analysis/block-values';
import type { ComputedValue } from '../../server/src/analysis/model';
import { sampleText } from './sample-helpers';

const holding = (values: readonly ComputedValue[], offset: number) => values.filter((v) => v.span.start <= offset && offset <= v.span.end);
const inside = (values: readonly ComputedValue[], start: number, end: number) => values.filter((v) => v.span.start >= start && v.span.end <= end);

test('the index finds the values at an offset, inside a range and ending in a range, in list order, as a scan of every value does', () => {
  // Small offsets, so that spans share their ends with each other and with the ranges asked about.
  const span = fc.tuple(fc.nat(40), fc.nat(12)).map(([start, length]) => ({ start, end: start + length }));
  fc.assert(
    // Beyond 2²⁴ the index sorts by comparing, not by packing start and position into one number.
    fc.property(fc.array(span, { maxLength: 60 }), fc.integer({ min: -2, max: 55 }), fc.nat(55), fc.nat(15), fc.boolean(), (spans, at, from, length, far) => {
      const shift = far ? 2 ** 24 : 0;
      const [offset, start] = [at + shift, from + shift];
      const values = spans.map((s, i) => ({ kind: 'k', subject: String(i), value: i, span: { start: s.start + shift, end: s.end + shift }, label: '' }) as ComputedValue);
      const index = SpanIndex.of(values);
      assert.deepEqual(index.at(offset), holding(values, offset));
      assert.deepEqual(index.within(start, start + length), inside(values, start, start + length));
      assert.deepEqual(index.endingWithin(start, start + length), values.filter((v) => v.span.end >= start && v.span.end <= start + length));
    }),
    { numRuns: 1000 },
  );
});

test('on the sample, every offset and every block gets the values a scan gives', () => {
  const a = analyze(sampleText);
  assert.ok(a.values.length > 100, `the sample has its values (${a.values.length})`);
  const index = SpanIndex.of(a.values);
  let found = 0;
  for (let offset = 0; offset <= sampleText.length; offset++) {
    const hits = index.at(offset);
    assert.deepEqual(hits, holding(a.values, offset), `offset ${offset}`);
    found += hits.length;
  }
  assert.ok(found > 1000, 'offsets with values were checked');
  let blocks = 0;
  let diagnostics = 0;
  for (const s of a.parse.document.statements) {
    if (!('bodySpan' in s)) continue;
    const block = s as { span: { start: number; end: number }; bodySpan: { start: number; end: number } };
    const end = Math.max(block.span.end, block.bodySpan.end);
    assert.deepEqual(index.within(block.span.start, end), a.values.filter((v) => inBlock(block, v.span)));
    assert.deepEqual(valuesInBlock(a, block), a.values.filter((v) => inBlock(block, v.span)));
    const problems = diagnosticsInBlock(a, block);
    assert.deepEqual(problems, a.diagnostics.filter((d) => inBlock(block, d.span)));
    diagnostics += problems.length;
    blocks++;
  }
  assert.ok(blocks > 10, `blocks were checked (${blocks})`);
  assert.ok(diagnostics > 5, `blocks with diagnostics were checked (${diagnostics})`);
});

test('one index per list', () => {
  const a = analyze(sampleText);
  assert.equal(SpanIndex.of(a.values), SpanIndex.of(a.values));
});
