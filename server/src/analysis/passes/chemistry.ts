// Chemistry pass: molar masses of declared species, amounts and equivalents
// of every reagent line, theoretical yields with the limiting element, and
// the balance of reactions (with the electrons per product for FE).
import type { ReactionDecl, SynthesisBlock, Word } from '../../syntax/ast';
import type { AnalysisContext } from '../context';
import { declaredSpecies, formulaOf, resolveSpecies, resolveSubstance, type SpeciesInfo } from '../species-resolver';
import { stepAmounts, type StepAmount, type StepSolvent } from '../step-amounts';
import { checkedQuantity } from '../quantities';
import { ChemistryCodes } from '../../chemistry/codes';
import { declareLigandFixes, unknownGroupAt } from '../unknown-ligand';
import { theoreticalYield, type Supply } from '../../chemistry/stoichiometry';
import { balance, checkBalance, formatReaction, type Species } from '../../chemistry/reaction-balance';
import { hillFormula, type Composition } from '../../chemistry/formula';
import { CLUSTER_METALS } from '../../data/atomic-weights';
import { formatExact, formatNumber, significantFromInputs, type NumberFormat } from '../../units/format';

// Amounts and yields keep the figures of what was weighed or measured, four at
// least (a guard digit over a balance's three); ratios such as equivalents three.
export const AMOUNT_FIGURES = { floor: 4, ceiling: 6 };
export const RATIO_FIGURES = { floor: 3, ceiling: 6 };
const mmolLabel = (x: number, format: NumberFormat) => `${formatNumber(x, format)} mmol`;

function declarationsPass(ctx: AnalysisContext): void {
  for (const decl of ctx.symbols.decls) {
    const node = decl.node;
    if (node.kind !== 'ligand' && node.kind !== 'reagent' && node.kind !== 'cluster') continue;
    if (!node.formula) {
      if (!decl.file) ctx.report(ChemistryCodes.badFormula, 'error', `\`${decl.name}\` needs a formula after \`=\``, node.name.span);
      continue;
    }
    const parsed = formulaOf(ctx, node.formula.text);
    if ('error' in parsed) {
      if (decl.file) continue;
      const at = node.formula.span.start + parsed.error.offset;
      const group = unknownGroupAt(node.formula.text, parsed.error.offset);
      if (group && !ctx.symbols.lookup(group.name, ['ligand'])) {
        const start = node.formula.span.start + group.offset;
        ctx.report(ChemistryCodes.unknownLigand, 'error', `\`${group.name}\` in \`${node.formula.text}\` is not an element, a declared ligand or a known group; declare it with \`ligand ${group.name} = …\` (the formula of the bound ligand)`, { start, end: start + group.name.length }, {
          fixes: declareLigandFixes(ctx, group.name, node.span.start, { start, end: start + group.name.length }),
        });
        continue;
      }
      ctx.report(ChemistryCodes.badFormula, 'error', `cannot read the formula \`${node.formula.text}\`: ${parsed.error.message}`, { start: at, end: at + Math.max(1, parsed.error.length) });
      continue;
    }
    if (!decl.file) useAbbreviations(ctx, node.formula, parsed.formula.abbreviations);
    const info = declaredSpecies(ctx, decl.name);
    if (!info) continue;
    ctx.facts.molarMass.set(decl.name, info.molarMass);
    if (decl.file) continue;
    const hill = hillFormula(info.composition);
    ctx.value({
      kind: 'molarMass',
      subject: decl.name,
      value: info.molarMass,
      unit: 'g/mol',
      span: node.formula.span,
      label: `${formatNumber(info.molarMass, { decimals: 2 })} g/mol`,
      detail: `${hill} · M = ${formatNumber(info.molarMass, { decimals: 3 })} g/mol (CIAAW 2021 standard atomic weights)${info.density ? ` · density ${formatExact(info.density)} g/mL` : ''}`,
    });
  }
}

/** Registers each declared ligand written inside a formula, for rename and unused checks. */
function useAbbreviations(ctx: AnalysisContext, formula: Word, used: string[]): void {
  for (const abbreviation of used) {
    if (!ctx.symbols.lookup(abbreviation, ['ligand'])) continue;
    const pattern = new RegExp(`(?<![A-Za-z])${abbreviation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z])`, 'g');
    for (const m of formula.text.matchAll(pattern)) {
      const start = formula.span.start + m.index!;
      ctx.symbols.use(abbreviation, ['ligand'], { start, end: start + abbreviation.length });
    }
  }
}

function isMetalPrecursor(info: SpeciesInfo | undefined, product: string | undefined): boolean {
  if (!info || info.name === product) return false;
  if (info.libraryKind === 'metal-precursor') return true;
  return [...info.composition.keys()].some((el) => CLUSTER_METALS.has(el));
}

function synthesisPass(ctx: AnalysisContext, synthesis: SynthesisBlock): void {
  const name = synthesis.name?.text ?? 'synthesis';
  const productName = synthesis.product?.name?.text;
  const reagents: StepAmount[] = [];
  const supplies: Supply[] = [];
  for (const step of synthesis.steps) {
    const solvents: StepSolvent[] = [];
    for (const solvent of step.solvents) {
      const info = resolveSpecies(ctx, solvent.species);
      if (info) supplies.push({ name: info.name, composition: info.composition, excess: true });
      solvents.push({ amount: solvent, info });
    }
    for (const w of step.solventNames) {
      const info = resolveSpecies(ctx, w);
      if (info) supplies.push({ name: info.name, composition: info.composition, excess: true });
    }
    for (const r of stepAmounts(ctx, step, solvents, (a) => resolveSubstance(ctx, a.species))) {
      reagents.push(r);
      if (r.species) supplies.push({ name: r.species.name, composition: r.species.composition, mmol: r.mmol });
    }
  }

  // Equivalents count against the named basis, else the first metal precursor.
  let basis: StepAmount | undefined;
  if (synthesis.basis?.species) {
    const b = synthesis.basis.species.text;
    basis = reagents.find((r) => r.species?.name === b || r.amount.species.text === b);
    if (!basis) resolveSpecies(ctx, synthesis.basis.species);
  } else {
    basis = reagents.find((r) => isMetalPrecursor(r.species, productName));
  }
  const basisMmol = basis?.mmol;
  if (reagents.length > 0 && basisMmol === undefined) {
    const span = synthesis.basis?.span ?? synthesis.name?.span ?? synthesis.span;
    ctx.report(ChemistryCodes.noBasis, 'information', synthesis.basis
      ? `equivalents need the amount of the basis ${synthesis.basis.species?.text ?? ''}, and no reagent line gives it`
      : 'equivalents need a basis: add `basis NAME` with the species they count against, or a metal precursor with a known amount', span);
  }

  /** The numbers a reagent's amount was computed from, as written: the amount, a declared density, a solution's volume or mass. */
  const measured = (r: StepAmount) => [r.amount.quantity.values[0], r.species?.decl?.density?.values[0], ...r.inputs];
  for (const r of reagents) {
    if (r.derivedMassMg !== undefined && r.substance) massValue(ctx, name, r);
    if (r.mmol === undefined || !r.species) continue;
    const subject = `${name}/${r.species.name}`;
    const eq = basisMmol ? r.mmol / basisMmol : undefined;
    const concentration = r.solutionL ? r.mmol / 1000 / r.solutionL : undefined;
    const amountFormat = significantFromInputs(measured(r), AMOUNT_FIGURES);
    const eqFormat = significantFromInputs([...measured(r), ...(basis ? measured(basis) : [])], RATIO_FIGURES);
    const eqText = eq !== undefined ? ` · ${formatNumber(eq, eqFormat)} eq` : '';
    ctx.value({
      kind: 'amount',
      subject,
      value: r.mmol,
      unit: 'mmol',
      span: r.amount.span,
      label: mmolLabel(r.mmol, amountFormat),
      detail: [
        `**${r.species.name}** ${r.species.formulaText} · M = ${formatNumber(r.species.molarMass, { decimals: 3 })} g/mol`,
        r.derivation ?? `${ctx.textOf(r.amount.quantity.span)} → ${mmolLabel(r.mmol, amountFormat)}${r.species.density ? ` (density ${formatExact(r.species.density)} g/mL)` : ''}`,
        eq !== undefined ? `${formatNumber(eq, eqFormat)} eq against ${basis!.species!.name} (${mmolLabel(basisMmol!, significantFromInputs(measured(basis!), AMOUNT_FIGURES))})` : 'no basis for equivalents',
        concentration !== undefined ? `in solution: ${formatNumber(concentration, significantFromInputs(measured(r), RATIO_FIGURES))} M` : '',
        `Source: ${r.species.source}`,
      ].filter(Boolean).join('  \n'),
      hint: { text: `= ${mmolLabel(r.mmol, amountFormat)}${eqText}`, category: 'amounts' },
    });
    if (eq !== undefined) ctx.value({ kind: 'equivalents', subject, value: eq, unit: '', span: r.amount.span, label: `${formatNumber(eq, eqFormat)} eq` });
  }

  // Theoretical yield against the product's formula.
  if (!synthesis.product?.name) return;
  const product = resolveSpecies(ctx, synthesis.product.name, false);
  if (!product) {
    ctx.report(ChemistryCodes.unknownProduct, 'warning', `the product \`${productName}\` has no formula: declare it with \`cluster ${productName} = …\``, synthesis.product.name.span);
    return;
  }
  // An unknown reagent or an impossible amount already has an error; a yield without it would mislead.
  if (reagents.some((r) => !r.substance || !checkedQuantity(ctx, r.amount.quantity))) return;
  const result = theoreticalYield(product, supplies);
  for (const el of result.missingElements) {
    ctx.report(ChemistryCodes.missingElement, 'warning', `the product ${productName} contains ${el}, but no reagent or solvent of this synthesis supplies ${el}`, synthesis.product.name.span);
  }
  if (result.yieldMg !== undefined && result.missingElements.length === 0) {
    const span = synthesis.product.span;
    const limiting = reagents.find((r) => r.species?.name === result.limitingReagent);
    const yieldFormat = significantFromInputs(limiting ? measured(limiting) : [], AMOUNT_FIGURES);
    ctx.value({
      kind: 'theoreticalYield',
      subject: name,
      value: result.yieldMg,
      unit: 'mg',
      span,
      label: `${formatNumber(result.yieldMg, yieldFormat)} mg`,
      detail: `Theoretical yield of ${productName} (${formatNumber(product.molarMass, { decimals: 2 })} g/mol): ${formatNumber(result.productMmol! * 1000, yieldFormat)} µmol, limited by ${result.limitingElement} from ${result.limitingReagent}.`,
      hint: { text: `max ${formatNumber(result.yieldMg, yieldFormat)} mg (${result.limitingElement}-limited)`, category: 'amounts' },
    });
    ctx.value({ kind: 'limiting', subject: name, value: result.limitingElement!, unit: '', span, label: `limited by ${result.limitingElement} (${result.limitingReagent})`, extra: { reagent: result.limitingReagent! } });
  }
}

/** The mass of a solute derived from a mass fraction or a concentration (`10 wt% PBI in 10 mL DMAc`). */
function massValue(ctx: AnalysisContext, synthesis: string, r: StepAmount): void {
  const substance = r.substance!;
  const label = `${formatNumber(r.derivedMassMg!, { significant: 4 })} mg`;
  ctx.value({
    kind: 'mass',
    subject: `${synthesis}/${substance.name}`,
    value: r.derivedMassMg!,
    unit: 'mg',
    span: r.amount.span,
    label,
    detail: [
      `**${substance.name}** ${substance.kind === 'material' ? `${substance.entry.description} (a material: masses, no moles)` : substance.formulaText}`,
      r.derivation ?? '',
      `Source: ${substance.source}`,
    ].filter(Boolean).join('  \n'),
    // Species with a formula show the mass in their amount hint instead.
    hint: substance.kind === 'material' ? { text: `= ${label}`, category: 'amounts' } : undefined,
  });
}

function speciesOfTerm(ctx: AnalysisContext, word: Word): Species | undefined {
  const parsed = formulaOf(ctx, word.text);
  if ('error' in parsed) {
    const at = word.span.start + parsed.error.offset;
    ctx.report(ChemistryCodes.badFormula, 'error', `cannot read \`${word.text}\`: ${parsed.error.message}`, { start: at, end: at + Math.max(1, parsed.error.length) });
    return undefined;
  }
  return { text: word.text, composition: parsed.formula.composition, charge: parsed.formula.charge };
}

const SPECTATORS = new Set(['H2O', 'OH-', 'H+', 'e-']);

function reactionPass(ctx: AnalysisContext, reaction: ReactionDecl): void {
  const terms = [...reaction.left, ...reaction.right];
  const species = terms.map((t) => speciesOfTerm(ctx, t.species));
  terms.forEach((t) => {
    const parsed = formulaOf(ctx, t.species.text);
    if ('formula' in parsed) useAbbreviations(ctx, t.species, parsed.formula.abbreviations);
  });
  if (species.some((s) => !s) || reaction.left.length === 0 || reaction.right.length === 0) return;
  const coef = (t: (typeof terms)[number]) => t.coefficient?.value ?? 1;
  const left = reaction.left.map((t, i) => ({ coefficient: coef(t), species: species[i]! }));
  const right = reaction.right.map((t, i) => ({ coefficient: coef(t), species: species[reaction.left.length + i]! }));
  const check = checkBalance(left, right);
  const name = reaction.name?.text ?? 'reaction';
  if (!check.balanced) {
    const what = check.differences.map((d) => `${d.what}: ${formatExact(d.left)} on the left, ${formatExact(d.right)} on the right`).join('; ');
    const solved = balance(species as Species[], reaction.left.length);
    const fixText = solved.kind === 'balanced' ? formatReaction(terms.map((t) => t.species.text), solved.coefficients, reaction.left.length) : undefined;
    ctx.report(
      ChemistryCodes.unbalancedReaction,
      'error',
      `reaction ${name} is not balanced (${what})${fixText ? `; balanced: \`${fixText}\`` : `; ${solved.kind === 'balanced' ? '' : solved.reason}`}`,
      reaction.equationSpan ?? reaction.span,
      { fixes: fixText && reaction.equationSpan ? [{ title: `Replace by the balanced reaction: ${fixText}`, edits: [{ span: reaction.equationSpan, newText: fixText }], preferred: true }] : undefined },
    );
    return;
  }
  // Electrons per molecule of the product the reaction is named after.
  const electrons = [...left, ...right].filter((t) => t.species.text === 'e-');
  const eCount = electrons.reduce((s, t) => s + t.coefficient, 0);
  if (eCount === 0) return;
  const product =
    right.find((t) => t.species.text === name || t.species.text.replace(/[+-]+$/, '') === name) ??
    right.find((t) => !SPECTATORS.has(t.species.text));
  if (!product) return;
  const n = eCount / product.coefficient;
  ctx.facts.electronsPerProduct.set(product.species.text, n);
  ctx.facts.reactionProducts.add(product.species.text);
  ctx.facts.electronsPerProduct.set(name, n);
  ctx.value({
    kind: 'electronsPerProduct',
    subject: name,
    value: n,
    unit: '',
    span: reaction.equationSpan ?? reaction.span,
    label: `n = ${formatNumber(n, { significant: 3 })} e⁻ per ${product.species.text}`,
    detail: `Balanced in elements and charge. ${formatExact(eCount)} e⁻ for ${formatExact(product.coefficient)} ${product.species.text}: n = ${formatNumber(n, { significant: 3 })}, used for faradaic efficiencies.`,
  });
}

export function chemistryPass(ctx: AnalysisContext): void {
  declarationsPass(ctx);
  for (const node of ctx.document.statements) {
    ctx.stopIfCancelled();
    if (node.kind === 'synthesis') ctx.unit(node, 'chemistry', () => synthesisPass(ctx, node));
    else if (node.kind === 'reaction') ctx.unit(node, 'chemistry', () => reactionPass(ctx, node));
  }
}

export type { Composition };
