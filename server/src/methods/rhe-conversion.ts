// The conversion to the RHE scale written out with the protocol's numbers:
// E(RHE) = E(ref) + E°(ref vs SHE) + slope × pH, then the offset for each
// catholyte's pH. Written when a run gives potentials vs RHE.
import type { CellBlock, ReferenceDecl } from '../syntax/ast';
import { nernstSlope } from '../electrochem/potential-scale';
import { MethodsCodes } from './codes';
import type { MethodsContext } from './context';
import { clause, inlines, list, quantity, sentence, type Block, type Inline, type MathNode, type Sentence } from './document';
import { decimalsOf, exactNumber, FIGURES, formatted, writtenNumber } from './numbers';
import { electrolyteByName, pHPhrase, referenceName } from './cell';

const usesRHE = (m: MethodsContext, cell: CellBlock) =>
  m.blocks('run').some((r) => r.cell?.text === cell.name?.text && r.techniques.some((t) => [t.at, t.from, t.to].some((p) => p?.scale && /^RHE$/i.test(p.scale.electrode.text))));

/** The slope the conversion used: as the protocol states it (`0.059`), from the editor's settings, or 2.303RT/F at its temperature. */
function slopeText(m: MethodsContext, used: number | undefined): { text: string; why: string } | undefined {
  const setting = m.statements.find((s) => s.kind === 'setting' && s.key.text.toLowerCase() === 'nernst');
  if (setting?.kind === 'setting' && setting.value?.values[0] && m.analysis.facts.nernstSlope !== undefined) {
    return { text: writtenNumber(setting.value.values[0]), why: 'the Nernst slope stated in the protocol' };
  }
  if (m.analysis.facts.nernstSlope !== undefined) return { text: exactNumber(m.analysis.facts.nernstSlope), why: 'the Nernst slope of the settings (faraday.nernstSlope)' };
  const t = m.analysis.facts.temperatureK;
  if (t === undefined) return undefined; // an impossible temperature (reported at it): no slope
  return { text: formatted(used ?? nernstSlope(t), FIGURES.derived), why: `the Nernst slope 2.303RT/F at ${formatted(t, { decimals: 2 })} K` };
}

/** The reference potential vs SHE as written in the cell or a top-level declaration, else the table's value. */
function referencePotentialText(m: MethodsContext, cell: CellBlock, vsSHE: number): { text: string; decimals: number; source: string } {
  const topLevel = m.statements.find((s): s is ReferenceDecl => s.kind === 'reference' && s.electrode?.text === cell.reference?.electrode?.text && !!s.offset);
  const declared = cell.reference?.offset ?? topLevel?.offset;
  const written = declared?.quantity.values[0];
  if (written && declared.scale && /^SHE$/i.test(declared.scale.electrode.text) && declared.quantity.unit?.text === 'V') {
    return { text: writtenNumber(written), decimals: decimalsOf(written.text), source: 'as stated in the protocol' };
  }
  return { text: formatted(vsSHE, { decimals: 3 }), decimals: 3, source: 'vs SHE' };
}

/** The cell's line for the working electrode's electrolyte, and the word that names its compartment. */
function workingCompartment(cell: CellBlock, electrolyte: string | undefined): { line: NonNullable<CellBlock['catholyte']>; word: string } | undefined {
  for (const word of ['electrolyte', 'catholyte', 'anolyte'] as const) {
    const line = cell[word];
    if (line && line.electrolyte.text === electrolyte) return { line, word };
  }
  return undefined;
}

export function rheConversion(m: MethodsContext, cells: CellBlock[]): Block[] {
  const converted = cells.filter((c) => usesRHE(m, c));
  if (converted.length === 0) return [];
  const main = converted[0]!;
  const facts = m.analysis.facts.cells.get(main.name?.text ?? '');
  if (!facts?.reference || !main.reference?.electrode) {
    m.problem(MethodsCodes.noRHEConversion, 'warning', `potentials are given vs RHE, but cell ${main.name?.text ?? ''} has no reference electrode with a known potential, so the Methods section cannot write the conversion: add \`reference … at … V vs SHE\` to the cell`, main.name?.span ?? main.span);
    return [];
  }
  const refShort = main.reference.electrode.electrode.text;
  const ref = referencePotentialText(m, main, facts.reference.vsSHE);
  const slope = slopeText(m, facts.nernstSlope);
  if (!slope) {
    m.problem(MethodsCodes.noRHEConversion, 'warning', 'potentials are given vs RHE, but the protocol temperature is impossible, so the Nernst slope is unknown and the Methods section cannot write the conversion: correct the temperature', main.name?.span ?? main.span);
    return [];
  }
  const equation: MathNode[] = [
    { kind: 'var', name: 'E', sub: 'RHE' }, { kind: 'op', op: '=' }, { kind: 'var', name: 'E', sub: refShort }, { kind: 'op', op: '+' },
    { kind: 'num', text: ref.text }, { kind: 'unit', text: 'V' }, { kind: 'op', op: '+' }, { kind: 'num', text: slope.text }, { kind: 'op', op: '×' }, { kind: 'word', text: 'pH' },
  ];
  const offsets: Inline[][] = [];
  for (const cell of converted) {
    const f = m.analysis.facts.cells.get(cell.name?.text ?? '');
    // The offset is that of the electrolyte the working electrode sits in (the analysis chose it), named by its compartment.
    const working = workingCompartment(cell, f?.electrolyte);
    const e = electrolyteByName(m, working?.line.electrolyte.text);
    if (!f?.pH || !e || f.toRHE === undefined) {
      m.problem(MethodsCodes.noRHEConversion, 'warning', `potentials of cell ${cell.name?.text ?? ''} are given vs RHE, but the electrolyte its working electrode sits in has no pH, so the Methods section cannot write the offset: add \`pH … measured\` to the electrolyte`, working?.line.span ?? cell.span);
      continue;
    }
    offsets.push(inlines(`for the ${e.name?.text ?? ''} ${working!.word} (`, pHPhrase(m, e), '), ', { kind: 'math', nodes: [{ kind: 'var', name: 'E', sub: 'RHE' }, { kind: 'op', op: '=' }, { kind: 'var', name: 'E', sub: refShort }, { kind: 'op', op: '+' }, { kind: 'num', text: formatted(f.toRHE, { decimals: ref.decimals }) }, { kind: 'unit', text: 'V' }] }));
  }
  const intro: Sentence = sentence(main.reference.span, 'all potentials are reported vs the reversible hydrogen electrode (RHE); they were converted from the ', referenceName(main.reference.electrode.text), ' scale with:');
  const where: Sentence = clause(main.reference.span,
    'where ', quantity(ref.text, 'V'), ` is the potential of the reference electrode vs SHE (${ref.source}) and `, quantity(slope.text, 'V'), ` per pH unit ${slope.why}`,
    offsets.length ? ['; ', list(offsets, 'and')] : []);
  return [{ kind: 'paragraph', sentences: [intro] }, { kind: 'equation', nodes: equation }, { kind: 'paragraph', sentences: [where] }];
}
