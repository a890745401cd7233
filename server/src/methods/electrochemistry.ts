// The electrochemistry of a protocol as two sections: electrode preparation,
// then measurements (the cell setup, the RHE conversion, the techniques).
import type { MethodsContext } from './context';
import { inlines, type Block, type Section } from './document';
import { cellSentences } from './cell';
import { electrodeSection } from './electrode';
import { rheConversion } from './rhe-conversion';
import { techniqueSentences } from './techniques';

function measurementsSection(m: MethodsContext): Section | undefined {
  const cells = m.blocks('cell');
  const runs = m.blocks('run');
  if (cells.length === 0 && runs.length === 0) return undefined;
  const main = m.mainCell();
  const others = cells.filter((c) => c !== main);
  const blocks: Block[] = [];
  if (main) blocks.push({ kind: 'paragraph', sentences: cellSentences(m, main, others) });
  blocks.push(...rheConversion(m, main ? [main, ...others] : []));
  const techniques = techniqueSentences(m, runs, main?.name?.text);
  if (techniques.length) blocks.push({ kind: 'paragraph', sentences: techniques });
  return { id: 'electrochemistry', title: inlines('Electrochemical measurements'), blocks };
}

export function electrochemistrySections(m: MethodsContext): Section[] {
  return [electrodeSection(m), measurementsSection(m)].filter((s): s is Section => s !== undefined);
}
