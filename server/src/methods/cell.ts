// Cells and electrolytes as setup sentences: the cell type and membrane, the
// instrument, the reference and counter electrodes, the electrolytes with
// their pH, purging and stirring. The cell the runs use first is described in
// full; other cells by what differs.
import type { CellBlock, ElectrolyteBlock } from '../syntax/ast';
import { CELL_TYPES, ELECTRODE_MATERIALS, REFERENCE_FILL_WORDS, ROOM_TEMPERATURE_C } from '../data/methods-vocabulary';
import type { MethodsContext } from './context';
import { formula, inlines, list, sentence, text, type Inline, type Sentence } from './document';
import { exactNumber, FIGURES, formatted, writtenNumber } from './numbers';
import { speciesName } from './species-names';
import { writtenQuantity } from './step-phrases';

/** What bubbling an inert gas through an electrolyte drives out (the gases of air other than itself). */
const INERT_PURGE: Record<string, string> = { Ar: 'oxygen and nitrogen', He: 'oxygen and nitrogen', N2: 'oxygen' };

const textOf = (x: { value: string } | { text: string } | undefined) => (x ? ('value' in x ? x.value : x.text) : undefined);

/** `Ag/AgCl (sat. KCl)` → `Ag/AgCl (saturated KCl)`. */
export function referenceName(written: string): string {
  return REFERENCE_FILL_WORDS.reduce((s, [pattern, word]) => s.replace(pattern, word), written).replace(/\s+\)/, ')');
}

export function electrolyteByName(m: MethodsContext, name: string | undefined): ElectrolyteBlock | undefined {
  return m.blocks('electrolyte').find((e) => e.name?.text === name);
}

/** `0.05 M H2SO4 + 0.5 M KNO3 in water`, as chemists write a composition. */
export function compositionPhrase(m: MethodsContext, e: ElectrolyteBlock): Inline[] {
  const parts = e.components.map((c, i) => inlines(i > 0 ? ' + ' : '', writtenQuantity(c.quantity), ' ', speciesName(m.analysis, c.species.text).label));
  return inlines(parts, e.solvent ? [' in ', speciesName(m.analysis, e.solvent.text).label] : []);
}

/** `pH 1.0, measured` or `pH 1.24, estimated from the composition`. */
export function pHPhrase(m: MethodsContext, e: ElectrolyteBlock): Inline[] {
  if (e.pH) return inlines(`pH ${writtenNumber(e.pH.value.values[0]!)}`, e.pH.measured ? ', measured' : '');
  const estimate = m.valuesOf('pH').find((v) => v.subject === e.name?.text && v.extra?.estimated && typeof v.value === 'number');
  if (!estimate) return [];
  const phrase = text(`pH ${formatted(estimate.value as number, FIGURES.pHEstimate)}, estimated from the composition`);
  return typeof estimate.extra?.partialPressure === 'number' ? inlines(phrase, ` under ${exactNumber(estimate.extra.partialPressure)} kPa `, formula(String(estimate.extra.gas))) : [phrase];
}

function cellType(c: CellBlock): string {
  if (c.type?.kind === 'flow cell') return 'flow cell with a gas-diffusion electrode';
  if (c.type?.kind === 'MEA') return 'zero-gap membrane electrode assembly (MEA)';
  if (c.type?.kind === 'H-cell') return 'H-type cell';
  const name = c.name?.text ?? '';
  const known = CELL_TYPES.find((t) => t.pattern.test(name));
  if (known) return known.description;
  return c.membrane ? 'two-compartment cell' : 'cell';
}

/** `an` before a vowel sound: `an Ag/AgCl`, `an SCE`, `an H-type` (letters read out), `a CHI660D`, `a Nafion`. */
export const article = (word: string) => (/^[aeiouAEIOU]|^[FHLMNRSX](?=[A-Z0-9/-]|$)/.test(word) ? 'an' : 'a');

function roomTemperature(m: MethodsContext): Inline[] {
  const setting = m.statements.find((s) => s.kind === 'setting' && s.key.text.toLowerCase() === 'temperature');
  if (setting?.kind !== 'setting' || !setting.value) return [];
  const kelvin = m.analysis.facts.temperatureK;
  const written = writtenQuantity(setting.value);
  if (kelvin === undefined) return inlines(' at ', written); // an impossible temperature has its error
  const celsius = kelvin - 273.15;
  return celsius >= ROOM_TEMPERATURE_C[0] - 1e-9 && celsius <= ROOM_TEMPERATURE_C[1] + 1e-9 ? inlines(' at room temperature (', written, ')') : inlines(' at ', written);
}

function counterName(c: CellBlock): string | undefined {
  const counter = c.counter?.text;
  return counter ? ELECTRODE_MATERIALS[counter] ?? counter : undefined;
}

/** The first sentences: where, on what and with which electrodes. */
export function cellSentences(m: MethodsContext, main: CellBlock, others: CellBlock[]): Sentence[] {
  const out: Sentence[] = [];
  const type = cellType(main);
  const membrane = textOf(main.membrane);
  const instrument = textOf(main.instrument);
  out.push(sentence(main.span,
    'all electrochemical measurements were carried out', roomTemperature(m),
    instrument ? ` on ${article(instrument)} ${instrument} electrochemical workstation` : '',
    ` in ${article(type)} ${type}`,
    membrane ? `, whose cathode and anode compartments were separated by ${article(membrane)} ${membrane} membrane` : ''));
  const reference = main.reference?.electrode ? referenceName(main.reference.electrode.text) : undefined;
  const counter = counterName(main);
  if (reference && counter) out.push(sentence(main.reference!.span, `${article(reference)} ${reference} electrode and ${article(counter)} ${counter} electrode served as the reference and counter electrodes, respectively`));
  else if (reference) out.push(sentence(main.reference!.span, `${article(reference)} ${reference} electrode served as the reference electrode`));
  else if (counter) out.push(sentence(main.counter!.span, `${article(counter)} ${counter} electrode served as the counter electrode`));
  out.push(...electrolyteSentences(m, [main, ...others]));
  const during: Inline[][] = [];
  if (main.stir) during.push(inlines('stirred at ', writtenQuantity(main.stir)));
  if (main.purge) during.push(inlines('purged continuously with ', formula(main.purge.gas.text), main.purge.flow ? [' at ', writtenQuantity(main.purge.flow)] : []));
  const flows = (['catholyte', 'anolyte'] as const).filter((r) => main[r]?.flow).map((r) => inlines(`the ${r} at `, writtenQuantity(main[r]!.flow!)));
  if (flows.length) out.push(sentence(main.span, 'the electrolytes were circulated through the cell, ', list(flows)));
  if (main.feed) out.push(sentence(main.feed.span, formula(main.feed.gas.text), ' was fed to the gas side of the gas-diffusion electrode', main.feed.flow ? [' at ', writtenQuantity(main.feed.flow)] : ''));
  if (during.length) out.push(sentence(main.span, 'during the measurements, the catholyte was ', list(during)));
  if (main.iR?.fraction && main.iR.resistance) {
    out.push(sentence(main.iR.span, 'the ohmic drop was compensated by ', writtenQuantity(main.iR.fraction), ' of the uncompensated resistance (', writtenQuantity(main.iR.resistance), ')'));
  }
  for (const other of others) {
    const differences: Inline[][] = [];
    if (textOf(other.membrane) && textOf(other.membrane) !== membrane) differences.push(inlines(`the membrane was ${textOf(other.membrane)}`));
    if (other.working && other.working.text !== main.working?.text) differences.push(inlines(`the working electrode was ${other.working.text}`));
    const otherReference = other.reference?.electrode ? referenceName(other.reference.electrode.text) : undefined;
    if (otherReference && otherReference !== reference) differences.push(inlines(`the reference electrode was ${otherReference}`));
    if (counterName(other) && counterName(other) !== counter) differences.push(inlines(`the counter electrode was ${counterName(other)}`));
    if (differences.length) out.push(sentence(other.span, `in cell ${other.name?.text ?? ''}, `, list(differences)));
  }
  return out;
}

/** The catholytes of the cells with volume and pH, and how they were purged. */
function electrolyteSentences(m: MethodsContext, cells: CellBlock[]): Sentence[] {
  const out: Sentence[] = [];
  const seen = new Set<string>();
  const described: Inline[][] = [];
  for (const cell of cells) {
    for (const role of ['catholyte', 'anolyte'] as const) {
      const use = cell[role];
      const e = electrolyteByName(m, use?.electrolyte.text);
      if (!use || !e || seen.has(`${role}:${e.name?.text}`)) continue;
      seen.add(`${role}:${e.name?.text}`);
      const details = [use.volume ? writtenQuantity(use.volume) : [], pHPhrase(m, e)].filter((d) => d.length);
      described.push(inlines(role === 'anolyte' ? 'the anolyte ' : '', compositionPhrase(m, e), details.length ? [' (', details.flatMap((d, i) => (i ? [text('; '), ...d] : d)), ')'] : []));
    }
  }
  if (described.length === 1) out.push(sentence(cells[0]!.span, 'the catholyte was ', described[0]!));
  else if (described.length > 1) out.push(sentence(cells[0]!.span, 'the catholytes were ', list(described, 'and')));
  const used = new Set([...seen].map((k) => k.slice(k.indexOf(':') + 1)));
  const purged = m.blocks('electrolyte').filter((e) => e.purge && used.has(e.name?.text ?? ''));
  const byPurge = new Map<string, ElectrolyteBlock[]>();
  for (const e of purged) {
    const key = `${e.purge!.gas.text} ${m.textOf(e.purge!.duration)}`;
    byPurge.set(key, [...(byPurge.get(key) ?? []), e]);
  }
  for (const e of m.blocks('electrolyte')) {
    if (!e.saturated || !used.has(e.name?.text ?? '')) continue;
    const roles = [...seen].filter((k) => k.endsWith(`:${e.name?.text}`)).map((k) => k.slice(0, k.indexOf(':')));
    out.push(sentence(e.saturated.span, `the ${roles.join(' and ')} ${roles.length > 1 ? 'were' : 'was'} saturated with `, formula(e.saturated.gas.text), e.saturated.pressure ? [' at ', writtenQuantity(e.saturated.pressure)] : ''));
  }
  for (const group of byPurge.values()) {
    const p = group[0]!.purge!;
    const which = byPurge.size === 1 && group.length === purged.length && purged.length === used.size ? (group.length > 1 ? 'each electrolyte was' : 'the electrolyte was') : inlines(list(group.map((e) => compositionPhrase(m, e))), group.length > 1 ? ' were' : ' was');
    out.push(sentence(p.span, 'before the measurements, ', which, ' purged with ', formula(p.gas.text), p.duration ? [' for ', writtenQuantity(p.duration)] : [], INERT_PURGE[p.gas.text] ? ` to remove dissolved ${INERT_PURGE[p.gas.text]}` : ''));
  }
  return out;
}

