// `npm run bench:ab -- <git ref> [rounds]`: the parse, the full analysis, one-character edits analysed
// by an analysis session (as the language server does after each edit) and the drawing of the sample's
// preview figures (each side's compiled Vega, drawn by one headless vega) of this working tree against
// those of another commit, both bundled for production and loaded into one process, their runs interleaved. On a shared machine two `npm run bench` runs minutes apart differ by more than
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

  // One-character edits spread across the 10 000-line protocol, each side's session analysing the same
  // edited texts in the same order (an 'x' typed in the first word of a line, as `npm run bench -- lsp` types).
  const text = B.generateLines(10_000);
  // Its data files read as the language server reads them: a file unchanged on disk gives the same bytes.
  const kept = new Map();
  const readBytes = (file, max) => {
    if (!kept.has(file)) {
      try {
        const b = readFileSync(file);
        kept.set(file, b.length > max ? { refused: 'too-large', size: b.length } : new Uint8Array(b.buffer, b.byteOffset, b.length));
      } catch {
        kept.set(file, undefined);
      }
    }
    return kept.get(file);
  };
  const options = { fileName: join(root, 'samples', 'bench-10k.faraday'), readFile: read, readBytes, readData: true, workspaceRoot: root };
  const sessions = new Map([[A, new A.AnalysisSession()], [B, new B.AnalysisSession()]]);
  // Primed as the language server primes a long document (scheduler.ts): every block moved and replayed twice.
  for (const session of sessions.values()) {
    session.analyze(text, options);
    for (let k = 0; k < 2; k++) {
      session.analyze('\n' + text, options);
      session.analyze(text, options);
    }
  }
  const lines = text.split('\n');
  const places = lines.flatMap((l, i) => (l.trim() && !l.trim().startsWith('#') ? [i] : []));
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const edits = rounds * 5;
  const a = [];
  const b = [];
  for (let i = 0; i < edits; i++) {
    const line = places[Math.floor(random() * places.length)];
    const l = lines[line];
    const indent = l.length - l.trimStart().length;
    const at = indent + 1 + Math.floor(random() * Math.min(3, Math.max(1, l.trimStart().length - 1)));
    lines[line] = l.slice(0, at) + 'x' + l.slice(at);
    const edited = lines.join('\n');
    const order = i % 2 === 0 ? [[A, a], [B, b]] : [[B, b], [A, a]];
    for (const [m, out] of order) {
      const t0 = performance.now();
      sessions.get(m).analyze(edited, options);
      out.push(performance.now() - t0);
    }
  }
  const tail = (ms) => {
    const s = [...ms].sort((x, y) => x - y);
    return `median ${s[s.length >> 1].toFixed(1)}, p95 ${s[Math.floor(s.length * 0.95)].toFixed(1)} ms`;
  };
  console.log(`- one-character edit of the 10 000-line protocol, analysed by a session (${edits} edits each): ${ref} ${tail(a)}; this tree ${tail(b)}`);
});
