// The domain passes, in the order they run (each may read what the earlier
// ones left in `ctx.facts`). Names run before and unused-checks after these.
import type { AnalysisPass } from '../context';
import { chemistryPass } from './chemistry';
import { electrochemPass } from './electrochem';
import { crystalPass } from './crystal';
import { inkPass } from './ink';
import { dataPass, resultDataPass } from './data';

export const analysisPasses: AnalysisPass[] = [chemistryPass, inkPass, resultDataPass, electrochemPass, dataPass, crystalPass];
