// Impedance as −Z" against Z' on equal axes.
import type { Dataset } from '../../analysis/context';
import { column } from '../../instruments/series';
import { base, series, type Figure } from './common';

export function nyquistFigure(sets: Dataset[], max: number): Figure | undefined {
  const rows: Record<string, number | string>[] = [];
  let read = 0;
  let drawn = 0;
  for (const d of sets) {
    const re = column(d.data, /^Z'$/);
    const im = column(d.data, /^Z"$|^Z''$/);
    if (!re || !im) continue;
    const s = series(re.values, im.values, max, (x, y) => ({ re: x, im: -y, file: d.path }));
    rows.push(...s.rows);
    read += s.read;
    drawn += s.drawn;
  }
  if (rows.length === 0) return undefined;
  // Equal axes: the same domain and the same length on screen.
  const all = rows.flatMap((r) => [r.re as number, r.im as number]);
  const domain = [Math.min(0, ...all), Math.max(...all) * 1.05];
  return {
    id: 'nyquist', title: 'Nyquist',
    spec: { ...base('Impedance (Nyquist)', 'equal axes'), width: 300, height: 300, data: { values: rows }, mark: { type: 'line', point: { size: 20 } }, encoding: {
      x: { field: 're', type: 'quantitative', title: "Z' (Ω)", scale: { domain, nice: false } },
      y: { field: 'im', type: 'quantitative', title: '−Z" (Ω)', scale: { domain, nice: false } },
      color: { field: 'file', type: 'nominal', title: 'file' },
      order: { field: 're', type: 'quantitative' },
    } },
    pointsRead: read, pointsDrawn: drawn,
  };
}
