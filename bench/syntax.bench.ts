// Lex + parse throughput (MB/s) on generated 1 MB and 10 MB protocols, with
// JSON.parse and chevrotain's own JSON grammar on JSON of the same size, timed
// in the same run, as the reference ratios; each phase of the parse (lexer,
// chevrotain parse to lines, tree builder) on its own. Full analysis time for
// 1 000, 10 000 and 100 000 lines, split into parse and passes, and the
// 100k / 10k ratio (10 for a linear analysis).
//
// The machine may be shared: every figure is the best and the median of
// several runs, and the load average is printed with them.
import * as os from 'node:os';
import { buildTree, parseFaraday } from '../server/src/syntax/parse';
import { lex } from '../server/src/syntax/lexer';
import { parseTokens } from '../server/src/syntax/parser';
import { AnalysisSession, analyze } from '../server/src/analysis/analyze';
import { generateLines, generateProtocol } from './generate-protocol';
import { chevrotainJson } from './json-grammar';

interface Timing {
  best: number;
  median: number;
}

function time(fn: () => void, runs: number): Timing {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0]!, median: ms[Math.floor(ms.length / 2)]! };
}

function jsonOfSize(bytes: number): string {
  const rows = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const row = { reagent: `CuCl_${i}`, amount: { value: 20 + i, unit: 'mg' }, potentials: [-0.7, -0.8, -0.9], note: 'dissolve in THF' };
    rows.push(row);
    size += JSON.stringify(row).length + 1;
  }
  return JSON.stringify(rows);
}

const mbps = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);
const f = (x: number, digits = 1) => x.toFixed(digits);

export async function run(): Promise<string> {
  const out: string[] = [`load average at start: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} on ${os.cpus().length} cores`, '', '## Lex + parse throughput (best of runs; median in brackets)'];
  parseFaraday(generateProtocol(10_000)); // build the parser once
  chevrotainJson(jsonOfSize(10_000));
  for (const mb of [1, 10]) {
    const text = generateProtocol(mb * 1024 * 1024);
    const json = jsonOfSize(text.length);
    const runs = mb === 1 ? 9 : 5;
    const lexMs = time(() => lex(text), runs);
    const lexed = lex(text);
    const cstMs = time(() => parseTokens(lexed.tokens, text), runs);
    const cst = parseTokens(lexed.tokens, text);
    const treeMs = time(() => buildTree(text, lexed, cst), runs);
    const parseMs = time(() => parseFaraday(text), runs);
    const jsonMs = time(() => JSON.parse(json), runs);
    const chevMs = time(() => chevrotainJson(json), runs);
    const faraday = mbps(text.length, parseMs.best);
    const native = mbps(json.length, jsonMs.best);
    const chev = mbps(json.length, chevMs.best);
    out.push(
      `- ${mb} MB protocol: lex + parse to the typed tree ${f(parseMs.best, 0)} ms [${f(parseMs.median, 0)}] = ${f(faraday, 2)} MB/s`,
      `  - phases: lex ${f(lexMs.best, 0)} ms (${f(mbps(text.length, lexMs.best))} MB/s), chevrotain parse to lines ${f(cstMs.best, 0)} ms, tree builder and syntax problems ${f(treeMs.best, 0)} ms`,
      `  - JSON.parse ${f(jsonMs.best)} ms [${f(jsonMs.median)}] = ${f(native)} MB/s; chevrotain JSON grammar (lex + CST) ${f(chevMs.best)} ms [${f(chevMs.median)}] = ${f(chev, 2)} MB/s`,
      `  - ratios: Faraday ${f(native / faraday)}× slower than JSON.parse (target ≤ 5); chevrotain JSON ${f(native / chev)}× slower than JSON.parse; Faraday ${f(chev / faraday, 2)}× chevrotain JSON's time per byte`,
    );
  }
  out.push('', '## Full analysis (best of runs; median in brackets)');
  const perLines = new Map<number, number>();
  for (const lines of [1_000, 10_000, 100_000]) {
    const text = generateLines(lines);
    const runs = lines >= 100_000 ? 3 : 5;
    const parseMs = time(() => parseFaraday(text), runs);
    const ms = time(() => analyze(text), runs);
    perLines.set(lines, ms.best);
    // What the language server runs when a file opens: the first analysis of a session, which also records each block's unit for the edits to come.
    const sessionMs = time(() => new AnalysisSession().analyze(text), runs);
    out.push(
      `- ${lines} lines: ${f(ms.best, 0)} ms [${f(ms.median, 0)}], of which parse ${f(parseMs.best, 0)} ms and passes about ${f(Math.max(0, ms.best - parseMs.best), 0)} ms`,
      `  - first analysis of a session (what the language server runs on open, recording every block for the edits to come): ${f(sessionMs.best, 0)} ms [${f(sessionMs.median, 0)}]`,
    );
  }
  out.push(`- 100 000 / 10 000 lines: ${f(perLines.get(100_000)! / perLines.get(10_000)!, 1)}× the time for 10× the text (linear: about 10; target ≤ 11)`);
  return out.join('\n');
}
