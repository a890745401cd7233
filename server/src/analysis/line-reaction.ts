// The reaction a technique line's figures of merit refer to, and its
// equilibrium potential vs RHE: named on the line (`reaction O2`), else the
// protocol's only reaction; the potential as stated on the line
// (`equilibrium 1.23 V vs RHE`), else computed from the reaction's species.
import type { ReactionDecl, Span, TechniqueLine } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { ElectrochemCodes } from '../electrochem/codes';
import { equilibriumPotential, type ReactionSide } from '../electrochem/equilibrium-potential';
import { GIBBS_FORMATION_SOURCE } from '../data/gibbs-formation';
import { formulaOf } from './species-resolver';
import { hillFormula } from '../chemistry/formula';
import { onRHE } from './merit-quantities';
import { closestNames } from '../text/closest-names';
import { formatExact, formatNumber } from '../units/format';

export interface LineReaction {
  name: string;
  decl: ReactionDecl;
  /** Electrons per molecule of the product it is named after (chemistry pass). */
  electrons?: number;
}

export interface Equilibrium {
  /** V vs RHE. */
  vsRHE: number;
  /** How it was obtained, for hovers. */
  how: string;
}

/** The line's reaction; when `report`, says why there is none (`needed`: what asks for it). */
export function lineReaction(ctx: AnalysisContext, t: TechniqueLine, needed: string, at: Span, report = true): LineReaction | undefined {
  const reactions = ctx.symbols.decls.filter((d) => d.kind === 'reaction');
  if (t.reaction) {
    const use = ctx.symbols.use(t.reaction.text, ['reaction'], t.reaction.span);
    if (!use.resolved || use.resolved.node.kind !== 'reaction') {
      const suggestions = closestNames(t.reaction.text, reactions.map((r) => r.name));
      ctx.report(ElectrochemCodes.unknownReaction, 'error', `\`${t.reaction.text}\` is not a declared reaction${suggestions.length ? ` (did you mean \`${suggestions[0]}\`?)` : ''}; a reaction is named by the word before its \`:\`, as in \`reaction O2 : 4 OH- -> O2 + 2 H2O + 4 e-\``, t.reaction.span, {
        fixes: suggestions.map((s, i) => ({ title: `Change to \`${s}\``, edits: [{ span: t.reaction!.span, newText: s }], preferred: i === 0 })),
      });
      return undefined;
    }
    return reactionOf(ctx, use.resolved.node);
  }
  const distinct = [...new Map(reactions.map((r) => [r.name, r])).values()];
  if (distinct.length === 1 && distinct[0]!.node.kind === 'reaction') return reactionOf(ctx, distinct[0]!.node);
  if (!report) return undefined;
  ctx.report(ElectrochemCodes.noReactionForMerit, 'warning', distinct.length === 0
    ? `${needed} refers to a reaction, and the protocol declares none: add one, as in \`reaction O2 : 4 OH- -> O2 + 2 H2O + 4 e-\`, and \`reaction O2\` to this line`
    : `${needed} refers to a reaction, and the protocol declares ${distinct.length} (${distinct.map((r) => r.name).join(', ')}): name one on this line, as in \`reaction ${distinct[0]!.name}\``, at);
  return undefined;
}

function reactionOf(ctx: AnalysisContext, decl: ReactionDecl): LineReaction {
  const name = decl.name?.text ?? 'reaction';
  return { name, decl, electrons: ctx.facts.electronsPerProduct.get(name) };
}

/** The equilibrium potential vs RHE of the line's reaction, or as stated; undefined (with a diagnostic at `at` when `report`). */
export function lineEquilibrium(ctx: AnalysisContext, t: TechniqueLine, reaction: LineReaction | undefined, pH: number | undefined, at: Span, report = true): Equilibrium | undefined {
  if (t.equilibrium) {
    const r = onRHE(ctx, t.equilibrium, 0, pH);
    if ('error' in r) {
      ctx.report(ElectrochemCodes.noEquilibriumPotential, 'warning', `the stated equilibrium potential cannot be put on the RHE scale: ${r.error}`, t.equilibrium.span);
      return undefined;
    }
    return { vsRHE: r.value, how: `stated: ${ctx.textOf(t.equilibrium.span)}${t.equilibrium.scale?.text === 'RHE' ? '' : ` = ${formatNumber(r.value, { decimals: 3 })} V vs RHE`}` };
  }
  if (!reaction) return undefined;
  const side = (terms: ReactionDecl['left']): ReactionSide[] | undefined => {
    const out: ReactionSide[] = [];
    for (const term of terms) {
      const parsed = formulaOf(ctx, term.species.text);
      if (!('formula' in parsed)) return undefined;
      out.push({ coefficient: term.coefficient?.value ?? 1, text: term.species.text, hill: hillFormula(parsed.formula.composition), charge: parsed.formula.charge });
    }
    return out;
  };
  const left = side(reaction.decl.left);
  const right = side(reaction.decl.right);
  if (!left || !right) return undefined; // the chemistry pass said why
  const eq = equilibriumPotential(left, right, pH);
  const stateIt = `state it on the line, as in \`equilibrium 1.23 V vs RHE\``;
  if (!report && !('vsRHE' in eq)) return undefined;
  if ('missing' in eq) {
    ctx.report(ElectrochemCodes.noEquilibriumPotential, 'warning', `the equilibrium potential of reaction ${reaction.name} is not computed: ${eq.missing.join(', ')} ${eq.missing.length === 1 ? 'has' : 'have'} no standard Gibbs energy of formation in Faraday's table; ${stateIt}`, at);
    return undefined;
  }
  if ('error' in eq) {
    ctx.report(ElectrochemCodes.noEquilibriumPotential, 'warning', `the equilibrium potential of reaction ${reaction.name} is not computed: ${eq.error}; add \`pH … measured\` to the electrolyte or ${stateIt}`, at);
    return undefined;
  }
  const terms = eq.terms.map((x) => `${x.entry.name}(${x.entry.state}) ${formatExact(x.entry.kJPerMol)}`).join(', ');
  const pHNote = eq.pHDependent ? `; ${formatExact(eq.protons + eq.hydroxides)} H⁺/OH⁻ for ${formatExact(eq.electrons)} e⁻, so vs RHE it moves with the pH: at pH ${formatNumber(pH!, { decimals: 2 })}` : '';
  return {
    vsRHE: eq.vsRHE,
    how: `computed from reaction ${reaction.name}: E° = −ΔrG°/(${formatExact(eq.electrons)}F) = ${formatNumber(eq.standardVsSHE, { decimals: 3 })} V vs SHE for the reduction, ${formatNumber(eq.vsRHE, { decimals: 3 })} V vs RHE${pHNote} (ΔfG° in kJ/mol: ${terms}; ${GIBBS_FORMATION_SOURCE})`,
  };
}
