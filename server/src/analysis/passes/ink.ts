// Ink pass: what each `ink` block holds — the catalyst mass, the total volume
// (solvents plus ionomer solution), the ionomer's own mass and the metal content
// of the catalyst — for the loadings of the electrodes cast from it.
import type { Amount, InkBlock, InkComponent } from '../../syntax/ast';
import type { AnalysisContext, CatalystMetal, InkFacts } from '../context';
import { resolveSubstance, type Substance } from '../species-resolver';
import { checkedQuantity, siOf } from '../quantities';
import { catalystMetal } from '../catalyst-metal';
import { ChemistryCodes } from '../../chemistry/codes';
import type { SlotName } from '../../units/dimension';
import { formatNumber } from '../../units/format';

const f4 = (x: number) => formatNumber(x, { significant: 4 });

/** The quantity in SI when it is of `kind`; 'other' when it is another kind its place takes; undefined when it has an error (reported). */
function inSlot(ctx: AnalysisContext, amount: Amount, kind: SlotName): number | undefined | 'other' {
  const q = checkedQuantity(ctx, amount.quantity);
  if (!q) return undefined;
  return q.kind === kind ? q.si[0] : 'other';
}

interface Catalyst {
  name: string;
  mg: number;
  metal?: CatalystMetal;
  noMetal?: string;
}

function inkPassFor(ctx: AnalysisContext, ink: InkBlock): void {
  const name = ink.name?.text ?? 'ink';
  const called = ink.name ? `ink ${ink.name.text}` : 'this ink';
  const at = ink.name?.span ?? ink.span;
  const lines: string[] = [];

  // Catalysts: weighed masses, each with its metal content.
  const catalysts: (Catalyst | undefined)[] = ink.catalysts.map((c) => catalystOf(ctx, c));
  const known = catalysts.filter((c): c is Catalyst => c !== undefined);
  const complete = known.length === catalysts.length && known.length > 0;
  if (ink.catalysts.length === 0) {
    ctx.report(ChemistryCodes.inkWithoutCatalyst, 'warning', `${called} has no catalyst mass, so electrodes cast from it have no loading: add \`catalyst 5 mg …\``, at);
  }
  const catalystMg = complete ? known.reduce((s, c) => s + c.mg, 0) : undefined;
  for (const c of known) lines.push(`catalyst ${f4(c.mg)} mg ${c.name}${c.metal ? ` (${c.metal.how})` : ''}`);

  // Additives (conductive carbon): solids that are not the catalyst.
  for (const a of ink.additives) {
    resolveSubstance(ctx, a.amount.species);
    // A mass (its place takes nothing else: FD0304 otherwise, from the quantities pass).
    const kg = siOf(ctx, a.amount.quantity);
    if (kg !== undefined) lines.push(`additive ${f4(kg * 1e6)} mg ${a.amount.species.text} (not counted in the catalyst loading)`);
  }

  // Liquids: every solvent and ionomer solution, as volumes.
  let volumeUL: number | undefined = 0;
  const volumeParts: string[] = [];
  const addVolume = (amount: Amount) => {
    const m3 = inSlot(ctx, amount, 'volume');
    if (typeof m3 === 'number') {
      if (volumeUL !== undefined) volumeUL += m3 * 1e9;
      volumeParts.push(ctx.textOf(amount.span));
      return m3;
    }
    if (m3 === 'other') {
      ctx.report(ChemistryCodes.inkVolumeUnknown, 'warning', `the volume of ${called} needs every liquid as a volume: write ${amount.species.text} in µL or mL`, amount.quantity.span);
    }
    volumeUL = undefined;
    return undefined;
  };
  for (const s of ink.solvents) {
    resolveSubstance(ctx, s.species);
    addVolume(s);
  }
  let ionomerMg: number | undefined;
  for (const i of ink.ionomers) {
    const substance = resolveSubstance(ctx, i.amount.species);
    const m3 = addVolume(i.amount);
    const ionomer = ionomerMass(ctx, i, substance, m3);
    if (ionomer) {
      ionomerMg = (ionomerMg ?? 0) + ionomer.mg;
      lines.push(ionomer.how);
    }
  }
  if (ink.solvents.length + ink.ionomers.length === 0) {
    ctx.report(ChemistryCodes.inkVolumeUnknown, 'warning', `${called} has no liquid: add \`solvent 480 µL isopropanol + 480 µL water\``, at);
    volumeUL = undefined;
  }
  if (volumeUL !== undefined) lines.push(`total volume ${volumeParts.join(' + ')} = ${f4(volumeUL)} µL`);
  if (ionomerMg !== undefined && catalystMg) lines.push(`ionomer : catalyst = ${f4(ionomerMg)} mg : ${f4(catalystMg)} mg = ${formatNumber(ionomerMg / catalystMg, { significant: 3 })}`);
  if (ink.sonicate?.duration) {
    const s = siOf(ctx, ink.sonicate.duration);
    if (s !== undefined) lines.push(`sonicated ${ctx.textOf(ink.sonicate.duration.span)}`);
  }

  const metal = complete ? mixMetal(known) : undefined;
  // A catalyst or a liquid with an error, or a line that could not be read (each reported): the totals are unknown.
  const recipe = [...ink.catalysts.flatMap((c) => [c.amount.quantity, c.massFraction]), ...ink.solvents.map((s) => s.quantity), ...ink.ionomers.map((i) => i.amount.quantity)];
  const rejected = ink.incomplete === true || recipe.some((q) => q !== undefined && !checkedQuantity(ctx, q));
  const facts: InkFacts = rejected ? { catalyst: known.map((c) => c.name).join('+') || undefined, rejected } : {
    catalyst: known.map((c) => c.name).join('+') || undefined,
    catalystMg,
    volumeUL,
    metal,
    noMetal: complete && !metal ? known.map((c) => c.noMetal).filter(Boolean).join('; ') || 'unknown metal content' : undefined,
  };
  if (ink.name) ctx.facts.inks.set(ink.name.text, facts);
  if (rejected) return;
  if (catalystMg === undefined || volumeUL === undefined || volumeUL === 0) return;
  const mgPerML = (catalystMg / volumeUL) * 1000;
  ctx.value({
    kind: 'inkConcentration',
    subject: name,
    value: mgPerML,
    unit: 'mg/mL',
    span: at,
    label: `${f4(mgPerML)} mg/mL ${facts.catalyst}`,
    detail: [`Ink ${name}: ${f4(catalystMg)} mg ${facts.catalyst} in ${f4(volumeUL)} µL = ${f4(mgPerML)} mg/mL`, ...lines].join('  \n'),
    hint: { text: `${f4(mgPerML)} mg/mL in ${f4(volumeUL)} µL`, category: 'amounts' },
  });
}

function catalystOf(ctx: AnalysisContext, c: InkComponent): Catalyst | undefined {
  const substance = resolveSubstance(ctx, c.amount.species);
  // A mass (its place takes nothing else: FD0340 otherwise, from the quantities pass).
  const kg = siOf(ctx, c.amount.quantity);
  if (kg === undefined || !substance) return undefined;
  const { metal, noMetal } = catalystMetal(ctx, substance, c.amount.species.text, c.massFraction, c.span);
  return { name: c.amount.species.text, mg: kg * 1e6, metal, noMetal };
}

/** Metal content of a mixture of catalysts: Σ m_i w_i / Σ m_i, when every catalyst has one. */
function mixMetal(catalysts: Catalyst[]): CatalystMetal | undefined {
  if (catalysts.some((c) => !c.metal)) return undefined;
  if (catalysts.length === 1) return catalysts[0]!.metal;
  const total = catalysts.reduce((s, c) => s + c.mg, 0);
  const byElement = new Map<string, number>();
  for (const c of catalysts) for (const e of c.metal!.elements) byElement.set(e.element, (byElement.get(e.element) ?? 0) + (e.fraction * c.mg) / total);
  const elements = [...byElement].map(([element, fraction]) => ({ element, fraction }));
  return {
    fraction: elements.reduce((s, e) => s + e.fraction, 0),
    label: elements.map((e) => e.element).join('+'),
    elements,
    how: catalysts.map((c) => `${c.name}: ${c.metal!.how}`).join('; '),
  };
}

/** Ionomer solid in its solution: volume × solution density × strength, or mass × strength. */
function ionomerMass(ctx: AnalysisContext, i: InkComponent, substance: Substance | undefined, m3: number | undefined): { mg: number; how: string } | undefined {
  const solution = substance?.kind === 'material' ? substance.entry.solution : undefined;
  let w: number | undefined;
  if (i.massFraction) w = siOf(ctx, i.massFraction);
  else if (solution) {
    w = solution.massFraction;
    ctx.report(ChemistryCodes.solutionFractionAssumed, 'information', `the strength of the ${i.amount.species.text} solution is taken as the library's ${formatNumber(w * 100, { significant: 3 })} wt%; state it, as in \`${ctx.textOf(i.amount.span)} ${formatNumber(w * 100, { significant: 3 })} wt%\``, i.span);
  }
  if (w === undefined) return undefined;
  const written = ctx.textOf(i.span);
  const q = checkedQuantity(ctx, i.amount.quantity);
  const kg = q?.kind === 'mass' ? q.si[0] : undefined;
  if (kg !== undefined) return { mg: kg * 1e6 * w, how: `ionomer ${written}: ${f4(kg * 1e6 * w)} mg of ${i.amount.species.text}` };
  // The library's solution density holds only for the library's strength.
  if (m3 === undefined || !solution || Math.abs(solution.massFraction - w) > 1e-9) return undefined;
  const mg = m3 * 1e6 * solution.densityGPerML * 1000 * w;
  return { mg, how: `ionomer ${written}: ${ctx.textOf(i.amount.quantity.span)} × ${solution.densityGPerML} g/mL × ${formatNumber(w * 100, { significant: 3 })} % = ${f4(mg)} mg of ${i.amount.species.text}` };
}

export function inkPass(ctx: AnalysisContext): void {
  for (const node of ctx.document.statements) {
    if (node.kind === 'ink') ctx.unit(node, 'ink', () => inkPassFor(ctx, node));
  }
}
