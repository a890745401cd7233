// How a species is named in prose. Solvents by their name (`tetrahydrofuran`
// for THF), salts and precursors by their formula (`CuCl`, `NaBH4`), declared
// reagents by their description with the formula beside it, clusters by their
// formula, and ligand abbreviations defined where a formula uses them.
import type { Analysis } from '../analysis/analyze';
import { parseFormula } from '../chemistry/formula';
import { lookupSpecies } from '../chemistry/species-library';
import { ABBREVIATIONS } from '../data/abbreviations';
import type { SpeciesEntry } from '../data/species';
import { formula, inlines, text, type Inline } from './document';

export interface SpeciesName {
  /** What the sentence calls it. */
  label: Inline[];
  /** Said in brackets after the label the first time: the formula of a named reagent. */
  detail?: Inline[];
  /** A solvent or gas: named, never given a formula. */
  medium: boolean;
}

function ligandLookup(analysis: Analysis): (symbol: string) => string | undefined {
  return (symbol) => {
    const d = analysis.symbols.lookup(symbol, ['ligand']);
    return d?.node.kind === 'ligand' ? d.node.formula?.text : undefined;
  };
}

/** The library's full name of an entry whose name is an abbreviation (`THF` → `tetrahydrofuran`). */
export function fullName(entry: SpeciesEntry): string {
  const spelled = (s: string) => /[a-z]{4,}/.test(s);
  if (spelled(entry.name)) return entry.name;
  return entry.synonyms.find(spelled) ?? entry.name;
}

function readsAsFormula(analysis: Analysis, written: string): boolean {
  return !/[a-z]{4,}/.test(written) && 'formula' in parseFormula(written, ligandLookup(analysis));
}

export function speciesName(analysis: Analysis, written: string): SpeciesName {
  const decl = analysis.symbols.lookup(written, ['reagent', 'cluster', 'ligand']);
  if (decl && (decl.node.kind === 'reagent' || decl.node.kind === 'cluster' || decl.node.kind === 'ligand')) {
    const node = decl.node;
    const formulaText = node.formula?.text;
    if (node.kind === 'cluster' && formulaText) return { label: [formula(formulaText)], medium: false };
    if (node.description?.value) return { label: [text(node.description.value)], detail: formulaText ? [formula(formulaText)] : undefined, medium: false };
    const label = readsAsFormula(analysis, written) ? formula(written) : text(written);
    return { label: [label], detail: formulaText && formulaText !== written ? [formula(formulaText)] : undefined, medium: false };
  }
  const entry = lookupSpecies(written);
  if (entry) {
    if (entry.kind === 'solvent') return { label: [text(fullName(entry))], medium: true };
    if (entry.kind === 'gas') return { label: [formula(written)], medium: true };
    if (readsAsFormula(analysis, written)) return { label: [formula(written)], medium: false };
    const name = fullName(entry);
    return { label: [text(name)], detail: name !== written ? [text(written)] : undefined, medium: false };
  }
  return { label: [readsAsFormula(analysis, written) ? formula(written) : text(written)], medium: false };
}

/** A solvent or other medium named in running text: `DCM/petroleum ether` → `dichloromethane/petroleum ether`. */
export function mediumName(analysis: Analysis, written: string): Inline[] {
  const whole = lookupSpecies(written);
  if (whole || analysis.symbols.lookup(written, ['reagent', 'cluster'])) return speciesName(analysis, written).label;
  if (!written.includes('/')) return [text(written)];
  const parts = written.split('/');
  return inlines(parts.map((p, i) => [i > 0 ? '/' : '', lookupSpecies(p) ? speciesName(analysis, p).label : p]));
}

/** `SR = 2,4-dichlorobenzenethiolate` for each ligand abbreviation a formula uses (declared ones and the library's longer ones). */
export function abbreviationsIn(analysis: Analysis, formulaText: string): { symbol: string; meaning: string }[] {
  const parsed = parseFormula(formulaText, ligandLookup(analysis));
  if (!('formula' in parsed)) return [];
  const out: { symbol: string; meaning: string }[] = [];
  for (const symbol of parsed.formula.abbreviations) {
    const decl = analysis.symbols.lookup(symbol, ['ligand']);
    const meaning = decl?.node.kind === 'ligand' ? decl.node.description?.value : symbol.length >= 3 ? ABBREVIATIONS.find((a) => a.symbol === symbol)?.meaning : undefined;
    if (meaning) out.push({ symbol, meaning });
  }
  return out;
}
