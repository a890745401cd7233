// A value per cm² (or read at a current density) whose run's cell states no
// electrode area: said once where the value was asked for, never computed on
// an assumed 1 cm².
import type { RunBlock, Span } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { ElectrochemCodes } from '../electrochem/codes';

export function reportNoElectrodeArea(ctx: AnalysisContext, cell: string | undefined, what: string, span: Span): void {
  ctx.report(ElectrochemCodes.noElectrodeArea, 'warning', `${what} needs the geometric area of the working electrode of cell ${cell ?? '(none named)'}, which is not stated: add \`area … cm2\` to the cell's electrode`, span);
}

/** A value per cm² of a run whose cell gives no electrode area; nothing when the area is written but impossible (its error is there). */
export function reportNoRunArea(ctx: AnalysisContext, run: RunBlock, what: string, span: Span): void {
  if (run.cell && ctx.facts.cells.get(run.cell.text)?.areaRejected) return;
  reportNoElectrodeArea(ctx, run.cell?.text, what, span);
}
