// While an edit waits for its analysis, hovers and completions elsewhere are
// answered by the latest analysis: at a place the edit did not touch, that
// answer is the one the new analysis gives; in and beside the edited block the
// new version must be analysed first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { mapThroughPendingEdits } from '../../server/src/lsp/pending-edits';
import { hoverAt } from '../../server/src/lsp/hover';
import { completionItems } from '../../server/src/lsp/completion';
import { sampleText } from './sample-helpers';

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
    const quick = hoverAt(mapped.analysis, mapped.offset, (span) => mapped.lineIndex.range(mapped.toCurrent(span)));
    assert.deepEqual(quick, hoverAt(after, after.parse.lineIndex.offset(position)), `hover at ${offset}`);
    assert.deepEqual(completionItems(mapped.analysis, mapped.offset), completionItems(after, offset), `completion at ${offset}`);
  }
  assert.ok(answered > refused * 5, `${answered} answered, ${refused} refused: only the edited block and its neighbours wait`);
  assert.equal(mapThroughPendingEdits(before, text, at + 2), undefined, 'in the edited block, the new version is analysed');
});
