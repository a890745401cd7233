// `npm test`: every suite, in order, with one closing line `N passed, N failed`.
//   1. unit tests (node:test through tsx, on the TypeScript sources)
//   2. the bundles, then the language-server protocol tests against dist/server.js
//   3. the real VS Code test (code-server + headless Chromium), unless FARADAY_SKIP_E2E=1
// Suites are separate processes so that a crash in one still reports the others.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const node = process.execPath;
const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;

function testFiles(dir) {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join(dir, f));
}

/** Runs node:test on files, echoing its output, and adds its pass/fail counts. */
function runNodeTests(label, files) {
  if (files.length === 0) return;
  console.log(`\n== ${label}: ${files.length} files ==`);
  const r = spawnSync(node, ['--conditions=import', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
    cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' },
  });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const p = /^ℹ pass (\d+)/m.exec(r.stdout);
  const f = /^ℹ fail (\d+)/m.exec(r.stdout);
  passed += p ? Number(p[1]) : 0;
  failed += f ? Number(f[1]) : 0;
  if (r.status !== 0 && !(f && Number(f[1]) > 0)) {
    console.log(`${label}: runner exited with ${r.status} without reporting a failed test; counting it as one failure`);
    failed += 1;
  }
}

/** Runs a script that ends with its own `N passed, N failed` line. */
function runCounted(label, args) {
  console.log(`\n== ${label} ==`);
  const r = spawnSync(node, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const m = /(\d+) passed, (\d+) failed/.exec(r.stdout.split('\n').reverse().find((l) => /\d+ passed, \d+ failed/.test(l)) ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (r.status !== 0 && !(m && Number(m[2]) > 0)) {
    console.log(`${label}: exited with ${r.status}; counting it as one failure`);
    failed += 1;
  }
}

console.log('\n== typecheck (tsc --noEmit) ==');
const tsc = spawnSync(node, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'], { cwd: root, encoding: 'utf8' });
process.stdout.write(tsc.stdout);
if (tsc.status === 0) passed += 1;
else failed += 1;

runNodeTests('unit tests', testFiles('test/unit'));

console.log('\n== build ==');
const build = spawnSync(node, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log('build failed');
  failed += 1;
} else {
  runNodeTests('language server protocol tests', testFiles('test/lsp'));
  if (process.env.FARADAY_SKIP_E2E === '1') console.log('\n== real VS Code test skipped (FARADAY_SKIP_E2E=1) ==');
  else if (existsSync(join(root, 'test/e2e/run.mjs'))) runCounted('real VS Code (code-server) test', ['test/e2e/run.mjs']);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
