// Runs last: a declaration nothing refers to is faded in the editor.
import type { AnalysisContext } from '../context';
import { NameCodes } from '../codes';
import type { SymbolKind } from '../symbols';

/** Kinds that exist to be referred to; results, plans and crystals stand alone. */
const REFERABLE: SymbolKind[] = ['ligand', 'reagent', 'ink', 'electrolyte', 'electrode', 'cell', 'calibration'];

export function unusedPass(ctx: AnalysisContext): void {
  for (const decl of ctx.symbols.decls) {
    if (decl.file || !REFERABLE.includes(decl.kind)) continue;
    if (ctx.symbols.usesOf(decl).length > 0 || ctx.symbols.bound.has(decl)) continue;
    ctx.report(NameCodes.unused, 'hint', `${decl.kind} \`${decl.name}\` is declared but never used`, decl.nameSpan, { tags: ['unnecessary'] });
  }
}
