// The equilibrium potential of a half-reaction, vs RHE, computed from the
// standard Gibbs energies of formation of its species:
//
//   written as a reduction  Ox + m H+ + n e- -> Red + h OH-  (water anywhere),
//   E°(SHE) = −ΔrG°/(nF), at unit activities (pH 0 for H+, pH = pKw for OH-);
//   E(SHE, pH) = E° − (s/n)·[m·pH + h·(pH − pKw)],  s = ln10·RT/F;
//   E(RHE) = E(SHE) + s·pH.
//
// When m + h = n (one proton or hydroxide per electron: OER, HER, ORR, CO2 to
// CO, CH4, C2H4) E(RHE) does not depend on the pH; otherwise it does, and the
// pH of the electrolyte is needed. pKw comes from the same table, so the acid
// and alkaline writings of one couple give one potential. Gases at 1 bar,
// solutes at unit activity, 298.15 K.
import { formationEnergy, type FormationEnergy } from '../data/gibbs-formation';
import { FARADAY, GAS_CONSTANT } from '../data/constants';

const T0 = 298.15;
/** ln10·RT/F at 298.15 K, V per pH unit. */
export const STANDARD_NERNST_SLOPE = (Math.LN10 * GAS_CONSTANT * T0) / FARADAY;

export interface ReactionSide {
  coefficient: number;
  /** The species as written, for messages. */
  text: string;
  hill: string;
  charge: number;
}

export type EquilibriumPotential =
  | {
      /** V vs RHE at the pH given (or at any pH when `pHDependent` is false). */
      vsRHE: number;
      /** E° vs SHE of the reduction as computed. */
      standardVsSHE: number;
      electrons: number;
      /** Net protons consumed and hydroxides produced by the reduction. */
      protons: number;
      hydroxides: number;
      pHDependent: boolean;
      /** The species and their ΔfG°, for hovers. */
      terms: { text: string; entry: FormationEnergy; coefficient: number }[];
    }
  | { missing: string[] }
  | { error: string };

const isElectron = (s: ReactionSide) => s.hill === '' && s.charge === -1;
const isProton = (s: ReactionSide) => s.hill === 'H' && s.charge === 1;
const isHydroxide = (s: ReactionSide) => s.hill === 'HO' && s.charge === -1;

const PKW = (() => {
  const water = formationEnergy('H2O', 0)!;
  const hydroxide = formationEnergy('HO', -1)!;
  return ((hydroxide.kJPerMol - water.kJPerMol) * 1000) / (Math.LN10 * GAS_CONSTANT * T0);
})();

/** The equilibrium potential of `left -> right` at `pH` (needed only when the couple's RHE potential moves with pH). */
export function equilibriumPotential(left: ReactionSide[], right: ReactionSide[], pH: number | undefined): EquilibriumPotential {
  const electronsLeft = left.filter(isElectron).reduce((n, s) => n + s.coefficient, 0);
  const electronsRight = right.filter(isElectron).reduce((n, s) => n + s.coefficient, 0);
  if ((electronsLeft > 0) === (electronsRight > 0)) return { error: 'a half-reaction has electrons on one side only' };
  // The reduction: electrons on the left.
  const [ox, red] = electronsLeft > 0 ? [left, right] : [right, left];
  const n = Math.max(electronsLeft, electronsRight);
  const missing: string[] = [];
  const terms: { text: string; entry: FormationEnergy; coefficient: number }[] = [];
  let deltaG = 0;
  for (const [side, sign] of [[ox, -1], [red, 1]] as const) {
    for (const s of side) {
      if (isElectron(s)) continue;
      const entry = formationEnergy(s.hill, s.charge);
      if (!entry) {
        missing.push(s.text);
        continue;
      }
      terms.push({ text: s.text, entry, coefficient: s.coefficient });
      deltaG += sign * s.coefficient * entry.kJPerMol * 1000;
    }
  }
  if (missing.length > 0) return { missing };
  const count = (side: ReactionSide[], test: (s: ReactionSide) => boolean) => side.filter(test).reduce((c, s) => c + s.coefficient, 0);
  const m = count(ox, isProton) - count(red, isProton);
  const h = count(red, isHydroxide) - count(ox, isHydroxide);
  const standard = -deltaG / (n * FARADAY);
  const s = STANDARD_NERNST_SLOPE;
  const pHDependent = Math.abs(m + h - n) > 1e-9;
  if (pHDependent && pH === undefined) return { error: 'the equilibrium potential of this couple vs RHE depends on the pH, which is unknown' };
  const at = pHDependent ? pH! : 0;
  const vsRHE = standard - (s / n) * (m * at + h * (at - PKW)) + s * at;
  return { vsRHE, standardVsSHE: standard, electrons: n, protons: m, hydroxides: h, pHDependent, terms };
}
