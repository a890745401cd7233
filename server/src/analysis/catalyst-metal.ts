// The metal content of a catalyst, for metal loadings: stated with the catalyst
// (`Pt/C 20 wt%`), the grade of a library material, or the catalyst's formula.
// Says what it assumed, and why there is none when there is none.
import type { Quantity, Span } from '../syntax/ast';
import type { AnalysisContext, CatalystMetal } from './context';
import type { Substance } from './species-resolver';
import { siOf } from './quantities';
import { ChemistryCodes } from '../chemistry/codes';
import { metalMassFraction } from '../chemistry/metal-content';
import { METALS } from '../data/atomic-weights';
import { formatNumber } from '../units/format';

const pct = (x: number) => `${formatNumber(x * 100, { significant: 4 })} %`;

function libraryMetals(substance: Substance): { element: string; fraction: number }[] {
  if (substance.kind === 'material') {
    return Object.entries(substance.entry.elementFractions ?? {})
      .filter(([el]) => METALS.has(el))
      .map(([element, fraction]) => ({ element, fraction }));
  }
  return metalMassFraction(substance.composition)?.elements ?? [];
}

/** `written` is the catalyst's name as the protocol writes it, for the messages. */
export function catalystMetal(ctx: AnalysisContext, substance: Substance, written: string, stated: Quantity | undefined, at: Span): { metal?: CatalystMetal; noMetal?: string } {
  const known = libraryMetals(substance);
  if (stated) {
    const w = siOf(ctx, stated);
    if (w === undefined) return { noMetal: `the metal content \`${ctx.textOf(stated.span)}\` cannot be read` };
    // The stated fraction is of the metal the catalyst is known to carry, when it carries one.
    const label = known.length === 1 ? known[0]!.element : 'metal';
    return { metal: { fraction: w, label, elements: [{ element: label, fraction: w }], how: `${label} content as stated: ${ctx.textOf(stated.span)}` } };
  }
  if (known.length === 0) {
    const why = substance.kind === 'material'
      ? `${substance.name} (${substance.entry.description}) carries no metal in the library`
      : `the formula ${substance.formulaText} has no metal`;
    ctx.report(ChemistryCodes.noMetalContent, 'information', `no metal loading for ${written}: ${why}; state the metal's mass fraction after the catalyst, as in \`${written} 20 wt%\``, at);
    return { noMetal: why };
  }
  const fraction = known.reduce((s, e) => s + e.fraction, 0);
  const label = known.map((e) => e.element).join('+');
  if (substance.kind === 'material') {
    ctx.report(ChemistryCodes.metalContentAssumed, 'information', `the metal content of ${written} is taken as the library's ${pct(fraction)} ${label}; state the grade you used, as in \`${written} ${formatNumber(fraction * 100, { significant: 3 })} wt%\``, at);
    return { metal: { fraction, label, elements: known, how: `${label} ${pct(fraction)}, the library's grade (${substance.entry.source})` } };
  }
  const parts = known.map((e) => `${e.element} ${pct(e.fraction)}`).join(', ');
  return { metal: { fraction, label, elements: known, how: `from the formula ${substance.formulaText} (M = ${formatNumber(substance.molarMass, { decimals: 2 })} g/mol): ${parts}` } };
}
