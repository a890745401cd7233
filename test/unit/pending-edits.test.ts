// While an edit waits for its analysis, hovers and completions elsewhere are
// answered by the latest analysis: at a place the edit did not touch, that
// answer is the one the new analysis gives; in and beside the edited block the
// new version must be analysed first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { mapThroughPendingEdits, PendingEdits } from '../../server/src/lsp/pending-edits';
import { Engine } from '../../server/src/lsp/engine';
import { hoverAt } from '../../server/src/lsp/hover';
import { SyncedDocument } from '../../server/src/lsp/synced-document';
import { completionItems } from '../../server/src/lsp/completion';
import { sampleText } from './sample-helpers';
import type { Diagnostic } from 'vscode-languageserver-protocol';

test('hovers and completions outside the edited block answer as the new analysis does; inside it, nothing is answered', () => {
  const before = analyze(sampleText);
  const at = sampleText.indexOf('stir 10 min');
  // Two characters typed inside one synthesis step, moving everything after them.
  const text = sampleText.slice(0, at) + 'stir 10 min\n  ' + sampleText.slice(at);
  const after = analyze(text);
  let answered = 0;
  let refused = 0;
  for (let offset = 0; offset < text.length; offset += 7) {
    const mapped = mapThroughPendingEdits(before, text, offset);
    if (!mapped) {
      refused++;
      continue;
    }
    answered++;
    const position = after.parse.lineIndex.position(offset);
    const quick = hoverAt(mapped.analysis, mapped.offset, (span) => mapped.lines.range(mapped.toCurrent(span)));
    assert.deepEqual(quick, hoverAt(after, after.parse.lineIndex.offset(position)), `hover at ${offset}`);
    assert.deepEqual(completionItems(mapped.analysis, mapped.offset), completionItems(after, offset), `completion at ${offset}`);
  }
  assert.ok(answered > refused * 5, `${answered} answered, ${refused} refused: only the edited block and its neighbours wait`);
  assert.equal(mapThroughPendingEdits(before, text, at + 2), undefined, 'in the edited block, the new version is analysed');
});

test('edits followed one by one leave the blocks between them answered; typed text and the blocks it touched wait', () => {
  const before = analyze(sampleText);
  const pending = new PendingEdits(before);
  // A character typed in the first synthesis, then one near the end of the file: everything between is unchanged.
  const first = sampleText.indexOf('stir 10 min');
  const lastBlock = sampleText.lastIndexOf('\ncrystal ');
  assert.ok(first > 0 && lastBlock > first, 'the sample has a synthesis step and a crystal block after it');
  let text = sampleText.slice(0, first) + 'x' + sampleText.slice(first);
  pending.follow(text);
  const second = lastBlock + 1 + 1 + 'crystal '.length; // inside the crystal block's name, after the first edit moved it by one
  text = text.slice(0, second) + 'y' + text.slice(second);
  pending.follow(text);
  assert.equal(pending.text, text);
  const after = analyze(text);
  // The editor's document, changed by the same two edits: its lines, kept as they change, place the hover ranges.
  const doc = new SyncedDocument('file:///p.faraday', 'faraday', 1, sampleText);
  for (const [at, typed] of [[first, 'x'], [second, 'y']] as const) {
    const p = doc.positionAt(at);
    doc.update([{ range: { start: p, end: p }, text: typed }], doc.version + 1);
  }
  assert.equal(doc.getText(), text);
  const regions = pending.refused();
  assert.equal(regions.length, 2, 'one region around each edit');
  assert.ok(regions[0]!.start <= first && first <= regions[0]!.end, 'the first typed character is in the first region');
  assert.ok(regions[1]!.start <= second && second <= regions[1]!.end, 'the second typed character is in the second region');
  let answered = 0;
  let placed = 0;
  for (let offset = regions[0]!.end + 1; offset < regions[1]!.start; offset += 5) {
    // The whole-file difference (first to last changed character) would refuse every one of these.
    assert.ok(!mapThroughPendingEdits(before, text, offset), 'the whole-file difference refuses');
    const mapped = pending.answer(offset);
    assert.ok(mapped, `answered at ${offset}, between the two edits`);
    answered++;
    const quick = hoverAt(mapped.analysis, mapped.offset, (span) => mapped.lines.range(mapped.toCurrent(span)));
    assert.deepEqual(quick, hoverAt(after, offset), `hover at ${offset}`);
    const byDocument = pending.answer(offset, (o) => doc.positionAt(o))!;
    assert.deepEqual(hoverAt(byDocument.analysis, byDocument.offset, (span) => byDocument.lines.range(byDocument.toCurrent(span))), quick, `hover placed by the document's lines at ${offset}`);
    if (quick?.range) placed++;
    assert.deepEqual(completionItems(mapped.analysis, mapped.offset), completionItems(after, offset), `completion at ${offset}`);
  }
  assert.ok(answered > 100, `${answered} places between the edits answered`);
  assert.ok(placed > 50, `${placed} hovers with a range`);
  assert.ok(!pending.answer(first), 'the first edit waits');
  assert.ok(!pending.answer(second + 1), 'the second edit waits');
});

test('text typed at either end of the file is never answered by the latest analysis', () => {
  const before = analyze(sampleText);
  const pending = new PendingEdits(before);
  const text = 'synthesis A {\n}\n' + sampleText + '\nsynthesis B {\n}\n';
  pending.follow('synthesis A {\n}\n' + sampleText);
  pending.follow(text);
  const regions = pending.refused();
  assert.equal(regions[0]!.start, 0);
  assert.equal(regions[regions.length - 1]!.end, text.length);
  for (const offset of [0, 5, text.length - 3, text.length]) assert.ok(!pending.answer(offset), `typed text at ${offset} waits`);
});

test('completion in the block being typed is answered before its analysis, as the new analysis answers it', async () => {
  const published: number[] = [];
  // No debounce timer fires during the test: the edit waits for its analysis.
  const engine = new Engine({ publish: (_uri, version) => published.push(version) }, undefined, 60_000);
  const uri = 'file:///completion-while-typing.faraday';
  engine.open(uri, 1, sampleText);
  assert.deepEqual(published, [1]);
  // A new line typed inside the first synthesis: at its start, the synthesis's verbs.
  const at = sampleText.indexOf('stir 10 min');
  const text = sampleText.slice(0, at) + '\n  ' + sampleText.slice(at);
  engine.change(uri, 2, text);
  const after = analyze(text);
  const lines = after.parse.lineIndex;
  for (const offset of [at + 3, at + 3 + 'stir 10'.length, at + 3 + 'stir 10 m'.length]) {
    const items = engine.request('textDocument/completion', { textDocument: { uri }, position: lines.position(offset) });
    assert.deepEqual(items, completionItems(after, offset), `completion at ${offset}`);
  }
  assert.ok((engine.request('textDocument/completion', { textDocument: { uri }, position: lines.position(at + 3) }) as { label: string }[]).some((i) => i.label === 'stir'), 'a step verb is offered');
  assert.deepEqual(published, [1], 'no analysis ran for these answers');
  engine.close(uri);
});

test('edits forwarded as the editor sent them are followed without joining the text, and answer as the whole new text does', () => {
  const published: number[] = [];
  let diagnostics: Diagnostic[] = [];
  const engine = new Engine({ publish: (_uri, version, d) => (published.push(version), (diagnostics = d)) }, undefined, 60_000);
  const uri = 'file:///typed-by-edits.faraday';
  engine.open(uri, 1, sampleText);
  // A new line typed inside the first synthesis, one keystroke per edit, then a character near the end of the file.
  const at = sampleText.indexOf('stir 10 min');
  const typed = '\n  s';
  // An insertion at an offset, as the editor sends it: at a line and character of the text before it.
  let current = sampleText;
  const insert = (version: number, offset: number, c: string) => {
    const line = current.slice(0, offset).split('\n').length - 1;
    const character = offset - (current.lastIndexOf('\n', offset - 1) + 1);
    engine.edit(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: c }]);
    current = current.slice(0, offset) + c + current.slice(offset);
  };
  for (const [i, c] of [...typed].entries()) insert(i + 2, at + i, c);
  const end = sampleText.lastIndexOf('\ncrystal ') + 1 + 'crystal '.length + typed.length;
  insert(typed.length + 2, end, 'y');
  const text = sampleText.slice(0, at) + typed + sampleText.slice(at, end - typed.length) + 'y' + sampleText.slice(end - typed.length);
  assert.equal(current, text);
  const after = analyze(text);
  const lines = after.parse.lineIndex;
  // In the typed block (answered from a parse of it) and between the two edits (from the latest analysis).
  const between = text.indexOf('\nsynthesis ', at + 100) + 12;
  for (const offset of [at + 3, at + 4, between]) {
    const items = engine.request('textDocument/completion', { textDocument: { uri }, position: lines.position(offset) });
    assert.deepEqual(items, completionItems(after, offset), `completion at ${offset}`);
  }
  assert.deepEqual(published, [1], 'no analysis ran for these answers');
  // A quick-fix request analyses the current version now: the text joined from the edits.
  engine.request('textDocument/codeAction', { textDocument: { uri }, range: { start: lines.position(at), end: lines.position(at) } });
  assert.deepEqual(published, [1, typed.length + 2]);
  let whole: Diagnostic[] | undefined;
  const fresh = new Engine({ publish: (_uri, _version, d) => (whole = d) }, undefined, 60_000);
  fresh.open(uri, 1, text);
  assert.deepEqual(diagnostics, whole, 'the diagnostics of the text opened whole');
  assert.ok(diagnostics.some((d) => String(d.message).startsWith('`sstir` is not a step')), 'the typed line is in the analysed text');
  engine.close(uri);
  fresh.close(uri);
});

test('the blocks beside an edit answer unless the edit joined or split blocks', () => {
  const before = analyze(sampleText);
  const chunks = before.parse.chunks;
  const at = sampleText.indexOf('stir 10 min');
  const k = chunks.findIndex((c) => c.start <= at && at < c.end);
  assert.ok(k > 0 && k + 1 < chunks.length, 'the edited block has a block on either side');
  const next = chunks[k + 1]!;
  // A character typed in a step: the next block's first line now sits one character later.
  const typed = sampleText.slice(0, at) + 'x' + sampleText.slice(at);
  const inNext = next.start + 1 + 1;
  const mapped = mapThroughPendingEdits(before, typed, inNext);
  assert.ok(mapped, 'the block after the edited one answers');
  assert.equal(mapped.offset, inNext - 1);
  // A top-level keyword typed at column 1 splits the edited block: its neighbours wait too.
  const split = sampleText.slice(0, at) + '\nreagent ' + sampleText.slice(at);
  assert.ok(!mapThroughPendingEdits(before, split, next.start + '\nreagent '.length + 1), 'the block after a split one waits');
  // Deleting the line break before the next block joins the two: the next block waits.
  const joined = sampleText.slice(0, next.start - 1) + ' ' + sampleText.slice(next.start);
  assert.ok(!mapThroughPendingEdits(before, joined, next.start + 1), 'the joined block waits');
  assert.ok(!mapThroughPendingEdits(before, joined, chunks[k + 2]!.start + 1), 'and the block beside it');
  assert.ok(mapThroughPendingEdits(before, joined, chunks[k + 3]!.start + 1), 'the block after those answers');
});
