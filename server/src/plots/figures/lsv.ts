// LSV overlays on the RHE scale, each file through its own cell's pH, with the onset potentials.
import type { Analysis } from '../../analysis/analyze';
import type { Dataset } from '../../analysis/context';
import { column } from '../../instruments/series';
import { base, series, type Figure, type VegaLiteSpec } from './common';

export function lsvFigure(analysis: Analysis, sets: Dataset[], max: number): Figure | undefined {
  const rows: Record<string, number | string>[] = [];
  let read = 0;
  let drawn = 0;
  const onRHE = sets.every((d) => d.toRHE !== undefined);
  for (const d of sets) {
    const e = column(d.data, /^Potential$/i);
    const i = column(d.data, /^Current$/i);
    if (!e || !i) continue;
    const shift = onRHE ? d.toRHE! : 0;
    const area = d.areaCm2 ?? 1;
    const s = series(e.values, i.values, max, (x, y) => ({ E: x + shift, j: (y * 1000) / area, series: d.label ?? d.path, file: d.path }));
    rows.push(...s.rows);
    read += s.read;
    drawn += s.drawn;
  }
  if (rows.length === 0) return undefined;
  const onsets = analysis.values.filter((v) => v.kind === 'onsetPotential').map((v) => ({ E: v.value as number, label: v.label }));
  const scale = onRHE ? 'RHE' : 'the reference';
  const layers: VegaLiteSpec[] = [
    { data: { values: rows }, mark: { type: 'line', strokeWidth: 1.5 }, encoding: {
      x: { field: 'E', type: 'quantitative', title: `E (V vs ${scale})`, scale: { zero: false } },
      y: { field: 'j', type: 'quantitative', title: 'j (mA cm⁻²)' },
      color: { field: 'series', type: 'nominal', title: null },
      tooltip: [{ field: 'file', type: 'nominal' }, { field: 'E', type: 'quantitative', format: '.3f' }, { field: 'j', type: 'quantitative', format: '.3g' }],
    } },
  ];
  if (onsets.length > 0) {
    layers.push({ data: { values: onsets }, mark: { type: 'rule', strokeDash: [4, 3] }, encoding: { x: { field: 'E', type: 'quantitative' }, tooltip: { field: 'label', type: 'nominal' } } });
  }
  return { id: 'lsv', title: 'LSV', spec: { ...base('Linear sweep voltammetry', `on the ${scale} scale${onsets.length ? '; dashed: onset potential' : ''}`), layer: layers }, pointsRead: read, pointsDrawn: drawn };
}
