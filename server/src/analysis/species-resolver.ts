// Turns a species name written in the protocol into its formula, molar mass
// and density: the file's declarations first, then the species library, then
// a plain formula. Shared by the chemistry and electrochemistry passes.
import type { Word } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { parseFormula, molarMass, hillFormula, type Composition } from '../chemistry/formula';
import { libraryFormula, lookupMaterial, lookupSpecies, suggestSpecies } from '../chemistry/species-library';
import type { MaterialEntry } from '../data/materials';
import { ChemistryCodes } from '../chemistry/codes';
import { siOf } from './quantities';
import type { SpeciesDecl } from '../syntax/ast';
import { formatNumber } from '../units/format';
import { looksLikeAbbreviation } from '../chemistry/abbreviation-like';
import type { QuickFix } from './model';

export interface SpeciesInfo {
  name: string;
  formulaText: string;
  composition: Composition;
  charge: number;
  molarMass: number;
  /** g/mL for a neat liquid. */
  density?: number;
  kind: 'reagent' | 'cluster' | 'ligand' | 'library' | 'formula';
  libraryKind?: string;
  /** Where the data came from, for hovers. */
  source: string;
  decl?: SpeciesDecl;
}

/** A polymer, ionomer, carbon or supported catalyst: a stated composition, no formula, so no moles. */
export interface MaterialInfo {
  kind: 'material';
  name: string;
  entry: MaterialEntry;
  source: string;
}

/** What a name in an amount can be: a species with a formula, or a material. */
export type Substance = SpeciesInfo | MaterialInfo;

const cache = new WeakMap<AnalysisContext, Map<string, SpeciesInfo | null>>();

function abbreviationLookup(ctx: AnalysisContext): (s: string) => string | undefined {
  return (symbol) => {
    const d = ctx.symbols.lookup(symbol, ['ligand']);
    return d && d.node.kind === 'ligand' ? d.node.formula?.text : undefined;
  };
}

const formulas = new WeakMap<AnalysisContext, Map<string, ReturnType<typeof parseFormula>>>();

/**
 * A formula read with the file's ligand abbreviations, once per analysis and spelling
 * (the names pass has declared every ligand before any pass reads a formula).
 */
export function formulaOf(ctx: AnalysisContext, text: string) {
  if (ctx.recording) return parseFormula(text, abbreviationLookup(ctx));
  let map = formulas.get(ctx);
  if (!map) formulas.set(ctx, (map = new Map()));
  let result = map.get(text);
  if (!result) map.set(text, (result = parseFormula(text, abbreviationLookup(ctx))));
  return result;
}

/** The declared species (reagent, cluster, ligand) by name, parsed once per analysis. */
export function declaredSpecies(ctx: AnalysisContext, name: string): SpeciesInfo | undefined {
  let map = cache.get(ctx);
  if (!map) cache.set(ctx, (map = new Map()));
  if (map.has(name) && !ctx.recording) return map.get(name) ?? undefined;
  const decl = ctx.symbols.lookup(name, ['reagent', 'cluster', 'ligand']);
  let info: SpeciesInfo | null = null;
  if (decl && (decl.node.kind === 'reagent' || decl.node.kind === 'cluster' || decl.node.kind === 'ligand') && decl.node.formula) {
    const node = decl.node;
    const parsed = formulaOf(ctx, node.formula!.text);
    if ('formula' in parsed) {
      const kgPerM3 = siOf(ctx, node.density);
      const density = kgPerM3 === undefined ? undefined : kgPerM3 / 1000;
      info = {
        name,
        formulaText: node.formula!.text,
        composition: parsed.formula.composition,
        charge: parsed.formula.charge,
        molarMass: molarMass(parsed.formula.composition),
        density,
        kind: node.kind,
        source: decl.file ? `declared in ${decl.file}` : 'declared in this file',
        decl: node,
      };
    }
  }
  map.set(name, info);
  return info ?? undefined;
}

/** Resolves a species or a material (`Nafion`, `Pt/C`); reports unknown names when `report` is set. */
export function resolveSubstance(ctx: AnalysisContext, word: Word, report = true): Substance | undefined {
  if (!ctx.symbols.lookup(word.text, ['reagent', 'cluster', 'ligand']) && !lookupSpecies(word.text)) {
    const entry = lookupMaterial(word.text);
    if (entry) return { kind: 'material', name: entry.name, entry, source: `material library: ${entry.name}${entry.cas ? `, CAS ${entry.cas}` : ''}; ${entry.source}` };
  }
  return resolveSpecies(ctx, word, report);
}

/** Resolves a species name; reports unknown names with "did you mean" fixes when `report` is set. */
export function resolveSpecies(ctx: AnalysisContext, word: Word, report = true): SpeciesInfo | undefined {
  const material = !ctx.symbols.lookup(word.text, ['reagent', 'cluster', 'ligand']) && !lookupSpecies(word.text) ? lookupMaterial(word.text) : undefined;
  if (material) {
    if (report) ctx.report(ChemistryCodes.materialNeedsFormula, 'error', `${material.name} is a material (${material.description}) without a formula, so it has no moles or molarity here; give it as a mass, or declare a species with a formula`, word.span);
    return undefined;
  }
  const declared = ctx.symbols.lookup(word.text, ['reagent', 'cluster', 'ligand']);
  if (declared) {
    ctx.symbols.use(word.text, ['reagent', 'cluster', 'ligand'], word.span);
    return declaredSpecies(ctx, word.text);
  }
  const lib = lookupSpecies(word.text);
  if (lib) {
    const parsed = libraryFormula(lib);
    if ('formula' in parsed) {
      return {
        name: lib.name,
        formulaText: lib.formula,
        composition: parsed.formula.composition,
        charge: parsed.formula.charge,
        molarMass: molarMass(parsed.formula.composition),
        density: lib.density,
        kind: 'library',
        libraryKind: lib.kind,
        source: `species library: ${lib.name}${lib.cas ? `, CAS ${lib.cas}` : ''}`,
      };
    }
  }
  // A plain formula of element symbols (no abbreviations) stands for itself,
  // unless it is written like an abbreviation (`PBI`): then the chemist says which.
  const parsed = parseFormula(word.text);
  if ('formula' in parsed && parsed.formula.abbreviations.length === 0 && looksLikeAbbreviation(word.text)) {
    if (report) {
      const spelled = `${hillFormula(parsed.formula.composition)} (${formatNumber(molarMass(parsed.formula.composition), { decimals: 2 })} g/mol)`;
      ctx.report(ChemistryCodes.abbreviationLike, 'warning', `\`${word.text}\` is written like an abbreviation and is no known species; read as a formula it would be ${spelled}. Declare what it is, as in \`reagent ${word.text} = FORMULA "full name"\` (a polymer: the formula of its repeat unit); no amount is computed from it until then`, word.span, {
        fixes: [declareAsSpelled(ctx, word, spelled)],
      });
    }
    return undefined;
  }
  if ('formula' in parsed && parsed.formula.abbreviations.length === 0) {
    if (report) ctx.report(ChemistryCodes.speciesAsFormula, 'hint', `\`${word.text}\` is not in the species library; it is read as the formula ${hillFormula(parsed.formula.composition)} (${formatNumber(molarMass(parsed.formula.composition), { decimals: 3 })} g/mol)`, word.span);
    return {
      name: word.text,
      formulaText: word.text,
      composition: parsed.formula.composition,
      charge: parsed.formula.charge,
      molarMass: molarMass(parsed.formula.composition),
      kind: 'formula',
      source: 'read as a formula',
    };
  }
  if (report) {
    const fileNames = ctx.symbols.namesOf(['reagent', 'cluster']);
    const suggestions = suggestSpecies(word.text, fileNames);
    const hint = suggestions.length ? `; did you mean \`${suggestions[0]}\`?` : '; declare it with `reagent NAME = FORMULA`';
    ctx.report(ChemistryCodes.unknownSpecies, 'error', `unknown species \`${word.text}\`${hint}`, word.span, {
      fixes: suggestions.map((s, i) => ({ title: `Change to \`${s}\``, edits: [{ span: word.span, newText: s }], preferred: i === 0 })),
    });
  }
  return undefined;
}

/** Declares the name as the elements it spells, above the top-level statement that uses it. */
function declareAsSpelled(ctx: AnalysisContext, word: Word, spelled: string): QuickFix {
  const statement = ctx.statementAt(word.span);
  const at = ctx.text.lastIndexOf('\n', (statement?.span.start ?? word.span.start) - 1) + 1;
  return { title: `Declare \`reagent ${word.text} = ${word.text}\`: the elements it spells, ${spelled}`, edits: [{ span: { start: at, end: at }, newText: `reagent ${word.text} = ${word.text}\n` }] };
}
