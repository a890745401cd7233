// FE per product as stacked bars per result potential, with error bars at the top
// of each segment, and the yield rate as a line. Replicate runs (results of one
// catalyst at the same potential) are drawn once: the mean, with the sample
// standard deviation of the runs as the error bar; a single run carries the
// uncertainty of its own readings.
import type { Analysis } from '../../analysis/analyze';
import { resultsByPotential } from '../../analysis/tables';
import { conditionText, valuesInBlock } from '../../analysis/block-values';
import { replicates } from '../../electrochem/replicates';
import { base, type Figure, type VegaLiteSpec } from './common';

interface Bar {
  potential: string;
  product: string;
  fe: number;
  /** Standard uncertainty or SD of the runs, in %. */
  u?: number;
  /** Readings (one run) or runs averaged. */
  n: number;
  runs: number;
}

/** FE of every product and the yield rate of the first product that has one, per result potential. */
export function feFigure(analysis: Analysis): Figure | undefined {
  const results = resultsByPotential(analysis);
  const fes = new Map<string, { fe: number; u?: number; n: number }[]>();
  const yieldsAt = new Map<string, number[]>();
  let yieldUnit: string | undefined;
  let yieldProduct: string | undefined;
  const order: string[] = [];
  const products: string[] = [];
  // Results of several catalysts share the axis: their names go into the labels.
  const severalNames = new Set(results.map((r) => r.name?.text)).size > 1;
  for (const r of results) {
    const potential = conditionText(analysis, r) || r.name?.text || 'result';
    const label = severalNames && r.name ? `${r.name.text} ${potential}` : potential;
    for (const v of valuesInBlock(analysis, r)) {
      const product = v.subject.split('/')[1] ?? '';
      if (v.kind === 'faradaicEfficiency') {
        const key = `${label}\u0000${product}`;
        if (!fes.has(key)) fes.set(key, []);
        fes.get(key)!.push({ fe: v.value as number, u: v.extra?.uncertainty as number | undefined, n: (v.extra?.n as number | undefined) ?? 1 });
        if (!products.includes(product)) products.push(product);
        if (!order.includes(label)) order.push(label);
      }
      if (v.kind === 'yieldRate' && (yieldProduct === undefined || (yieldProduct === product && yieldUnit === v.unit))) {
        yieldProduct = product;
        yieldUnit = v.unit;
        if (!yieldsAt.has(label)) yieldsAt.set(label, []);
        yieldsAt.get(label)!.push(v.value as number);
      }
    }
  }
  if (fes.size === 0) return undefined;
  const bars: Bar[] = [];
  for (const label of order) {
    for (const product of products) {
      const runs = fes.get(`${label}\u0000${product}`);
      if (!runs) continue;
      if (runs.length === 1) bars.push({ potential: label, product, fe: runs[0]!.fe, u: runs[0]!.u, n: runs[0]!.n, runs: 1 });
      else {
        const r = replicates(runs.map((x) => x.fe));
        bars.push({ potential: label, product, fe: r.mean, u: r.sd, n: r.n, runs: r.n });
      }
    }
  }
  // Each segment's top, stacked in product order; the error bar spans top ± u.
  const rows: Record<string, number | string>[] = [];
  const errors: Record<string, number | string>[] = [];
  const tops = new Map<string, number>();
  for (const b of bars) {
    const top = (tops.get(b.potential) ?? 0) + b.fe;
    tops.set(b.potential, top);
    rows.push({ potential: b.potential, product: b.product, fe: b.fe, order: products.indexOf(b.product), n: b.n, ...(b.u !== undefined ? { u: b.u } : {}) });
    if (b.u !== undefined && b.u > 0) errors.push({ potential: b.potential, product: b.product, low: top - b.u, high: top + b.u, fe: b.fe, u: b.u, n: b.n, of: b.runs > 1 ? 'SD of runs' : 'standard uncertainty' });
  }
  const yields = order.filter((l) => yieldsAt.has(l)).map((l) => ({ potential: l, rate: replicates(yieldsAt.get(l)!).mean }));
  const x = { field: 'potential', type: 'ordinal', title: 'potential', sort: order };
  const feLayers: VegaLiteSpec[] = [
    { data: { values: rows }, mark: 'bar', encoding: { x, y: { field: 'fe', type: 'quantitative', title: 'FE (%)', stack: 'zero' }, color: { field: 'product', type: 'nominal', title: 'product', sort: products }, order: { field: 'order', type: 'quantitative' }, tooltip: [{ field: 'product' }, { field: 'fe', format: '.2f', title: 'FE (%)' }, { field: 'u', format: '.2f', title: '± (%)' }, { field: 'n', title: 'n' }] } },
  ];
  if (errors.length > 0) {
    feLayers.push({ data: { values: errors }, mark: { type: 'rule', color: 'black' }, encoding: { x, y: { field: 'low', type: 'quantitative', title: 'FE (%)' }, y2: { field: 'high' }, tooltip: [{ field: 'product' }, { field: 'fe', format: '.2f', title: 'FE (%)' }, { field: 'u', format: '.2f', title: '± (%)' }, { field: 'of', title: '±' }, { field: 'n', title: 'n' }] } });
  }
  const layers: VegaLiteSpec[] = [{ layer: feLayers }];
  if (yields.length > 0) {
    layers.push({ data: { values: yields }, mark: { type: 'line', point: true, color: 'black' }, encoding: { x, y: { field: 'rate', type: 'quantitative', title: `yield rate ${yieldProduct} (${yieldUnit})` }, tooltip: [{ field: 'rate', format: '.4g', title: `${yieldProduct} (${yieldUnit})` }] } });
  }
  const replicated = bars.some((b) => b.runs > 1);
  const notes = [
    yields.length ? `line: yield rate of ${yieldProduct}` : undefined,
    errors.length ? `error bars: ${replicated ? 'SD of replicate runs, or ' : ''}standard uncertainty` : undefined,
  ].filter(Boolean);
  return {
    id: 'fe', title: 'FE and yield rate',
    spec: { ...base('Faradaic efficiency per potential', notes.length ? `bars: FE per product; ${notes.join('; ')}` : undefined), layer: layers, resolve: { scale: { y: 'independent' } } },
    pointsRead: bars.length, pointsDrawn: bars.length,
  };
}
