// Turns a species name written in the protocol into its formula, molar mass
// and density: the file's declarations first, then the species library, then
// a plain formula. Shared by the chemistry and electrochemistry passes.
import type { Word } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { parseFormula, molarMass, hillFormula, type Composition } from '../chemistry/formula';
import { lookupMaterial, lookupSpecies, suggestSpecies } from '../chemistry/species-library';
import type { MaterialEntry } from '../data/materials';
import { ChemistryCodes } from '../chemistry/codes';
import { missingUnitFixes, wrongDimensionFixes, type QuantityText, type UnitFix } from '../units/slot-fixes';
import { UnitCodes } from '../units/codes';
import { parseUnit } from '../units/parse-unit';
import { toSI } from '../units/convert';
import { slotMismatch } from '../units/convert';
import { SLOTS, type SlotName } from '../units/dimension';
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
  if (map.has(name)) return map.get(name) ?? undefined;
  const decl = ctx.symbols.lookup(name, ['reagent', 'cluster', 'ligand']);
  let info: SpeciesInfo | null = null;
  if (decl && (decl.node.kind === 'reagent' || decl.node.kind === 'cluster' || decl.node.kind === 'ligand') && decl.node.formula) {
    const node = decl.node;
    const parsed = formulaOf(ctx, node.formula!.text);
    if ('formula' in parsed) {
      let density: number | undefined;
      if (node.density?.unit) {
        const u = parseUnit(node.density.unit.text);
        if ('unit' in u && !slotMismatch(u.unit, 'density', '')) density = toSI(node.density.values[0]!.value, u.unit) / 1000;
      }
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
    const parsed = parseFormula(lib.formula);
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
  const statement = ctx.document.statements.find((s) => s.span.start <= word.span.start && word.span.end <= s.span.end);
  const at = ctx.text.lastIndexOf('\n', (statement?.span.start ?? word.span.start) - 1) + 1;
  return { title: `Declare \`reagent ${word.text} = ${word.text}\`: the elements it spells, ${spelled}`, edits: [{ span: { start: at, end: at }, newText: `reagent ${word.text} = ${word.text}\n` }] };
}

/**
 * Reports a unit that is missing, unknown or of the wrong kind; returns the SI value or undefined.
 * `place.areaCm2` is the area of the electrode the quantity belongs to (a result's or plan's bound
 * cell), for the fix that converts a current to a current density.
 */
export function quantityInSI(
  ctx: AnalysisContext,
  q: { values: { value: number }[]; unit?: Word; span: { start: number; end: number } },
  slot: SlotName,
  index = 0,
  place: { areaCm2?: number } = {},
): number | undefined {
  const written = (): QuantityText => ({
    values: q.values.map((v) => v.value),
    unitText: q.unit?.text, span: q.span, unitSpan: q.unit?.span,
  });
  const asFixes = (fixes: UnitFix[]) => fixes.map((f, i) => ({ title: f.title, edits: [{ span: f.span, newText: f.newText }], preferred: i === 0 }));
  if (!q.unit) {
    ctx.report(UnitCodes.missingUnit, 'error', `a unit is missing: write ${slotDescription(slot)}`, q.span, { fixes: asFixes(missingUnitFixes(written(), slot)) });
    return undefined;
  }
  const parsed = parseUnit(q.unit.text);
  if ('error' in parsed) {
    ctx.report(UnitCodes.unknownUnit, 'error', parsed.error, q.unit.span, {
      fixes: parsed.suggestions.slice(0, 3).map((s, i) => ({ title: `Change to \`${s}\``, edits: [{ span: q.unit!.span, newText: s }], preferred: i === 0 })),
    });
    return undefined;
  }
  const mismatch = slotMismatch(parsed.unit, slot, ctx.textOf(q.span));
  if (mismatch) {
    // Without a bound electrode, the area only when every electrode of the protocol has the same one.
    const areas = new Set([...ctx.facts.electrodes.values()].map((e) => e.areaCm2).filter((a) => a !== undefined));
    const areaCm2 = place.areaCm2 ?? (areas.size === 1 ? [...areas][0] : undefined);
    ctx.report(UnitCodes.wrongDimension, 'error', mismatch, q.span, { fixes: asFixes(wrongDimensionFixes(written(), parsed.unit, slot, { areaCm2 })) });
    return undefined;
  }
  return toSI(q.values[index]!.value, parsed.unit);
}

function slotDescription(slot: SlotName): string {
  return SLOTS[slot].description;
}
