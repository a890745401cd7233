// The amount of each reagent of one synthesis step: masses, volumes (through a
// density) and amounts of substance as written, concentrations times the volume
// of their solution, and mass fractions of the solution's mass. Reports what is
// missing where it is missing; a number is never guessed.
import type { Amount, NumberLit, Quantity, Step } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { quantityInSI, type SpeciesInfo, type Substance } from './species-resolver';
import { ChemistryCodes } from '../chemistry/codes';
import { massesFromFractions, massesInTotal, massFromConcentration, molesFromConcentration } from '../chemistry/solution-amounts';
import { isMassFractionUnit, parseUnit, type Unit } from '../units/parse-unit';
import { sameDimension, SLOTS } from '../units/dimension';
import { toSI } from '../units/convert';
import { formatExact, formatNumber } from '../units/format';
import { libraryLiquidOf } from '../chemistry/species-library';

export interface StepAmount {
  amount: Amount;
  /** Undefined when the name is unknown (already reported). */
  substance?: Substance;
  /** The substance when it has a formula: moles, equivalents and yields need one. */
  species?: SpeciesInfo;
  mmol?: number;
  /** mg, when it was derived rather than written: from a mass fraction, a mass concentration or a solution's density. */
  derivedMassMg?: number;
  /** How a derived amount was obtained, for the hover. */
  derivation?: string;
  /** `in 1 mL water`: the volume of the solution (L), for the concentration in the hover. */
  solutionL?: number;
  /** Other written numbers the amount was computed from (a solution's volume or mass), for its significant figures. */
  inputs: NumberLit[];
}

export interface StepSolvent {
  amount: Amount;
  info?: SpeciesInfo;
}

const mg = (kg: number) => `${formatNumber(kg * 1e6, { significant: 4 })} mg`;
const mmolText = (mol: number) => `${formatNumber(mol * 1000, { significant: 4 })} mmol`;

function unitOf(q: Quantity): Unit | undefined {
  if (!q.unit) return undefined;
  const u = parseUnit(q.unit.text);
  return 'unit' in u ? u.unit : undefined;
}

function is(u: Unit, slot: keyof typeof SLOTS): boolean {
  return sameDimension(u.dimension, SLOTS[slot].dimension);
}

/** The solvents of a step as one medium: its volume and mass, each when every solvent gives it. */
class StepMedium {
  constructor(
    private readonly ctx: AnalysisContext,
    private readonly step: Step,
    private readonly solvents: StepSolvent[],
  ) {}

  /** m³ of solvent, when every solvent of the step is given as a volume. */
  volume(): { m3: number; text: string; inputs: NumberLit[] } | undefined {
    if (this.solvents.length === 0 || this.step.solventNames.length > 0) return undefined;
    let m3 = 0;
    for (const s of this.solvents) {
      const u = unitOf(s.amount.quantity);
      if (!u || !is(u, 'volume')) return undefined;
      m3 += toSI(s.amount.quantity.values[0]!.value, u);
    }
    return { m3, text: this.solvents.map((s) => this.ctx.textOf(s.amount.span)).join(' + '), inputs: this.solvents.map((s) => s.amount.quantity.values[0]!) };
  }

  /** kg of solvent, when every solvent is a mass or a volume with a density; reports a missing density. */
  mass(): { kg: number; text: string; inputs: NumberLit[] } | undefined {
    if (this.solvents.length === 0 || this.step.solventNames.length > 0) return undefined;
    let kg = 0;
    const parts: string[] = [];
    for (const s of this.solvents) {
      const u = unitOf(s.amount.quantity);
      if (!u) return undefined;
      const value = s.amount.quantity.values[0]!.value;
      const written = this.ctx.textOf(s.amount.span);
      if (is(u, 'mass')) {
        kg += toSI(value, u);
        parts.push(written);
      } else if (is(u, 'volume')) {
        if (s.info?.density === undefined) {
          if (s.info) {
            this.ctx.report(ChemistryCodes.volumeWithoutDensity, 'warning', `a volume of ${s.info.name} cannot become the mass a mass fraction needs without its density: give the solvent as a mass, or declare \`reagent ${s.amount.species.text} = ${s.info.formulaText} density … g/mL\``, s.amount.quantity.span);
          }
          return undefined;
        }
        const sKg = toSI(value, u) * 1000 * s.info.density; // m³ → L, × g/mL = kg
        kg += sKg;
        parts.push(`${written} × ${s.info.density} g/mL = ${mg(sKg)}`);
      } else return undefined;
    }
    return { kg, text: parts.join(' + '), inputs: this.solvents.map((s) => s.amount.quantity.values[0]!) };
  }
}

/** Amounts of every reagent of a step, in the order written. */
export function stepAmounts(ctx: AnalysisContext, step: Step, solvents: StepSolvent[], resolve: (a: Amount) => Substance | undefined): StepAmount[] {
  const medium = new StepMedium(ctx, step, solvents);
  const out: StepAmount[] = step.amounts.map((amount) => {
    const substance = resolve(amount);
    return { amount, substance, species: substance && substance.kind !== 'material' ? substance : undefined, inputs: [] };
  });
  const fractions: StepAmount[] = [];
  for (const r of out) {
    const u = r.amount.quantity.unit;
    if (u && isMassFractionUnit(u.text)) fractions.push(r);
    else writtenAmount(ctx, r, medium);
  }
  if (fractions.length > 0) fractionAmounts(ctx, fractions, out.filter((r) => !fractions.includes(r)), medium);
  const volume = medium.volume();
  if (volume && step.amounts.length === 1 && out[0]) out[0].solutionL ??= volume.m3 * 1000;
  return out;
}

/** mass, volume, amount of substance or concentration, as written. */
function writtenAmount(ctx: AnalysisContext, r: StepAmount, medium: StepMedium): void {
  const q = r.amount.quantity;
  if (!q.unit) {
    ctx.report('FD0403', 'error', 'a unit is missing: write a mass such as `20 mg` or a volume such as `30 µL`', q.span);
    return;
  }
  const parsed = parseUnit(q.unit.text);
  if ('error' in parsed) {
    quantityInSI(ctx, q, 'mass'); // reports the unknown unit with its suggestions
    return;
  }
  const u = parsed.unit;
  const value = q.values[0]!.value;
  const s = r.substance;
  const name = s?.name ?? r.amount.species.text;
  if (is(u, 'amount')) {
    if (s?.kind === 'material') return materialWithoutMoles(ctx, r);
    r.mmol = toSI(value, u) * 1000;
    return;
  }
  if (is(u, 'mass')) {
    if (r.species) r.mmol = (toSI(value, u) * 1e6) / r.species.molarMass;
    return;
  }
  if (is(u, 'volume')) {
    if (s?.kind === 'material') {
      const solution = s.entry.solution;
      if (!solution) {
        ctx.report(ChemistryCodes.volumeWithoutDensity, 'warning', `a volume of ${s.name} cannot become a mass without its density: give the amount as a mass`, q.span);
        return;
      }
      const kg = toSI(value, u) * 1000 * solution.densityGPerML * solution.massFraction;
      r.derivedMassMg = kg * 1e6;
      r.derivation = `${ctx.textOf(q.span)} of the ${formatNumber(solution.massFraction * 100, { significant: 3 })} wt% solution × ${solution.densityGPerML} g/mL × ${formatNumber(solution.massFraction * 100, { significant: 3 })} % = ${mg(kg)} ${s.name}`;
      return;
    }
    if (!r.species) return;
    if (r.species.density === undefined) return volumeWithoutDensity(ctx, r, r.species);
    const grams = toSI(value, u) * 1e6 * r.species.density;
    r.mmol = (grams * 1000) / r.species.molarMass;
    return;
  }
  if (is(u, 'molarConcentration') || is(u, 'massConcentration')) {
    const molar = is(u, 'molarConcentration');
    if (molar && s?.kind === 'material') return materialWithoutMoles(ctx, r);
    const volume = solutionVolume(ctx, r.amount, medium);
    if (!volume) {
      ctx.report(ChemistryCodes.concentrationWithoutVolume, 'warning', `\`${ctx.textOf(q.span)}\` is a concentration: give the volume of the solution, as the solvent of the step (\`in 10 mL ethanol\`) or with the amount (\`10 mL of ${ctx.textOf(q.span)} ${r.amount.species.text}\`)`, q.span);
      return;
    }
    r.solutionL = volume.m3 * 1000;
    r.inputs.push(...volume.inputs);
    if (molar) {
      const mol = molesFromConcentration(toSI(value, u), volume.m3);
      r.mmol = mol * 1000;
      r.derivation = `${ctx.textOf(q.span)} × ${volume.text} = ${mmolText(mol)}`;
    } else {
      const kg = massFromConcentration(toSI(value, u), volume.m3);
      r.derivedMassMg = kg * 1e6;
      if (r.species) r.mmol = (kg * 1e6) / r.species.molarMass;
      r.derivation = `${ctx.textOf(q.span)} × ${volume.text} = ${mg(kg)}`;
    }
    return;
  }
  if (is(u, 'fraction')) {
    ctx.report(ChemistryCodes.percentNotMassFraction, 'error', `\`${ctx.textOf(q.span)}\` does not say a fraction of what: write \`${value} wt%\` for a mass fraction of ${name}`, q.span, {
      fixes: [{ title: `Change to \`${value} wt%\``, edits: [{ span: q.unit.span, newText: 'wt%' }], preferred: true }],
    });
    return;
  }
  ctx.report(ChemistryCodes.amountUnit, 'error', `\`${ctx.textOf(q.span)}\` is not an amount of ${name}: write ${SLOTS.mass.description}, ${SLOTS.volume.description}, ${SLOTS.amount.description} or a concentration such as \`2 mM\``, q.span);
}

/** The volume a concentration multiplies: the one written with the amount, else the solvent volume of the step. */
function solutionVolume(ctx: AnalysisContext, amount: Amount, medium: StepMedium): { m3: number; text: string; inputs: NumberLit[] } | undefined {
  if (amount.solution) {
    const m3 = quantityInSI(ctx, amount.solution, 'volume');
    return m3 === undefined ? undefined : { m3, text: ctx.textOf(amount.solution.span), inputs: [amount.solution.values[0]!] };
  }
  const v = medium.volume();
  return v ? { ...v, text: `${v.text} (the solvent of the step)` } : undefined;
}

/** `10 wt% PBI`: shares of the solution's mass, from its total mass or from the rest of it. */
function fractionAmounts(ctx: AnalysisContext, fractions: StepAmount[], others: StepAmount[], medium: StepMedium): void {
  const fractionOf = (r: StepAmount) => toSI(r.amount.quantity.values[0]!.value, unitOf(r.amount.quantity)!);
  const shared: StepAmount[] = [];
  for (const r of fractions) {
    if (!r.amount.solution) {
      shared.push(r);
      continue;
    }
    // `10 g of 10 wt% PBI`: the total is written with the amount.
    const total = totalMassOf(ctx, r);
    if (total === undefined) continue;
    const result = massesInTotal([fractionOf(r)], total.kg);
    if ('error' in result) {
      fractionsTooLarge(ctx, [r], result.sum);
      continue;
    }
    setMass(r, result.massesKg[0]!, `${ctx.textOf(r.amount.quantity.span)} of ${total.text} = ${mg(result.massesKg[0]!)}`);
  }
  if (shared.length === 0) return;
  // The rest of the solution: its solvent, and the solutes given otherwise.
  const solvent = medium.mass();
  let restKg = solvent?.kg;
  const restParts = solvent ? [solvent.text] : [];
  const restInputs = solvent ? [...solvent.inputs] : [];
  for (const o of others) {
    restInputs.push(o.amount.quantity.values[0]!, ...o.inputs);
    const kg = massOf(o);
    if (kg === undefined || restKg === undefined) {
      restKg = undefined;
      break;
    }
    restKg += kg;
    restParts.push(`${mg(kg)} ${o.substance?.name ?? o.amount.species.text}`);
  }
  if (restKg === undefined) {
    for (const r of shared) {
      ctx.report(ChemistryCodes.massFractionWithoutBasis, 'warning', `\`${ctx.textOf(r.amount.quantity.span)}\` is a mass fraction: give the solvent as a mass or a volume (\`in 9 g DMAc\`, \`in 10 mL DMAc\`), or the total mass of the solution (\`10 g of ${ctx.textOf(r.amount.quantity.span)} ${r.amount.species.text}\`)`, r.amount.quantity.span);
    }
    return;
  }
  const ws = shared.map(fractionOf);
  const result = massesFromFractions(ws, restKg);
  if ('error' in result) return fractionsTooLarge(ctx, shared, result.sum);
  shared.forEach((r, i) => {
    r.inputs.push(...restInputs);
    const sumText = ws.length > 1 ? ` − ${shared.map((s) => ctx.textOf(s.amount.quantity.span)).join(' − ')}` : ` − ${ctx.textOf(r.amount.quantity.span)}`;
    const rest = restParts.length > 1 || others.length > 0 ? `${restParts.join(' + ')} = ${mg(restKg)}` : restParts[0]!;
    setMass(r, result.massesKg[i]!, `rest of the solution ${rest}; total = ${mg(restKg)} / (100 %${sumText}) = ${mg(result.totalKg)}; ${ctx.textOf(r.amount.quantity.span)} of it = ${mg(result.massesKg[i]!)}`);
  });
}

function setMass(r: StepAmount, kg: number, derivation: string): void {
  r.derivedMassMg = kg * 1e6;
  r.derivation = derivation;
  if (r.species) r.mmol = (kg * 1e6) / r.species.molarMass;
}

/** kg of a solute given otherwise, for the rest of a solution by mass; undefined when unknown. */
function massOf(r: StepAmount): number | undefined {
  if (r.derivedMassMg !== undefined) return r.derivedMassMg / 1e6;
  const u = unitOf(r.amount.quantity);
  if (u && is(u, 'mass')) return toSI(r.amount.quantity.values[0]!.value, u);
  if (r.mmol !== undefined && r.species) return (r.mmol * r.species.molarMass) / 1e6;
  return undefined;
}

/** `10 g of …` as the total mass; a volume only for a library solution of that strength (Nafion 5 wt%, 0.874 g/mL). */
function totalMassOf(ctx: AnalysisContext, r: StepAmount): { kg: number; text: string } | undefined {
  const q = r.amount.solution!;
  r.inputs.push(q.values[0]!);
  const u = unitOf(q);
  const text = ctx.textOf(q.span);
  if (u && is(u, 'volume') && r.substance?.kind === 'material' && r.substance.entry.solution) {
    const sol = r.substance.entry.solution;
    const w = toSI(r.amount.quantity.values[0]!.value, unitOf(r.amount.quantity)!);
    if (Math.abs(w - sol.massFraction) < 1e-9) {
      const kg = toSI(q.values[0]!.value, u) * 1000 * sol.densityGPerML;
      return { kg, text: `${text} × ${sol.densityGPerML} g/mL = ${mg(kg)} of solution` };
    }
  }
  if (u && is(u, 'volume')) {
    ctx.report(ChemistryCodes.massFractionWithoutBasis, 'warning', `a mass fraction of ${text} of solution needs the solution's density, which is not known: give its mass instead, as in \`10 g of ${ctx.textOf(r.amount.quantity.span)} ${r.amount.species.text}\``, q.span);
    return undefined;
  }
  const kg = quantityInSI(ctx, q, 'mass');
  return kg === undefined ? undefined : { kg, text: `${text} of solution` };
}

function fractionsTooLarge(ctx: AnalysisContext, rs: StepAmount[], sum: number): void {
  const first = rs[0]!;
  ctx.report(ChemistryCodes.massFractionsTooLarge, 'error', `the mass fractions of this solution add up to ${formatNumber(sum * 100, { significant: 4 })} %, leaving nothing for the solvent; each is a share of the whole solution`, first.amount.quantity.span);
}

function materialWithoutMoles(ctx: AnalysisContext, r: StepAmount): void {
  const s = r.substance as Extract<Substance, { kind: 'material' }>;
  ctx.report(ChemistryCodes.materialNeedsFormula, 'error', `${s.name} is a material (${s.entry.description}) without a formula, so it has no moles: give it as a mass, such as \`5 mg ${r.amount.species.text}\``, r.amount.quantity.span);
}

function volumeWithoutDensity(ctx: AnalysisContext, r: StepAmount, species: SpeciesInfo): void {
  const q = r.amount.quantity;
  const declared = species.kind === 'reagent' || species.kind === 'cluster';
  const liquid = libraryLiquidOf(species.composition);
  ctx.report(
    ChemistryCodes.volumeWithoutDensity,
    'warning',
    declared
      ? `a volume of ${species.name} cannot become moles without its density: add \`density … g/mL\` to \`reagent ${species.name}\`, or give the amount as a mass`
      : `a volume of ${species.name} cannot become moles without its density: declare \`reagent ${r.amount.species.text} = ${species.formulaText} density … g/mL\`, or give the amount as a mass`,
    q.span,
    {
      related: species.decl ? [{ message: `${species.name} is declared here`, span: species.decl.span }] : undefined,
      // Only a density the library knows for the same compound: a guessed one would be wrong data, and a placeholder would not parse.
      fixes: liquid?.density !== undefined && species.decl?.formula && species.kind === 'reagent'
        ? [{ title: `Add the density of ${liquid.name}, ${formatExact(liquid.density)} g/mL (species library)`, edits: [{ span: { start: species.decl.formula.span.end, end: species.decl.formula.span.end }, newText: ` density ${formatExact(liquid.density)} g/mL` }] }]
        : undefined,
    },
  );
}
