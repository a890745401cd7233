// The potentials of a record as every figure of merit reads them: the
// recorded potential, corrected for the ohmic drop when the cell states a
// compensation (E − f·i·R, `electrochem/ir-correction.ts`, the resistance
// resolved by the data pass), on the RHE scale when the pH of the working
// electrode's electrolyte is known. Overpotential, Tafel fit, mass activity,
// TOF, Koutecký–Levich, OCP and the stability curve take them from here only.
import type { Dataset } from './context';
import { column } from '../instruments/series';
import { correctedSeries } from '../electrochem/ir-correction';
import { dataKey, onData } from './data-memo';

export interface MeritPotentials {
  /** V, on the RHE scale when `onRHE`, else vs the cell's reference. */
  values: Float64Array;
  onRHE: boolean;
  /** `iR-corrected (85 %)` when a correction was applied. */
  iR?: string;
}

/**
 * Computed once per file, correction and scale (`onData`): every line naming the file shares the
 * result, whose `values` no one may write.
 */
export function meritPotentials(d: Dataset): MeritPotentials | undefined {
  return onData(d.data, 'meritPotentials', potentialsKey(d), () => computeMeritPotentials(d));
}

/** What the merit potentials of a file depend on besides its data: the iR correction and the shift to the RHE; a key part for results built on them. */
export function potentialsKey(d: Dataset): string {
  return dataKey(d.iR?.fraction, d.iR?.ohm, d.iR?.label, d.toRHE);
}

function computeMeritPotentials(d: Dataset): MeritPotentials | undefined {
  const e = column(d.data, /^Potential$/i);
  if (!e) return undefined;
  const i = column(d.data, /^Current$/i);
  const corrected = d.iR && i ? correctedSeries(e.values, i.values, d.iR.fraction, d.iR.ohm) : e.values;
  const shift = d.toRHE ?? 0;
  const values = new Float64Array(corrected.length);
  for (let k = 0; k < values.length; k++) values[k] = corrected[k]! + shift;
  return { values, onRHE: d.toRHE !== undefined, iR: d.iR && i ? d.iR.label : undefined };
}
