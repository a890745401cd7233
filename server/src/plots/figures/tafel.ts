// Tafel plots: η (or E) against log10 |j| for every recorded point, the points
// the fit used, and the fitted line over their range.
import type { Analysis } from '../../analysis/analyze';
import { formatNumber } from '../../units/format';
import { base, distinct, series, type Figure, type VegaLiteSpec } from './common';

/** One Tafel plot per fit, each built when asked (`buildFigures` builds the first 64 figures only). */
export function tafelFigures(analysis: Analysis, max: number): (() => Figure)[] {
  // Lines that fit one sweep alike share one input (`tafelPoints`): one figure.
  return distinct(analysis.facts.tafelFits).map((f, k) => () => {
    const all = series(f.points.map((p) => p.logJ), f.points.map((p) => p.y), max, (x, y) => ({ logJ: x, y, part: 'sweep' }));
    const fitted = f.fitted.map((i) => f.points[i]!);
    const used = series(fitted.map((p) => p.logJ), fitted.map((p) => p.y), max, (x, y) => ({ logJ: x, y }));
    // A loop, not Math.min(...): a sweep of 10⁵ points or more in the fitted range overflows the call stack as arguments.
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of fitted) {
      if (p.logJ < lo) lo = p.logJ;
      if (p.logJ > hi) hi = p.logJ;
    }
    const pad = (hi - lo) * 0.15;
    const line = [lo - pad, hi + pad].map((x) => ({ logJ: x, y: f.intercept + f.slope * x }));
    const x = { field: 'logJ', type: 'quantitative', title: `log₁₀ |j| (${f.jUnit})`, scale: { zero: false } };
    const y = { field: 'y', type: 'quantitative', title: f.yTitle, scale: { zero: false } };
    const layers: VegaLiteSpec[] = [
      { data: { values: all.rows }, mark: { type: 'line', strokeWidth: 1, color: '#9e9e9e' }, encoding: { x, y } },
      { data: { values: used.rows }, mark: { type: 'point', filled: true, size: 16, color: '#1f77b4' }, encoding: { x, y, tooltip: [{ field: 'logJ', type: 'quantitative', format: '.3f' }, { field: 'y', type: 'quantitative', format: '.4f' }] } },
      { data: { values: line }, mark: { type: 'line', strokeDash: [5, 3], color: '#d62728' }, encoding: { x, y } },
    ];
    const slope = formatNumber(Math.abs(f.slope) * 1000, { significant: 3 });
    return {
      id: k === 0 ? 'tafel' : `tafel-${k + 1}`, title: 'Tafel',
      spec: { ...base(`Tafel plot (${f.subject})`, `b = ${slope} mV/dec, R² = ${formatNumber(f.r2, { decimals: 4 })}; dots: points fitted, dashed: the fit`), layer: layers },
      pointsRead: f.points.length, pointsDrawn: all.drawn + used.drawn,
    };
  });
}
