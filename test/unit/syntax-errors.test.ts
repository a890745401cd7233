// Broken inputs: each gives its diagnostic at the right place, worded for a
// chemist (never a token name), and the rest of the file is still read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFaraday } from '../../server/src/syntax/parse';
import { analyze } from '../../server/src/analysis/analyze';
import { sampleText } from './sample-helpers';

const TOKEN_NAMES = /NumberLiteral|AnyWord|LBrace|RBrace|Equals|Arrow|StringLike|PhraseHead|Newline|EOF|Token/;

/** [input, code, message part, line (1-based), column (1-based)] */
const CASES: [string, string, RegExp, number, number][] = [
  ['ligand SR SC6H3Cl2', 'FD0101', /expected `=` and a formula after the name/, 1, 11],
  ['ligand SR =', 'FD0101', /expected a name/, 1, 12],
  ['reaction NH3 NO3- -> NH3', 'FD0101', /expected `:` after the reaction name/, 1, 14],
  ['reaction NH3 : NO3- + 9 H+ NH3', 'FD0101', /expected `->` between the reactants and the products/, 1, 28],
  ['synthesis A {\n  product A\n', 'FD0102', /this `\{` is not closed; add `\}` after `product A`/, 1, 13],
  ['synthesis A {\n  product A\n\nelectrolyte e { 0.1 M KOH in water }\n', 'FD0102', /not closed/, 1, 13],
  ['}\n', 'FD0103', /`\}` closes nothing/, 1, 1],
  ['cell H {\n  working w )\n}\n', 'FD0103', /`\)` closes nothing/, 2, 13],
  ['protocol "unclosed\n', 'FD0104', /quoted text is not closed/, 1, 10],
  ['synthesis A {\n  add 5 mg CuCl @ 25 °C\n}\n', 'FD0105', /unexpected character `@`/, 2, 17],
  ['cell H {\n  reference Ag/AgCl (sat. KCl\n}\n', 'FD0106', /`\(` is not closed/, 2, 21],
  ['synthesis A {\n  frobnicate 5 mg CuCl\n}\n', 'FD0107', /`frobnicate` is not a step of a synthesis/, 2, 3],
  ['cell H {\n  beaker nitrate\n}\n', 'FD0107', /is not a statement of a cell; expected one of `membrane`/, 2, 3],
  ['electrode w {\n  thickness 1 µm\n}\n', 'FD0107', /not a statement of an electrode/, 2, 3],
  ['calibration c {\n  wavelength 420 nm\n}\n', 'FD0107', /not a statement of a calibration/, 2, 3],
  ['crystal X {\n  colour red\n}\n', 'FD0107', /not a field of a crystal table/, 2, 3],
  ['plan X at -1 V vs RHE for 2 h {\n  hope FE NH3 95 %\n}\n', 'FD0107', /not a statement of a plan/, 2, 3],
  ['frobnicate 3\n', 'FD0107', /does not start a statement/, 1, 1],
  ['synthesis {\n}\n', 'FD0108', /expected a name after `synthesis`/, 1, 11],
  ['{\n}\n', 'FD0108', /a block needs a keyword and a name/, 1, 1],
  ['electrode w {\n  area cm2\n}\n', 'FD0109', /expected a quantity such as `1 cm2`/, 2, 8],
  ['result X for 2 h {\n}\n', 'FD0110', /needs the potential it was run at/, 1, 8],
  ['result X at -0.8 V for 2 h {\n}\n', 'FD0110', /expected a potential with its scale/, 1, 13],
  ['run in H {\n  CVV from 0.1 V to 0.3 V vs RHE at 20 mV/s\n}\n', 'FD0111', /`CVV` is not a technique/, 2, 3],
  ['import reagents.faraday\n', 'FD0101', /expected a quoted text/, 1, 8],
  ['electrolyte e {\n  pH measured\n}\n', 'FD0113', /expected the pH value/, 2, 6],
  ['crystal X {\n  Z two\n}\n', 'FD0113', /expected a number, as in `Z 2`/, 2, 5],
  ['synthesis A {\n  synthesis B {\n  }\n}\n', 'FD0114', /cannot stand inside another block/, 2, 3],
  ['electrode w {\n  area 1 cm2 geometric\n}\n', 'FD0116', /`geometric` is not part of the area line/, 2, 14],
  ['calibration c {\n  standards mg/L absorbance { 0 -> 1 }\n}\n', 'FD0101', /standards mg\/L -> absorbance/, 2, 3],
  ['calibration c {\n  standards mg/L -> absorbance { 0 0.1 }\n}\n', 'FD0101', /expected `->` between the concentration and the reading/, 2, 36],
  ['run in H {\n  CA at -0.8 V vs RHE for 2 h, data it.txt\n}\n', 'FD0112', /expected the data file in quotes/, 2, 37],
];

test('at least 30 broken inputs, each with its code, message and place', () => {
  assert.ok(CASES.length >= 30);
  for (const [input, code, message, line, column] of CASES) {
    const r = parseFaraday(input);
    const p = r.problems.find((x) => x.code === code && message.test(x.message));
    assert.ok(p, `${JSON.stringify(input)}: expected ${code} ${message}; got ${r.problems.map((x) => `${x.code} ${x.message}`).join(' / ')}`);
    const pos = r.lineIndex.position(p.span.start);
    assert.deepEqual([pos.line + 1, pos.character + 1], [line, column], `${JSON.stringify(input)}: place of ${code}`);
    for (const q of r.problems) assert.doesNotMatch(q.message, TOKEN_NAMES, `token names leak into: ${q.message}`);
  }
});

test('an unclosed block ends at the next top-level keyword; the next block is still read', () => {
  const r = parseFaraday('synthesis A {\n  product A\n\nelectrolyte e {\n  0.1 M KOH in water\n}\n');
  assert.deepEqual(r.document.statements.map((s) => s.kind), ['synthesis', 'electrolyte']);
  const e = r.document.statements[1]!;
  assert.equal(e.kind === 'electrolyte' && e.components[0]!.species.text, 'KOH');
});

test('deleting any one line of the sample never swallows the rest of the file', () => {
  const lines = sampleText.split('\n');
  const full = parseFaraday(sampleText).document.statements.length;
  for (let i = 0; i < lines.length; i++) {
    const text = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
    const n = parseFaraday(text).document.statements.length;
    assert.ok(n >= full - 2, `deleting line ${i + 1} leaves ${n} of ${full} statements`);
  }
});

test('the samples parse without syntax problems', () => {
  assert.deepEqual(parseFaraday(sampleText).problems, []);
  assert.equal(analyze(sampleText).diagnostics.filter((d) => d.code.startsWith('FD01')).length, 0);
});
