// Stability curves: the potential of a CP run (or the current density of a CA
// run) against hours, with the start and end windows its drift is the mean of.
import type { Analysis } from '../../analysis/analyze';
import { base, distinct, series, type Figure, type VegaLiteSpec } from './common';

/** One stability plot per run, each built when asked (`buildFigures` builds the first 64 figures only). */
export function stabilityFigures(analysis: Analysis, max: number): (() => Figure)[] {
  // Runs of one record that differ only in their windows share its curve (one array, `stabilityRun`): downsampled once.
  const curves = new Map<Float64Array, Map<Float64Array, ReturnType<typeof series>>>();
  const curveOf = (time: Float64Array, values: Float64Array, max: number) => {
    let byValues = curves.get(time);
    if (!byValues) curves.set(time, (byValues = new Map()));
    let curve = byValues.get(values);
    if (!curve) byValues.set(values, (curve = series(time, values, max, (t, y) => ({ t: t / 3600, y }))));
    return curve;
  };
  // Lines that name one record alike share one input (`stabilityRun`): one figure.
  return distinct(analysis.facts.stabilityRuns).map((r, k) => () => {
    const curve = curveOf(r.time, r.values, max);
    const windows = r.windows.map((w, i) => ({ t: w.from / 3600, t2: w.to / 3600, y: w.mean, window: i === 0 ? 'start' : 'end' }));
    const x = { field: 't', type: 'quantitative', title: 't (h)' };
    const y = { field: 'y', type: 'quantitative', title: r.yTitle, scale: { zero: false } };
    const layers: VegaLiteSpec[] = [
      { data: { values: curve.rows }, mark: { type: 'line', strokeWidth: 1 }, encoding: { x, y } },
      { data: { values: windows }, mark: { type: 'rule', strokeWidth: 4, color: '#d62728' }, encoding: { x, x2: { field: 't2' }, y, tooltip: [{ field: 'window', type: 'nominal' }, { field: 'y', type: 'quantitative', format: '.4g', title: 'mean' }] } },
    ];
    return {
      id: k === 0 ? 'stability' : `stability-${k + 1}`, title: 'Stability',
      spec: { ...base(`${r.technique === 'CP' ? 'Chronopotentiometric' : 'Chronoamperometric'} stability (${r.subject})`, `${r.summary}; red: the start and end windows and their means`), layer: layers },
      pointsRead: r.time.length, pointsDrawn: curve.drawn,
    };
  });
}
