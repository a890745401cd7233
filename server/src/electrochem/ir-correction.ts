// Correction of recorded potentials for the ohmic drop i·R between the
// reference electrode and the working electrode.
//
// `iR 85 % of 5 ohm` means: the potentials were recorded uncompensated, and
// Faraday corrects them afterwards by 85 % of i·R. `… by instrument` means the
// potentiostat compensated that fraction while recording, so the file holds
// already-compensated potentials and nothing more is subtracted;
// `iR 100 % of 5 ohm, 85 % by instrument` subtracts the rest (15 %).
//
//   E_corr = E − f·i·R    (f the fraction corrected afterwards; i signed as
//                          recorded, anodic positive: a cathodic current makes
//                          E_corr more positive than E, an anodic one more negative)
import { formatNumber } from '../units/format';

export interface IRCompensation {
  /** Fraction of i·R the protocol wants corrected in total (0…1). */
  totalFraction: number;
  /** Fraction the potentiostat compensated while recording (0…1). */
  instrumentFraction: number;
  /** Uncompensated resistance in Ω, stated or from impedance. */
  ohm?: number;
}

/** The fraction Faraday subtracts from recorded potentials: what the instrument left. */
export function postFraction(c: IRCompensation): number {
  return Math.max(0, c.totalFraction - c.instrumentFraction);
}

export function correctedPotential(e: number, currentA: number, fraction: number, ohm: number): number {
  return e - fraction * currentA * ohm;
}

/** Potentials of a recorded series after the correction. */
export function correctedSeries(potential: Float64Array, current: Float64Array, fraction: number, ohm: number): Float64Array {
  const out = new Float64Array(potential.length);
  for (let k = 0; k < potential.length; k++) out[k] = correctedPotential(potential[k]!, current[k] ?? 0, fraction, ohm);
  return out;
}

const pct = (f: number) => `${formatNumber(f * 100, { significant: 3, trim: true })} %`;

/** What a figure axis or a value's label says about the correction: `iR-corrected (85 %)`. */
export function compensationLabel(c: IRCompensation): string {
  if (c.instrumentFraction <= 0) return `iR-corrected (${pct(c.totalFraction)})`;
  if (postFraction(c) <= 0) return `iR-compensated by the instrument (${pct(c.instrumentFraction)})`;
  return `iR-corrected (${pct(c.totalFraction)}: ${pct(c.instrumentFraction)} by the instrument, ${pct(postFraction(c))} after)`;
}
