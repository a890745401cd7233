// `solubility O2 1.2e-6 mol/cm3`, `diffusivity O2 1.9e-5 cm2/s`,
// `viscosity 0.01 cm2/s` of an electrolyte block, in SI (mol/m³, m²/s), for
// Koutecký–Levich.
import type { ElectrolyteBlock } from '../syntax/ast';
import type { AnalysisContext, ElectrolyteFacts } from './context';
import { siOf } from './quantities';

export function transportData(ctx: AnalysisContext, e: ElectrolyteBlock): Pick<ElectrolyteFacts, 'solubility' | 'diffusivity' | 'viscosity'> {
  const out: Pick<ElectrolyteFacts, 'solubility' | 'diffusivity' | 'viscosity'> = {};
  if (e.solubility) {
    const c = siOf(ctx, e.solubility.value);
    if (c !== undefined) out.solubility = { species: e.solubility.species.text, value: c };
  }
  if (e.diffusivity) {
    const d = siOf(ctx, e.diffusivity.value);
    if (d !== undefined) out.diffusivity = { species: e.diffusivity.species.text, value: d };
  }
  if (e.viscosity) {
    const v = siOf(ctx, e.viscosity);
    if (v !== undefined) out.viscosity = v;
  }
  return out;
}
