// LSV overlays on the RHE scale, each file through its own cell's pH, with the onset potentials;
// a cell's iR correction moves each point to E − f·i·R and is named on the axis.
import type { Analysis } from '../../analysis/analyze';
import type { Dataset } from '../../analysis/context';
import { column } from '../../instruments/series';
import { base, distinctByContent, series, type Figure, type VegaLiteSpec } from './common';

/** The onset potentials the analysis found, one rule each (a line repeated alike says the same onset on each line). */
export function lsvOnsets(analysis: Analysis): Onset[] {
  return distinctByContent(analysis.values.filter((v) => v.kind === 'onsetPotential').map((v) => ({ E: v.value as number, label: v.label })));
}

export interface Onset {
  E: number;
  label: string;
}

/** The LSV overlay of these files with these onsets: a function of its arguments alone (kept-figures.ts). */
export function lsvFigure(sets: Dataset[], max: number, onsets: Onset[]): Figure | undefined {
  const rows: Record<string, number | string>[] = [];
  let read = 0;
  let drawn = 0;
  const onRHE = sets.every((d) => d.toRHE !== undefined);
  // One correction for every curve goes on the axis; otherwise each curve names its own.
  const corrections = new Set(sets.map((d) => d.iR?.label ?? ''));
  const axisCorrection = corrections.size === 1 ? [...corrections][0]! : '';
  // Per cm² only when every run's electrode states its area; otherwise the current itself.
  const perArea = sets.every((d) => d.areaCm2 !== undefined);
  for (const d of sets) {
    const e = column(d.data, /^Potential$/i);
    const i = column(d.data, /^Current$/i);
    if (!e || !i) continue;
    const shift = onRHE ? d.toRHE! : 0;
    const area = perArea ? d.areaCm2! : 1;
    const f = d.iR ? d.iR.fraction * d.iR.ohm : 0;
    const name = `${d.label ?? d.path}${d.rotation ? `, ${d.rotation.text}` : ''}${d.iR && !axisCorrection ? `, ${d.iR.label}` : ''}`;
    const s = series(e.values, i.values, max, (x, y) => ({ E: x - f * y + shift, j: (y * 1000) / area, series: name, file: d.path }));
    rows.push(...s.rows);
    read += s.read;
    drawn += s.drawn;
  }
  if (rows.length === 0) return undefined;
  const scale = onRHE ? 'RHE' : 'the reference';
  const layers: VegaLiteSpec[] = [
    { data: { values: rows }, mark: { type: 'line', strokeWidth: 1.5 }, encoding: {
      x: { field: 'E', type: 'quantitative', title: `E (V vs ${scale})${axisCorrection ? `, ${axisCorrection}` : ''}`, scale: { zero: false } },
      y: { field: 'j', type: 'quantitative', title: perArea ? 'j (mA cm⁻²)' : 'I (mA)' },
      color: { field: 'series', type: 'nominal', title: null },
      tooltip: [{ field: 'file', type: 'nominal' }, { field: 'E', type: 'quantitative', format: '.3f' }, { field: 'j', type: 'quantitative', format: '.3g' }],
    } },
  ];
  if (onsets.length > 0) {
    layers.push({ data: { values: onsets }, mark: { type: 'rule', strokeDash: [4, 3] }, encoding: { x: { field: 'E', type: 'quantitative' }, tooltip: { field: 'label', type: 'nominal' } } });
  }
  return { id: 'lsv', title: 'LSV', spec: { ...base(`Linear sweep voltammetry${axisCorrection ? `, ${axisCorrection}` : ''}`, `on the ${scale} scale${onsets.length ? '; dashed: onset potential' : ''}`), layer: layers }, pointsRead: read, pointsDrawn: drawn };
}
