// The basis of a concentration is part of its name: `NH3-N` is milligrams of
// nitrogen per litre, `NH3` milligrams of ammonia, `NH4+` of ammonium. The
// same number gives different moles, so the name decides.
import { parseFormula, molarMass } from '../chemistry/formula';
import { ELEMENTS } from '../data/atomic-weights';
import { formatExact, formatNumber } from '../units/format';
import { BoundedMemo } from '../common/bounded-memo';

export interface AnalyteBasis {
  /** The product species the moles are of (`NH3`, `NO2-`, `N2H4`). */
  product: string;
  /** g per mol of product that one gram of the measured mass corresponds to. */
  gramsPerMolProduct: number;
  /** What one mole of the basis counts: `N` for `NH3-N`, the species itself for `NH3`. */
  entity: string;
  /** Molar mass of that entity. */
  gramsPerMolEntity: number;
  /** Moles of that entity per mole of product: the N atoms of the product on a nitrogen basis, else 1. */
  entitiesPerProduct: number;
  /** How it was read, for hovers. */
  explanation: string;
}

/** Nitrite is written NO2- as a species; `NO2-N` means nitrite nitrogen, not NO2 gas. */
const BASIS_PRODUCTS: Record<string, string> = { NH3: 'NH3', NH4: 'NH4+', 'NH4+': 'NH4+', NO2: 'NO2-', 'NO2-': 'NO2-', NO3: 'NO3-', 'NO3-': 'NO3-', N2H4: 'N2H4' };

export function analyteBasis(name: string): AnalyteBasis | { error: string } {
  const m = /^(.+?)-(N)$/.exec(name);
  if (m) {
    const product = BASIS_PRODUCTS[m[1]!] ?? m[1]!;
    const parsed = parseFormula(product);
    if ('error' in parsed) return { error: `cannot read the analyte \`${name}\`: ${parsed.error.message}` };
    const nitrogens = parsed.formula.composition.get('N') ?? 0;
    if (nitrogens === 0) return { error: `\`${name}\` is on a nitrogen basis, but ${product} has no nitrogen` };
    const n = ELEMENTS.get('N')!.weight;
    return { product, gramsPerMolProduct: n * nitrogens, entity: 'N', gramsPerMolEntity: n, entitiesPerProduct: nitrogens, explanation: `${name}: mass of nitrogen, ${formatExact(nitrogens)} N (${formatExact(n)} g/mol) per ${product}` };
  }
  if (/^(N|ammonia|nitrite|nitrate|hydrazine)$/i.test(name)) {
    return { error: `the basis of \`${name}\` is ambiguous: write \`NH3-N\` (mass of nitrogen) or \`NH3\` / \`NH4+\` (mass of the species)` };
  }
  const parsed = parseFormula(name);
  if ('error' in parsed) return { error: `cannot read the analyte \`${name}\`: ${parsed.error.message}` };
  const mm = molarMass(parsed.formula.composition);
  return { product: name, gramsPerMolProduct: mm, entity: name, gramsPerMolEntity: mm, entitiesPerProduct: 1, explanation: `${name}: mass of ${name} (${formatNumber(mm, { decimals: 3 })} g/mol)` };
}

/**
 * Two products are the same compound when they differ only by protons (NH3 and NH4+,
 * NO2- and HNO2): a mole of one is a mole of the other, so a calibration of one reads the other.
 */
export function sameCompound(a: string, b: string): boolean {
  if (a === b) return true;
  const key = compoundKey(a);
  return key !== undefined && key === compoundKey(b);
}

/**
 * What products of one compound share: every element but hydrogen with its count, and the
 * protons (hydrogens less the charge). Undefined for a name that is not a formula.
 */
export function compoundKey(product: string): string | undefined {
  return compoundKeys.get(product, compoundKeyOf);
}

/** A protocol names a handful of products, asked for by every calibration and plan of every analysis. */
const compoundKeys = new BoundedMemo<string, string | undefined>(1024);

function compoundKeyOf(product: string): string | undefined {
  const parsed = parseFormula(product);
  if ('error' in parsed) return undefined;
  const { composition, charge } = parsed.formula;
  const heavy = [...composition].filter(([el, n]) => el !== 'H' && n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${heavy.map(([el, n]) => `${el}${n}`).join(' ')}|${(composition.get('H') ?? 0) - charge}`;
}
