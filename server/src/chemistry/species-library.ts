// Looks species up by name or synonym, and suggests names for typos.
import { SPECIES, type SpeciesEntry } from '../data/species';
import { MATERIALS, type MaterialEntry } from '../data/materials';
import { closestNames } from '../text/closest-names';
import { parseFormula, compositionsEqual, type Composition, type FormulaParse } from './formula';
import { BoundedMemo } from '../common/bounded-memo';

const EXACT = new Map<string, SpeciesEntry>();
const FOLDED = new Map<string, SpeciesEntry>();
for (const s of SPECIES) {
  for (const n of [s.name, ...s.synonyms]) {
    if (!EXACT.has(n)) EXACT.set(n, s);
    const f = fold(n);
    if (!FOLDED.has(f)) FOLDED.set(f, s);
  }
}

/** Case and adduct-dot spelling do not matter for lookups (`HAuCl4.4H2O` = `HAuCl4·4H2O`). */
function fold(name: string): string {
  return name.toLowerCase().replace(/[·•⋅∙*]/g, '.');
}

export function lookupSpecies(name: string): SpeciesEntry | undefined {
  return EXACT.get(name) ?? FOLDED.get(fold(name));
}

export const LIBRARY_NAMES: string[] = [...EXACT.keys()];

const MATERIAL_EXACT = new Map<string, MaterialEntry>();
const MATERIAL_FOLDED = new Map<string, MaterialEntry>();
for (const m of MATERIALS) {
  for (const n of [m.name, ...m.synonyms]) {
    if (!MATERIAL_EXACT.has(n)) MATERIAL_EXACT.set(n, m);
    if (!MATERIAL_FOLDED.has(fold(n))) MATERIAL_FOLDED.set(fold(n), m);
  }
}

/** A polymer, ionomer, carbon or supported catalyst by name or synonym. */
export function lookupMaterial(name: string): MaterialEntry | undefined {
  return MATERIAL_EXACT.get(name) ?? MATERIAL_FOLDED.get(fold(name));
}

/** Names a typo may be meant for, besides the file's own: the library's, gathered once. */
const SUGGESTION_NAMES: readonly string[] = [
  ...SPECIES.map((s) => s.name), ...SPECIES.flatMap((s) => s.synonyms),
  ...MATERIALS.flatMap((m) => [m.name, ...m.synonyms]).filter((n) => !/\s/.test(n)),
];

/** Suggestions already made, by name and the file's names: a protocol repeats its unknown names. */
const suggested = new BoundedMemo<string, string[]>(1024);

/** "Did you mean" candidates from the library and the file's own names. */
export function suggestSpecies(name: string, fileNames: readonly string[] = []): string[] {
  const names = suggested.get(JSON.stringify([name, fileNames]), () => closestNames(name, [...fileNames, ...SUGGESTION_NAMES]));
  return [...names];
}

const libraryFormulas = new Map<SpeciesEntry, FormulaParse>();

/**
 * The formula of a library entry, read once per process (the library is fixed
 * and its formulas use no file's abbreviations). Shared: read it, never change it.
 */
export function libraryFormula(entry: SpeciesEntry): FormulaParse {
  let parsed = libraryFormulas.get(entry);
  if (!parsed) libraryFormulas.set(entry, (parsed = parseFormula(entry.formula)));
  return parsed;
}

/** The library liquid with this composition and a known density, for a declared reagent that lacks one. */
export function libraryLiquidOf(composition: Composition): SpeciesEntry | undefined {
  return SPECIES.find((s) => {
    if (s.density === undefined) return false;
    const parsed = libraryFormula(s);
    return 'formula' in parsed && compositionsEqual(parsed.formula.composition, composition);
  });
}
