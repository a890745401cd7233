// The figures drawn from data files (UV-vis, LSV with its onsets, i-t, Nyquist)
// are the same figure while their files, the lines naming them and what else
// they draw are: one import object per file is shared by every analysis while
// the file is unchanged on disk. The
// language server asks for the figures after every edit; it keeps these, so an
// edit elsewhere builds, checks and hashes none of them again. At 10 000 lines
// the i-t overlay alone is 96 000 rows.
import type { Dataset } from '../../analysis/context';
import type { ImportedData } from '../../instruments/series';
import { exactNumbers, type Figure } from './common';

/** Each import object's number, for the key: the same number is the same object, so the same data. */
const importIds = new WeakMap<ImportedData, number>();
let imports = 0;

function idOf(data: ImportedData): number {
  let id = importIds.get(data);
  if (id === undefined) importIds.set(data, (id = ++imports));
  return id;
}

/** The last figure of each kind with its key: at most one of each is held, however large. */
const kept = new Map<string, { key: string; figure: Figure | undefined }>();

/**
 * The figure `build` gives for these data sets: the one kept when the sets are the same, else built and
 * kept. `alsoDrawn` is whatever else the figure draws (an LSV's onsets), compared as JSON.
 */
export function keptFigure(kind: string, sets: readonly Dataset[], max: number, build: () => Figure | undefined, alsoDrawn?: unknown): Figure | undefined {
  const key = JSON.stringify([max, sets.map(({ data, ...rest }) => [idOf(data), rest]), alsoDrawn ?? null], exactNumbers);
  const last = kept.get(kind);
  if (last && last.key === key) return last.figure;
  const figure = build();
  kept.set(kind, { key, figure });
  return figure;
}
