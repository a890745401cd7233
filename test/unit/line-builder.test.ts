// The lines the parser builds as it consumes tokens (syntax/line-builder.ts):
// elements in source order, numbers that share a unit grouped, and what a
// statement cut short by a syntax error keeps, with hand-checked spans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex } from '../../server/src/syntax/lexer';
import { parseTokens } from '../../server/src/syntax/parser';
import type { Element, Line } from '../../server/src/syntax/lines';

function linesOf(text: string): Line[] {
  return parseTokens(lex(text).tokens, text).lines;
}

/** An element as the readers see it: its kind and its text in the source. */
function shown(text: string, e: Element): string {
  const written = text.slice(e.span.start, e.span.end);
  return e.kind === 'numbers' ? `numbers(${e.numbers.map((n) => n.value).join(' ')})` : `${e.kind}:${written}`;
}

test('a statement: words, numbers that share their unit as one element, a reference with its bracket', () => {
  const text = 'run in H {\n  CA at -0.7, -0.8, -0.9 V vs Ag/AgCl (sat. KCl), 5, min\n}\n';
  const [run] = linesOf(text);
  assert.equal(run!.rule, 'blockDecl');
  assert.deepEqual(run!.elements.map((e) => shown(text, e)), ['word:run', 'word:in', 'word:H']);
  const [ca] = run!.block!.lines;
  assert.deepEqual(ca!.elements.map((e) => shown(text, e)), [
    'word:CA', 'word:at', 'numbers(-0.7 -0.8 -0.9)', 'word:V', 'vs:vs Ag/AgCl (sat. KCl)',
    // A comma after numbers is held until the next token: a word makes it punctuation again.
    'punct:,', 'numbers(5)', 'punct:,', 'word:min',
  ]);
  const vs = ca!.elements[4]!;
  assert.ok(vs.kind === 'vs');
  assert.equal(vs.reference.electrode.text, 'Ag/AgCl');
  assert.equal(vs.reference.qualifier!.text, '(sat. KCl)');
  assert.equal(text.slice(ca!.span.start, ca!.span.end), 'CA at -0.7, -0.8, -0.9 V vs Ag/AgCl (sat. KCl), 5, min');
  assert.equal(text.slice(run!.block!.span.start, run!.block!.span.end), text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
});

test('numbers with a bracket or a reference between them are not grouped', () => {
  const text = 'run in H {\n  CA at -0.7 ( first ), -0.8 V vs RHE, -0.9 V\n}\n';
  const [ca] = linesOf(text)[0]!.block!.lines;
  assert.deepEqual(ca!.elements.map((e) => shown(text, e)), [
    'word:CA', 'word:at', 'numbers(-0.7)', 'group:( first )', 'punct:,', 'numbers(-0.8)', 'word:V', 'vs:vs RHE', 'punct:,', 'numbers(-0.9)', 'word:V',
  ]);
});

test('`Ag/AgCl(sat.KCl)` written as one word: the bracket is split off as the qualifier', () => {
  const text = 'run in H {\n  CA at -0.7 V vs Ag/AgCl(sat.KCl)\n}\n';
  const vs = linesOf(text)[0]!.block!.lines[0]!.elements.find((e) => e.kind === 'vs');
  assert.ok(vs?.kind === 'vs');
  assert.deepEqual([vs.reference.electrode.text, vs.reference.qualifier!.text, text.slice(vs.reference.qualifier!.span.start, vs.reference.qualifier!.span.end)], ['Ag/AgCl', '(sat.KCl)', '(sat.KCl)']);
});

test('a token inserted by error recovery is no element: `ligand SR SC6H3Cl2` reads as if `=` were there', () => {
  const text = 'ligand SR SC6H3Cl2\n';
  const [line] = linesOf(text);
  assert.equal(line!.rule, 'declaration');
  assert.deepEqual(line!.elements.map((e) => shown(text, e)), ['word:ligand', 'word:SR', 'word:SC6H3Cl2']);
  assert.deepEqual(line!.span, { start: 0, end: text.indexOf('\n') });
});

test('a block left open ends at a top-level keyword in column 1, its span at the last line it read', () => {
  const text = 'result A at -0.3 V vs RHE for 1 h {\n  charge 75 C\n\nplan A at -0.4 V vs RHE for 1 h {\n  expect FE NH3 80 %\n}\n';
  const [result, plan] = linesOf(text);
  assert.equal(result!.block!.close, undefined);
  assert.deepEqual(result!.block!.lines.map((l) => text.slice(l.span.start, l.span.end)), ['charge 75 C']);
  // The newlines the block read count in its span, as they did in the CST's location.
  assert.equal(result!.block!.span.end, text.indexOf('plan'));
  assert.equal(result!.span.end, text.indexOf('plan'));
  assert.equal(text.slice(plan!.span.start, plan!.span.end), text.slice(text.indexOf('plan'), text.lastIndexOf('}') + 1));
});

test('reactions: terms of each side, the arrow, and a `+` left at the end of a side in the span', () => {
  const text = 'reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O\n';
  const [line] = linesOf(text);
  assert.deepEqual(line!.elements.map((e) => shown(text, e)), ['word:reaction', 'word:NH3', 'punct::']);
  assert.deepEqual(line!.reaction!.left.map((t) => t.map((e) => shown(text, e))), [['word:NO3-'], ['numbers(9)', 'word:H+'], ['numbers(8)', 'word:e-']]);
  assert.deepEqual(line!.reaction!.right.map((t) => t.map((e) => shown(text, e))), [['word:NH3'], ['numbers(3)', 'word:H2O']]);
  assert.equal(text.slice(line!.reaction!.arrow!.start, line!.reaction!.arrow!.end), '->');
  const cut = 'reaction R : A +\n';
  const [partial] = linesOf(cut);
  assert.deepEqual(partial!.reaction!.left.map((t) => t.map((e) => shown(cut, e))), [['word:A'], []]);
  assert.equal(partial!.span.end, cut.indexOf('+') + 1);
});

test('standards tables, stray closers and blocks with no keyword', () => {
  const text = 'calibration c {\n  standards mg/L -> absorbance { 0 -> 0.01; 0.5 -> 0.29 }\n  )\n  { add 1 mg X }\n}\n}\n{ stir }\n';
  const [calibration, stray, orphan] = linesOf(text);
  const [table, closer, bare] = calibration!.block!.lines;
  assert.equal(table!.rule, 'standardsTable');
  assert.deepEqual([table!.standards!.unit!.text, table!.standards!.reading!.text, table!.standards!.closed], ['mg/L', 'absorbance', true]);
  assert.deepEqual(table!.standards!.rows.map((r) => [r.concentration.value, r.reading.value]), [[0, 0.01], [0.5, 0.29]]);
  assert.deepEqual([closer!.rule, shown(text, closer!.elements[0]!)], ['stray', 'punct:)']);
  assert.deepEqual([bare!.rule, bare!.elements.length, bare!.block!.lines.length], ['orphanBlock', 0, 1]);
  assert.deepEqual([stray!.rule, shown(text, stray!.elements[0]!)], ['stray', 'punct:}']);
  assert.deepEqual([orphan!.rule, text.slice(orphan!.span.start, orphan!.span.end)], ['orphanBlock', '{ stir }']);
});
