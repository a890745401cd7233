// O2 in the two electrolytes of rotating-disk ORR studies, at 25 °C under
// 1 atm O2, for Koutecký–Levich when the electrolyte states none of its own.
// SI: concentration mol/m³ (1.2e-6 mol/cm³ = 1.2 mol/m³), diffusivity and
// kinematic viscosity m²/s (1.9e-5 cm²/s = 1.9e-9 m²/s).
import { powerOfTen } from '../units/portable-power';

export interface OxygenTransport {
  /** The electrolyte these values are for: its only solute and molarity (mol/L). */
  solute: string;
  molar: number;
  label: string;
  concentration: number;
  diffusivity: number;
  viscosity: number;
  source: string;
}

/** Davis et al.: log10 S = log10(1.26e-3) − 0.1746·c(KOH), S and c in mol/L, 25 °C, 760 Torr O2. */
const davisSolubilityMolPerL = (koh: number) => 1.26e-3 * powerOfTen(-0.1746 * koh);

export const OXYGEN_TRANSPORT: OxygenTransport[] = [
  {
    solute: 'KOH', molar: 0.1, label: '0.1 M KOH',
    concentration: davisSolubilityMolPerL(0.1) * 1000,
    diffusivity: 1.9e-9,
    viscosity: 1.0e-6,
    source: 'C from R. E. Davis, G. L. Horvath, C. W. Tobias, Electrochim. Acta 12 (1967) 287 (log S = log 1.26×10⁻³ − 0.1746·c(KOH) at 25 °C, 1 atm O2: 1.21×10⁻⁶ mol/cm³ at 0.1 M); D = 1.9×10⁻⁵ cm²/s and ν = 0.01 cm²/s, the values commonly used for 0.1 M KOH',
  },
  {
    solute: 'HClO4', molar: 0.1, label: '0.1 M HClO4',
    concentration: 1.26,
    diffusivity: 1.93e-9,
    viscosity: 1.009e-6,
    source: 'the values commonly used for 0.1 M HClO4 at 25 °C in rotating-disk ORR studies (C = 1.26×10⁻⁶ mol/cm³, D = 1.93×10⁻⁵ cm²/s, ν = 1.009×10⁻² cm²/s), recalled from that literature and not checked against a primary measurement',
  },
];

/** Within 1 % of the tabulated molarity. */
export function oxygenTransportFor(components: Map<string, number>): OxygenTransport | undefined {
  if (components.size !== 1) return undefined;
  const [[solute, molar]] = [...components];
  return OXYGEN_TRANSPORT.find((t) => t.solute === solute && Math.abs(molar - t.molar) <= 0.01 * t.molar);
}
