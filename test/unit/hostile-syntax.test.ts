// Text no careful author writes, found by fuzzing the language server
// (npm run fuzz), each shrunk to its smallest form: it must give located
// problems, never a crash, and the rest of the file must still be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { parseFaraday } from '../../server/src/syntax/parse';
import { parseFormula } from '../../server/src/chemistry/formula';
import { formatText } from '../../server/src/features/format';
import { limitDiagnostics } from '../../server/src/lsp/diagnostic-limit';

const codes = (text: string) => analyze(text).diagnostics.map((d) => d.code);

test('3000 nested `{` on separate lines: one FD0130 at the 65th, and the declarations after them are read', () => {
  // Shrunk from a fuzzed edit that pasted `{` 10 000 times: the parser recursed once per level and overflowed the stack.
  const text = '{\n'.repeat(3000) + 'ligand SR = SC6H3Cl2\n';
  const a = analyze(text);
  const deep = a.diagnostics.filter((d) => d.code === 'FD0130');
  assert.equal(deep.length, 1);
  assert.equal(deep[0]!.span.start, 64 * 2, 'the 65th `{` (each is followed by a line end)');
  assert.match(deep[0]!.message, /nested more than 64 deep/);
  assert.ok(a.parse.document.statements.some((s) => s.kind === 'ligand'), 'the ligand after the brackets is still declared');
});

test('1000 `(` on one line: one FD0130 at the 65th, no crash', () => {
  const text = 'reference Ag/AgCl ' + '( '.repeat(1000) + '\n';
  const deep = parseFaraday(text).problems.filter((p) => p.code === 'FD0130');
  assert.equal(deep.length, 1);
  assert.equal(deep[0]!.span.start, 'reference Ag/AgCl '.length + 64 * 2);
});

test('a formula nested 40 deep is refused at the 33rd bracket, not recursed into', () => {
  const r = parseFormula('['.repeat(40) + 'Au' + ']'.repeat(40));
  assert.ok('error' in r);
  assert.match(r.error.message, /nested more than 32 deep/);
  assert.equal(r.error.offset, 32);
  // Real formulas are untouched.
  assert.ok('formula' in parseFormula('[Au25(SC2H4Ph)18]-'));
});

test('a 1 MB line is not read: one FD0131 over the line, and the lines around it are read', () => {
  const long = 'add ' + 'A + '.repeat(262_144);
  const text = `ligand SR = SC6H3Cl2\n${long}\ncluster C = [Au25(SR)18]-\n`;
  const a = analyze(text);
  const tooLong = a.diagnostics.filter((d) => d.code === 'FD0131');
  assert.equal(tooLong.length, 1);
  assert.deepEqual(tooLong[0]!.span, { start: 21, end: 21 + long.length });
  assert.match(tooLong[0]!.message, new RegExp(`has ${long.length} characters, more than the 10000`));
  assert.deepEqual(a.parse.document.statements.map((s) => s.kind), ['ligand', 'cluster']);
  assert.ok(!codes(text).includes('FD0201'), 'SR is still known to the cluster');
});

test('a long comment line is read at any length', () => {
  const text = '# ' + 'a pasted abstract '.repeat(2000) + '\nligand SR = SC6H3Cl2\n';
  assert.ok(!codes(text).includes('FD0131'));
});

test('a run of 1500 stray characters is one FD0105, and its message quotes only the ends', () => {
  // 1500 signs: under the 2000 words and signs a line may hold (a longer run makes the line FD0131, below).
  const text = 'add 20 mg CuCl ' + '@'.repeat(1500) + '\n';
  const stray = parseFaraday(text).problems.filter((p) => p.code === 'FD0105');
  assert.equal(stray.length, 1);
  assert.deepEqual(stray[0]!.span, { start: 15, end: 1515 });
  assert.ok(stray[0]!.message.length < 200, stray[0]!.message);
});

test('a run of 10 000 `[` is read in one pass (the word scanner gives up past 32 levels)', () => {
  // Shrunk from a 1 MB line of `[`: each `[` scanned the rest of the run for its `]`, quadratic in the run's length.
  const p = parseFaraday('add ' + '['.repeat(9000) + '\n');
  assert.ok(p.problems.length <= 3, p.problems.map((x) => x.code).join(' '));
});

test('messages quote at most 80 characters of a name, keeping its start and end', () => {
  const name = 'x'.repeat(5000) + 'END';
  const a = analyze(`cell H {\n  working ${name}\n}\n`);
  const unknown = a.diagnostics.find((d) => d.message.includes('xxxx'));
  assert.ok(unknown, a.diagnostics.map((d) => d.message.slice(0, 80)).join('\n'));
  assert.ok(unknown.message.length < 300, `${unknown.message.length} characters`);
  assert.match(unknown.message, /x…x+END`/);
});

test('the formatter keeps the statement of a 1 MB line as written, and formats the others', () => {
  // The line is not lexed (its braces are unknown), so its statement is left exactly as it is.
  const long = 'add ' + '{('.repeat(300_000);
  const text = `synthesis X {\n${long}\n}\ncell H {\nworking w\n}\n`;
  assert.equal(formatText(text), `synthesis X {\n${long}\n}\ncell H {\n  working w\n}\n`);
});

test('at most 1000 diagnostics are published, errors first', () => {
  const many = Array.from({ length: 1500 }, (_, i) => ({ range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } }, message: `m${i}`, severity: (i % 3 === 0 ? 1 : 2) as 1 | 2 }));
  const kept = limitDiagnostics(many);
  assert.equal(kept.length, 1000);
  assert.equal(kept.filter((d) => d.severity === 1).length, 500, 'all 500 errors');
  assert.deepEqual(kept.map((d) => d.range.start.line), [...kept.map((d) => d.range.start.line)].sort((a, b) => a - b), 'in document order');
});

test('only the quotes of a message are shortened, not the sentence between two of them', async () => {
  const { shortenQuotes } = await import('../../server/src/text/shorten-quotes');
  const sentence = '` is written like an abbreviation and is no known species; declare what it is, as in `';
  assert.equal(shortenQuotes('`PVDF' + sentence + 'reagent PVDF = FORMULA`'), '`PVDF' + sentence + 'reagent PVDF = FORMULA`');
  assert.equal(shortenQuotes(`unknown \`${'x'.repeat(100)}\``), `unknown \`${'x'.repeat(50)}…${'x'.repeat(20)}\``);
});

test('a formula count of 400 digits is a located formula error, and a reaction holding it is not balanced (no crash)', () => {
  // Shrunk from `npm run fuzz` (seed 20261202, edit 4036): `NO9999…9-` made the count Infinity, and the
  // reaction balance's exact fractions threw converting it to a BigInt, taking down the analysis worker.
  const huge = '9'.repeat(400);
  const f = parseFormula(`NO${huge}-`);
  assert.ok('error' in f && f.error, 'an error');
  assert.match(f.error!.message, /a count above 100 000 is not a formula count/);
  assert.deepEqual([f.error!.offset, f.error!.length], [2, 400], 'located at the digits');
  // Just above and at the limit.
  assert.ok('error' in parseFormula('C100001H4'));
  const atLimit = parseFormula('C100000H4');
  assert.equal('formula' in atLimit ? atLimit.formula.composition.get('C') : undefined, 100000);
  // Nested counts that multiply past 10¹² atoms: 100 000 × 100 000 × 1000 = 10¹³.
  const nested = parseFormula('((C1000)100000)100000');
  assert.match('error' in nested ? nested.error.message : '', /more than 10¹² atoms of C/);
  // A charge of 20 digits is refused at the charge.
  const charged = parseFormula('[Au25]' + '9'.repeat(20) + '-');
  assert.match('error' in charged ? charged.error.message : '', /a charge above 100 000/);
  assert.equal('error' in charged ? charged.error.offset : undefined, 6);
  const a = analyze(`reaction NH3 : NO${huge}- + 9 H+ + 8 e- -> NH3 + 3 H2O\nreaction H2 : 2 H+ + 2 e- -> H2\n`);
  assert.ok(a.diagnostics.some((d) => /a count above 100 000/.test(d.message)), a.diagnostics.map((d) => d.message).join('\n'));
  assert.ok(!a.diagnostics.some((d) => /Infinity|NaN/.test(d.message)));
});

test('a text over 16 MB is not read: one FD0133 on its first line, nothing parsed, formatting leaves it as written', () => {
  // Shrunk from `npm run fuzz` (seed 20261204, edit 3867): a 240 kB line repeated into a 355 MB document held the
  // language server for over 30 s per request. A 16 MB text is still read; one character more is not.
  const line = 'ligand SR = SC6H3Cl2   # ' + 'x'.repeat(75) + '\n'; // 100 characters
  const big = line.repeat(Math.ceil((16 * 1024 * 1024 + 1) / line.length));
  const a = analyze(big);
  assert.deepEqual(a.diagnostics.map((d) => d.code), ['FD0133']);
  assert.deepEqual(a.diagnostics[0]!.span, { start: 0, end: 80 });
  assert.match(a.diagnostics[0]!.message, /this file is 16 MB, longer than the 16 MB a protocol may be/);
  assert.equal(a.parse.document.statements.length, 0);
  assert.ok(formatText(big) === big, 'formatting leaves it as written');
  const atLimit = parseFaraday(line.repeat(Math.floor((16 * 1024 * 1024) / line.length)));
  assert.ok(!atLimit.problems.some((p) => p.code === 'FD0133'));
  assert.equal(atLimit.document.statements.length, Math.floor((16 * 1024 * 1024) / line.length));
});

test('lines of 3000 `[` inside a block are not read (FD0131, words and signs), and the blocks after them are', () => {
  // Shrunk from \`npm run fuzz\` (seed 20261210, edit 4748): 1371 lines of about 3000 \`[\` in one block, 4.3 MB that
  // made 4.3 million tokens and took 2.6 s to parse after every edit of the block.
  const line = '  ' + '['.repeat(3000);
  const text = `synthesis S {\n  add 20 mg CuCl in 10 mL THF\n${(line + '\n').repeat(3)}}\nligand SR = SC6H3Cl2\n`;
  const p = parseFaraday(text);
  const tooLong = p.problems.filter((x) => x.code === 'FD0131');
  assert.equal(tooLong.length, 3);
  const first = text.indexOf(line);
  assert.deepEqual(tooLong[0]!.span, { start: first, end: first + line.length });
  assert.match(tooLong[0]!.message, /this line has 3000 words and signs, more than the 2000 Faraday reads in one line, so it is not read/);
  // Nothing of those lines became a token; the step before them and the ligand after the block are read.
  assert.ok(!p.tokens.some((t) => t.startOffset >= first && t.startOffset < first + line.length));
  assert.deepEqual(p.document.statements.map((s) => s.kind), ['synthesis', 'ligand']);
});

test('a long protocol line of 600 words is read: the limit is words and signs, 2000 of them', () => {
  const note = 'stir ' + Array.from({ length: 600 }, (_, i) => `w${i}`).join(' ');
  const p = parseFaraday(`synthesis S {\n  ${note}\n}\n`);
  assert.ok(!p.problems.some((x) => x.code === 'FD0131'));
  // `stir` and 2001 three-letter words: 2002 pieces in about 8000 characters, under the 10 000-character limit.
  const words = Array.from({ length: 2001 }, () => 'abc').join(' ');
  assert.match(parseFaraday(`synthesis S {\n  stir ${words}\n}\n`).problems.find((x) => x.code === 'FD0131')!.message, /2002 words and signs, more than the 2000/);
});
