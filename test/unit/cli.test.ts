// The `faraday` command as a chemist or CI runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
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
  const file = path.join(root, 'test', 'fixtures', 'instrument-exports', 'chi660e-eis.txt');
  const r = cli('inspect', file, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.technique, 'EIS');
  assert.equal(out.instrument, 'CHI660E');
  assert.equal(out.points, 73);
  assert.deepEqual(out.columns[0], { name: 'Freq', unit: 'Hz' });
  assert.deepEqual(out.metadata['Init E'], { value: 0, unit: 'V' });
});

test('plot: one SVG per figure, headless, with the marks of each figure', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'faraday-plot-'));
  const r = cli('plot', 'samples/au28cu12-si.faraday', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /it\.svg {2}i-t \(7500 of 36005 points drawn\)/);
  const files = readdirSync(out).sort();
  assert.deepEqual(files, ['calibration-griess.svg', 'calibration-nessler.svg', 'calibration-wattchrisp.svg', 'cdl.svg', 'fe.svg', 'it.svg', 'lsv.svg', 'nyquist.svg', 'uvvis.svg']);
  const nyquist = readFileSync(path.join(out, 'nyquist.svg'), 'utf8');
  assert.match(nyquist, /^<svg /);
  assert.equal((nyquist.match(/aria-roledescription="point"/g) ?? []).length, 71);
  const png = cli('plot', 'samples/au28cu12-si.faraday', '--out', out, '--format', 'png');
  assert.equal(png.status, 0, png.stderr);
  const bytes = readFileSync(path.join(out, 'fe.png'));
  assert.deepEqual([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
  assert.equal(cli('plot', 'samples/au28cu12-si.faraday', '--format', 'gif').status, 2);
});

test('report: CSV of the values and the paper\'s tables (FE per potential, crystal data)', () => {
  const fe = cli('report', 'samples/au28cu12-si.faraday', '--format', 'csv', '--table', 'fe');
  assert.equal(fe.status, 0, fe.stderr);
  const rows = fe.stdout.trimEnd().split('\r\n');
  assert.equal(rows[0], 'result,potential,charge,FE NH3 (%),FE NO2- (%),FE H2 (%),ΣFE (%),yield NH3 (ug/h/mg),yield NH3 (mmol/h/cm2),yield NO2- (ug/h/mg),yield NO2- (mmol/h/cm2)');
  assert.equal(rows[2], 'Au28Cu12,-0.8 V vs RHE,600 C,94.25,2.00,0.85,97.10,6239,0.3663,1428,0.03104');
  assert.match(rows[1]!, /^Au28Cu12,-0\.7 V vs RHE,420\.0 C \(from data\/it-au28cu12--0\.7\.txt\),79\.46,/);
  const crystal = cli('report', 'samples/au28cu12-si.faraday', '--format', 'csv', '--table', 'crystal').stdout.split('\r\n');
  assert.equal(crystal[0], ',Au28Cu12,Cu28');
  assert.ok(crystal.includes('Volume,16334.9(16) Å3 (computed 16334.9 Å3),20264.0(17) Å3 (computed 20263.9 Å3)'));
  const values = cli('report', 'samples/au28cu12-si.faraday', '--format', 'csv').stdout.split('\r\n');
  assert.equal(values[0], 'line,kind,subject,value,unit,label');
  assert.ok(values.some((l) => /^\d+,onsetPotential,LSV data\/lsv-au28cu12\.txt,-0\.612\d,V,/.test(l)));
  // Run from elsewhere, the protocol's folder is the workspace: its data files are still read.
  const elsewhere = spawnSync(process.execPath, ['--conditions=import', '--import', require.resolve('tsx'), path.join(root, 'server/src/cli/main.ts'), 'report', path.join(root, 'samples/au28cu12-si.faraday'), '--format', 'csv', '--table', 'fe'], { cwd: tmpdir(), encoding: 'utf8' });
  assert.equal(elsewhere.stdout, fe.stdout, elsewhere.stderr);
  const md = cli('report', 'samples/au28cu12-si.faraday', '--format', 'md').stdout;
  assert.match(md, /### Crystal data and structure refinement\n\n\| {2}\| Au28Cu12 \| Cu28 \|/);
});

test('inspect: every format prints the shape documented in docs/report-format.md', async () => {
  const { inspectReport } = await import('../../server/src/cli/inspect');
  const { importInstrumentFile } = await import('../../server/src/instruments/detect');
  const doc = readFileSync(path.join(root, 'docs', 'report-format.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## `faraday inspect` JSON'));
  const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)![1]!);
  // The field table: names, type (`or \`null\``: nullable), meaning (`only …`: optional).
  const fields = new Map<string, { nullable: boolean; optional: boolean }>();
  for (const m of section.matchAll(/^\| ((?:`[^`]+`(?:, )?)+) \| ([^|]+) \| (.+) \|$/gm)) {
    for (const name of m[1]!.match(/`[^`]+`/g)!) fields.set(name.slice(1, -1), { nullable: /or `null`/.test(m[2]!), optional: /^only /.test(m[3]!) });
  }
  assert.deepEqual([...fields.keys()].sort(), Object.keys(example).sort(), 'the table names every field of the example');
  // Inside chromatograms, the table documents these as "or `null`".
  const nested = ['time', 'sample', 'samplingRateHz', 'traceUnit', 'carrierGas', 'name', 'height', 'volumeFraction'];
  const gcRow = section.split('\n').find((l) => l.startsWith('| `chromatograms`'))!;
  for (const k of nested) assert.match(gcRow, new RegExp(`\`${k}\`[^|]*?null`), k);
  const conforms = (actual: unknown, model: unknown, where: string): void => {
    if (actual === null) return void assert.ok(nested.includes(where.split('.').pop()!), `${where} is null`);
    if (Array.isArray(model)) {
      assert.ok(Array.isArray(actual), where);
      for (const a of actual as unknown[]) conforms(a, model[0], where);
    } else if (typeof model === 'object' && model !== null) {
      for (const [k, v] of Object.entries(actual as object)) {
        assert.ok(k in model, `${where}.${k} is not documented`);
        conforms(v, (model as Record<string, unknown>)[k], `${where}.${k}`);
      }
    } else assert.equal(typeof actual, typeof model, where);
  };
  const fixtures = path.join(root, 'test', 'fixtures', 'instrument-exports');
  const files = readdirSync(fixtures).filter((f) => !f.startsWith('.') && !f.endsWith('.md'));
  const reports = files.map((f) => inspectReport(f, importInstrumentFile(new Uint8Array(readFileSync(path.join(fixtures, f))), f)));
  // And damaged files, for `partial` and `byteOffset`.
  const mpr = new Uint8Array(readFileSync(path.join(fixtures, 'biologic-cv.mpr')));
  reports.push(inspectReport('cut.mpr', importInstrumentFile(mpr.slice(0, 5000), 'cut.mpr')));
  reports.push(inspectReport('cut.DTA', importInstrumentFile(readFileSync(path.join(fixtures, 'gamry-cv_data.dta')).subarray(0, 2500), 'cut.DTA')));
  for (const r of reports) {
    const out = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    for (const [k, f] of fields) if (!f.optional) assert.ok(k in out, `${r.file}: ${k} missing`);
    for (const [k, v] of Object.entries(out)) {
      const f = fields.get(k);
      assert.ok(f, `${r.file}: ${k} is not documented`);
      if (v === null) assert.ok(f.nullable, `${r.file}: ${k} is null`);
      else if (k === 'metadata') {
        for (const m of Object.values(v as object)) assert.ok(['string', 'number'].includes(typeof m) || (typeof m.unit === 'string' && ['string', 'number'].includes(typeof m.value)), `${r.file}: metadata ${JSON.stringify(m)}`);
      } else if (k === 'first' || k === 'last') {
        assert.equal((v as number[]).length, (out.columns as unknown[]).length);
        assert.ok((v as number[]).every(Number.isFinite), `${r.file}: ${k}`);
      } else conforms(v, example[k], k);
    }
  }
  assert.ok(reports.some((r) => r.chromatograms) && reports.some((r) => r.partial) && reports.some((r) => r.segments) && reports.some((r) => r.charge !== undefined));
  assert.ok(reports.some((r) => r.problems.some((p) => p.byteOffset !== undefined)));
});

test('inspect prints what it read for each format; exit 1 on an unreadable file', () => {
  const fixtures = path.join(root, 'test', 'fixtures', 'instrument-exports');
  const mpr = cli('inspect', path.join(fixtures, 'biologic-cv.mpr'));
  assert.equal(mpr.status, 0, mpr.stderr);
  const lines = mpr.stdout.split('\n');
  assert.match(lines[0]!, /biologic-cv\.mpr: Cyclic Voltammetry \(CV\) on SN 10831083, 5103 points \[BioLogic EC-Lab binary \(\.mpr\)\]$/);
  assert.ok(lines.includes('columns: mode, ox/red, error, control changes, counter inc., Time (s) [time/s], control (V), Potential (V) [Ewe/V], Current (A) [<I>/mA], Cycle [cycle number], Charge (C) [(Q-Qo)/C]'));
  assert.ok(lines.some((l) => /^first: .*Time 43202 s.*Potential 2\.48071 V, Current -1\.23598e-9 A/.test(l)), mpr.stdout);
  assert.ok(lines.includes('Scan Rate: 0.0001 V/s'));
  const gc = cli('inspect', path.join(fixtures, 'fusion-gc-cu-co2rr.fusion-data'));
  assert.equal(gc.status, 0, gc.stderr);
  assert.ok(gc.stdout.includes('  moduleA:tcd: 8000 points at 50 Hz, carrier argon, 5 peaks\n    H2 at 52.16 s: area 5649.79, 0.0796544 % by volume\n'), gc.stdout);
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-cli-'));
  writeFileSync(path.join(dir, 'empty.mpt'), '');
  const empty = cli('inspect', path.join(dir, 'empty.mpt'), '--format', 'json');
  assert.equal(empty.status, 1);
  assert.deepEqual(JSON.parse(empty.stdout).problems.map((p: { code: string }) => p.code), ['FD0724']);
  assert.equal(cli('inspect', path.join(dir, 'nothing.mpt')).status, 2);
});

test('methods writes the experimental section on stdout and its notes on stderr; a wrong format is a usage error', () => {
  const r = cli('methods', 'samples/au28cu12-si.faraday', '--format', 'tex');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\\section\*\{Experimental section\}/);
  assert.match(r.stdout, /E_\{\\mathrm\{RHE\}\} = E_\{\\mathrm\{Ag\/AgCl\}\} \+ 0\.198\\,\\mathrm\{V\} \+ 0\.059 \\times \\mathrm\{pH\}/);
  assert.match(r.stderr, /^samples\/au28cu12-si\.faraday:38:\d+: information FD0901 the Methods section gives `30 µL DCBT-H` without its amount in mmol/m);
  const md = cli('methods', 'samples/au28cu12-si.faraday');
  assert.match(md.stdout, /^## Experimental section/);
  assert.equal(cli('methods', 'samples/au28cu12-si.faraday', '--format', 'docx').status, 2);
  assert.equal(cli('methods').status, 2);
});

test('report --table gc: one row per GC injection a result read, found by listing the folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-cli-'));
  mkdirSync(path.join(dir, 'gc'));
  const fixtures = path.join(root, 'test', 'fixtures', 'instrument-exports');
  writeFileSync(path.join(dir, 'gc', 'run-1.fusion-data'), readFileSync(path.join(fixtures, 'fusion-gc-cu-co2rr.fusion-data')));
  writeFileSync(path.join(dir, 'gc', 'run-2.fusion-data'), readFileSync(path.join(fixtures, 'fusion-gc-cu-co2rr-2-peaks.fusion-data')));
  const file = path.join(dir, 'p.faraday');
  writeFileSync(file, 'reaction H2 : 2 H2O + 2 e- -> H2 + 2 OH-\nresult Cu at -1.0 V vs RHE for 1 h {\n  current 10 mA\n  H2 by GC data "gc/run-{n}.fusion-data" at 20 mL/min\n}\n');
  const r = cli('report', file, '--format', 'csv', '--table', 'gc');
  assert.equal(r.status, 0, r.stderr);
  // The files' H2: 0.07965441630924582 % and 0.022820781119114293 %, 368.166 s = 6.14 min apart.
  assert.equal(r.stdout, 'result,file,injection time,t (min),averaged,H2 (ppm)\r\nCu,gc/run-1.fusion-data,2022-06-08T14:10:58.301Z,0.00,yes,796.5\r\nCu,gc/run-2.fusion-data,2022-06-08T14:17:06.467Z,6.14,yes,228.2\r\n');
});
