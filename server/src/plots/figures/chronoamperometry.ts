// i-t curves, one per potential, as current density against hours.
import type { Dataset } from '../../analysis/context';
import { column } from '../../instruments/series';
import { base, series, type Figure } from './common';

export function itFigure(sets: Dataset[], max: number): Figure | undefined {
  const rows: Record<string, number | string>[] = [];
  let read = 0;
  let drawn = 0;
  const order: string[] = [];
  // Per cm² only when every run's electrode states its area; otherwise the current itself.
  const perArea = sets.every((d) => d.areaCm2 !== undefined);
  for (const d of sets) {
    const t = column(d.data, /^Time$/i);
    const i = column(d.data, /^Current$/i);
    if (!t || !i) continue;
    const label = d.potential ? `${d.potential.text}${d.potential.scale ? ' vs ' + d.potential.scale : ''}` : d.path;
    order.push(label);
    const area = perArea ? d.areaCm2! : 1;
    const s = series(t.values, i.values, max, (x, y) => ({ t: x / 3600, j: (y * 1000) / area, potential: label }));
    rows.push(...s.rows);
    read += s.read;
    drawn += s.drawn;
  }
  if (rows.length === 0) return undefined;
  return {
    id: 'it', title: 'i-t',
    spec: { ...base('Chronoamperometry (i-t)'), data: { values: rows }, mark: { type: 'line', strokeWidth: 1 }, encoding: {
      x: { field: 't', type: 'quantitative', title: 't (h)' },
      y: { field: 'j', type: 'quantitative', title: perArea ? 'j (mA cm⁻²)' : 'I (mA)' },
      color: { field: 'potential', type: 'nominal', title: 'potential', sort: order },
    } },
    pointsRead: read, pointsDrawn: drawn,
  };
}
