// A crystal table names what was crystallised. With its own formula line it
// needs no declared cluster; without one its name must be a declared cluster,
// and the message says how to write either, in syntax that parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { parseFaraday } from '../../server/src/syntax/parse';

const AU_CL = 'crystal AuCl {\n  formula AuCl\n  system tetragonal\n  cell a 6.734 Å, c 8.674 Å\n  Z 8\n}\n';

test('a crystal with its own formula needs no declared cluster: formula weight, F(000) and density from the formula', () => {
  const a = analyze(AU_CL);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code} ${d.message}`), []);
  const value = (kind: string) => a.values.find((v) => v.kind === kind && v.subject === 'AuCl')!.value as number;
  // AuCl: 196.966570 + 35.45 = 232.41657 g/mol; 79 + 17 = 96 electrons × Z 8 = 768
  assert.ok(Math.abs(value('formulaWeight') - 232.41657) < 1e-6);
  assert.equal(value('F000'), 768);
  // V = 6.734² × 8.674 = 393.337 Å³; ρ = 8 × 232.41657 / (6.02214076e23 × 393.337e-24) = 7.8495 g/cm³
  const v = 6.734 ** 2 * 8.674;
  assert.ok(Math.abs(value('cellVolume') - v) < 1e-9);
  assert.ok(Math.abs(value('density') - (8 * 232.41657) / (6.02214076e23 * v * 1e-24)) < 1e-9);
});

test('a crystal named after a declared cluster takes the cluster\'s formula when it has no formula line', () => {
  const a = analyze(`cluster AuCl = AuCl\n${AU_CL.replace('  formula AuCl\n', '')}`);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.message), []);
  const fw = a.values.find((v) => v.kind === 'formulaWeight' && v.subject === 'AuCl')!;
  assert.ok(Math.abs((fw.value as number) - 232.41657) < 1e-6);
  assert.equal(a.values.find((v) => v.kind === 'F000')!.value, 768);
});

test('a crystal with neither a formula nor a declared cluster says how to write both, in syntax that parses', () => {
  const a = analyze('crystal Au99 {\n  system cubic\n  cell a 10 Å\n}\n');
  const d = a.diagnostics.find((x) => x.code === 'FD0202')!;
  assert.ok(d, a.diagnostics.map((x) => x.message).join(' | '));
  assert.match(d.message, /`formula FORMULA`/);
  assert.match(d.message, /`cluster Au99 = FORMULA`/);
  assert.doesNotMatch(d.message, /\{/);
  assert.equal(parseFaraday('cluster Au99 = FORMULA\ncrystal Au99 {\n  formula FORMULA\n}\n').problems.length, 0);
});

test('an unknown cluster elsewhere is declared with `= FORMULA`, an unknown block with a block', () => {
  const product = analyze('synthesis S {\n  product Au99\n}\n').diagnostics.find((x) => x.code === 'FD0202')!;
  assert.match(product.message, /declare it with `cluster Au99 = FORMULA`/);
  const electrode = analyze('cell H {\n  working wX\n}\n').diagnostics.find((x) => x.code === 'FD0202')!;
  assert.match(electrode.message, /declare it with an `electrode wX \{ … \}` block/);
});
