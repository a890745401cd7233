// The bundles run on the user's own Node, not only on the Node 24 the tests run on:
// the CLI and the language server are started with the first `node` on PATH that
// is not the one installed under node_modules (on CI and here that is Node 20).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from './lsp-client';

/** The machine's own node: PATH entries outside this repository's node_modules. */
function machineNode(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.includes(`${path.sep}node_modules${path.sep}`) || dir.endsWith(`${path.sep}node_modules`)) continue;
    const candidate = path.join(dir, 'node');
    if (existsSync(candidate)) return candidate;
  }
  return process.execPath;
}

const node = machineNode();
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
const major = Number(/^v(\d+)/.exec(version)?.[1]);
const cli = path.join(repoRoot, 'dist', 'cli.js');
const sample = path.join(repoRoot, 'samples', 'au28cu12-si.faraday');
const run = (...args: string[]) => spawnSync(node, [cli, ...args], { cwd: repoRoot, encoding: 'utf8' });

test(`the machine's node (${version}) satisfies package.json engines`, async () => {
  const engines = (await import(pathToFileURL(path.join(repoRoot, 'package.json')).href, { with: { type: 'json' } })).default.engines.node as string;
  const minimum = Number(/>=\s*(\d+)/.exec(engines)?.[1]);
  assert.ok(minimum <= 20, `engines.node is ${engines}; the bundles are built for Node 20`);
  assert.ok(major >= minimum, `${node} is ${version}`);
});

test(`faraday check and report run on the machine's node (${version})`, () => {
  // The sample keeps the source's one error (the unknown `Me2SAu`), so check exits 1 after reading it all.
  const check = run('check', sample);
  assert.equal(check.stderr, '');
  assert.equal(check.status, 1, check.stdout);
  assert.match(check.stdout, /1 file checked: 1 error/);
  const report = run('report', sample, '--format', 'json');
  assert.equal(report.status, 0, report.stderr);
  const values = JSON.parse(report.stdout).values as { kind: string; value: number }[];
  assert.ok(values.some((v) => v.kind === 'faradaicEfficiency'), 'the report holds faradaic efficiencies');
});

test(`every sample's report is the same, to the last bit, on the machine's node (${version}) and on ${process.version}`, () => {
  // The analysis is a function of the text alone, whatever Node runs it. V8's `**` differs between
  // them (10 ** -4 is not 0.0001 on Node 20; D^(2/3) differs in the last bit): an esd written as
  // 22.0728(13) and the electrons of a Koutecký–Levich fit came out differently (units/portable-power.ts).
  const samples = readdirSync(path.join(repoRoot, 'samples')).filter((f) => f.endsWith('.faraday'));
  assert.ok(samples.length >= 10);
  for (const file of samples) {
    const [mine, tests] = [node, process.execPath].map((exe) => {
      const r = spawnSync(exe, [cli, 'report', path.join(repoRoot, 'samples', file), '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout) as { values: unknown[] };
    });
    assert.deepEqual(mine, tests, file);
  }
});

test(`faraday plot renders SVG on the machine's node (${version})`, () => {
  const out = mkdtempSync(path.join(tmpdir(), 'faraday-plot-'));
  const plot = run('plot', sample, '--out', out);
  assert.equal(plot.status, 0, plot.stderr);
  assert.match(plot.stdout, /\.svg/);
});

test(`the language server answers on the machine's node (${version})`, async () => {
  const client = new TestClient(node);
  try {
    await client.initialize();
    const uri = await client.open(sample);
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics.filter((d) => d.severity === 1).map((d) => d.code), ['FD0301']);
    // The hover on a reagent quantity carries its amount in mmol, computed by the worker thread.
    const lines = readFileSync(sample, 'utf8').split('\n');
    const line = lines.findIndex((l) => /^\s*dissolve .*mg/.test(l));
    const character = lines[line]!.search(/\d/);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    assert.match(JSON.stringify(hover?.contents ?? ''), /mmol/);
  } finally {
    await client.close();
  }
});
