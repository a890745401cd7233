// `npm run bench:ab -- <git ref> [rounds]`: the parse, the full analysis and the drawing of the
// sample's preview figures (each side's compiled Vega, drawn by one headless vega) of this working
// tree against those of another commit, both bundled for production and loaded into one process,
// their runs interleaved. On a shared machine two `npm run bench` runs minutes apart differ by more than
// most changes do; runs side by side in one process meet the same load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, withTwoTrees } from './lib/two-trees.mjs';

const [ref, roundsArg] = process.argv.slice(2);
if (!ref) {
  console.error('usage: npm run bench:ab -- <git ref> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 20);

await withTwoTrees(ref, 'bench-ab', async (A, B, commit) => {
  const cases = [
    ['lex + parse, 1 MB', B.generateProtocol(1024 * 1024), (m, text) => m.parseFaraday(text), rounds],
    ['lex + parse, 10 000 lines', B.generateLines(10_000), (m, text) => m.parseFaraday(text), rounds],
    ['full analysis, 10 000 lines', B.generateLines(10_000), (m, text) => m.analyze(text), rounds],
    ['full analysis, 100 000 lines', B.generateLines(100_000), (m, text) => m.analyze(text), Math.max(6, Math.round(rounds / 3))],
  ];
  // The preview's figures of the sample as each side compiles them for the webview, drawn by the same vega.
  const vega = await import('vega');
  const { expressionInterpreter } = await import('vega-interpreter');
  const sample = join(root, 'samples', 'au28cu12-si.faraday');
  const read = (f) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
  const figuresOf = async (m) => m.previewFigures(m.buildFigures(m.analyze(readFileSync(sample, 'utf8'), { fileName: sample, readFile: read })));
  const figures = new Map([[A, await figuresOf(A)], [B, await figuresOf(B)]]);
  const drawAll = async (m) => {
    for (const f of figures.get(m)) {
      const view = new vega.View(vega.parse(f.vega, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
      await view.runAsync();
      await view.toSVG();
    }
  };
  cases.push([`the sample's ${figures.get(B).length} preview figures drawn (headless vega, SVG)`, undefined, drawAll, rounds]);
  const stats = (ms) => {
    const s = [...ms].sort((x, y) => x - y);
    return `best ${s[0].toFixed(1)}, median ${s[s.length >> 1].toFixed(1)} ms`;
  };
  console.log(`${commit.slice(0, 7)} (${ref}) against this working tree, interleaved in one process\n`);
  for (const [label, text, run, n] of cases) {
    for (let i = 0; i < 2; i++) {
      await run(A, text);
      await run(B, text);
    }
    const a = [];
    const b = [];
    for (let i = 0; i < n; i++) {
      // Alternate which side goes first, so that neither always runs after the other's garbage.
      const order = i % 2 === 0 ? [[A, a], [B, b]] : [[B, b], [A, a]];
      for (const [m, out] of order) {
        const t0 = performance.now();
        await run(m, text);
        out.push(performance.now() - t0);
      }
    }
    console.log(`- ${label} (${n} runs each): ${ref} ${stats(a)}; this tree ${stats(b)}`);
  }
});
