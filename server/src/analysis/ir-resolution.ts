// The iR correction a cell's recorded sweeps get: the fraction its `iR` line
// leaves to Faraday (ir-correction.ts) and the resistance, stated on the line
// or else the high-frequency intercept of the impedance files of its runs.
// When a correction is asked for and no resistance can be had, one located
// warning on the `iR` line says that nothing was corrected.
import type { AnalysisContext } from './context';
import { ElectrochemCodes } from '../electrochem/codes';
import { compensationLabel, postFraction } from '../electrochem/ir-correction';
import { formatExact, formatNumber } from '../units/format';

export interface ResolvedIR {
  /** The correction applied to recorded potentials: E_corr = E − fraction·i·ohm. */
  applied?: { fraction: number; ohm: number; label: string };
  /** What the cell states (`iR-corrected (85 %)`), also when nothing could be applied. */
  label?: string;
  /** Why nothing was subtracted, for the hover. */
  note?: string;
}

/** The high-frequency intercept of one impedance file of a cell's runs. */
export interface Impedance {
  path: string;
  ohm: number;
  how: string;
}

/** Files of one cell agree when their intercepts are within 1 % of each other. */
const AGREE = 0.01;

/**
 * The correction of one cell, from its `iR` line and the impedance files of its runs (in document order);
 * asked once per cell, as it reports a correction that cannot be made, or the resistance EIS gave.
 */
export function resolveIR(ctx: AnalysisContext, name: string, files: readonly Impedance[]): ResolvedIR {
  const stated = ctx.facts.cells.get(name)?.iR;
  if (!stated) return {};
  const label = compensationLabel(stated);
  const fraction = postFraction(stated);
  if (fraction <= 0) return { label, note: 'The instrument compensated iR while recording, so the recorded potentials are used as they are.' };
  if (stated.ohm !== undefined) return { label, applied: { fraction, ohm: stated.ohm, label } };
  const uncorrected = (why: string): ResolvedIR => {
    ctx.report(ElectrochemCodes.iRNotCorrected, 'warning', `cell ${name} asks for an iR correction, but ${why}, so no recorded potential is corrected; write the resistance, as in \`iR ${formatExact(stated.totalFraction * 100)} % of 5 ohm\``, stated.span);
    return { label, note: `Not iR-corrected: ${why}.` };
  };
  if (files.length === 0) return uncorrected('no resistance is stated and no impedance (EIS) file of a run in the cell was read');
  const ohms = files.map((f) => f.ohm);
  const lo = Math.min(...ohms);
  const hi = Math.max(...ohms);
  if (hi - lo > AGREE * hi) {
    return uncorrected(`its impedance files give different resistances (${files.map((f) => `${formatNumber(f.ohm, { significant: 4 })} Ω in ${f.path}`).join(', ')})`);
  }
  const ohm = ohms.reduce((a, b) => a + b, 0) / ohms.length;
  ctx.value({
    kind: 'uncompensatedResistance', subject: name, value: ohm, unit: 'ohm', span: stated.span,
    label: `R ${formatNumber(ohm, { significant: 4 })} Ω (EIS)`,
    detail: `High-frequency intercept of the Nyquist plot: ${files.map((f) => `${formatNumber(f.ohm, { significant: 5 })} Ω from ${f.path} (${f.how})`).join('; ')}${files.length > 1 ? '; their mean is used' : ''}. Recorded potentials of the cell's sweeps are ${label}: E − ${formatNumber(fraction, { significant: 3 })} × i × ${formatNumber(ohm, { significant: 4 })} Ω.`,
  });
  return { label, applied: { fraction, ohm, label } };
}
