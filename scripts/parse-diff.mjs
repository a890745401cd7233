// `npm run parse-diff -- <git ref> [texts] [seed]`: whether this working tree parses exactly as another
// commit does. Both parse every sample, the design sketch beside the repository, a generated 2000-line
// protocol, and windows of 5-45 lines of them with 1-4 random insertions (brackets, quotes, arrows,
// keywords, line ends, stray characters), deletions or copied stretches; the typed tree, comments and
// syntax problems are compared as JSON. For a change to the parser that should change nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, withTwoTrees } from './lib/two-trees.mjs';

const [ref, countArg, seedArg] = process.argv.slice(2);
if (!ref) {
  console.error('usage: npm run parse-diff -- <git ref> [texts] [seed]');
  process.exit(2);
}
const count = Number(countArg ?? 4000);
let seed = Number(seedArg ?? 1);
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const PIECES = ['{', '}', '(', ')', '"', '->', '=', '\n', ' ', ',', '1', '-0.5, -0.6', 'vs', 'vs RHE', ':', ';', '+', 'synthesis', 'reaction', 'standards', 'ligand', '\r', '#', 'mg', '22.07(13)', 'cell', '\u00a0', '@', 'run', 'Ag/AgCl(', '“'];

const differences = await withTwoTrees(ref, 'parse-diff', async (A, B, commit) => {
  const shown = (m, text) => {
    try {
      const r = m.parseFaraday(text);
      return JSON.stringify({ statements: r.document.statements, comments: r.document.comments, problems: r.problems, span: r.document.span });
    } catch (e) {
      return `threw ${e.message}`;
    }
  };
  const texts = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.faraday')).map((f) => [f, readFileSync(join(root, 'samples', f), 'utf8')]);
  const sketch = join(root, '..', 'shared', 'design', 'au28cu12-si.faraday');
  if (existsSync(sketch)) texts.push(['design sketch', readFileSync(sketch, 'utf8')]);
  texts.push(['generated 2000 lines', B.generateLines(2000)]);
  const found = [];
  const check = (name, text) => {
    const a = shown(A, text);
    const b = shown(B, text);
    if (a === b) return;
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    found.push({ name, text, a: a.slice(Math.max(0, at - 200), at + 200), b: b.slice(Math.max(0, at - 200), at + 200) });
  };
  for (const [name, text] of texts) check(name, text);
  for (let k = 0; k < count; k++) {
    const [name, whole] = texts[Math.floor(random() * texts.length)];
    const lines = whole.split('\n');
    const from = Math.floor(random() * lines.length);
    let text = lines.slice(from, from + 5 + Math.floor(random() * 40)).join('\n');
    const edits = 1 + Math.floor(random() * 4);
    for (let j = 0; j < edits; j++) {
      const at = Math.floor(random() * (text.length + 1));
      const r = random();
      if (r < 0.4) text = text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at);
      else if (r < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 6));
      else {
        const b = Math.floor(random() * text.length);
        text = text.slice(0, at) + text.slice(b, b + 10) + text.slice(at);
      }
    }
    check(`${name}, window ${k}`, text);
  }
  console.log(`${commit.slice(0, 7)} (${ref}) against this working tree: ${texts.length + count} texts, ${found.length} parsed differently`);
  for (const d of found.slice(0, 3)) console.log(`\n${d.name}: ${JSON.stringify(d.text)}\n  ${ref}: …${d.a}…\n  here: …${d.b}…`);
  return found.length;
});
process.exitCode = differences > 0 ? 1 : 0;
