// FE per product as stacked bars per result potential, with the yield rate as a line.
import type { Analysis } from '../../analysis/analyze';
import { resultsByPotential } from '../../analysis/tables';
import { valuesInBlock, writtenText } from '../../analysis/block-values';
import { base, type Figure, type VegaLiteSpec } from './common';

/** FE of every product and the yield rate of the first product that has one, per result potential. */
export function feFigure(analysis: Analysis): Figure | undefined {
  const results = resultsByPotential(analysis);
  const bars: Record<string, number | string>[] = [];
  const yields: Record<string, number | string>[] = [];
  let yieldUnit: string | undefined;
  let yieldProduct: string | undefined;
  const order: string[] = [];
  // Results of several catalysts share the axis: their names go into the labels.
  const severalNames = new Set(results.map((r) => r.name?.text)).size > 1;
  for (const r of results) {
    const potential = writtenText(analysis, r.potential) || r.name?.text || 'result';
    const label = severalNames && r.name ? `${r.name.text} ${potential}` : potential;
    for (const v of valuesInBlock(analysis, r)) {
      const product = v.subject.split('/')[1] ?? '';
      if (v.kind === 'faradaicEfficiency') bars.push({ potential: label, product, fe: v.value as number });
      if (v.kind === 'yieldRate' && (yieldProduct === undefined || (yieldProduct === product && yieldUnit === v.unit))) {
        yieldProduct = product;
        yieldUnit = v.unit;
        yields.push({ potential: label, rate: v.value as number });
      }
    }
    if (bars.some((b) => b.potential === label)) order.push(label);
  }
  if (bars.length === 0) return undefined;
  const x = { field: 'potential', type: 'ordinal', title: 'potential', sort: order };
  const layers: VegaLiteSpec[] = [
    { data: { values: bars }, mark: 'bar', encoding: { x, y: { field: 'fe', type: 'quantitative', title: 'FE (%)', stack: 'zero' }, color: { field: 'product', type: 'nominal', title: 'product' }, tooltip: [{ field: 'product' }, { field: 'fe', format: '.2f', title: 'FE (%)' }] } },
  ];
  if (yields.length > 0) {
    layers.push({ data: { values: yields }, mark: { type: 'line', point: true, color: 'black' }, encoding: { x, y: { field: 'rate', type: 'quantitative', title: `yield rate ${yieldProduct} (${yieldUnit})` }, tooltip: [{ field: 'rate', format: '.4g', title: `${yieldProduct} (${yieldUnit})` }] } });
  }
  return {
    id: 'fe', title: 'FE and yield rate',
    spec: { ...base('Faradaic efficiency per potential', yields.length ? `bars: FE per product; line: yield rate of ${yieldProduct}` : undefined), layer: layers, resolve: { scale: { y: 'independent' } } },
    pointsRead: bars.length, pointsDrawn: bars.length,
  };
}
