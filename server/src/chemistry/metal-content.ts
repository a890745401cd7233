// The mass fraction of metals in a formula: what a metal loading (µg of metal
// per cm²) multiplies the catalyst loading by. RuO2: 101.07 / 133.068 = 0.7595.
import { ELEMENTS, METALS } from '../data/atomic-weights';
import type { Composition } from './formula';

export interface MetalFraction {
  /** Mass fraction of all metals together. */
  fraction: number;
  /** Each metal, in the order of the formula. */
  elements: { element: string; fraction: number }[];
}

/** Undefined when the formula has no metal (carbon, an organic polymer). */
export function metalMassFraction(composition: Composition): MetalFraction | undefined {
  let total = 0;
  for (const [el, n] of composition) total += ELEMENTS.get(el)!.weight * n;
  const elements = [...composition]
    .filter(([el]) => METALS.has(el))
    .map(([element, n]) => ({ element, fraction: (ELEMENTS.get(element)!.weight * n) / total }));
  if (elements.length === 0 || total === 0) return undefined;
  return { fraction: elements.reduce((s, e) => s + e.fraction, 0), elements };
}
