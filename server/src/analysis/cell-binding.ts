// Which cell a result or a plan was measured in. Every value a result takes
// from a cell (electrolyte volume, electrode area and catalyst mass, the pH of
// the RHE conversion) comes through this one binding, never from "the first
// cell". The evidence, strongest first:
//   1. `in CELL` on the header;
//   2. a run in the cell with a CA line at the result's potential (and its
//      duration, when both state one), on an electrode carrying the result's
//      catalyst;
//   3. when no run has such a line: a cell that could have run it, i.e. its
//      runs hold no CA line at all and its electrode carries the catalyst.
// One candidate binds; several, or none, is an error the caller reports.

import type { QuickFix } from './model';

/** A potential as written, in V, on a named scale. */
export interface WrittenPotential {
  volts: number;
  scale: string;
}

/** A CA line of a run, as the binding sees it. */
export interface Electrolysis {
  potentials: WrittenPotential[];
  durationS?: number;
  /** The line as written, for the explanation. */
  text: string;
}

export interface CellEvidence {
  name: string;
  /** Names a result may carry to belong here: the working electrode's name and its catalyst. */
  catalysts: string[];
  electrolyses: Electrolysis[];
}

export interface BindingRequest {
  /** The result's name, usually the catalyst. */
  name?: string;
  potential?: WrittenPotential;
  durationS?: number;
  /** `in CELL` as written. */
  stated?: string;
}

export type Binding =
  | { kind: 'bound'; cell: string; how: 'stated' | 'run' | 'only candidate'; line?: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'none'; reason: string };

/** Durations agree within 0.5 % (a run "for 2 h" and a result "for 120 min"). */
function sameDuration(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined || Math.abs(a - b) <= 0.005 * Math.max(a, b);
}

/**
 * Binds a result to a cell. `samePotential` compares two written potentials in
 * the candidate cell (it converts between scales with that cell's pH).
 */
export function bindCell(
  want: BindingRequest,
  cells: CellEvidence[],
  samePotential: (cell: string, a: WrittenPotential, b: WrittenPotential) => boolean,
): Binding {
  if (want.stated !== undefined) {
    return cells.some((c) => c.name === want.stated) ? { kind: 'bound', cell: want.stated, how: 'stated' } : { kind: 'none', reason: `no cell is called \`${want.stated}\`` };
  }
  // The catalyst criterion applies when the result's name is some electrode's name or catalyst.
  const named = want.name !== undefined && cells.some((c) => c.catalysts.includes(want.name!));
  const catalystFits = (c: CellEvidence) => !named || c.catalysts.includes(want.name!);
  const matchingLine = (c: CellEvidence) =>
    want.potential === undefined
      ? undefined
      : c.electrolyses.find((e) => sameDuration(e.durationS, want.durationS) && e.potentials.some((p) => samePotential(c.name, p, want.potential!)));
  // One pass over the cells, no intermediate lists: a long protocol binds thousands of results.
  let byRun: { cell: string; line: string } | undefined;
  let byRunAll: string[] | undefined;
  let open: string | undefined;
  let openAll: string[] | undefined;
  for (const c of cells) {
    if (!catalystFits(c)) continue;
    const line = matchingLine(c);
    if (line) {
      if (!byRun) byRun = { cell: c.name, line: line.text };
      else (byRunAll ??= [byRun.cell]).push(c.name);
    } else if (!byRun && c.electrolyses.length === 0) {
      if (open === undefined) open = c.name;
      else (openAll ??= [open]).push(c.name);
    }
  }
  if (byRunAll) return { kind: 'ambiguous', candidates: byRunAll };
  if (byRun) return { kind: 'bound', cell: byRun.cell, how: 'run', line: byRun.line };
  if (openAll) return { kind: 'ambiguous', candidates: openAll };
  if (open !== undefined) return { kind: 'bound', cell: open, how: 'only candidate' };
  if (cells.length === 0) return { kind: 'none', reason: 'the protocol declares no cell' };
  return {
    kind: 'none',
    reason: named
      ? `no run ${cells.some(catalystFits) ? 'in a cell with this catalyst ' : ''}has a CA line at this potential${want.durationS !== undefined ? ' for this duration' : ''}, and no cell holding ${want.name} is free of other CA lines`
      : `no run has a CA line at this potential${want.durationS !== undefined ? ' for this duration' : ''}`,
  };
}

/**
 * The fixes of a binding that failed: one `in CELL` per cell that fits (or per
 * cell of the file), inserted at `insertAt` after the header. Made when read
 * (fixes-when-read.ts); every fix shares one span, which a replayed unit moves.
 */
export function inCellFixes(cells: readonly string[], insertAt: number): () => QuickFix[] {
  const where = { start: insertAt, end: insertAt };
  return () => cells.map((cell) => ({ title: `Measured in cell ${cell}: add \`in ${cell}\``, edits: [{ span: where, newText: ` in ${cell}` }], preferred: false }));
}
