// Semantic tokens are encoded chunk by chunk and kept with each chunk: after
// edits that move, change, add and remove chunks, a session's encoding is the
// encoding of a fresh analysis of the same text, and the tokens are where the
// words are. After an edit the editor gets only the tokens that changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, AnalysisSession } from '../../server/src/analysis/analyze';
import fc from 'fast-check';
import { encodeSemanticTokens, semanticTokensLegend } from '../../server/src/lsp/semantic-tokens';
import { tokenEdits } from '../../server/src/lsp/semantic-token-results';
import { Engine } from '../../server/src/lsp/engine';
import { applyTokenEdits } from '../fuzz/lsp-fuzz';
import { sampleText } from './sample-helpers';

/** The tokens as (line, character, text, type), decoded from LSP's relative form. */
function decode(text: string, data: number[]): [number, number, string, string][] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: [number, number, string, string][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    out.push([line, character, lines[line]!.slice(character, character + data[i + 2]!), semanticTokensLegend.tokenTypes[data[i + 3]!]!]);
  }
  return out;
}

test('a session encodes, after each edit, what a fresh analysis of the text encodes', () => {
  const session = new AnalysisSession();
  let text = sampleText;
  const check = (what: string) => {
    const kept = encodeSemanticTokens(session.analyze(text)).data;
    const fresh = encodeSemanticTokens(analyze(text)).data;
    assert.ok(fresh.length > 500, `${what}: the sample has tokens`);
    assert.deepEqual(kept, fresh, what);
  };
  check('first analysis');
  const edits: [string, (t: string) => string][] = [
    ['a line inserted at the top (every chunk moves)', (t) => `# note\n${t}`],
    ['a word changed in the middle', (t) => t.replace('synthesis', 'synthesis ')],
    ['a new chunk in the middle', (t) => { const at = t.indexOf('\ncell '); return `${t.slice(0, at)}\nreagent X = NaCl\n${t.slice(at)}`; }],
    ['a chunk removed', (t) => t.replace('\nreagent X = NaCl\n', '\n')],
    ['line ends become CRLF', (t) => t.replace(/\n/g, '\r\n')],
    ['two lines removed at the top', (t) => t.split('\r\n').slice(2).join('\r\n')],
  ];
  for (const [what, edit] of edits) {
    text = edit(text);
    check(what);
  }
});

test('tokens are where their words are, by line and character', () => {
  const text = 'reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O\n\ncell H {\n  reference Ag/AgCl (sat. KCl)\n}\ntemperature 25 °C\n';
  const tokens = decode(text, encodeSemanticTokens(analyze(text)).data);
  assert.deepEqual(tokens.find((t) => t[2] === 'NO3-'), [0, 15, 'NO3-', 'type']);
  assert.deepEqual(tokens.find((t) => t[2] === '->'), [0, 34, '->', 'operator']);
  assert.deepEqual(tokens.find((t) => t[2] === 'cell'), [2, 0, 'cell', 'keyword']);
  assert.deepEqual(tokens.find((t) => t[2] === '°C'), [5, 15, '°C', 'unit']);
  assert.deepEqual(tokens.find((t) => t[2] === '25'), [5, 12, '25', 'number']);
});


test('the edits between two token lists give the second from the first, in whole tokens', () => {
  const token = fc.array(fc.nat(3), { minLength: 5, maxLength: 5 });
  const list = fc.array(token, { maxLength: 12 }).map((ts) => ts.flat());
  fc.assert(
    fc.property(list, list, (before, after) => {
      const edits = tokenEdits(before, after);
      assert.deepEqual(applyTokenEdits(before, edits), after);
      for (const e of edits) assert.ok(e.start % 5 === 0 && e.deleteCount % 5 === 0 && (e.data ?? []).length % 5 === 0, 'whole tokens');
      if (before.join() === after.join()) assert.deepEqual(edits, []);
    }),
    { numRuns: 1000 },
  );
  // One changed token in a long list: one edit of that token.
  const long = Array.from({ length: 500 }, (_, i) => i % 7);
  const changed = [...long];
  changed[252] = 99;
  assert.deepEqual(tokenEdits(long, changed), [{ start: 250, deleteCount: 5, data: changed.slice(250, 255) }]);
});

test('after an edit the engine answers a delta request with edits that give the new tokens', async () => {
  const engine = new Engine({ publish: () => undefined }, undefined, 5);
  const uri = 'file:///tokens-delta.faraday';
  engine.open(uri, 1, sampleText);
  const first = (await engine.request('textDocument/semanticTokens/full', { textDocument: { uri } })) as { resultId: string; data: number[] };
  assert.ok(first.resultId && first.data.length > 500);
  const at = sampleText.indexOf('stir 10 min');
  const text = `${sampleText.slice(0, at)}stir 12 min, then add 5 mg NaBH4${sampleText.slice(at + 'stir 10 min'.length)}`;
  engine.change(uri, 2, text);
  const delta = (await engine.request('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: first.resultId })) as { resultId: string; edits: { start: number; deleteCount: number; data?: number[] }[] };
  assert.ok(delta.edits, 'edits, not the whole list');
  const sent = delta.edits.reduce((n, e) => n + (e.data?.length ?? 0), 0);
  assert.ok(sent > 0 && sent < 100, `only the changed tokens are sent (${sent} numbers)`);
  assert.notEqual(delta.resultId, first.resultId);
  assert.deepEqual(applyTokenEdits(first.data, delta.edits), encodeSemanticTokens(analyze(text)).data);
  // Against a result that is not the last one sent: the whole list.
  const stale = (await engine.request('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: first.resultId })) as { data?: number[] };
  assert.deepEqual(stale.data, encodeSemanticTokens(analyze(text)).data);
  engine.close(uri);
});
