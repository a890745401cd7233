// The formatter on broken and fuzzed text: idempotent and lossless (every
// character other than white space, every quoted text and comment, in
// order), and statements it cannot read are kept exactly as written. The
// long run (10⁵ variants) is `npm run fuzz`; here a few hundred.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatText } from '../../server/src/features/format';
import { formatterProblem, fuzzFormatter } from '../fuzz/format-fuzz';

test('every sample, and 200 fuzzed variants of them, format idempotently and losslessly', () => {
  const r = fuzzFormatter({ runs: 200, seed: 20261124, maxWindow: 800 });
  assert.ok(r.samples >= 4, `${r.samples} samples`);
  assert.equal(r.runs, 200);
  assert.ok(r.withErrors > 50, `${r.withErrors} variants with syntax errors`);
  assert.deepEqual(r.failures, []);
});

test('an unclosed `{` keeps its statement as written and does not shift the statements after it', () => {
  const text = 'synthesis A {\n      product A\n  add 20 mg CuCl\n\ncell H {\nworking w\n      stir 600 rpm\n}\n';
  // The synthesis never closes: kept as written. The cell, a statement of its own (a top-level keyword at
  // the start of its line, where the parser ends the unclosed block too), is formatted from depth 0.
  assert.equal(formatText(text), 'synthesis A {\n      product A\n  add 20 mg CuCl\n\ncell H {\n  working w\n  stir 600 rpm\n}\n');
  assert.equal(formatterProblem(text), undefined);
});

test('a `}` that closes nothing, and an unclosed quote, keep their statements as written', () => {
  const stray = 'electrolyte e {\n      0.5 M KOH in water\n}\n}\nreaction H2 : 2 H+ + 2 e- -> H2\n';
  assert.equal(formatText(stray), stray);
  const quote = 'cell H {\n      membrane "Nafion 117\n}\nelectrolyte e {\n      0.5 M KOH in water\n}\n';
  assert.equal(formatText(quote), 'cell H {\n      membrane "Nafion 117\n}\nelectrolyte e {\n  0.5 M KOH in water\n}\n');
});

test('a block the parser cannot close, though its braces balance, is kept as written', () => {
  // Shrunk from the formatter fuzz: `1e309{` is no standards table, so the parser leaves that `{` open (FD0102)
  // while a count of the braces finds them balanced; the parser decides.
  const text = 'calibration c {\n    standards mg/L -> absorbance 1e309{ 0.0 -> 0.021; 0.8 -> 0.642 }\n}\ncell H {\nworking w\n}\n';
  assert.equal(formatText(text, { indent: '\t' }), 'calibration c {\n    standards mg/L -> absorbance 1e309{ 0.0 -> 0.021; 0.8 -> 0.642 }\n}\ncell H {\n\tworking w\n}\n');
  assert.equal(formatterProblem(text, '\t'), undefined);
});

test('a continuation indent never moves a top-level keyword off the start of its line, nor a closing brace', () => {
  const text = 'synthesis A {\n  product A,\n}\nreaction H2 : 2 H+ + 2 e- -> H2,\ncell H {\n}\n';
  assert.equal(formatText(text), text);
});

test('line ends: CRLF stays CRLF; a lone CR becomes the file\'s line end', () => {
  assert.equal(formatText('cell H {\r\nworking w\r\n}\r\n'), 'cell H {\r\n  working w\r\n}\r\n');
  assert.equal(formatText('cell H {\rworking w\r}\r'), 'cell H {\n  working w\n}\n');
});
