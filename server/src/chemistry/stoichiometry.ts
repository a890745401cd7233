// Which element limits a synthesis, and how much product it allows.
import type { Composition } from './formula';

export interface Supply {
  name: string;
  composition: Composition;
  /** Amount in mmol; undefined when it could not be computed. */
  mmol?: number;
  /** Solvents and other excess media: they supply elements but never limit. */
  excess?: boolean;
}

export interface YieldResult {
  limitingElement?: string;
  limitingReagent?: string;
  productMmol?: number;
  yieldMg?: number;
  /** Elements of the product that no supply provides. */
  missingElements: string[];
  /** Per element: product mmol it allows (known amounts only). */
  perElement: { element: string; allowsMmol: number; suppliers: string[] }[];
}

export function theoreticalYield(product: { composition: Composition; molarMass: number }, supplies: Supply[]): YieldResult {
  const missingElements: string[] = [];
  const perElement: YieldResult['perElement'] = [];
  for (const [element, count] of product.composition) {
    const suppliers = supplies.filter((s) => (s.composition.get(element) ?? 0) > 0);
    if (suppliers.length === 0) {
      missingElements.push(element);
      continue;
    }
    // Elements any excess medium provides are never limiting; neither are those with an unknown supplier amount.
    if (suppliers.some((s) => s.excess || s.mmol === undefined)) continue;
    const total = suppliers.reduce((sum, s) => sum + s.composition.get(element)! * s.mmol!, 0);
    perElement.push({ element, allowsMmol: total / count, suppliers: suppliers.map((s) => s.name) });
  }
  perElement.sort((a, b) => a.allowsMmol - b.allowsMmol);
  const limit = perElement[0];
  if (!limit) return { missingElements, perElement };
  const limitingReagent = limit.suppliers
    .map((n) => supplies.find((s) => s.name === n)!)
    .sort((a, b) => b.composition.get(limit.element)! * b.mmol! - a.composition.get(limit.element)! * a.mmol!)[0]!.name;
  return {
    limitingElement: limit.element,
    limitingReagent,
    productMmol: limit.allowsMmol,
    yieldMg: limit.allowsMmol * product.molarMass,
    missingElements,
    perElement,
  };
}
