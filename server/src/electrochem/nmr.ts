// Quantitative ¹H NMR with an internal standard of known concentration in the
// tube: each proton gives the same signal, so
//   c_X = (I_X / I_std) × (N_std / N_X) × c_std
// with I the integrals and N the protons under each integrated peak.
import { NMR_COMPOUNDS, type NmrCompound, type NmrPeak } from '../data/nmr-protons';
import { formatExact } from '../units/format';

/** c_X in the unit of c_std. */
export function internalStandardConcentration(ratio: number, protonsX: number, protonsStd: number, standardConcentration: number): number {
  return ratio * (protonsStd / protonsX) * standardConcentration;
}

export function nmrCompound(name: string): NmrCompound | undefined {
  const key = name.toLowerCase();
  return NMR_COMPOUNDS.find((c) => c.names.some((n) => n.toLowerCase() === key));
}

/**
 * The protons of the peak a compound is quantified by when the line does not say,
 * or why a count must be written: the compound is not in the table, or it has
 * several peaks and none is the convention.
 */
export function defaultProtons(name: string): { protons: number; peak: NmrPeak; compound: NmrCompound } | { error: string } {
  const compound = nmrCompound(name);
  if (!compound) return { error: `the protons under the peak of \`${name}\` are not known` };
  if (compound.defaultPeak === undefined) {
    const peaks = compound.peaks.map((p) => `${p.group} ${formatExact(p.protons)} H at ${formatExact(p.shiftPpm)} ppm`).join(', ');
    return { error: `${compound.name} shows several peaks (${peaks}) and which one was integrated is not known` };
  }
  const peak = compound.peaks[compound.defaultPeak]!;
  return { protons: peak.protons, peak, compound };
}
