// REFERENCE-VALUES.md "Crystallography" from the sample, and every crystal system by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { cellVolume, cellVolumeEsd } from '../../server/src/crystal/cell-volume';
import { formatWithEsd as formatEsd } from '../../server/src/units/format';
import { SPACE_GROUPS } from '../../server/src/data/space-groups';
import { resolveSpaceGroup } from '../../server/src/analysis/passes/crystal';
import { fixedSample, value, close } from './sample-helpers';

const a = analyze(fixedSample);

test('Au28Cu12 and Cu28: volume with esd, density, F(000), formula weight; alerts only for Cu28', () => {
  close(value(a, 'cellVolume', 'Au28Cu12'), 16334.93, 2, 'V Au28Cu12');
  close(a.values.find((v) => v.kind === 'cellVolume' && v.subject === 'Au28Cu12')!.extra!.uncertainty as number, 1.56, 2, 'esd Au28Cu12');
  close(value(a, 'cellVolume', 'Cu28'), 20263.95, 2, 'V Cu28');
  close(a.values.find((v) => v.kind === 'cellVolume' && v.subject === 'Cu28')!.extra!.uncertainty as number, 1.73, 2, 'esd Cu28');
  close(value(a, 'density', 'Au28Cu12'), 2.4211, 4);
  close(value(a, 'density', 'Cu28'), 1.5209, 4);
  assert.equal(value(a, 'F000', 'Au28Cu12'), 10824);
  assert.equal(value(a, 'F000', 'Cu28'), 9440);
  close(value(a, 'formulaWeight', 'Au28Cu12'), 11908.41, 2);
  close(value(a, 'formulaWeight', 'Cu28'), 4640.02, 2);
  const mismatches = a.diagnostics.filter((d) => d.code === 'FD0601' || d.code === 'FD0602' || d.code === 'FD0604' || d.code === 'FD0610');
  assert.deepEqual(mismatches, [], 'reported values agree and the formulas equal the clusters');
  const alerts = a.diagnostics.filter((d) => d.code === 'FD0606').map((d) => d.message);
  assert.equal(alerts.length, 2);
  assert.ok(alerts.some((m) => m.startsWith('completeness 94.1 %')));
  assert.ok(alerts.some((m) => m.startsWith('R1 = 0.1083')));
});

test('a cell volume for every crystal system, by hand', () => {
  const near = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-6 * Math.max(1, y), `${x} vs ${y}`);
  near(cellVolume({ a: 10, b: 10, c: 10, alpha: 90, beta: 90, gamma: 90 }), 1000); // cubic: a³
  near(cellVolume({ a: 5, b: 5, c: 8, alpha: 90, beta: 90, gamma: 90 }), 200); // tetragonal: a²c
  near(cellVolume({ a: 4, b: 5, c: 6, alpha: 90, beta: 90, gamma: 90 }), 120); // orthorhombic: abc
  near(cellVolume({ a: 4, b: 5, c: 6, alpha: 90, beta: 120, gamma: 90 }), 120 * Math.sin(Math.PI / 3)); // monoclinic: abc·sinβ = 103.923
  near(cellVolume({ a: 3, b: 3, c: 5, alpha: 90, beta: 90, gamma: 120 }), 9 * 5 * (Math.sqrt(3) / 2)); // hexagonal: (√3/2)a²c = 38.971
  // rhombohedral: a³√(1 − 3cos²α + 2cos³α), α = 60° → 1 − 0.75 + 0.25 = 0.5 → 8 × 0.70711 = 5.65685
  near(cellVolume({ a: 2, b: 2, c: 2, alpha: 60, beta: 60, gamma: 60 }), 8 * Math.sqrt(0.5));
  // triclinic: the sample's Au28Cu12 cell
  near(Number(cellVolume({ a: 22.0728, b: 27.5087, c: 27.5493, alpha: 86.596, beta: 78.05, gamma: 88.55 }).toFixed(2)), 16334.93);
  // esd of a cube edge 10.000(1): dV = 3a²·da = 0.3
  near(cellVolumeEsd({ a: 10, b: 10, c: 10, alpha: 90, beta: 90, gamma: 90 }, { a: 0.001, b: 0.001, c: 0.001 }), Math.sqrt(3) * 0.1);
});

test('esd notation', () => {
  assert.equal(formatEsd(16334.93, 1.56), '16334.9(16)');
  assert.equal(formatEsd(2.4211, 0.0004), '2.4211(4)');
  assert.equal(formatEsd(100.123, 0.25), '100.1(3)');
});

test('all 230 space groups, systems by number, and the common settings', () => {
  assert.equal(SPACE_GROUPS.length, 230);
  assert.deepEqual(SPACE_GROUPS.map((g) => g.number), [...Array(230).keys()].map((i) => i + 1));
  assert.equal(new Set(SPACE_GROUPS.map((g) => g.symbol)).size, 230);
  assert.equal(resolveSpaceGroup('P-1')?.number, 2);
  assert.equal(resolveSpaceGroup('P21/n')?.number, 14);
  assert.equal(resolveSpaceGroup('P2(1)/c')?.number, 14);
  assert.equal(resolveSpaceGroup('P 21/c')?.system, 'monoclinic');
  assert.equal(resolveSpaceGroup('Fm-3m')?.number, 225);
  assert.equal(resolveSpaceGroup('Pna21')?.number, 33);
  assert.equal(resolveSpaceGroup('R-3c')?.system, 'trigonal');
  assert.equal(resolveSpaceGroup('P63/mmc')?.system, 'hexagonal');
  assert.equal(resolveSpaceGroup('P21/q'), undefined);
});

test('crystal diagnostics trigger once each', () => {
  const base = (extra: string) => `crystal X {\n  formula C6H6\n  system monoclinic\n  space group P21/n\n  cell a 10 Å, b 11 Å, c 12 Å\n  cell alpha 90°, beta 100°, gamma 90°\n  Z 4\n${extra}}\n`;
  const codes = (t: string) => analyze(t).diagnostics.map((d) => d.code);
  assert.ok(!codes(base('')).some((c) => c.startsWith('FD06')));
  assert.ok(codes(base('  density 9.999 Mg/m3\n')).includes('FD0601'));
  assert.ok(codes(base('').replace('P21/n', 'P-1')).includes('FD0604'));
  assert.ok(codes(base('').replace('P21/n', 'P21/q')).includes('FD0603'));
  assert.ok(codes(base('').replace('alpha 90°', 'alpha 89°')).includes('FD0610'));
  assert.ok(codes(base('  reflections 1000 collected, 900 independent, completeness 99 %\n  restraints 0, parameters 200\n')).includes('FD0606'), 'data/parameter ratio 4.5');
  assert.ok(codes(base('  goodness of fit 2.3\n')).includes('FD0606'));
});
