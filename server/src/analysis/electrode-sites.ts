// `sites 1.2e-8 mol` (or per area, `5 nmol/cm2`, times the electrode's
// area): the active sites a turnover frequency divides by.
import type { ElectrodeBlock } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { ElectrochemCodes } from '../electrochem/codes';
import { parseUnit } from '../units/parse-unit';
import { toSI } from '../units/convert';
import { sameDimension, SLOTS } from '../units/dimension';
import { formatExact, formatNumber } from '../units/format';

const PER_AREA = [-2, 0, 0, 0, 0, 1, 0, 0] as const;

export function electrodeSites(ctx: AnalysisContext, e: ElectrodeBlock, areaCm2: number | undefined): number | undefined {
  const q = e.sites;
  if (!q) return undefined;
  const u = q.unit && parseUnit(q.unit.text);
  const amount = !!u && 'unit' in u && sameDimension(u.unit.dimension, SLOTS.amount.dimension);
  const perArea = !!u && 'unit' in u && sameDimension(u.unit.dimension, PER_AREA);
  if (!u || !('unit' in u) || (!amount && !perArea)) {
    ctx.report(ElectrochemCodes.sitesUnit, 'error', `\`${ctx.textOf(q.span)}\` is not an amount of sites: write \`sites 1.2e-8 mol\` (or per area, \`sites 5 nmol/cm2\`)`, q.span);
    return undefined;
  }
  const si = toSI(q.values[0]!.value, u.unit);
  if (amount) return si;
  if (areaCm2 === undefined) {
    ctx.report(ElectrochemCodes.loadingWithoutArea, 'warning', `sites per area need the geometric area of electrode ${e.name?.text ?? ''}: add \`area … cm2\``, q.span);
    return undefined;
  }
  const mol = si * areaCm2 * 1e-4;
  ctx.value({
    kind: 'sites', subject: e.name?.text ?? 'electrode', value: mol * 1e9, unit: 'nmol', span: q.span,
    label: `${formatNumber(mol * 1e9, { significant: 4 })} nmol sites`,
    detail: `${ctx.textOf(q.span)} × ${formatExact(areaCm2)} cm² = ${formatNumber(mol * 1e9, { significant: 4 })} nmol of sites on the electrode.`,
    hint: { text: `= ${formatNumber(mol * 1e9, { significant: 4 })} nmol`, category: 'amounts' },
  });
  return mol;
}
