// What a data file's values give, computed once per import and key: a
// protocol that names one file on many lines (a fuzzed run block repeated the
// line `CA stability …, data "it.txt"` 1591 times) computes each distinct
// result once, not once per line, and every keystroke does not compute it
// again while the file is unchanged (one import object, `importOnce`).
// Results are pure functions of the import and the key's parts, and shared:
// whoever receives one must never write into it (its arrays included).
import type { ImportedData } from '../instruments/series';

const memo = new WeakMap<ImportedData, Map<string, Map<string, unknown>>>();
/** Results kept per import and kind: a chemist editing a window or a range leaves one behind per value typed. */
const MAX_PER_KIND = 256;

/** One key part: a string quoted, so that no string can stand for a number or `undefined`. */
type Part = string | number | boolean | undefined;

export function dataKey(...parts: Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : String(p))).join(',');
}

/**
 * `compute()` for this import, kind and key the first time it is asked, the same object after. Each kind
 * keeps its own results, so that many windows of one record never push out the record's curve.
 */
export function onData<T>(data: ImportedData, kind: string, key: string, compute: () => T): T {
  let kinds = memo.get(data);
  if (!kinds) memo.set(data, (kinds = new Map()));
  let byKey = kinds.get(kind);
  if (!byKey) kinds.set(kind, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  if (byKey.size >= MAX_PER_KIND) byKey.clear();
  const result = compute();
  byKey.set(key, result);
  return result;
}
