// Koutecký–Levich plots: 1/|j| against ω^(−½) at each analysed potential,
// with the fitted lines (slope 1/B, intercept 1/j_k).
import type { Analysis } from '../../analysis/analyze';
import { formatNumber } from '../../units/format';
import { base, distinctByContent, type Figure, type VegaLiteSpec } from './common';

/** One Koutecký–Levich plot per series, each built when asked (`buildFigures` builds the first 64 figures only). */
export function kouteckyLevichFigures(analysis: Analysis): (() => Figure)[] {
  // The same lines from a repeated series are one figure.
  return distinctByContent(analysis.facts.kouteckyLevich).map((f, k) => () => {
    const points = f.lines.flatMap((l) => l.points.map((p) => ({ x: p.x, y: p.y, potential: l.potential })));
    const top = Math.max(...points.map((p) => p.x)) * 1.05;
    const fits = f.lines.flatMap((l) => [0, top].map((x) => ({ x, y: l.intercept + l.slope * x, potential: l.potential })));
    const order = f.lines.map((l) => l.potential);
    const x = { field: 'x', type: 'quantitative', title: 'ω^(−1/2) ((rad/s)^(−1/2))' };
    const y = { field: 'y', type: 'quantitative', title: '1/|j| (cm² mA⁻¹)' };
    const color = { field: 'potential', type: 'nominal', title: 'potential', sort: order };
    const layers: VegaLiteSpec[] = [
      { data: { values: fits }, mark: { type: 'line', strokeDash: [5, 3] }, encoding: { x, y, color } },
      { data: { values: points }, mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y, color, tooltip: [{ field: 'potential', type: 'nominal' }, { field: 'x', type: 'quantitative', format: '.4f' }, { field: 'y', type: 'quantitative', format: '.4f' }] } },
    ];
    const ns = f.lines.map((l) => `n = ${formatNumber(l.electrons, { significant: 3 })} at ${l.potential}`).join('; ');
    return {
      id: k === 0 ? 'koutecky-levich' : `koutecky-levich-${k + 1}`, title: 'Koutecký–Levich',
      spec: { ...base(`Koutecký–Levich (${f.subject})`, ns), layer: layers },
      pointsRead: points.length, pointsDrawn: points.length,
    };
  });
}
