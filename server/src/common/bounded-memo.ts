// Results computed once per key and kept, at most `max` of them: a protocol asks
// for the same few units, products and suggestions on every line and every
// analysis, while a fuzzed or pasted text could ask for millions of different
// ones. When the table is full, the oldest entry goes first.
export class BoundedMemo<K, V> {
  private readonly table = new Map<K, V>();

  constructor(private readonly max: number) {}

  /** The kept result for `key`, or `compute(key)` kept from now on. */
  get(key: K, compute: (key: K) => V): V {
    if (this.table.has(key)) return this.table.get(key) as V;
    const value = compute(key);
    if (this.table.size >= this.max) this.table.delete(this.table.keys().next().value!);
    this.table.set(key, value);
    return value;
  }

  clear(): void {
    this.table.clear();
  }
}
