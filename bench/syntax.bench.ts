// Lex + parse throughput (MB/s) on generated 1 MB and 10 MB protocols, with
// JSON.parse of a JSON document of the same size, timed in the same run, as
// the reference ratio. Full analysis time for 1 000, 10 000 and 100 000 lines.
import { parseFaraday } from '../server/src/syntax/parse';
import { analyze } from '../server/src/analysis/analyze';
import { generateLines, generateProtocol } from './generate-protocol';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, runs: number): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
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

export async function run(): Promise<string> {
  const out: string[] = ['## Lex + parse throughput'];
  parseFaraday(generateProtocol(10_000)); // build the parser once
  for (const mb of [1, 10]) {
    const text = generateProtocol(mb * 1024 * 1024);
    const json = jsonOfSize(text.length);
    const runs = mb === 1 ? 5 : 3;
    const parseMs = time(() => parseFaraday(text), runs);
    const jsonMs = time(() => JSON.parse(json), runs);
    const mbps = text.length / 1024 / 1024 / (parseMs / 1000);
    const jsonMbps = json.length / 1024 / 1024 / (jsonMs / 1000);
    out.push(`- ${mb} MB: parse ${parseMs.toFixed(0)} ms = ${mbps.toFixed(2)} MB/s; JSON.parse ${jsonMs.toFixed(1)} ms = ${jsonMbps.toFixed(1)} MB/s; ratio ${(jsonMbps / mbps).toFixed(1)}× slower than JSON.parse`);
  }
  out.push('', '## Full analysis');
  for (const lines of [1_000, 10_000, 100_000]) {
    const text = generateLines(lines);
    const ms = time(() => analyze(text), lines >= 100_000 ? 1 : 3);
    out.push(`- ${lines} lines: ${ms.toFixed(0)} ms`);
  }
  return out.join('\n');
}
