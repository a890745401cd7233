// The domain passes, in the order they run (each may read what the earlier
// ones left in `ctx.facts`). Names run before and unused-checks after these.
import type { AnalysisPass } from '../context';
import { chemistryPass } from './chemistry';
import { electrochemPass } from './electrochem';
import { crystalPass } from './crystal';
import { inkPass } from './ink';
import { resultDataPass } from './data';
import { dataPass } from './run-data';
import { quantitiesPass } from '../quantities';

/**
 * The quantities pass comes first: every later pass reads only the values it checked. Each pass is
 * named here for the timings (FARADAY_TIMING, benchmarks): the shipped bundles are minified.
 */
export const analysisPasses: [name: string, pass: AnalysisPass][] = [
  ['quantities', quantitiesPass],
  ['chemistry', chemistryPass],
  ['ink', inkPass],
  ['result data', resultDataPass],
  ['electrochem', electrochemPass],
  ['run data', dataPass],
  ['crystal', crystalPass],
];
