// The amount of each reagent of one synthesis step: masses, volumes (through a
// density) and amounts of substance as written, concentrations times the volume
// of their solution, and mass fractions of the solution's mass. Reports what is
// missing where it is missing; a number is never guessed.
import type { Amount, NumberLit, Quantity, Step } from '../syntax/ast';
import type { AnalysisContext } from './context';
import type { SpeciesInfo, Substance } from './species-resolver';
import { checkedQuantity } from './quantities';
import { ChemistryCodes } from '../chemistry/codes';
import { massesFromFractions, massesInTotal, massFromConcentration, molesFromConcentration } from '../chemistry/solution-amounts';
import { isMassFractionUnit } from '../units/parse-unit';
import { kindMismatch } from '../units/convert';
import { UnitCodes } from '../units/codes';
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

/** The SI value of a quantity that is of `kind` (checked by the quantities pass); undefined otherwise. */
function si(ctx: AnalysisContext, q: Quantity, kind: 'mass' | 'volume'): number | undefined {
  const c = checkedQuantity(ctx, q);
  return c?.kind === kind ? c.si[0] : undefined;
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
      const v = si(this.ctx, s.amount.quantity, 'volume');
      if (v === undefined) return undefined;
      m3 += v;
    }
    return { m3, text: this.solvents.map((s) => this.ctx.textOf(s.amount.span)).join(' + '), inputs: this.solvents.map((s) => s.amount.quantity.values[0]!) };
  }

  /** kg of solvent, when every solvent is a mass or a volume with a density; reports a missing density. */
  mass(): { kg: number; text: string; inputs: NumberLit[] } | undefined {
    if (this.solvents.length === 0 || this.step.solventNames.length > 0) return undefined;
    let kg = 0;
    const parts: string[] = [];
    for (const s of this.solvents) {
      const c = checkedQuantity(this.ctx, s.amount.quantity);
      if (!c) return undefined;
      const written = this.ctx.textOf(s.amount.span);
      if (c.kind === 'mass') {
        kg += c.si[0]!;
        parts.push(written);
      } else if (c.kind === 'volume') {
        if (s.info?.density === undefined) {
          if (s.info) {
            this.ctx.report(ChemistryCodes.volumeWithoutDensity, 'warning', `a volume of ${s.info.name} cannot become the mass a mass fraction needs without its density: give the solvent as a mass, or declare \`reagent ${s.amount.species.text} = ${s.info.formulaText} density … g/mL\``, s.amount.quantity.span);
          }
          return undefined;
        }
        const sKg = c.si[0]! * 1000 * s.info.density; // m³ → L, × g/mL = kg
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
    // A quantity with an error (reported by the quantities pass) gives no amount, and is no fraction of the rest.
    if (!checkedQuantity(ctx, r.amount.quantity)) continue;
    if (u && isMassFractionUnit(u.text)) fractions.push(r);
    else writtenAmount(ctx, r, medium);
  }
  if (fractions.length > 0) fractionAmounts(ctx, fractions, out.filter((r) => !fractions.includes(r)), medium);
  const volume = medium.volume();
  if (volume && step.amounts.length === 1 && out[0]) out[0].solutionL ??= volume.m3 * 1000;
  return out;
}

/** mass, volume, amount of substance or concentration, as written (kind and value checked by the quantities pass). */
function writtenAmount(ctx: AnalysisContext, r: StepAmount, medium: StepMedium): void {
  const q = r.amount.quantity;
  const c = checkedQuantity(ctx, q);
  if (!c) return;
  const value = c.si[0]!;
  const s = r.substance;
  const name = s?.name ?? r.amount.species.text;
  switch (c.kind) {
    case 'amount':
      if (s?.kind === 'material') return materialWithoutMoles(ctx, r);
      r.mmol = value * 1000;
      return;
    case 'mass':
      if (r.species) r.mmol = (value * 1e6) / r.species.molarMass;
      return;
    case 'volume': {
      if (s?.kind === 'material') {
        const solution = s.entry.solution;
        if (!solution) {
          ctx.report(ChemistryCodes.volumeWithoutDensity, 'warning', `a volume of ${s.name} cannot become a mass without its density: give the amount as a mass`, q.span);
          return;
        }
        const kg = value * 1000 * solution.densityGPerML * solution.massFraction;
        r.derivedMassMg = kg * 1e6;
        r.derivation = `${ctx.textOf(q.span)} of the ${formatNumber(solution.massFraction * 100, { significant: 3 })} wt% solution × ${solution.densityGPerML} g/mL × ${formatNumber(solution.massFraction * 100, { significant: 3 })} % = ${mg(kg)} ${s.name}`;
        return;
      }
      if (!r.species) return;
      if (r.species.density === undefined) return volumeWithoutDensity(ctx, r, r.species);
      const grams = value * 1e6 * r.species.density;
      r.mmol = (grams * 1000) / r.species.molarMass;
      return;
    }
    case 'molarConcentration':
    case 'massConcentration': {
      const molar = c.kind === 'molarConcentration';
      if (molar && s?.kind === 'material') return materialWithoutMoles(ctx, r);
      const volume = solutionVolume(ctx, r.amount, medium);
      if (!volume) {
        ctx.report(ChemistryCodes.concentrationWithoutVolume, 'warning', `\`${ctx.textOf(q.span)}\` is a concentration: give the volume of the solution, as the solvent of the step (\`in 10 mL ethanol\`) or with the amount (\`10 mL of ${ctx.textOf(q.span)} ${r.amount.species.text}\`)`, q.span);
        return;
      }
      r.solutionL = volume.m3 * 1000;
      r.inputs.push(...volume.inputs);
      if (molar) {
        const mol = molesFromConcentration(value, volume.m3);
        r.mmol = mol * 1000;
        r.derivation = `${ctx.textOf(q.span)} × ${volume.text} = ${mmolText(mol)}`;
      } else {
        const kg = massFromConcentration(value, volume.m3);
        r.derivedMassMg = kg * 1e6;
        if (r.species) r.mmol = (kg * 1e6) / r.species.molarMass;
        r.derivation = `${ctx.textOf(q.span)} × ${volume.text} = ${mg(kg)}`;
      }
      return;
    }
    case 'fraction': {
      // `wt%` was read as a mass fraction before; a bare `%` does not say of what.
      const number = q.values[0]!.text;
      ctx.report(ChemistryCodes.percentNotMassFraction, 'error', `\`${ctx.textOf(q.span)}\` does not say a fraction of what: write \`${number} wt%\` for a mass fraction of ${name}`, q.span, {
        fixes: [{ title: `Change to \`${number} wt%\``, edits: [{ span: q.unit!.span, newText: 'wt%' }], preferred: true }],
      });
      return;
    }
  }
}

/** The volume a concentration multiplies: the one written with the amount, else the solvent volume of the step. */
function solutionVolume(ctx: AnalysisContext, amount: Amount, medium: StepMedium): { m3: number; text: string; inputs: NumberLit[] } | undefined {
  if (amount.solution) {
    const c = checkedQuantity(ctx, amount.solution);
    if (c && c.kind !== 'volume') {
      ctx.report(UnitCodes.wrongDimension, 'error', kindMismatch(c.unit!, 'solution of a concentration', ['volume'], ctx.textOf(amount.solution.span))!, amount.solution.span);
    }
    return c?.kind !== 'volume' ? undefined : { m3: c.si[0]!, text: ctx.textOf(amount.solution.span), inputs: [amount.solution.values[0]!] };
  }
  const v = medium.volume();
  return v ? { ...v, text: `${v.text} (the solvent of the step)` } : undefined;
}

/** `10 wt% PBI`: shares of the solution's mass, from its total mass or from the rest of it. */
function fractionAmounts(ctx: AnalysisContext, fractions: StepAmount[], others: StepAmount[], medium: StepMedium): void {
  const fractionOf = (r: StepAmount) => checkedQuantity(ctx, r.amount.quantity)!.si[0]!;
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
    const kg = massOf(ctx, o);
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
function massOf(ctx: AnalysisContext, r: StepAmount): number | undefined {
  if (r.derivedMassMg !== undefined) return r.derivedMassMg / 1e6;
  const kg = si(ctx, r.amount.quantity, 'mass');
  if (kg !== undefined) return kg;
  if (r.mmol !== undefined && r.species) return (r.mmol * r.species.molarMass) / 1e6;
  return undefined;
}

/** `10 g of …` as the total mass; a volume only for a library solution of that strength (Nafion 5 wt%, 0.874 g/mL). */
function totalMassOf(ctx: AnalysisContext, r: StepAmount): { kg: number; text: string } | undefined {
  const q = r.amount.solution!;
  r.inputs.push(q.values[0]!);
  const c = checkedQuantity(ctx, q);
  if (!c) return undefined;
  const text = ctx.textOf(q.span);
  if (c.kind === 'volume' && r.substance?.kind === 'material' && r.substance.entry.solution) {
    const sol = r.substance.entry.solution;
    const w = checkedQuantity(ctx, r.amount.quantity)!.si[0]!;
    if (Math.abs(w - sol.massFraction) < 1e-9) {
      const kg = c.si[0]! * 1000 * sol.densityGPerML;
      return { kg, text: `${text} × ${sol.densityGPerML} g/mL = ${mg(kg)} of solution` };
    }
  }
  if (c.kind === 'volume') {
    ctx.report(ChemistryCodes.massFractionWithoutBasis, 'warning', `a mass fraction of ${text} of solution needs the solution's density, which is not known: give its mass instead, as in \`10 g of ${ctx.textOf(r.amount.quantity.span)} ${r.amount.species.text}\``, q.span);
    return undefined;
  }
  return { kg: c.si[0]!, text: `${text} of solution` };
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
