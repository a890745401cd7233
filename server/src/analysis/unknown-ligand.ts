// A bracketed group of a formula that is neither elements nor a known group,
// such as `(DMPA)` in `Au28(DMPA)20`: almost always a ligand abbreviation the
// file has not declared. The fix declares it with the thiolate's formula when
// the species library knows the thiol (`DMPA-H`), or corrects a typo of a declared one.
import type { AnalysisContext } from './context';
import type { QuickFix } from './model';
import { lookupSpecies } from '../chemistry/species-library';
import { parseFormula, hillFormula } from '../chemistry/formula';
import { closestNames } from '../text/closest-names';

/** The innermost bracketed group around `offset`, when it looks like an abbreviation. */
export function unknownGroupAt(formula: string, offset: number): { name: string; offset: number } | undefined {
  let open = -1;
  for (let i = Math.min(offset, formula.length - 1); i >= 0; i--) {
    if (formula[i] === '(' || formula[i] === '[') {
      open = i;
      break;
    }
    if ((formula[i] === ')' || formula[i] === ']') && i < offset) return undefined;
  }
  if (open < 0) return undefined;
  const close = formula.slice(open + 1).search(/[)\]]/);
  if (close < 0) return undefined;
  const name = formula.slice(open + 1, open + 1 + close);
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name) || !/[A-Z]{2}|^[a-z]/.test(name)) return undefined;
  return { name, offset: open + 1 };
}

/** The bound ligand (thiolate) from a library thiol named `NAME-H`, `NAMEH` or `NAME`. */
function thiolateFromLibrary(name: string): { formula: string; from: string } | undefined {
  for (const candidate of [`${name}-H`, `${name}H`, name]) {
    const entry = lookupSpecies(candidate);
    if (!entry || entry.kind !== 'thiol') continue;
    const parsed = parseFormula(entry.formula);
    if ('error' in parsed) continue;
    const composition = new Map(parsed.formula.composition);
    composition.set('H', (composition.get('H') ?? 0) - 1);
    return { formula: hillFormula(composition), from: entry.name };
  }
  return undefined;
}

/** Fixes that declare the ligand after the file's last ligand, or above the line that uses it. */
export function declareLigandFixes(ctx: AnalysisContext, name: string, usedAt: number, group: { start: number; end: number }): QuickFix[] {
  const ligands = ctx.symbols.decls.filter((d) => d.node.kind === 'ligand' && !d.file);
  const text = ctx.text;
  let at: number;
  if (ligands.length > 0) {
    const last = Math.max(...ligands.map((d) => d.node.span.end));
    const newline = text.indexOf('\n', last);
    at = newline < 0 ? text.length : newline + 1;
  } else at = text.lastIndexOf('\n', usedAt - 1) + 1;
  const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
  const known = thiolateFromLibrary(name);
  const fixes: QuickFix[] = [];
  // A typo of a declared ligand comes first: `SRR` for `SR`.
  const close = closestNames(name, ctx.symbols.decls.filter((d) => d.node.kind === 'ligand').map((d) => d.name));
  for (const c of close.slice(0, 2)) fixes.push({ title: `Change to \`${c}\``, edits: [{ span: group, newText: c }], preferred: fixes.length === 0 });
  if (known) {
    fixes.push({ title: `Declare \`ligand ${name} = ${known.formula}\` (${known.from} without its thiol H)`, edits: [{ span: { start: at, end: at }, newText: `${prefix}ligand ${name} = ${known.formula} "${known.from.replace(/thiol$/, 'thiolate')}"\n` }], preferred: fixes.length === 0 });
  }
  // Unknown to the library: no fix, since a declaration without its formula would not parse; the message says how to write it.
  return fixes;
}
