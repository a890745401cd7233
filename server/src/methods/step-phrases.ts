// The pieces of a synthesis step in prose: an amount with its moles, the
// solution it is in, the conditions (temperature, time, `until`), the manner
// and the notes written after commas. Synthesis paragraphs put them together.
import type { Amount, Quantity, Step, Word } from '../syntax/ast';
import { parseUnit } from '../units/parse-unit';
import { sameDimension, SLOTS } from '../units/dimension';
import { lookupSpecies } from '../chemistry/species-library';
import { ANALYTICAL_METHODS } from '../data/methods-vocabulary';
import { MethodsCodes } from './codes';
import { formatExact } from '../units/format';
import type { MethodsContext } from './context';
import { inlines, list, quantity, text, type Inline, type Part } from './document';
import { FIGURES, fromInputs, writtenNumber, writtenNumbers } from './numbers';
import { mediumName, speciesName } from './species-names';

/** Past participles of the step verbs, as the Methods section writes them. */
export const PARTICIPLES: Record<string, string> = {
  add: 'added', dissolve: 'dissolved', use: 'used', mix: 'mixed', stir: 'stirred', wait: 'left', react: 'reacted',
  heat: 'heated', cool: 'cooled', reflux: 'refluxed', age: 'aged', purify: 'purified', crystallize: 'crystallized',
  crystallise: 'crystallised', recrystallize: 'recrystallized', wash: 'washed', extract: 'extracted', centrifuge: 'centrifuged',
  filter: 'filtered', dry: 'dried', evaporate: 'evaporated', concentrate: 'concentrated', sonicate: 'sonicated',
  purge: 'purged', degas: 'degassed', precipitate: 'precipitated', collect: 'collected', store: 'stored', dilute: 'diluted',
  transfer: 'transferred', redissolve: 'redissolved', quench: 'quenched', separate: 'separated', anneal: 'annealed', measure: 'measured',
};

/** Notes that say how cold or hot the solution of a reagent was (`…in 1 mL water, cold`). */
const SOLUTION_ADJECTIVES = new Set(['cold', 'ice-cold', 'hot', 'warm', 'boiling', 'fresh', 'freshly prepared']);

export const verbOf = (step: Step) => step.verb.text.toLowerCase();
export const participle = (verb: string) => PARTICIPLES[verb] ?? `${verb}ed`;

/** A quantity as written, with its unit: `20 mg`, `-0.7, -0.8 and -0.9 V`. */
export function writtenQuantity(q: Quantity | undefined): Inline[] {
  // A unit the analysis cannot read is an error it reports; the text leaves the quantity out rather than repeat it.
  if (!q || q.values.length === 0 || (q.unit && 'error' in parseUnit(q.unit.text))) return [];
  const numbers = writtenNumbers(q);
  if (numbers.length === 1) return [quantity(numbers[0]!, q.unit?.text)];
  return inlines(numbers.slice(0, -1).join(', '), ' and ', quantity(numbers[numbers.length - 1]!, q.unit?.text));
}

function isDimension(q: Quantity, slot: keyof typeof SLOTS): boolean {
  const u = q.unit && parseUnit(q.unit.text);
  return !!u && 'unit' in u && sameDimension(u.unit.dimension, SLOTS[slot].dimension);
}

/** The written density of a species, for the precision of moles from a volume. */
function densityWritten(m: MethodsContext, species: string): string | undefined {
  const decl = m.analysis.symbols.lookup(species, ['reagent']);
  if (decl?.node.kind === 'reagent' && decl.node.density) return decl.node.density.values[0]?.text;
  const entry = lookupSpecies(species);
  return entry?.density !== undefined ? formatExact(entry.density) : undefined;
}

/** `CuCl (20 mg, 0.20 mmol)`, `2,4-dichlorothiophenol (C6H4Cl2S, 30 µL)`; moles missing are reported with the reason. */
export function amountPhrase(m: MethodsContext, amount: Amount, note?: Part): Inline[] {
  const name = speciesName(m.analysis, amount.species.text);
  const q = amount.quantity;
  const inside: Part[] = [name.detail, writtenQuantity(q)];
  const moles = m.valueAt('amount', amount.span);
  if (moles && typeof moles.value === 'number') {
    const inputs = [q.values[0], isDimension(q, 'volume') ? densityWritten(m, amount.species.text) : undefined];
    inside.push([quantity(fromInputs(moles.value, inputs, FIGURES.amount), 'mmol')]);
  } else if (isDimension(q, 'mass') || isDimension(q, 'volume')) {
    const reasons = [...new Set(m.reasonsIn(amount.span).map((r) => `${r.message} (${r.code})`))];
    const why = reasons.length ? reasons.join('; ') : 'the analysis gives no amount for it';
    m.problem(MethodsCodes.amountWithoutMoles, 'information', `the Methods section gives \`${m.textOf(amount)}\` without its amount in mmol: ${why}`, amount.span);
  }
  if (note) inside.push(note);
  const parts = inside.filter((p) => p !== undefined && !(Array.isArray(p) && p.length === 0));
  return inlines(name.label, parts.length ? [' (', joinComma(parts), ')'] : []);
}

function joinComma(parts: Part[]): Inline[] {
  return inlines(parts.map((p, i) => [i > 0 ? ', ' : '', p]));
}

/** Comma-separated groups of the notes as written (`stir vigorously`, `cold`, `oil bath`); quoted notes stay whole. */
export function noteGroups(m: MethodsContext, step: Step): { words: string[]; quoted: boolean }[] {
  const groups: { words: string[]; quoted: boolean }[] = [];
  let previous: Word | undefined;
  for (const w of step.notes) {
    const quoted = m.analysis.text[w.span.start] === '"' || m.analysis.text[w.span.start] === '“';
    const between = previous ? m.analysis.text.slice(previous.span.end, w.span.start) : ',';
    if (between.includes(',') || quoted || groups[groups.length - 1]?.quoted) groups.push({ words: [w.text], quoted });
    else groups[groups.length - 1]!.words.push(w.text);
    previous = w;
  }
  return groups;
}

/** What the notes of a step add to its sentence: actions (`and stirred vigorously`), the solution's state (`cold`), asides. */
export function notesOf(m: MethodsContext, step: Step): { actions: Inline[][]; solutionAdjective?: string; eluent?: Inline[]; asides: Inline[][] } {
  const out: ReturnType<typeof notesOf> = { actions: [], asides: [] };
  for (const g of noteGroups(m, step)) {
    const phrase = g.words.join(' ');
    const first = g.words[0]!.toLowerCase();
    if (g.quoted) out.asides.push([text(phrase)]);
    else if (SOLUTION_ADJECTIVES.has(phrase.toLowerCase())) out.solutionAdjective = phrase.toLowerCase();
    else if (first === 'eluent' && g.words.length > 1) out.eluent = mediumName(m.analysis, g.words.slice(1).join(' '));
    else if (PARTICIPLES[first]) out.actions.push(inlines(participle(first), g.words.length > 1 ? ' ' + g.words.slice(1).join(' ') : ''));
    else out.asides.push(inlines(g.words.map((w, i) => [i > 0 ? ' ' : '', lookupSpecies(w) ? mediumName(m.analysis, w) : w])));
  }
  return out;
}

/** `tetrahydrofuran (35 mL)`, `a mixture of tetrahydrofuran (10 mL) and dichloromethane (10 mL)`, `cold water (1 mL)`. */
export function solutionPhrase(m: MethodsContext, step: Step, adjective?: string): Inline[] {
  const items: Inline[][] = [
    ...step.solvents.map((s) => inlines(adjective ? adjective + ' ' : '', speciesName(m.analysis, s.species.text).label, ' (', writtenQuantity(s.quantity), ')')),
    ...step.solventNames.map((w) => inlines(adjective ? adjective + ' ' : '', mediumName(m.analysis, w.text))),
  ];
  if (items.length === 0) return [];
  return items.length === 1 ? items[0]! : inlines('a mixture of ', list(items));
}

/** `until the solution turned colorless`; a written clause stays as written (`until CuCl was fully dissolved`). */
export function untilPhrase(step: Step): Inline[] {
  if (!step.until) return [];
  const written = Array.isArray(step.until) ? step.until.map((w) => w.text).join(' ') : step.until.value;
  if (!written) return [];
  const clause = /\b(was|were|is|are|had|has|became|turned|appeared|formed)\b/.test(written);
  return [text(clause ? `until ${written}` : `until the solution turned ${written}`)];
}

/** `at 80 °C (oil bath)`, `at room temperature`. */
export function temperaturePhrase(step: Step, asides: Inline[][] = []): Inline[] {
  const at: Part = step.temperature ? writtenQuantity(step.temperature) : step.temperatureWords?.length ? step.temperatureWords.map((w) => w.text).join(' ') : undefined;
  if (!at) return [];
  return inlines('at ', at, asides.length ? [' (', joinComma(asides), ')'] : []);
}

/** `for 2 h`, `overnight`. */
export function durationPhrase(step: Step): Inline[] {
  if (step.duration) return inlines('for ', writtenQuantity(step.duration));
  if (step.durationWords?.length) return [text(step.durationWords.map((w) => w.text).join(' '))];
  return [];
}

/** Manner words as adverbs: `dropwise`, `quickly`. */
export function mannerPhrase(step: Step): string {
  return step.manner.map((w) => w.text).join(' ');
}

/** `thin-layer chromatography (TLC)` for an abbreviated method; species in `by` words get their names. */
export function byPhrase(m: MethodsContext, words: Word[] | undefined): Inline[] {
  if (!words?.length) return [];
  if (words.length === 1 && ANALYTICAL_METHODS[words[0]!.text]) return [text(`${ANALYTICAL_METHODS[words[0]!.text]} (${words[0]!.text})`)];
  return inlines(words.map((w, i) => [i > 0 ? ' ' : '', lookupSpecies(w.text) ? mediumName(m.analysis, w.text) : ANALYTICAL_METHODS[w.text] ?? w.text]));
}

/** `with methanol and n-hexane successively`. */
export function withPhrase(m: MethodsContext, words: Word[] | undefined): Inline[] {
  const items = (words ?? []).filter((w) => w?.text).map((w) => mediumName(m.analysis, w.text));
  if (items.length === 0) return [];
  return inlines('with ', list(items), items.length > 1 ? ' successively' : '');
}

export { writtenNumber };
