// The `faraday` command as a chemist or CI runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--conditions=import', '--import', 'tsx', path.join(root, 'server/src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });

test('check: exit 1 with `path:line:col: severity CODE message` lines when there are errors', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-cli-'));
  const file = path.join(dir, 'bad.faraday');
  writeFileSync(file, 'synthesis A {\n  add 5 mgg CuCl\n}\n');
  const r = cli('check', file);
  assert.equal(r.status, 1);
  assert.ok(r.stdout.includes(`${file}:2:9: error FD0401 unknown unit \`mgg\`; did you mean \`mg\`?`), r.stdout);
});

test('check: directories recurse over *.faraday only; exit 0 without errors', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-cli-'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'ok.faraday'), 'temperature 25 °C\n');
  writeFileSync(path.join(dir, 'notes.txt'), 'not a protocol @@@');
  const r = cli('check', dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /1 file checked: 0 errors/);
});

test('check --format json gives diagnostics with 0-based ranges', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-cli-'));
  const file = path.join(dir, 'x.faraday');
  writeFileSync(file, 'frobnicate 3\n');
  const r = cli('check', '--format', 'json', file);
  const out = JSON.parse(r.stdout);
  assert.equal(out[0].file, file);
  assert.deepEqual(out[0].diagnostics[0].range.start, { line: 0, character: 0 });
  assert.equal(out[0].diagnostics[0].code, 'FD0107');
});

test('usage and I/O errors exit 2 with a clear message and no stack trace', () => {
  const missing = cli('check', '/nonexistent/protocol.faraday');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read \/nonexistent\/protocol\.faraday: no such file or directory/);
  assert.doesNotMatch(missing.stderr, /\n\s+at /);
  assert.equal(cli('check', '--format', 'xml', 'samples').status, 2);
  assert.equal(cli('frobnicate').status, 2);
  assert.equal(cli('check').status, 2);
});

test('report --format json follows the contract', () => {
  const r = cli('report', 'samples/au28cu12-si.faraday', '--format', 'json');
  assert.equal(r.status, 0);
  const out = JSON.parse(r.stdout);
  const amount = out.values.find((v: { kind: string; subject: string }) => v.kind === 'amount' && v.subject === 'Au28Cu12/CuCl');
  assert.deepEqual(Object.keys(amount).slice(0, 6), ['kind', 'subject', 'value', 'unit', 'range', 'label']);
  assert.equal(amount.unit, 'mmol');
  assert.equal(amount.label, '0.2020 mmol');
  const setpoint = out.values.find((v: { kind: string; subject: string }) => v.kind === 'setpoint' && v.subject === '-0.8 V vs RHE');
  assert.equal(setpoint.scale, 'Ag/AgCl (sat. KCl)');
  assert.equal(setpoint.value, -1.057);
  assert.ok(out.diagnostics.every((d: { severity: string }) => ['error', 'warning', 'information', 'hint'].includes(d.severity)));
});

test('inspect prints what the importer read, as JSON', () => {
  const file = path.resolve(root, '..', 'shared', 'data', 'instrument-exports', 'chi660e-eis.txt');
  const r = cli('inspect', file, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.technique, 'EIS');
  assert.equal(out.instrument, 'CHI660E');
  assert.equal(out.points, 73);
  assert.deepEqual(out.columns[0], { name: 'Freq', unit: 'Hz' });
  assert.deepEqual(out.metadata['Init E'], { value: 0, unit: 'V' });
});
