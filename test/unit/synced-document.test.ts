// The language server's main thread keeps each document as edits by offsets
// (synced-document.ts) instead of the library's TextDocument: the editor's
// changes must land at the same offsets, giving the same text, and the edits
// sent to the worker must rebuild that text from the one before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { SyncedDocument } from '../../server/src/lsp/synced-document';
import { applyEdits } from '../../server/src/lsp/text-version';

test('a change typed on a line lands where the editor put it, as an edit by offsets', () => {
  const doc = new SyncedDocument('file:///a.faraday', 'faraday', 1, 'synthesis A {\r\n  stir 10 min\r\n}\n');
  // Line 1 is "  stir 10 min" after "synthesis A {\r\n" (15 characters): character 7 is offset 22.
  const first = { range: { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } }, text: '15' };
  assert.deepEqual(doc.update([first], 2), [{ start: 22, end: 24, text: '15' }]);
  // A character past the end of line 1 stops before its \r\n (offset 28).
  const second = { range: { start: { line: 1, character: 40 }, end: { line: 1, character: 40 } }, text: ' at 25 °C' };
  assert.deepEqual(doc.update([second], 3), [{ start: 28, end: 28, text: ' at 25 °C' }]);
  assert.equal(doc.getText({ start: { line: 1, character: 2 }, end: { line: 1, character: 40 } }), 'stir 15 min at 25 °C', 'a range read without joining the text');
  assert.equal(doc.getText(), 'synthesis A {\r\n  stir 15 min at 25 °C\r\n}\n');
  assert.equal(doc.version, 3);
  assert.equal(doc.lineCount, 4);
  assert.deepEqual(doc.positionAt(30), { line: 1, character: 15 });
  assert.deepEqual(doc.getLineRange(1), { start: { line: 1, character: 0 }, end: { line: 1, character: 22 } });
  assert.equal(doc.getEOLCharacters(1), '\r\n');
});

/** Text with every kind of line break, and changes anywhere in it or past its ends. */
const pieces = fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', 'µ', '°C ');
const text = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 12 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

test('random changes give the same offsets and text as TextDocument, and the edits rebuild each version (property)', () => {
  fc.assert(
    fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), fc.array(position, { minLength: 3, maxLength: 3 }), (initial, versions, probes) => {
      const editor = TextDocument.create('file:///a.faraday', 'faraday', 1, initial);
      const synced = new SyncedDocument('file:///a.faraday', 'faraday', 1, initial);
      let before = initial;
      for (const [i, batch] of versions.entries()) {
        // Lines past the last one are tested below: TextDocument leaves holes in its line table there.
        const scratch = TextDocument.create('file:///a.faraday', 'faraday', 1, editor.getText());
        const changes = batch.map((c) => {
          if (!('range' in c)) return (TextDocument.update(scratch, [c], 1), c);
          const last = scratch.lineCount - 1;
          const at = (p: { line: number; character: number }) => ({ line: Math.min(p.line, last), character: p.character });
          const inside = { range: { start: at(c.range.start), end: at(c.range.end) }, text: c.text };
          TextDocument.update(scratch, [inside], 1);
          return inside;
        });
        TextDocument.update(editor, changes, i + 2);
        const edits = synced.update(changes, i + 2);
        assert.equal(applyEdits(before, edits), editor.getText(), 'the edits rebuild the new text');
        for (const p of probes) {
          assert.equal(synced.offsetAt(p), editor.offsetAt(p), `offset of ${JSON.stringify(p)}`);
          const offset = Math.abs(p.line * 7 + p.character);
          assert.deepEqual(synced.positionAt(offset), editor.positionAt(offset), `position of ${offset}`);
          assert.deepEqual(synced.getLineRange(p.line), editor.getLineRange(p.line), `range of line ${p.line}`);
          assert.equal(synced.getEOLCharacters(p.line), editor.getEOLCharacters(p.line), `line break of line ${p.line}`);
          const range = { start: p, end: probes[0]! };
          assert.equal(synced.getText(range), editor.getText(range), `text of ${JSON.stringify(range)}`);
        }
        assert.equal(synced.lineCount, editor.lineCount);
        before = editor.getText();
      }
      assert.equal(synced.getText(), editor.getText());
    }),
    { numRuns: 1500 },
  );
});

test('a change past the last line lands at the end of the text, and the lines after it are right', () => {
  const doc = new SyncedDocument('file:///a.faraday', 'faraday', 1, 'a\nb');
  assert.deepEqual(doc.update([{ range: { start: { line: 5, character: 0 }, end: { line: 7, character: 3 } }, text: 'X\nY' }], 2), [{ start: 3, end: 3, text: 'X\nY' }]);
  assert.equal(doc.getText(), 'a\nbX\nY');
  // Line 2 ("Y") starts at offset 5, as in the text read afresh.
  const fresh = TextDocument.create('file:///a.faraday', 'faraday', 2, 'a\nbX\nY');
  for (const line of [0, 1, 2, 3]) assert.equal(doc.offsetAt({ line, character: 1 }), fresh.offsetAt({ line, character: 1 }), `line ${line}`);
  assert.equal(doc.offsetAt({ line: 2, character: 0 }), 5);
});
