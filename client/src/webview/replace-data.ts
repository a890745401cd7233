// A figure drawn again with the same shape (server/src/plots/preview-spec.ts) differs only in the
// values of its named data sources: the drawn view takes the new values and runs again, instead of
// a new view parsed from the whole spec (the same SVG; `npm run bench -- bundle` times both on the
// FE figure after an edited reading).
import { NAMED_DATA_PREFIX } from '../../../server/src/plots/named-data';
import type { VegaSpec } from '../../../server/src/plots/preview-spec';

/** What the update needs of a vega View. */
export interface DataView {
  data(name: string, values: unknown[]): unknown;
  runAsync(): Promise<unknown>;
}

/** Gives the view the values of the spec's named data sources and runs it. */
export async function replaceData(view: DataView, vega: VegaSpec): Promise<void> {
  const sources = Array.isArray(vega.data) ? (vega.data as { name?: unknown; values?: unknown }[]) : [];
  for (const d of sources) {
    if (typeof d.name === 'string' && d.name.startsWith(NAMED_DATA_PREFIX) && Array.isArray(d.values)) view.data(d.name, d.values);
  }
  await view.runAsync();
}
