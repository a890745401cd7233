// The electrolyte the working electrode sits in: the one whose pH converts
// its potentials to the RHE scale, whose volume holds its dissolved products
// and whose substrate it converts.
//   - `working w in anolyte` (or `in catholyte`) says it;
//   - a single-compartment cell (`electrolyte X`), or a cell with only a
//     catholyte or only an anolyte: that one;
//   - a catholyte and an anolyte: inferred from the protocol's reactions; the
//     working electrode of reductions (`e-` on the left) is the cathode, of
//     oxidations (`e-` on the right) the anode. Reactions of both kinds, or
//     none, leave it unknown.
import type { CellBlock, ReactionDecl } from '../syntax/ast';

export type Compartment = 'catholyte' | 'anolyte' | 'electrolyte';

export type WorkingCompartment =
  | { kind: 'known'; compartment: Compartment; why: string }
  | { kind: 'unknown'; why: string };

/** Reductions and oxidations among the reactions, by the side their electrons are on. */
export function reactionDirections(reactions: ReactionDecl[]): { reductions: string[]; oxidations: string[] } {
  const reductions: string[] = [];
  const oxidations: string[] = [];
  for (const r of reactions) {
    const name = r.name?.text ?? 'reaction';
    if (r.left.some((t) => t.species.text === 'e-')) reductions.push(name);
    else if (r.right.some((t) => t.species.text === 'e-')) oxidations.push(name);
  }
  return { reductions, oxidations };
}

export type ReactionDirections = ReturnType<typeof reactionDirections>;

/** `directions` is asked only for a cell with both a catholyte and an anolyte (or an electrolyte) and no stated compartment. */
export function workingCompartment(cell: CellBlock, directions: () => ReactionDirections): WorkingCompartment {
  if (cell.workingIn) {
    const stated = cell.workingIn.text.toLowerCase() as Compartment;
    return cell[stated] ? { kind: 'known', compartment: stated, why: `stated: \`working … in ${stated}\`` } : { kind: 'unknown', why: `the working electrode is said to sit in the ${stated}, but the cell declares no ${stated}` };
  }
  if (cell.electrolyte && !cell.catholyte && !cell.anolyte) return { kind: 'known', compartment: 'electrolyte', why: 'the cell has one electrolyte' };
  if (cell.catholyte && !cell.anolyte && !cell.electrolyte) return { kind: 'known', compartment: 'catholyte', why: 'the cell declares only a catholyte' };
  if (cell.anolyte && !cell.catholyte && !cell.electrolyte) return { kind: 'known', compartment: 'anolyte', why: 'the cell declares only an anolyte' };
  if (!cell.catholyte && !cell.anolyte && !cell.electrolyte) return { kind: 'unknown', why: 'the cell declares no electrolyte' };
  const { reductions, oxidations } = directions();
  if (reductions.length > 0 && oxidations.length === 0 && cell.catholyte) {
    return { kind: 'known', compartment: 'catholyte', why: `the protocol's reactions are reductions (${reductions.join(', ')}): the working electrode is the cathode` };
  }
  if (oxidations.length > 0 && reductions.length === 0 && cell.anolyte) {
    return { kind: 'known', compartment: 'anolyte', why: `the protocol's reactions are oxidations (${oxidations.join(', ')}): the working electrode is the anode` };
  }
  const compartments = (['catholyte', 'anolyte', 'electrolyte'] as const).filter((c) => cell[c]).join(' and ');
  return {
    kind: 'unknown',
    why: reductions.length && oxidations.length
      ? `the cell has a ${compartments}, and the protocol has both reductions (${reductions.join(', ')}) and oxidations (${oxidations.join(', ')})`
      : `the cell has a ${compartments}, and no reaction says whether the working electrode reduces or oxidises`,
  };
}
