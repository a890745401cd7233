// `sites 1.2e-8 mol` (or per area, `5 nmol/cm2`, times the electrode's
// area): the active sites a turnover frequency divides by.
import type { ElectrodeBlock } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { ElectrochemCodes } from '../electrochem/codes';
import { checkedQuantity } from './quantities';
import { formatExact, formatNumber } from '../units/format';

export function electrodeSites(ctx: AnalysisContext, e: ElectrodeBlock, areaCm2: number | undefined): number | undefined {
  const q = e.sites;
  if (!q) return undefined;
  // An amount or an amount per area (FD0582 otherwise, from the quantities pass).
  const c = checkedQuantity(ctx, q);
  if (!c) return undefined;
  const si = c.si[0]!;
  if (c.kind === 'amount') return si;
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
