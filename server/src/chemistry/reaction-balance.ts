// Checks that a reaction conserves every element and the charge, and finds
// the balanced version: the smallest positive integer coefficients in the
// null space of the element-and-charge matrix, computed with exact fractions.
import type { Composition } from './formula';

export interface Species {
  text: string;
  composition: Composition;
  charge: number;
}

export interface ReactionSideTerm {
  coefficient: number;
  species: Species;
}

export interface BalanceCheck {
  balanced: boolean;
  /** Per element (and `charge`) the totals on each side, only where they differ. */
  differences: { what: string; left: number; right: number }[];
}

export function checkBalance(left: ReactionSideTerm[], right: ReactionSideTerm[]): BalanceCheck {
  const totals = new Map<string, { left: number; right: number }>();
  const tally = (terms: ReactionSideTerm[], side: 'left' | 'right') => {
    for (const t of terms) {
      for (const [el, n] of t.species.composition) {
        const e = totals.get(el) ?? { left: 0, right: 0 };
        e[side] += n * t.coefficient;
        totals.set(el, e);
      }
      const c = totals.get('charge') ?? { left: 0, right: 0 };
      c[side] += t.species.charge * t.coefficient;
      totals.set('charge', c);
    }
  };
  tally(left, 'left');
  tally(right, 'right');
  const differences = [...totals.entries()]
    .filter(([, v]) => Math.abs(v.left - v.right) > 1e-9)
    .map(([what, v]) => ({ what, left: v.left, right: v.right }))
    .sort((a, b) => (a.what === 'charge' ? 1 : b.what === 'charge' ? -1 : a.what.localeCompare(b.what)));
  return { balanced: differences.length === 0, differences };
}

// ── exact rationals ─────────────────────────────────────────────────────────
type Q = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);

export type BalanceResult =
  | { kind: 'balanced'; coefficients: number[] }
  | { kind: 'impossible'; reason: string }
  | { kind: 'ambiguous'; reason: string };

/**
 * Coefficients for `species` (reactants first, then `leftCount`..end products)
 * that conserve elements and charge: smallest positive integers.
 */
export function balance(species: Species[], leftCount: number): BalanceResult {
  const rows = [...new Set(species.flatMap((s) => [...s.composition.keys()]))];
  const matrix: Q[][] = rows.map((el) => species.map((s, j) => q(BigInt(Math.round((s.composition.get(el) ?? 0) * (j < leftCount ? 1 : -1))))));
  matrix.push(species.map((s, j) => q(BigInt(s.charge * (j < leftCount ? 1 : -1)))));
  // Reduced row echelon form.
  const cols = species.length;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < cols && r < matrix.length; c++) {
    const p = matrix.findIndex((row, i) => i >= r && row[c]!.n !== 0n);
    if (p < 0) continue;
    [matrix[r], matrix[p]] = [matrix[p]!, matrix[r]!];
    const pivot = matrix[r]![c]!;
    matrix[r] = matrix[r]!.map((x) => div(x, pivot));
    for (let i = 0; i < matrix.length; i++) {
      if (i === r || matrix[i]![c]!.n === 0n) continue;
      const factor = matrix[i]![c]!;
      matrix[i] = matrix[i]!.map((x, k) => sub(x, mul(factor, matrix[r]![k]!)));
    }
    pivots.push(c);
    r++;
  }
  const free = [...Array(cols).keys()].filter((c) => !pivots.includes(c));
  if (free.length === 0) return { kind: 'impossible', reason: 'no set of coefficients conserves every element and the charge' };
  if (free.length > 1) return { kind: 'ambiguous', reason: `the balance is not unique (${free.length} independent ways); split it into separate reactions` };
  const f = free[0]!;
  const solution: Q[] = Array(cols).fill(q(0n));
  solution[f] = q(1n);
  pivots.forEach((c, i) => (solution[c] = q(-matrix[i]![f]!.n, matrix[i]![f]!.d)));
  const lcm = solution.reduce((acc, x) => (acc * x.d) / gcd(acc, x.d), 1n);
  let ints = solution.map((x) => (x.n * lcm) / x.d);
  if (ints.every((x) => x <= 0n)) ints = ints.map((x) => -x);
  if (ints.some((x) => x <= 0n)) return { kind: 'impossible', reason: 'the only balance needs a species on the other side of the arrow' };
  const g = ints.reduce((a, b) => gcd(a, b));
  return { kind: 'balanced', coefficients: ints.map((x) => Number(x / g)) };
}

/** `NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O` */
export function formatReaction(texts: string[], coefficients: number[], leftCount: number): string {
  const side = (from: number, to: number) => texts.slice(from, to).map((t, i) => (coefficients[from + i] === 1 ? t : `${coefficients[from + i]} ${t}`)).join(' + ');
  return `${side(0, leftCount)} -> ${side(leftCount, texts.length)}`;
}
