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

test('random edits of the main sample, with its data files read, never break the figures or the tables', async () => {
  const { buildFigures } = await import('../../server/src/plots/figures');
  const { paperTables } = await import('../../server/src/analysis/tables');
  const path = await import('node:path');
  const file = path.resolve(__dirname, '..', '..', 'samples', 'au28cu12-si.faraday');
  const main = readFileSync(file, 'utf8');
  const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
  const dataSnippets = ['onset at ', 'onset at 10 mA', ', data "data/lsv-au28cu12.txt"', 'data "data/it-au28cu12-{E}.txt"', '{rate}', 'measure UV-vis, data "data/uvvis-cu28.csv"', 'mA/cm2', 'result R at -0.9 V vs RHE for 2 h {\n data "data/it-au28cu12--0.9.txt"\n}\n', 'by nessler', 'absorbance'];
  const dataEdit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), deleteLength: fc.nat({ max: 30 }), insert: fc.oneof(fc.constantFrom(...dataSnippets, ...SNIPPETS), fc.string({ maxLength: 4 })) });
  fc.assert(
    fc.property(fc.array(dataEdit, { minLength: 1, maxLength: 3 }), (edits) => {
      let text = main;
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.deleteLength);
      }
      const a = analyze(text, { fileName: file, readFile: read });
      for (const d of a.diagnostics) assert.ok(inside(d.span, text.length), `diagnostic ${d.code}`);
      for (const f of buildFigures(a)) {
        assert.ok(f.pointsDrawn <= f.pointsRead, f.id);
        assert.doesNotThrow(() => JSON.stringify(f.spec), f.id);
        // Every number drawn is finite: NaN or Infinity would break the chart silently.
        assert.ok(!/\b(NaN|Infinity)\b|null/.test(JSON.stringify(f.spec).replace(/"legend":null|"title":null/g, '')), `${f.id} holds a non-finite number`);
      }
      for (const t of paperTables(a)) for (const r of t.rows) assert.equal(r.length, t.header.length, t.id);
    }),
    { numRuns: 80, seed: 20261124 },
  );
});
