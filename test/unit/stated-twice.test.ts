// A field stated twice in one block keeps its first value and says so (FD0115),
// instead of the second line silently replacing the first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';

test('a second `area` of an electrode is reported, and the first is used', () => {
  const text = 'electrode w {\n  catalyst 1 mg Au\n  area 1 cm2\n  area 2 cm2\n}\n';
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === 'FD0115')!;
  assert.ok(d, a.diagnostics.map((x) => x.message).join(' | '));
  assert.equal(d.severity, 'warning');
  assert.equal(text.slice(d.span.start, d.span.end), 'area 2 cm2');
  assert.equal(a.facts.electrodes.get('w')?.areaCm2, 1);
});

test('a second `Z` of a crystal is reported, and the density uses the first', () => {
  const a = analyze('crystal AuCl {\n  formula AuCl\n  system cubic\n  cell a 10 Å\n  Z 2\n  Z 4\n}\n');
  assert.ok(a.diagnostics.some((x) => x.code === 'FD0115' && /`z` is already stated in this crystal/.test(x.message)));
  // ρ = 2 × 232.41657 g/mol / (6.02214076e23 /mol × 1000e-24 cm³) = 0.77187 g/cm³
  const density = a.values.find((v) => v.kind === 'density')!.value as number;
  assert.ok(Math.abs(density - (2 * 232.41657) / (6.02214076e23 * 1e-21)) < 1e-9, String(density));
});

test('lines that legitimately repeat are not reported: two cell lines, two R1 lines, several readings', () => {
  const crystal = 'crystal AuCl {\n  formula AuCl\n  cell a 10 Å, b 11 Å, c 12 Å\n  cell alpha 90°, beta 91°, gamma 90°\n  R1 0.05, wR2 0.12 for I > 2σ(I)\n  R1 0.07, wR2 0.15 for all data\n}\n';
  assert.ok(!analyze(crystal).diagnostics.some((x) => x.code === 'FD0115'));
  const result = 'result w at -0.8 V vs RHE for 2 h {\n  charge 600 C\n  NH3-N absorbance 0.1 by nessler\n  NO2-N absorbance 0.2 by griess\n}\n';
  assert.ok(!analyze(result).diagnostics.some((x) => x.code === 'FD0115'));
});
