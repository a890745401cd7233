// Range formatting edits the lines of the range as LSP counts lines (\r\n, \n
// and a lone \r each end one). Found by `npm run fuzz` (seed 20261215): a lone
// \r kept inside a line sent every edit after it to the line above.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../server/src/lsp/engine';
import { formatText } from '../../server/src/features/format';

type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };

/** Applies LSP text edits, positions counted in LSP lines. */
function apply(text: string, edits: Edit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  const at = (p: { line: number; character: number }) => starts[p.line]! + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => at(b.range.start) - at(a.range.start))) out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

/** The text after the engine's range formatting of lines `from`…`to`, applied as the editor applies it. */
async function formatLines(text: string, from: number, to: number): Promise<string> {
  const engine = new Engine({ publish: () => undefined }, undefined, 5);
  const uri = 'file:///range-format.faraday';
  engine.open(uri, 1, text);
  try {
    const range = { start: { line: from, character: 0 }, end: { line: to, character: 0 } };
    const edits = (await engine.request('textDocument/rangeFormatting', { textDocument: { uri }, range, options: { tabSize: 2, insertSpaces: true } })) as Edit[];
    return apply(text, edits);
  } finally {
    engine.close(uri);
  }
}

test('after a lone carriage return, the range formatting edits the lines it names', async () => {
  const text = 'synthesis A {\n      add 20 mg CuCl in 10 mL THF\r    stir 10 min\n        dry in air\n}\n';
  const formatted = await formatLines(text, 0, 5);
  // Line by line what formatting the whole text gives (which also ends every line with \n; a range keeps the line ends).
  const lines = (t: string) => t.split(/\r\n|\r|\n/);
  assert.deepEqual(lines(formatted), lines(formatText(text, { indent: '  ' })));
  assert.ok(formatted.includes('\r  stir 10 min\n  dry in air'), JSON.stringify(formatted));
});

test('a blank line taken out above the range and a final newline added below it: the range formatting changes white space only', async () => {
  // Formatting takes one of the two blank lines out and ends the text with a newline: as many lines as before.
  const text = 'temperature 25 °C\n\n\nreagent X = NaCl';
  const formatted = await formatLines(text, 2, 2);
  assert.equal(formatted.replace(/\s/g, ''), text.replace(/\s/g, ''), JSON.stringify(formatted));
});
