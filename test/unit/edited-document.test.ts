// The analysis worker's documents take edits by offsets and join the text
// only when it is read: the joined text must be the text the edits make when
// applied one after the other, whatever was read in between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, EditedDocument, TextVersion, type OffsetEdit } from '../../server/src/lsp/edited-document';

/** Each edit on the whole string, one after the other: what applyEdits must equal. */
const oneByOne = (text: string, edits: OffsetEdit[]) => edits.reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);

test('edits apply one after the other, each at offsets of the text the one before left', () => {
  // "stir 10 min" → insert "at 25 °C " at 5 → "stir at 25 °C 10 min" (20 characters);
  // then 14..16 ("10") replaced by "15" → "stir at 25 °C 15 min"; then "stir" (0..4) deleted.
  const edits = [{ start: 5, end: 5, text: 'at 25 °C ' }, { start: 14, end: 16, text: '15' }, { start: 0, end: 4, text: '' }];
  assert.equal(applyEdits('stir 10 min', edits), ' at 25 °C 15 min');
  assert.equal(applyEdits('abc', []), 'abc');
  assert.equal(applyEdits('', [{ start: 0, end: 0, text: 'x' }]), 'x');
  assert.equal(applyEdits('abc', [{ start: 3, end: 3, text: 'd' }, { start: 0, end: 4, text: '' }]), '');
});

test('joined edits equal the edits applied to the text one by one (random edits)', () => {
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
  fc.assert(fc.property(script, ({ text, edits }) => applyEdits(text, edits) === oneByOne(text, edits)), { numRuns: 2000 });
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
  assert.equal(v.text, '0123456789'.repeat(30));
});

test('positions of an edited document are those of the text the editor has', () => {
  const text = 'synthesis A {\n  add 20 mg CuCl\n}\n';
  const editor = TextDocument.create('file:///a.faraday', 'faraday', 1, text);
  const worker = EditedDocument.of('file:///a.faraday', 1, text);
  const changes = [
    { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, text: 'stir 5 min\n  ' },
    { range: { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } }, text: 'Au25' },
  ];
  for (const [i, change] of changes.entries()) {
    const edit = { start: editor.offsetAt(change.range.start), end: editor.offsetAt(change.range.end), text: change.text };
    TextDocument.update(editor, [change], i + 2);
    worker.edit(i + 2, [edit]);
  }
  assert.equal(worker.getText(), 'synthesis Au25 {\n  stir 5 min\n  add 20 mg CuCl\n}\n');
  assert.equal(worker.getText(), editor.getText());
  assert.equal(worker.version, 3);
  assert.equal(worker.lineCount, 5);
  assert.deepEqual(worker.positionAt(30), editor.positionAt(30));
  assert.equal(worker.offsetAt({ line: 2, character: 6 }), editor.offsetAt({ line: 2, character: 6 }));
  assert.equal(worker.getText({ start: { line: 1, character: 2 }, end: { line: 1, character: 12 } }), 'stir 5 min');
});
