// UV-vis spectra against wavelength and against photon energy (Jacobian applied).
import type { Dataset } from '../../analysis/context';
import { column } from '../../instruments/series';
import { HC_EV_NM, SCHEMA, series, type Figure } from './common';

/** Absorbance against wavelength, and against photon energy with the Jacobian λ²/hc applied. */
export function uvvisFigure(sets: Dataset[], max: number): Figure | undefined {
  const rows: Record<string, number | string>[] = [];
  let read = 0;
  let drawn = 0;
  for (const d of sets) {
    const w = column(d.data, /wavelength/i);
    const a = d.data.columns.find((c) => c !== w);
    if (!w || !a) continue;
    const sample = d.subject ?? d.path;
    const s = series(w.values, a.values, max, (x, y) => ({ lambda: x, A: y, E: HC_EV_NM / x, AE: (y * x * x) / HC_EV_NM, sample }));
    rows.push(...s.rows);
    read += s.read;
    drawn += s.drawn;
  }
  if (rows.length === 0) return undefined;
  const color = { field: 'sample', type: 'nominal', title: 'sample' };
  return {
    id: 'uvvis', title: 'UV-vis',
    spec: {
      $schema: SCHEMA, title: { text: 'UV-vis absorption', subtitle: 'right: on the photon-energy scale, A·λ²/hc (the Jacobian of λ → E)' },
      data: { values: rows },
      hconcat: [
        { width: 320, height: 240, mark: 'line', encoding: { x: { field: 'lambda', type: 'quantitative', title: 'wavelength (nm)', scale: { zero: false } }, y: { field: 'A', type: 'quantitative', title: 'absorbance' }, color } },
        { width: 320, height: 240, mark: 'line', encoding: { x: { field: 'E', type: 'quantitative', title: 'photon energy (eV)', scale: { zero: false } }, y: { field: 'AE', type: 'quantitative', title: 'A·λ²/hc (nm·eV⁻¹)' }, color, order: { field: 'E', type: 'quantitative' } } },
      ],
    },
    pointsRead: read, pointsDrawn: drawn,
  };
}
