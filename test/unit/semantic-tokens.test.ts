// Semantic tokens are encoded chunk by chunk and kept with each chunk: after
// edits that move, change, add and remove chunks, a session's encoding is the
// encoding of a fresh analysis of the same text, and the tokens are where the
// words are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, AnalysisSession } from '../../server/src/analysis/analyze';
import { encodeSemanticTokens, semanticTokensLegend } from '../../server/src/lsp/semantic-tokens';
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
