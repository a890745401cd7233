// Electrode blocks as preparation sentences: the catalyst and its amount, the
// solvent it was cast from, the support and area, and the loading.
import type { ElectrodeBlock } from '../syntax/ast';
import type { MethodsContext } from './context';
import { inlines, quantity, sentence, type Inline, type Section, type Sentence } from './document';
import { FIGURES, fromInputs } from './numbers';
import { speciesName } from './species-names';
import { writtenQuantity } from './step-phrases';

/** `1 mg/cm2` from the analysis's catalyst mass and area, with the precision of the two as written. */
function loading(m: MethodsContext, e: ElectrodeBlock): Inline[] {
  const facts = e.name ? m.analysis.facts.electrodes.get(e.name.text) : undefined;
  if (!facts?.catalystMassG || !facts.areaCm2 || !e.catalyst || !e.area) return [];
  const mgPerCm2 = (facts.catalystMassG * 1000) / facts.areaCm2;
  return [quantity(fromInputs(mgPerCm2, [e.catalyst.quantity.values[0], e.area.values[0]], FIGURES.ratio), 'mg/cm2')];
}

function supportPhrase(e: ElectrodeBlock): Inline[] {
  const support = e.support ? ('value' in e.support ? e.support.value : e.support.text) : undefined;
  const area = e.area ? inlines(' (', writtenQuantity(e.area), ')') : [];
  return support ? inlines(support, area) : inlines('the electrode', area);
}

function electrodeSentences(m: MethodsContext, e: ElectrodeBlock, named: boolean): Sentence[] {
  const who = named && e.name ? `For electrode ${e.name.text}, ` : '';
  const out: Sentence[] = [];
  const load = loading(m, e);
  if (e.catalyst) {
    const catalyst = inlines(speciesName(m.analysis, e.catalyst.species.text).label, ' (', writtenQuantity(e.catalyst.quantity), ')');
    if (e.castFrom) {
      const solvent = inlines(speciesName(m.analysis, e.castFrom.species.text).label, ' (', writtenQuantity(e.castFrom.quantity), ')');
      out.push(sentence(e.span, who, catalyst, ' was dissolved in ', solvent, ', and the solution was drop-cast onto ', supportPhrase(e), load.length ? [', giving a catalyst loading of ', load] : []));
    } else {
      out.push(sentence(e.span, who, catalyst, ' was deposited on ', supportPhrase(e), load.length ? [', giving a catalyst loading of ', load] : []));
    }
  } else if (e.support || e.area) {
    out.push(sentence(e.span, who, 'the working electrode was ', supportPhrase(e)));
  }
  if (out.length && out[0]) out[0] = { ...out[0], source: { start: e.span.start, end: e.bodySpan.end } };
  return out;
}

export function electrodeSection(m: MethodsContext): Section | undefined {
  const electrodes = m.blocks('electrode');
  const sentences = electrodes.flatMap((e) => electrodeSentences(m, e, electrodes.length > 1));
  if (sentences.length === 0) return undefined;
  return { id: 'electrodes', title: inlines('Electrode preparation'), blocks: [{ kind: 'paragraph', sentences }] };
}
