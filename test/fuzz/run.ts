// `npm run fuzz [-- --edits N --jobs J --format-runs N --seed S --only lsp,format,memory]`:
// the long versions of the hostile-input checks (npm test runs short ones).
// Prints how much ran, how fast, and every failure; a failure's text and
// request are written to fuzz-failures/ so that it can be shrunk into a test.
// `--jobs J` fuzzes the language server in J processes at once (seeds S,
// S+1, …; each its own server), for machines with the cores to spare.
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../lsp/lsp-client';
import { fuzzLanguageServer, type Failure } from './lsp-fuzz';
import { fuzzFormatter } from './format-fuzz';
import { typeIntoLargeFile } from './typing-memory';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? process.argv[i + 1]!.split(',') : ['lsp', 'format', 'memory'];
})();

/** A failure's text and request, for shrinking into a unit test. */
function saveFailure(f: Failure, i: number): void {
  const dir = path.join(repoRoot, 'fuzz-failures');
  mkdirSync(dir, { recursive: true });
  const name = `seed${f.seed}-edit${f.edit}-${f.kind}-${f.method.replace(/\W+/g, '_')}-${i}`;
  writeFileSync(path.join(dir, `${name}.faraday`), f.text);
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ ...f, text: undefined }, null, 2));
}

/** What a job prints last: its counts, for the parent to add up. */
const SUMMARY = 'FUZZ-JOB-SUMMARY ';

/** The LSP fuzz in `jobs` child processes, seeds seed…seed+jobs−1, the edits shared out; the total of their counts. */
async function parallelJobs(jobs: number, seed: number, edits: number): Promise<number> {
  console.log(`## LSP fuzzing over stdio (dist/server.js) in ${jobs} processes, seeds ${seed}–${seed + jobs - 1}`);
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: jobs }, (_, i) => new Promise<{ edits: number; failures: number; code: number }>((resolve) => {
    const args = [...process.execArgv, process.argv[1]!, '--only', 'lsp', '--jobs', '1', '--seed', String(seed + i), '--edits', String(Math.ceil(edits / jobs))];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FARADAY_FUZZ_JOB: '1' } });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (!line.startsWith(SUMMARY)) console.log(`[job ${i + 1}] ${line}`);
        else {
          const r = JSON.parse(line.slice(SUMMARY.length)) as { edits: number; failures: number };
          resolve({ ...r, code: 0 });
        }
      }
    });
    child.on('exit', (code) => resolve({ edits: 0, failures: 1, code: code ?? 1 }));
  })));
  const total = results.reduce((n, r) => n + r.edits, 0);
  const failures = results.reduce((n, r) => n + r.failures, 0);
  const seconds = (performance.now() - started) / 1000;
  console.log(`  all jobs: ${total} edits in ${seconds.toFixed(0)} s (${(total / seconds).toFixed(1)} edits/s); ${failures} failures`);
  return failures;
}

async function main(): Promise<void> {
  const seed = arg('seed', Date.now() % 1_000_000);
  let failed = 0;
  const jobs = arg('jobs', 1);
  if (only.includes('lsp') && jobs > 1) failed += await parallelJobs(jobs, seed, arg('edits', 10_000));
  else if (only.includes('lsp')) {
    const edits = arg('edits', 10_000);
    console.log(`## LSP fuzzing over stdio (dist/server.js), seed ${seed}`);
    const r = await fuzzLanguageServer({ edits, seed, log: (l) => console.log(`  ${l}`), progressEvery: Math.max(50, Math.round(edits / 50)), onFailure: (f) => saveFailure(f, 0) });
    console.log(`  ${r.edits} edits, ${r.requests} requests in ${r.seconds.toFixed(0)} s: ${(r.edits / r.seconds).toFixed(2)} edits/s, ${(r.requests / r.seconds).toFixed(1)} requests/s`);
    console.log(`  edits by kind: ${Object.entries(r.editKinds).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    console.log(`  crashes ${r.counts.crash}, hangs (> 2 s) ${r.counts.hang}, ranges outside the document ${r.counts.range}, NaN/Infinity ${r.counts['non-finite']}, formatting not lossless ${r.counts.format}; server restarts ${r.serverRestarts}`);
    console.log(`  answers later than 2 s while the server itself used less than 2 s of CPU (the machine was busy): ${r.lateWhileBusy}`);
    console.log(`  slowest answer per request: ${Object.entries(r.slowestMs).map(([m, ms]) => `${m.replace('textDocument/', '')} ${ms} ms`).join(', ')}`);
    if (r.failures.length) console.log(`  texts and requests of the failures: ${path.join(repoRoot, 'fuzz-failures')}`);
    const found = Object.values(r.counts).reduce((a, b) => a + b, 0);
    failed += found;
    if (process.env.FARADAY_FUZZ_JOB === '1') console.log(`${SUMMARY}${JSON.stringify({ edits: r.edits, failures: found })}`);
  }
  if (only.includes('format')) {
    const runs = arg('format-runs', 100_000);
    console.log(`\n## Formatter: idempotent and lossless, seed ${seed}`);
    const r = fuzzFormatter({ runs, seed });
    console.log(`  ${r.samples} samples and ${r.runs} fuzzed variants (${r.withErrors} with syntax errors) in ${r.seconds.toFixed(0)} s: ${r.failures.length} failures`);
    for (const f of r.failures) console.log(`  FAILURE ${f}`);
    failed += r.failures.length;
  }
  if (only.includes('memory')) {
    const lines = arg('lines', 100_000);
    console.log(`\n## Typing into a ${lines}-line protocol (dist/server.js)`);
    const r = await typeIntoLargeFile({ lines, keystrokes: arg('keystrokes', 200) });
    console.log(`  ${r.keystrokes} keystrokes in ${r.seconds.toFixed(0)} s; server peak RSS ${r.peakRssMb.toFixed(0)} MB (limit 1024 MB); last diagnostics ${r.lastDiagnosticsMs.toFixed(0)} ms after the last keystroke; server alive: ${r.alive}`);
    if (r.peakRssMb > 1024 || !r.alive) failed++;
  }
  console.log(`\n${failed === 0 ? 'no failures' : `${failed} failures`}`);
  process.exitCode = failed === 0 ? 0 : 1;
}

void main();
