// A written gas flow (`at 18 mL/min`, `feed CO2 20 sccm`), checked at its place,
// as the flow the faradaic efficiency of a gas takes: volumetric or molar by its unit.
import type { Quantity } from '../syntax/ast';
import type { AnalysisContext } from './context';
import type { GasFlow } from '../electrochem/gas-flow';
import { checkedQuantity } from './quantities';

/** Undefined when the quantity is impossible at its place (reported by the quantities pass). */
export function gasFlowOf(ctx: AnalysisContext, q: Quantity | undefined): GasFlow | undefined {
  const c = checkedQuantity(ctx, q);
  const si = c?.si[0];
  if (!c || !q || si === undefined) return undefined;
  if (c.kind === 'molarFlow') return { molar: true, molPerS: si, written: ctx.textOf(q.span) };
  if (c.kind === 'flowRate') return { molar: false, m3PerS: si };
  return undefined;
}
