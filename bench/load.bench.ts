// Memory and time under load, as a user meets them: peak resident memory
// and wall time of the production CLI (`node dist/cli.js`) for `faraday
// check` on 10 000- and 100 000-line protocols (with the sample's data files
// beside them) and `faraday inspect` on 10⁶- and 10⁷-row i-t exports. Each
// command runs in its own process; its peak RSS is read at exit through a
// preloaded hook (VmHWM from /proc/self/status; maxRSS elsewhere).
import { createWriteStream, cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateLines } from './generate-protocol';

/** Runs the CLI with `args` in `cwd`; its wall time, peak RSS and exit status. */
function measure(cli: string, hook: string, cwd: string, args: string[]): { ms: number; peakMb: number; status: number | null; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const kb = Number(/FARADAY_MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
  return { ms, peakMb: kb / 1024, status: r.status, stderr: r.stderr.replace(/\n?FARADAY_MAXRSS \d+\n?/, '') };
}

/** A CH Instruments i-t export of `rows` rows (1 point per 10 ms), written in chunks: 10⁷ rows do not fit one string comfortably. */
async function writeItExport(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write(['Nov. 24, 2026   10:00:00', 'Amperometric i-t Curve', 'File: load-bench', 'Data Source:  Experiment', 'Instrument Model:  CHI660D', 'Header: ', 'Note: generated for the load benchmark', '', 'Init E (V) = -1.057', 'Sample Interval (s) = 0.01', `Run Time (sec) = ${rows / 100}`, '', 'Time/sec, Current/A', '', ''].join('\r\n'));
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    chunk.push(`${(i / 100).toFixed(2)}, ${(-0.08 - 0.02 * Math.exp(-i / 6000) + ((i * 7919) % 13) * 1e-6).toExponential(4)}\r\n`);
    if (chunk.length === 100_000) {
      await write(chunk.join(''));
      chunk.length = 0;
    }
  }
  await write(chunk.join(''));
  await new Promise<void>((resolve) => out.end(resolve));
}

export async function run(): Promise<string> {
  const root = process.cwd();
  const cli = path.join(root, 'dist', 'cli.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-load-'));
  const hook = path.join(dir, 'maxrss.js');
  // VmHWM, the peak of this process's own memory: Linux carries getrusage's maxRSS across exec, so a child
  // of this (large) benchmark process reported the benchmark's own peak (736 MB for 10 000 and 100 000 lines alike).
  writeFileSync(hook, "process.on('exit', () => { let kb; try { kb = Number(/^VmHWM:\\s+(\\d+) kB/m.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch { kb = process.resourceUsage().maxRSS; } process.stderr.write('\\nFARADAY_MAXRSS ' + kb + '\\n'); });\n");
  cpSync(path.join(root, 'samples', 'data'), path.join(dir, 'data'), { recursive: true });
  cpSync(path.join(root, 'samples', 'shared'), path.join(dir, 'shared'), { recursive: true });
  const out: string[] = ['## faraday check (production CLI, one process each)'];
  try {
    for (const lines of [10_000, 100_000]) {
      const file = path.join(dir, `load-${lines}.faraday`);
      writeFileSync(file, generateLines(lines));
      const r = measure(cli, hook, dir, ['check', file]);
      const ok = r.status === 0 || r.status === 1; // 1: the generated protocol has errors to report, as expected
      out.push(`${lines} lines (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB): ${ok ? '' : `FAILED (exit ${r.status}: ${r.stderr.split('\n')[0]}) `}${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.peakMb.toFixed(0)} MB`);
    }
    out.push('', '## faraday inspect of CH Instruments i-t exports (production CLI)');
    for (const rows of [1_000_000, 10_000_000]) {
      const file = path.join(dir, `it-${rows}.txt`);
      await writeItExport(file, rows);
      const mb = statSync(file).size / 1024 / 1024;
      const r = measure(cli, hook, dir, ['inspect', file, '--format', 'json']);
      out.push(`${rows.toLocaleString('en-US')} rows (${mb.toFixed(0)} MB): ${r.status === 0 ? '' : `FAILED (exit ${r.status}: ${r.stderr.split('\n')[0]}) `}${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.peakMb.toFixed(0)} MB (${(mb / (r.ms / 1000)).toFixed(1)} MB/s)`);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out.join('\n');
}
