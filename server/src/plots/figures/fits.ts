// Straight-line fits with their points: calibrations (with the readings placed
// on them) and the double-layer capacitance.
import type { Analysis } from '../../analysis/analyze';
import { formatNumber } from '../../units/format';
import { base, distinctByContent, type Figure, type VegaLiteSpec } from './common';

/** A fitted line over [0, 1.05·max x] with the points it was fitted to. */
export function fitLayers(points: Record<string, number | string>[], slope: number, intercept: number, x: VegaLiteSpec, y: VegaLiteSpec, extra: VegaLiteSpec[] = []): VegaLiteSpec[] {
  const top = Math.max(...points.map((p) => p.x as number)) * 1.05;
  const line = [0, top].map((v) => ({ x: v, y: slope * v + intercept }));
  return [
    { data: { values: line }, mark: { type: 'line', strokeDash: [5, 3] }, encoding: { x, y } },
    { data: { values: points }, mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y, tooltip: [{ field: 'x', type: 'quantitative' }, { field: 'y', type: 'quantitative' }] } },
    ...extra,
  ];
}

/** One plot per calibration, each built when asked. */
export function calibrationFigures(analysis: Analysis): (() => Figure)[] {
  const out: (() => Figure)[] = [];
  for (const [name, c] of analysis.facts.calibrationFits) out.push(() => {
    const x = { field: 'x', type: 'quantitative', title: `${c.analyte ?? 'concentration'} (${c.unit})` };
    const y = { field: 'y', type: 'quantitative', title: c.reading };
    const readings = c.readings.map((r) => ({ x: r.x, y: r.y, result: r.result }));
    const extra: VegaLiteSpec[] = readings.length
      ? [{ data: { values: readings }, mark: { type: 'point', shape: 'diamond', size: 90, color: '#d62728', filled: true }, encoding: { x, y, tooltip: [{ field: 'result', type: 'nominal' }, { field: 'y', type: 'quantitative', title: c.reading }, { field: 'x', type: 'quantitative', title: c.unit, format: '.4g' }] } }]
      : [];
    const subtitle = `${c.reading} = ${formatNumber(c.slope, { significant: 4 })}·c ${c.intercept < 0 ? '−' : '+'} ${formatNumber(Math.abs(c.intercept), { significant: 3 })}, R² = ${formatNumber(c.r2, { decimals: 4 })}${readings.length ? '; diamonds: readings' : ''}`;
    return {
      id: `calibration-${name}`, title: `Calibration ${name}`,
      spec: { ...base(`Calibration ${name}${c.analyte ? ` (${c.analyte})` : ''}`, subtitle), layer: fitLayers(c.points.map((p) => ({ ...p })), c.slope, c.intercept, x, y, extra) },
      pointsRead: c.points.length, pointsDrawn: c.points.length,
    };
  });
  return out;
}

/** One Cdl plot per fit, each built when asked (`buildFigures` builds the first 64 figures only). */
export function cdlFigures(analysis: Analysis): (() => Figure)[] {
  // The same fit from a repeated line is one figure.
  return distinctByContent(analysis.facts.cdlFits).map((f, k) => () => {
    // Δi (A) against v (V/s) → Δj in mA/cm² against mV/s.
    const points = f.points.map((p) => ({ x: p.x * 1000, y: (p.y * 1000) / f.areaCm2 }));
    const slope = f.slope / f.areaCm2; // mA/cm² per mV/s
    const intercept = (f.intercept * 1000) / f.areaCm2;
    const cdl = ((f.slope / 2) * 1000) / f.areaCm2;
    return {
      id: k === 0 ? 'cdl' : `cdl-${k + 1}`, title: 'Cdl fit',
      spec: { ...base(`Double-layer capacitance (${f.subject})`, `Δj = 2·Cdl·v: Cdl = ${formatNumber(cdl, { significant: 4 })} mF cm⁻², R² = ${formatNumber(f.r2, { decimals: 4 })}`), layer: fitLayers(points, slope, intercept, { field: 'x', type: 'quantitative', title: 'scan rate (mV s⁻¹)' }, { field: 'y', type: 'quantitative', title: 'Δj (mA cm⁻²)' }) },
      pointsRead: points.length, pointsDrawn: points.length,
    };
  });
}
