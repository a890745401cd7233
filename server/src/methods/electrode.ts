// Inks and electrode blocks as preparation sentences: what an ink disperses
// in what (and the ionomer), how the catalyst got onto the support (dissolved
// and drop-cast, an ink cast, or a binder-free film), the support and area,
// and the loading the analysis computed, with the stated one beside it.
import type { ElectrodeBlock, InkBlock, InkComponent } from '../syntax/ast';
import type { MethodsContext } from './context';
import { formula, inlines, list, quantity, sentence, text, type Inline, type Section, type Sentence } from './document';
import { FIGURES, formatted } from './numbers';
import { speciesName } from './species-names';
import { writtenQuantity } from './step-phrases';

/** `RuO2 (5 mg)`, `Pt/C (2 mg, 20 wt%)`. */
function component(m: MethodsContext, c: InkComponent): Inline[] {
  const details = [writtenQuantity(c.amount.quantity), writtenQuantity(c.massFraction)].filter((d) => d.length);
  return inlines(speciesName(m.analysis, c.amount.species.text).label, details.length ? [' (', details.flatMap((d, i) => (i ? [text(', '), ...d] : d)), ')'] : []);
}

function inkSentence(m: MethodsContext, ink: InkBlock): Sentence {
  const solids = list([...ink.catalysts, ...ink.additives].map((c) => component(m, c)));
  const solvents = ink.solvents.map((s) => inlines(speciesName(m.analysis, s.species.text).label, ' (', writtenQuantity(s.quantity), ')'));
  const ionomers = list(ink.ionomers.map((c) => component(m, c)));
  return sentence({ start: ink.span.start, end: ink.bodySpan.end },
    `ink ${ink.name?.text ?? ''} was prepared by dispersing `, solids.length ? solids : 'the catalyst',
    solvents.length ? [' in ', solvents.length > 1 ? ['a mixture of ', list(solvents)] : solvents[0]!] : '',
    ionomers.length ? [' with ', ionomers] : '',
    ink.sonicate ? [' and sonicating', ink.sonicate.duration ? [' for ', writtenQuantity(ink.sonicate.duration)] : ''] : '');
}

function supportPhrase(e: ElectrodeBlock): Inline[] {
  const support = e.support ? ('value' in e.support ? e.support.value : e.support.text) : undefined;
  const area = e.area ? inlines(' (', writtenQuantity(e.area), ')') : [];
  return support ? inlines(support, area) : inlines('the electrode', area);
}

/** `, giving a catalyst loading of 0.816 mg/cm² (stated: 0.8 mg/cm²; 163 µg Pt/cm²)`, from the analysis. */
function loadingClause(m: MethodsContext, e: ElectrodeBlock): Inline[] {
  const name = e.name?.text;
  const computed = m.valuesOf('loading').find((v) => v.subject === name && typeof v.value === 'number');
  const metal = m.valuesOf('metalLoading').find((v) => v.subject === name && typeof v.value === 'number');
  const notes: Inline[][] = [];
  if (e.loading && computed?.extra?.source !== 'stated') notes.push(inlines('stated: ', writtenQuantity(e.loading)));
  if (metal) notes.push([quantity(formatted(metal.value as number, FIGURES.loading), `µg ${String(metal.extra?.metal ?? '')}/cm2`.replace(' /', '/'))]);
  const stated = !computed || computed.extra?.source === 'stated';
  const shown = !stated ? [quantity(formatted(computed.value as number, FIGURES.loading), 'mg/cm2')] : e.loading ? writtenQuantity(e.loading) : [];
  if (shown.length === 0) return [];
  return inlines(stated ? ', with a stated catalyst loading of ' : ', giving a catalyst loading of ', shown, notes.length ? [' (', notes.flatMap((n, i) => (i ? [text('; '), ...n] : n)), ')'] : []);
}

function electrodeSentences(m: MethodsContext, e: ElectrodeBlock, named: boolean): Sentence[] {
  const who = named && e.name ? `For electrode ${e.name.text}, ` : '';
  const source = { start: e.span.start, end: e.bodySpan.end };
  const loading = loadingClause(m, e);
  if (e.casts.length) {
    const casts = list(e.casts.map((c) => inlines(writtenQuantity(c.volume), ` of ink ${c.ink.text}`)));
    const how = [...new Set(e.casts.map((c) => (c.method.text.toLowerCase() === 'spray' ? 'sprayed' : 'drop-cast')))].join(' and ');
    return [sentence(source, who, casts, ` ${e.casts.length > 1 ? 'were' : 'was'} ${how} onto `, supportPhrase(e), loading)];
  }
  if (e.catalyst) {
    const catalyst = inlines(speciesName(m.analysis, e.catalyst.species.text).label, ' (', writtenQuantity(e.catalyst.quantity), e.catalystMetalFraction ? [', ', writtenQuantity(e.catalystMetalFraction)] : '', ')');
    if (e.castFrom) {
      const solvent = inlines(speciesName(m.analysis, e.castFrom.species.text).label, ' (', writtenQuantity(e.castFrom.quantity), ')');
      return [sentence(source, who, catalyst, ' was dissolved in ', solvent, ', and the solution was drop-cast onto ', supportPhrase(e), loading)];
    }
    return [sentence(source, who, catalyst, ' was deposited on ', supportPhrase(e), loading)];
  }
  if (e.catalystName) {
    return [sentence(source, who, 'the working electrode was ', formula(e.catalystName.text), e.catalystMetalFraction ? [' (', writtenQuantity(e.catalystMetalFraction), ')'] : '', ' on ', supportPhrase(e), loading)];
  }
  if (e.support || e.area) return [sentence(source, who, 'the working electrode was ', supportPhrase(e), loading)];
  return [];
}

export function electrodeSection(m: MethodsContext): Section | undefined {
  const electrodes = m.blocks('electrode');
  const sentences = [...m.blocks('ink').map((ink) => inkSentence(m, ink)), ...electrodes.flatMap((e) => electrodeSentences(m, e, electrodes.length > 1))];
  if (sentences.length === 0) return undefined;
  return { id: 'electrodes', title: inlines('Electrode preparation'), blocks: [{ kind: 'paragraph', sentences }] };
}
