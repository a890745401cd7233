// Random edits of the samples never throw, always finish, and keep every range inside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { formatText } from '../../server/src/features/format';

const samples = readdirSync(new URL('../../samples', import.meta.url)).filter((f) => f.endsWith('.faraday')).map((f) => readFileSync(new URL(`../../samples/${f}`, import.meta.url), 'utf8'));
const SNIPPETS = ['{', '}', '(', ')', '[', ']', '"', '->', '-', '+', '·', '.', ',', ';', '#', '\n', ' ', '0.5', '1e5', '22.0728(13)', 'mg', 'µL', 'V vs RHE', 'vs', 'Ag/AgCl (sat. KCl', 'synthesis X {', 'cell', 'reaction A :', 'standards mg/L -> absorbance {', '−', '°C', 'NO3-', '[Au25(PET)18]-', 'HAuCl4·4H2O'];

const edit = fc.record({
  sample: fc.nat({ max: samples.length - 1 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteLength: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 })),
});

function inside(span: { start: number; end: number }, length: number): boolean {
  return span.start >= 0 && span.start <= span.end && span.end <= length;
}

test('random edits never throw and keep every range inside the document', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      let text = samples[edits[0]!.sample]!;
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.deleteLength);
      }
      const a = analyze(text);
      for (const d of a.diagnostics) assert.ok(inside(d.span, text.length), `diagnostic ${d.code} at ${d.span.start}-${d.span.end} of ${text.length}`);
      for (const v of a.values) assert.ok(inside(v.span, text.length), `value ${v.kind}`);
      for (const s of a.parse.document.statements) assert.ok(inside(s.span, text.length), `statement ${s.kind}`);
      const once = formatText(text);
      assert.equal(formatText(once), once, 'formatting is idempotent');
      assert.equal(once.replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'formatting changes only white space');
    }),
    { numRuns: 300, seed: 20261124 },
  );
});
