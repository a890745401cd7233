// What kind of cell a `cell` block is and the flows through it: `type H-cell |
// flow cell | MEA`, the electrolytes' flows (`catholyte bic 30 mL at 10 mL/min`),
// the gas fed through a gas-diffusion electrode (`feed CO2 20 mL/min`) and a
// liquid-product collection volume (`liquid products 10 mL`). The gas flow is
// what a GC line without its own `at … mL/min` takes: the feed in a flow cell
// or MEA, the purge in an H-cell (either when only one is written).
import type { CellBlock, CellType, Quantity } from '../syntax/ast';
import type { AnalysisContext } from './context';
import type { CellGasFlow } from './passes/readings';
import { ElectrochemCodes } from '../electrochem/codes';
import { CELL_TYPE_NAMES } from '../syntax/build/electrochem';
import { closestNames } from '../text/closest-names';
import { siOf } from './quantities';
import { gasFlowOf } from './gas-flow';
import { flowText } from '../electrochem/gas-flow';
import { MASS_FLOW_STANDARD } from '../data/units';
import { formatExact, formatNumber } from '../units/format';

export interface CellSetup {
  type?: CellType;
  gasFlow?: CellGasFlow;
  /** `liquid products 10 mL`: litres, undefined when the volume is impossible (reported there). */
  liquidProducts?: { litres?: number };
}

const mlPerMin = (m3PerS: number) => formatNumber(m3PerS * 6e7, { significant: 4, trim: true });

export function cellSetup(ctx: AnalysisContext, c: CellBlock): CellSetup {
  const name = c.name?.text ?? 'cell';
  const out: CellSetup = {};
  if (c.type) {
    out.type = c.type.kind;
    if (!c.type.kind) {
      const suggestions = closestNames(c.type.text, CELL_TYPE_NAMES);
      ctx.report(ElectrochemCodes.unknownCellType, 'error', `\`${c.type.text}\` is not a cell type Faraday knows: write \`type H-cell\`, \`type flow cell\` or \`type MEA\` (membrane electrode assembly, zero-gap)`, c.type.span, {
        fixes: (suggestions.length ? suggestions : CELL_TYPE_NAMES).map((t, i) => ({ title: `Change to \`${t}\``, edits: [{ span: c.type!.span, newText: t }], preferred: i === 0 })),
      });
    }
  }
  if (out.type === 'MEA' && (c.catholyte || c.electrolyte)) {
    const line = (c.catholyte ?? c.electrolyte)!;
    ctx.report(ElectrochemCodes.meaWithCatholyte, 'warning', `cell ${name} is an MEA, whose cathode is a gas-diffusion electrode against the membrane with no liquid catholyte; its dissolved products are not taken to be in ${line.electrolyte.text}: state where they were collected (\`liquid products 10 mL\`), or write \`type flow cell\` if a catholyte flows past the cathode`, line.electrolyte.span);
  }
  if (c.liquidProducts) {
    const m3 = siOf(ctx, c.liquidProducts.volume);
    out.liquidProducts = { litres: m3 === undefined ? undefined : m3 * 1000 };
  }
  out.gasFlow = gasFlow(ctx, c, name);
  const flows: string[] = [];
  for (const which of ['catholyte', 'anolyte', 'electrolyte'] as const) {
    const flow = c[which]?.flow;
    const m3PerS = siOf(ctx, flow);
    if (!flow || m3PerS === undefined) continue;
    flows.push(`${which} ${c[which]!.electrolyte.text} ${mlPerMin(m3PerS)} mL/min`);
    ctx.value({ kind: 'electrolyteFlow', subject: `${name}/${which}`, value: Number((m3PerS * 6e7).toPrecision(12)), unit: 'mL/min', span: flow.span, label: `${which} ${mlPerMin(m3PerS)} mL/min`, detail: `The ${which} ${c[which]!.electrolyte.text} flows through cell ${name} at ${mlPerMin(m3PerS)} mL/min.` });
  }
  if (c.type?.kind) {
    const parts = [
      out.type === 'MEA' ? 'no liquid catholyte' : undefined,
      ...flows,
      out.gasFlow ? `gas ${out.gasFlow.written}, ${out.gasFlow.what}${out.gasFlow.flow === undefined ? ' (impossible: see its error)' : ''}` : undefined,
      out.liquidProducts?.litres !== undefined ? `liquid products collected in ${formatExact(out.liquidProducts.litres * 1000)} mL` : undefined,
    ].filter(Boolean);
    ctx.value({
      kind: 'cellType', subject: name, value: c.type.kind, unit: '', span: c.type.span,
      label: c.type.kind,
      detail: `Cell ${name}: ${c.type.kind}${parts.length ? `; ${parts.join('; ')}` : ''}. Faradaic efficiencies and current densities use the geometric area of the working electrode${c.working ? ` ${c.working.text}` : ''} (\`area\`: for a gas-diffusion electrode the area exposed to the catholyte or the membrane). GC lines without their own flow take the cell's gas flow${out.gasFlow ? '' : ', and this cell states none'}.`,
    });
  }
  return out;
}

/** The line whose flow GC lines without their own take: the feed in a flow cell or MEA, else the purge (either when only one is written). */
export function cellGasFlowLine(c: CellBlock): { gas: string; flow: Quantity; source: 'feed' | 'purge' } | undefined {
  const feed = c.feed?.flow ? { gas: c.feed.gas.text, flow: c.feed.flow, source: 'feed' as const } : undefined;
  const purge = c.purge?.flow ? { gas: c.purge.gas.text, flow: c.purge.flow, source: 'purge' as const } : undefined;
  return c.type?.kind === 'flow cell' || c.type?.kind === 'MEA' ? feed ?? purge : purge ?? feed;
}

/** The flow GC lines without their own take, with its value shown on the cell (report kind `gasFlow`). */
function gasFlow(ctx: AnalysisContext, c: CellBlock, name: string): CellGasFlow | undefined {
  const chosen = cellGasFlowLine(c);
  if (!chosen) return undefined;
  const flow = gasFlowOf(ctx, chosen.flow);
  const what = chosen.source === 'feed' ? `cell ${name}'s ${chosen.gas} feed through the gas-diffusion electrode` : `cell ${name}'s ${chosen.gas} purge`;
  const written = ctx.textOf(chosen.flow.span);
  if (flow) {
    const extra = { gas: chosen.gas, source: chosen.source };
    const uses = `GC lines of results in cell ${name} without their own \`at …\` flow take this flow as the carrier flow.`;
    if (flow.molar) {
      // A molar flow is reported as one (µmol/s): it is no volume at the protocol's temperature.
      const umol = Number((flow.molPerS * 1e6).toPrecision(12));
      ctx.value({ kind: 'gasFlow', subject: name, value: umol, unit: 'umol/s', span: chosen.flow.span, label: `${chosen.gas} ${written} (${formatNumber(umol, { significant: 4, trim: true })} µmol/s)`, detail: `The ${what}: ${flowText(flow)}. ${uses}`, extra: { ...extra, written, standardTemperatureK: MASS_FLOW_STANDARD.temperatureK, standardPressurePa: MASS_FLOW_STANDARD.pressurePa } });
    } else {
      ctx.value({ kind: 'gasFlow', subject: name, value: Number((flow.m3PerS * 6e7).toPrecision(12)), unit: 'mL/min', span: chosen.flow.span, label: `${chosen.gas} ${mlPerMin(flow.m3PerS)} mL/min`, detail: `The ${what}: ${mlPerMin(flow.m3PerS)} mL/min. ${uses}`, extra });
    }
  }
  return { flow, written, what };
}
