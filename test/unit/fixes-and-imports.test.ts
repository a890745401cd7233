// Quick fixes that add what is missing, and imports across files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import { applyFix, fixedSample } from './sample-helpers';

test('a volume without density: the fix adds the library density of the same compound, and parses', () => {
  // DCBT-H (2,4-dichlorobenzenethiol) has no density in the library: no fix, the message says how.
  const d = analyze(fixedSample).diagnostics.find((x) => x.code === 'FD0303')!;
  assert.match(d.message, /add `density … g\/mL` to `reagent DCBT-H`/);
  assert.equal(d.fixes, undefined);
  const filled = fixedSample.replace('reagent DCBT-H   = C6H4Cl2S', 'reagent DCBT-H   = C6H4Cl2S density 1.41 g/mL');
  // 30 µL × 1.41 g/mL = 42.3 mg / 179.06 g/mol = 0.2362 mmol
  const v = analyze(filled).values.find((x) => x.kind === 'amount' && x.subject === 'Au28Cu12/DCBT-H');
  assert.ok(v && Math.abs((v.value as number) - 0.23623) < 1e-4);
  // C6H6S is thiophenol in the library, 1.078 g/mL: the fix writes it after the formula.
  const text = 'reagent BT = C6H6S "benzenethiol"\nsynthesis S {\n  add 30 µL BT\n}\n';
  const fixed = applyFix(text, 'FD0303', '30 µL');
  assert.equal(fixed, 'reagent BT = C6H6S density 1.078 g/mL "benzenethiol"\nsynthesis S {\n  add 30 µL BT\n}\n');
  const a = analyze(fixed);
  assert.equal(a.parse.problems.length, 0);
  // 30 µL × 1.078 g/mL = 32.34 mg / (6 × 12.011 + 6 × 1.008 + 32.06 = 110.174 g/mol) = 0.29354 mmol
  assert.ok(Math.abs((a.values.find((x) => x.kind === 'amount')!.value as number) - 32.34 / 110.174) < 1e-9);
});

test('an estimated pH says how to state the measured one, with no fix that would leave a placeholder', () => {
  const text = fixedSample.replace(/\n\s*pH 1.0 measured[^\n]*/, '');
  const d = analyze(text).diagnostics.find((x) => x.code === 'FD0502')!;
  assert.match(d.message, /uses the estimated pH 1\.24 of nitrate; add `pH … measured` to the electrolyte/);
  assert.equal(d.fixes, undefined);
});

test('imports share declarations; missing files and cycles are diagnostics', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-import-'));
  writeFileSync(path.join(dir, 'reagents.faraday'), 'ligand PET = SCH2CH2C6H5\ncluster Au25 = [Au25(PET)18](TOA)\n');
  const main = 'import "reagents.faraday"\nsynthesis X {\n  product Au25\n  use 10 mg Au25\n}\n';
  const read = (f: string) => { try { return require('node:fs').readFileSync(f, 'utf8') as string; } catch { return undefined; } };
  const a = analyze(main, { fileName: path.join(dir, 'main.faraday'), readFile: read });
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error'), []);
  // 10 mg / 7861.03 g/mol = 1.2721 µmol of Au25
  assert.ok(Math.abs((a.values.find((v) => v.kind === 'amount')!.value as number) - 0.0012721) < 1e-6);
  const missing = analyze('import "nothere.faraday"\n', { fileName: path.join(dir, 'main.faraday'), readFile: read });
  assert.ok(missing.diagnostics.some((d) => d.code === 'FD0801' && /cannot find `nothere\.faraday`/.test(d.message)));
  writeFileSync(path.join(dir, 'a.faraday'), 'import "b.faraday"\n');
  writeFileSync(path.join(dir, 'b.faraday'), 'import "a.faraday"\n');
  const cycle = analyze('import "b.faraday"\n', { fileName: path.join(dir, 'a.faraday'), readFile: read });
  assert.ok(cycle.diagnostics.some((d) => d.code === 'FD0802'));
});

test('an undeclared ligand in a cluster formula: declare it from the library thiol, or fix a typo of a declared one', () => {
  const text = 'ligand SR = SC6H3Cl2\ncluster Au25 = Au25(DDT)18\n';
  const d = analyze(text).diagnostics.find((x) => x.code === 'FD0310')!;
  assert.equal(text.slice(d.span.start, d.span.end), 'DDT');
  const fixed = applyFix(text, 'FD0310', 'DDT');
  // 1-dodecanethiol C12H26S without its thiol H, placed after the last ligand.
  assert.equal(fixed, 'ligand SR = SC6H3Cl2\nligand DDT = C12H25S "1-dodecanethiolate"\ncluster Au25 = Au25(DDT)18\n');
  const a = analyze(fixed);
  assert.deepEqual(a.diagnostics.filter((x) => x.severity !== 'hint').map((x) => x.message), []);
  // Au25(C12H25S)18: 25 × 196.96657 + 18 × 201.39 = 8549.3 g/mol
  const m = a.values.find((v) => v.kind === 'molarMass' && v.subject === 'Au25')!.value as number;
  assert.ok(Math.abs(m - (25 * 196.96657 + 18 * (12 * 12.011 + 25 * 1.008 + 32.06))) < 0.05, `${m}`);
  // A typo of a declared ligand is corrected instead.
  assert.equal(applyFix('ligand SR = SC6H3Cl2\ncluster X = Au28(SRR)20\n', 'FD0310', 'SRR'), 'ligand SR = SC6H3Cl2\ncluster X = Au28(SR)20\n');
  // Unknown to the library: no fix (a declaration without its formula would not parse); the message says how to write it.
  const unknown = analyze('cluster X = Au28(DMPA)20\n').diagnostics.find((x) => x.code === 'FD0310')!;
  assert.deepEqual(unknown.fixes, []);
  assert.match(unknown.message, /declare it with `ligand DMPA = …`/);
});

test('a value in the wrong kind of unit converts to the unit its place expects', () => {
  // A current where the plan expects a current density: divided by the 1 cm² electrode.
  const plan = fixedSample.replace('expect current density -500 mA/cm2', 'expect current density -250 mA');
  assert.ok(applyFix(plan, 'FD0402', '-250 mA').includes('expect current density -250 mA/cm2'));
  // A scan rate without its time: `at 10 mV` → `at 10 mV/s`.
  const sweep = fixedSample.replace('at 10 mV/s, data', 'at 10 mV, data');
  assert.ok(applyFix(sweep, 'FD0402', '10 mV').includes('vs RHE at 10 mV/s, data "data/lsv-au28cu12.txt"'));
  // A missing unit gets the one the place usually takes.
  const bare = fixedSample.replace('charge 600 C', 'charge 600');
  assert.ok(applyFix(bare, 'FD0403', '600').includes('charge 600 C'));
});

test('code actions over a whole protocol whose results each fit 40 cells: the first 1000 fixes in document order, then no more', async () => {
  const { codeActions, MAX_CODE_ACTIONS } = await import('../../server/src/lsp/code-actions');
  // 40 cells with the same catalyst and a CA line at −0.8 V each; 30 results at −0.8 V named after the catalyst:
  // every result is ambiguous (FD0210) with one `in CELL` fix per cell, 1200 fixes in all.
  const cells = Array.from({ length: 40 }, (_, i) => `electrode w${i} {\n  catalyst 1 mg Au28Cu12\n  area 1 cm2\n}\ncell C${i} {\n  working w${i}\n  reference RHE\n  electrolyte e 30 mL\n}\nrun in C${i} {\n  CA at -0.8 V vs RHE for 2 h\n}\n`).join('');
  const results = Array.from({ length: 30 }, () => 'result Au28Cu12 at -0.8 V vs RHE for 2 h {\n  charge 10 C\n}\n').join('');
  const text = `electrolyte e { 0.1 M KOH in water }\n${cells}${results}`;
  const a = analyze(text);
  const ambiguous = a.diagnostics.filter((d) => d.code === 'FD0210');
  assert.equal(ambiguous.length, 30);
  assert.equal(ambiguous.reduce((n, d) => n + (d.fixes?.length ?? 0), 0), 1200);
  const lines = text.split('\n').length;
  const actions = codeActions(a, 'file:///p.faraday', { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }, undefined);
  assert.equal(MAX_CODE_ACTIONS, 1000);
  assert.equal(actions.length, 1000);
  // In document order: the first result's 40 fixes come first, cell by cell.
  assert.deepEqual(actions.slice(0, 2).map((x) => x.title), ['Measured in cell C0: add `in C0`', 'Measured in cell C1: add `in C1`']);
  // One result's fixes only, for a range on its header.
  const header = text.split('\n').findIndex((l) => l.startsWith('result'));
  assert.equal(codeActions(a, 'file:///p.faraday', { start: { line: header, character: 0 }, end: { line: header, character: 20 } }, undefined).length, 40);
});

test('a result that fits 40 cells names ten of them and says how many more', () => {
  const cells = Array.from({ length: 40 }, (_, i) => `electrode w${i} {\n  catalyst 1 mg Au28Cu12\n  area 1 cm2\n}\ncell C${i} {\n  working w${i}\n  reference RHE\n  electrolyte e 30 mL\n}\nrun in C${i} {\n  CA at -0.8 V vs RHE for 2 h\n}\n`).join('');
  const a = analyze(`electrolyte e { 0.1 M KOH in water }\n${cells}result Au28Cu12 at -0.8 V vs RHE for 2 h {\n  charge 10 C\n}\n`);
  const d = a.diagnostics.find((x) => x.code === 'FD0210')!;
  assert.match(d.message, /: C0, C1, C2, C3, C4, C5, C6, C7, C8, C9 and 30 more; say which one with `in C0`/);
});
