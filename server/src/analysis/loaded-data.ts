// What the data pass reads of one block, for its work once every file is
// read (passes/run-data.ts): the datasets of the block's files, the impedance
// intercepts its cell's iR correction comes from, and the work that needs that
// correction. Plain data without spans or syntax nodes (a technique line by its
// index in the run), so that a unit's record keeps it and replays it.
import type { Dataset } from './context';
import type { Impedance } from './ir-resolution';

/** Work on the datasets of one technique line, done once its cell's iR correction is known. */
export interface Deferred {
  /**
   * `sweep`: an LSV record gets the correction, and the line's onset is found; the others compute figures
   * of merit, a stability drift, a Koutecký–Levich line or an open-circuit potential on corrected records.
   */
  work: 'sweep' | 'merits' | 'stability' | 'kouteckyLevich' | 'openCircuit';
  /** The technique line's index in its run. */
  technique: number;
  /** Indices in the block's `datasets`. */
  datasets: number[];
}

export interface LoadedBlock {
  /** Every file read, in document order. */
  datasets: Dataset[];
  impedances: Impedance[];
  deferred: Deferred[];
}
