// Expand selection: word, value, statement, block, each holding the one before.
// The token under the cursor is read from the chunks around it (the tokens of
// the whole text, joined, stayed in memory for the session); the chains are the
// ones read from every token and every value of the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../server/src/lsp/engine';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { sampleText } from './sample-helpers';

type Chain = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; parent?: Chain };

/** The chain as [start, end] offsets, innermost first. */
function offsets(a: Analysis, chain: Chain | undefined): [number, number][] {
  const out: [number, number][] = [];
  for (let c = chain; c; c = c.parent) out.push([a.parse.lineIndex.offset(c.range.start), a.parse.lineIndex.offset(c.range.end)]);
  return out;
}

/** What the chain was made of before: every value's span, every statement, and the first token of the whole text that holds the offset. */
function expectedSpans(a: Analysis, offset: number): [number, number][] {
  const spans = [
    ...a.values.map((v) => v.span),
    ...a.parse.document.statements.flatMap((s) => ('bodySpan' in s ? [s.span, { start: s.span.start, end: s.bodySpan.end }] : [s.span])),
  ].filter((s) => s.start <= offset && offset <= s.end);
  const tok = a.parse.tokens.find((t) => t.startOffset <= offset && offset <= t.endOffset! + 1);
  if (tok) spans.push({ start: tok.startOffset, end: tok.endOffset! + 1 });
  const unique = [...new Map(spans.map((s) => [`${s.start}:${s.end}`, s])).values()].sort((x, y) => x.end - x.start - (y.end - y.start));
  return unique.map((s) => [s.start, s.end]);
}

test('expand selection from CuCl: the word, then wider spans up to its synthesis block', async () => {
  const engine = new Engine({ publish: () => undefined }, undefined, 5);
  const uri = 'file:///selection.faraday';
  engine.open(uri, 1, sampleText);
  const a = analyze(sampleText);
  const at = sampleText.indexOf('20 mg CuCl') + 7;
  const [chain] = (await engine.request('textDocument/selectionRange', { textDocument: { uri }, positions: [a.parse.lineIndex.position(at)] })) as Chain[];
  const spans = offsets(a, chain);
  assert.equal(sampleText.slice(...spans[0]!), 'CuCl');
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i]![0] <= spans[i - 1]![0] && spans[i - 1]![1] <= spans[i]![1], 'each holds the one before');
  assert.match(sampleText.slice(...spans.at(-1)!), /^synthesis /);
  engine.close(uri);
});

test('at every line start and inside every tenth line, the chain is the one read from all tokens and values', async () => {
  const engine = new Engine({ publish: () => undefined }, undefined, 5);
  const uri = 'file:///selection-all.faraday';
  engine.open(uri, 1, sampleText);
  const a = analyze(sampleText);
  const lines = sampleText.split('\n');
  const positions = lines.flatMap((l, line) => [{ line, character: 0 }, ...(line % 10 === 0 ? [{ line, character: Math.floor(l.length / 2) }, { line, character: l.length }] : [])]);
  const chains = (await engine.request('textDocument/selectionRange', { textDocument: { uri }, positions })) as Chain[];
  let checked = 0;
  positions.forEach((p, i) => {
    const offset = a.parse.lineIndex.offset(p);
    const expected = expectedSpans(a, offset);
    if (expected.length === 0) return;
    assert.deepEqual(offsets(a, chains[i]), expected, `line ${p.line + 1}, character ${p.character}`);
    checked++;
  });
  assert.ok(checked > 200, `${checked} positions`);
  engine.close(uri);
});

test('a position past the end of the document gets a range inside it (found by npm run fuzz, seed 20261211)', async () => {
  const engine = new Engine({ publish: () => undefined }, undefined, 5);
  const uri = 'file:///selection-past-end.faraday';
  const text = 'temperature 25 °C   '; // nothing holds its end: no token, no statement
  engine.open(uri, 1, text);
  const [chain] = (await engine.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 98, character: 68 }] })) as Chain[];
  for (let c: Chain | undefined = chain; c; c = c.parent) {
    for (const p of [c.range.start, c.range.end]) assert.ok(p.line === 0 && p.character <= text.length, JSON.stringify(p));
  }
  engine.close(uri);
});
