// What a unit of analysis (one pass over one block) reads and writes of the
// state that passes share: facts, a pass's own tables, the symbol table, the
// values found so far, files. Shared containers are replaced by tracked ones
// that tell the recorder of the unit running; a unit whose reads all give the
// same answers in the next analysis is replayed from its writes and outputs
// instead of run (see units.ts). Outside a unit nothing is recorded.
import type { TopLevelNode } from '../../syntax/ast';
import { restoresAsItself, snapshot, type ChunkPositions } from './snapshot';

export type Read =
  /** `chain`: the writes that made the entry, when known (see Tracker.chainOf): the same chain, the same entry. */
  | { kind: 'key'; container: string; key: unknown; present: boolean; value: unknown; chain?: object }
  | { kind: 'all'; container: string; value: unknown }
  /** How many entries a Map or Set holds (`size`): asking whether there are any is not reading them all. */
  | { kind: 'size'; container: string; size: number }
  | { kind: 'scalar'; container: string; prop: string; value: unknown }
  | { kind: 'query'; container: string; method: string; args: unknown[]; result: unknown }
  | { kind: 'file'; path: string; text: string | undefined }
  | { kind: 'bytes'; path: string; max: number; root: string | undefined; bytes: unknown }
  | { kind: 'folder'; path: string; names: string[] | undefined }
  | { kind: 'statements'; nodes: readonly TopLevelNode[] }
  | { kind: 'statementsOf'; of: string; nodes: readonly TopLevelNode[] }
  /** The first value of a kind at an offset (`relative`: counted from the unit's block start, so it moves with it). */
  | { kind: 'valueAt'; of: string; start: number; relative: boolean; result: unknown };

/** `asItself`: the kept value (or every kept item or argument) restores as itself (snapshot.ts `restoresAsItself`). */
export type Write = { asItself?: boolean } & (
  | { kind: 'set'; container: string; key: unknown; value: unknown }
  | { kind: 'delete'; container: string; key: unknown }
  | { kind: 'add'; container: string; value: unknown }
  | { kind: 'push'; container: string; items: unknown[] }
  | { kind: 'scalar'; container: string; prop: string; value: unknown }
  | { kind: 'append'; container: string; key: unknown; field: string | undefined; items: unknown[] }
  /** Any other change of an array, replayed by calling the same method (its reads were checked first). */
  | { kind: 'call'; container: string; method: string; args: unknown[] });

/** Arrays inside a value taken from a container, whose growth during the unit is a write. */
interface Watch {
  container: string;
  key: unknown;
  field: string | undefined;
  array: unknown[];
  length: number;
}

export class Recorder {
  readonly reads: Read[] = [];
  readonly writes: Write[] = [];
  /** Set when the unit did something that cannot be replayed: it is run again every time. */
  unreplayable = false;
  /** How many values there were when the unit started: what it finds among its own is not a read. */
  outputsBefore = 0;
  /** Where the unit's block starts: a table keyed by that offset ("by the block's start offset") is keyed by the block. */
  blockStart = -1;
  /** The unit's block. */
  block: TopLevelNode | undefined;
  private readonly readKeys = new Set<string>();
  private readonly watched = new Set<unknown[]>();
  private readonly watches: Watch[] = [];

  constructor(readonly at: ChunkPositions, private readonly tracker?: Tracker) {}

  /**
   * Records a read once per container and key (the first answer is what the
   * unit depended on). Units that read the same container at the same version
   * share one read, so checking it is done once per analysis.
   */
  once(id: string, read: () => Read, version?: number): void {
    if (this.readKeys.has(id)) return;
    this.readKeys.add(id);
    const cache = this.tracker?.reads;
    if (cache && version !== undefined) {
      const known = cache.get(id);
      if (known && known.version === version) {
        this.reads.push(known.read);
        return;
      }
      const made = read();
      cache.set(id, { version, read: made });
      this.reads.push(made);
      return;
    }
    this.reads.push(read());
  }

  watch(container: string, key: unknown, value: unknown): void {
    if (value === null || typeof value !== 'object') return;
    const add = (field: string | undefined, array: unknown[]) => {
      if (this.watched.has(array)) return;
      this.watched.add(array);
      this.watches.push({ container, key, field, array, length: array.length });
    };
    if (Array.isArray(value)) add(undefined, value);
    else if (Object.getPrototypeOf(value) === Object.prototype) {
      for (const field in value) {
        const v = (value as Record<string, unknown>)[field];
        if (Array.isArray(v)) add(field, v);
      }
    }
  }

  /**
   * When the unit ends: growth of watched arrays becomes writes, and every
   * written value is kept as it is now (later units may change the live one).
   */
  finish(): void {
    for (const w of this.watches) {
      if (w.array.length > w.length) {
        const write: Write = { kind: 'append', container: w.container, key: w.key, field: w.field, items: w.array.slice(w.length) };
        this.writes.push(write);
        this.tracker?.changed(w.container);
        this.tracker?.extendChain(w.container, w.key, write);
      } else if (w.array.length < w.length) this.unreplayable = true;
    }
    // In place: a write's identity names it in the chains of the entries it made (Tracker.chainOf).
    for (const w of this.writes) {
      if (w.kind === 'set' || w.kind === 'add' || w.kind === 'scalar') {
        w.value = snapshot(w.value, this.at);
        w.asItself = restoresAsItself(w.value);
      } else if (w.kind === 'push' || w.kind === 'append') {
        w.items = w.items.map((x) => snapshot(x, this.at));
        w.asItself = w.items.every(restoresAsItself);
      } else if (w.kind === 'call') {
        w.args = w.args.map((x) => snapshot(x, this.at));
        w.asItself = w.args.every(restoresAsItself);
      }
    }
  }
}

/** The recorder of the unit running, shared by every tracked container of one analysis. */
export class Tracker {
  current: Recorder | undefined;
  readonly containers = new Map<string, Map<unknown, unknown> | Set<unknown> | unknown[] | Record<string, unknown>>();
  /** How often each container changed in this analysis: reads at the same version are the same read. */
  private readonly versions = new Map<string, number>();
  /** Reads shared between units (see Recorder.once). */
  readonly reads = new Map<string, { version: number; read: Read }>();
  /**
   * Checked reads: a read checked at the container's current version holds or fails again. The answer is
   * kept on the read itself (`CheckedRead`), under this number, which no other analysis or pass shares.
   */
  checkRound = ++checkRounds;
  /** The write being replayed (units.ts), for the chain of the entry it makes. */
  replaying: Write | undefined;
  /** Each Map's entries' chains, by key; none for a Map whose entries did not all come from kept writes. */
  private readonly chains = new Map<string, Map<unknown, object>>();

  constructor(public at: ChunkPositions) {}

  register<T extends Map<unknown, unknown> | Set<unknown> | unknown[] | Record<string, unknown>>(id: string, container: T): T {
    this.containers.set(id, container);
    this.changed(id);
    return container;
  }

  version(id: string): number {
    return this.versions.get(id) ?? 0;
  }

  changed(id: string): void {
    this.versions.set(id, (this.versions.get(id) ?? 0) + 1);
  }

  /**
   * The chain of one entry of a Map: which kept writes, in which order, made it in this analysis (an
   * entry never written is the empty chain). A replayed write applies the same value as when it was
   * recorded, so the same chain means the same entry, and a read of it holds without comparing the
   * value. Undefined when unknown: a write outside a unit, or a Map that began with entries.
   */
  chainOf(id: string, key: unknown): object | undefined {
    const entries = this.chains.get(id);
    return entries === undefined ? undefined : (entries.get(key) ?? EMPTY_CHAIN);
  }

  /** Starts the chains of a Map that begins empty; one that begins with entries has none. */
  startChains(id: string, empty: boolean): void {
    if (empty) this.chains.set(id, new Map());
    else this.chains.delete(id);
  }

  /** An entry's chain after a write: the kept write that made it, or unknown. */
  extendChain(id: string, key: unknown, write: Write | undefined): void {
    const entries = this.chains.get(id);
    if (!entries) return;
    if (!write) {
      this.chains.delete(id); // an untracked write: no entry of this Map is known any more
      return;
    }
    entries.set(key, chainAfter(entries.get(key) ?? EMPTY_CHAIN, write));
  }

  /** Between passes: code outside units may change anything, so nothing checked before is trusted. */
  forgetChecks(): void {
    this.checkRound = ++checkRounds;
    this.reads.clear();
  }
}

/** Numbers the rounds of checks (Tracker.checkRound). */
let checkRounds = 0;

/** A read shared by units, with its last check's answer: in which round, at which version of its container. */
export type CheckedRead = Read & { checkedIn?: number; checkedAt?: number; held?: boolean };

/** The chain of an entry no write made. */
const EMPTY_CHAIN = Object.freeze({ chain: 'empty' });
/**
 * Chains by the write that ends them and the chain before it: the same writes give the same object. The
 * chain of a write to an entry no write made (most entries are written once) is kept apart, one lookup less.
 */
const firstChains = new WeakMap<Write, object>();
const chainNodes = new WeakMap<Write, Map<object, object>>();

function chainAfter(before: object, write: Write): object {
  if (before === EMPTY_CHAIN) {
    let node = firstChains.get(write);
    if (!node) firstChains.set(write, (node = {}));
    return node;
  }
  let after = chainNodes.get(write);
  if (!after) chainNodes.set(write, (after = new Map()));
  let node = after.get(before);
  if (!node) after.set(before, (node = {}));
  return node;
}

/** Stands for "the start offset of the unit's block" in a kept key: it moves with the block. */
export const BLOCK_START = Object.freeze({ blockStart: true });

/** A key as kept: the unit's own block start becomes BLOCK_START. */
function keptKey(key: unknown, r: Recorder): unknown {
  return typeof key === 'number' && key === r.blockStart ? BLOCK_START : key;
}

const keyOf = (container: string, key: unknown) => `${container}\u0000${typeof key === 'string' ? key : typeof key === 'number' ? `#${key}` : ''}`;

/** A Map whose reads and writes are recorded for the unit running. */
export class TrackedMap<K, V> extends Map<K, V> {
  constructor(readonly id: string, readonly tracker: Tracker, entries?: Iterable<[K, V]>) {
    super();
    if (entries) for (const [k, v] of entries) super.set(k, v);
    tracker.register(id, this as Map<unknown, unknown>);
    tracker.startChains(id, super.size === 0);
  }

  private readKey(key: K): void {
    const r = this.tracker.current;
    if (!r) return;
    const value = super.get(key);
    if (typeof key === 'string' || typeof key === 'number') {
      r.once(keyOf(this.id, key), () => ({ kind: 'key', container: this.id, key: keptKey(key, r), present: super.has(key), value: snapshot(value, r.at), chain: this.tracker.chainOf(this.id, key) }), key === r.blockStart ? undefined : this.tracker.version(this.id));
    } else {
      r.reads.push({ kind: 'key', container: this.id, key, present: super.has(key), value: snapshot(value, r.at), chain: this.tracker.chainOf(this.id, key) });
    }
    r.watch(this.id, key, value);
  }

  private readAll(): void {
    const r = this.tracker.current;
    if (r) r.once(`${this.id}\u0000*`, () => ({ kind: 'all', container: this.id, value: snapshot(new Map(super.entries()), r.at) }), this.tracker.version(this.id));
  }

  override get(key: K): V | undefined {
    this.readKey(key);
    return super.get(key);
  }

  override has(key: K): boolean {
    this.readKey(key);
    return super.has(key);
  }

  override set(key: K, value: V): this {
    // `tracker` is unset while Map's constructor runs.
    const tracker = this.tracker as Tracker | undefined;
    if (tracker) {
      const r = tracker.current;
      let write = tracker.replaying;
      if (r) r.writes.push((write = { kind: 'set', container: this.id, key: keptKey(key, r), value }));
      tracker.changed(this.id);
      tracker.extendChain(this.id, key, write);
    }
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const r = this.tracker.current;
    let write = this.tracker.replaying;
    if (r) r.writes.push((write = { kind: 'delete', container: this.id, key: keptKey(key, r) }));
    this.tracker.changed(this.id);
    this.tracker.extendChain(this.id, key, write);
    return super.delete(key);
  }

  override clear(): void {
    if (this.tracker.current) this.tracker.current.unreplayable = true;
    this.tracker.changed(this.id);
    this.tracker.startChains(this.id, false);
    super.clear();
  }

  override get size(): number {
    const r = this.tracker.current;
    if (r) r.once(`${this.id}\u0000\u0001size`, () => ({ kind: 'size', container: this.id, size: super.size }), this.tracker.version(this.id));
    return super.size;
  }

  override keys(): MapIterator<K> {
    this.readAll();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.readAll();
    return super.values();
  }

  override entries(): MapIterator<[K, V]> {
    this.readAll();
    return super.entries();
  }

  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.readAll();
    super.forEach(fn, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.readAll();
    return super.entries();
  }
}

/** A Set whose reads and writes are recorded for the unit running. */
export class TrackedSet<T> extends Set<T> {
  constructor(readonly id: string, readonly tracker: Tracker, values?: Iterable<T>) {
    super();
    if (values) for (const v of values) super.add(v);
    tracker.register(id, this as Set<unknown>);
  }

  private readAll(): void {
    const r = this.tracker.current;
    if (r) r.once(`${this.id}\u0000*`, () => ({ kind: 'all', container: this.id, value: snapshot(new Set(super.values()), r.at) }), this.tracker.version(this.id));
  }

  override has(value: T): boolean {
    this.readAll();
    return super.has(value);
  }

  override add(value: T): this {
    const r = this.tracker?.current;
    if (r) r.writes.push({ kind: 'add', container: this.id, value });
    this.tracker?.changed(this.id);
    return super.add(value);
  }

  override delete(value: T): boolean {
    if (this.tracker.current) this.tracker.current.unreplayable = true;
    this.tracker.changed(this.id);
    return super.delete(value);
  }

  override clear(): void {
    if (this.tracker.current) this.tracker.current.unreplayable = true;
    this.tracker.changed(this.id);
    super.clear();
  }

  override get size(): number {
    const r = this.tracker.current;
    if (r) r.once(`${this.id}\u0000\u0001size`, () => ({ kind: 'size', container: this.id, size: super.size }), this.tracker.version(this.id));
    return super.size;
  }

  override keys(): SetIterator<T> {
    this.readAll();
    return super.keys();
  }

  override values(): SetIterator<T> {
    this.readAll();
    return super.values();
  }

  override entries(): SetIterator<[T, T]> {
    this.readAll();
    return super.entries();
  }

  override forEach(fn: (value: T, value2: T, set: Set<T>) => void, thisArg?: unknown): void {
    this.readAll();
    super.forEach(fn, thisArg);
  }

  override [Symbol.iterator](): SetIterator<T> {
    this.readAll();
    return super.values();
  }
}

/**
 * An array a pass appends to (`push`) and rarely reads: a push is a write;
 * `find`, `filter` and `some` are recorded as queries, asked again when the
 * unit is checked; any other read is the whole array.
 */
export class TrackedArray<T> extends Array<T> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  id = '';
  tracker: Tracker | undefined;
  /** Outputs (the values found so far): what a unit appends is kept as its output, not as a write. */
  outputs = false;

  static of_<T>(id: string, tracker: Tracker, items: Iterable<T> = [], outputs = false): TrackedArray<T> {
    const a = new TrackedArray<T>();
    for (const x of items) Array.prototype.push.call(a, x);
    a.id = id;
    a.tracker = tracker;
    a.outputs = outputs;
    tracker.register(id, a as unknown as unknown[]);
    return a;
  }

  override push(...items: T[]): number {
    const r = this.tracker?.current;
    if (r && !this.outputs) r.writes.push({ kind: 'push', container: this.id, items });
    this.tracker?.changed(this.id);
    return super.push(...items);
  }

  private query<R>(method: string, args: unknown[], run: (over: T[]) => R): R {
    const result = run(this);
    const r = this.tracker?.current;
    if (r) {
      // Among the outputs, the unit depends only on those before its own (which a replay appends again).
      const before = this.outputs ? run(Array.prototype.slice.call(this, 0, r.outputsBefore) as T[]) : result;
      r.reads.push({ kind: 'query', container: this.id, method, args, result: snapshot(before, r.at) });
    }
    return result;
  }

  private readAll(): void {
    const r = this.tracker?.current;
    if (r) r.once(`${this.id}\u0000*`, () => ({ kind: 'all', container: this.id, value: snapshot([...Array.prototype.values.call(this)], r.at) }), this.tracker!.version(this.id));
  }

  override find(predicate: (value: T, index: number, array: T[]) => unknown, thisArg?: unknown): any { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.query('find', [predicate], (over) => Array.prototype.find.call(over, predicate, thisArg));
  }

  override filter(predicate: (value: T, index: number, array: T[]) => unknown, thisArg?: unknown): any { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.query('filter', [predicate], (over) => Array.prototype.filter.call(over, predicate, thisArg));
  }

  override some(predicate: (value: T, index: number, array: T[]) => unknown, thisArg?: unknown): boolean {
    return this.query('some', [predicate], (over) => Array.prototype.some.call(over, predicate, thisArg));
  }

  override map<U>(fn: (value: T, index: number, array: T[]) => U, thisArg?: unknown): U[] {
    this.readAll();
    return Array.prototype.map.call(this, fn, thisArg) as U[];
  }

  override forEach(fn: (value: T, index: number, array: T[]) => void, thisArg?: unknown): void {
    this.readAll();
    Array.prototype.forEach.call(this, fn, thisArg);
  }

  override slice(start?: number, end?: number): T[] {
    this.readAll();
    return Array.prototype.slice.call(this, start, end) as T[];
  }

  override [Symbol.iterator](): ArrayIterator<T> {
    this.readAll();
    return Array.prototype.values.call(this) as ArrayIterator<T>;
  }

  override findIndex(predicate: (value: T, index: number, array: T[]) => unknown, thisArg?: unknown): number {
    this.readAll();
    return Array.prototype.findIndex.call(this, predicate, thisArg);
  }

  override findLast(predicate: (value: T, index: number, array: T[]) => unknown, thisArg?: unknown): any { // eslint-disable-line @typescript-eslint/no-explicit-any
    this.readAll();
    return Array.prototype.findLast.call(this, predicate, thisArg);
  }

  override indexOf(value: T, from?: number): number {
    this.readAll();
    return Array.prototype.indexOf.call(this, value, from);
  }

  override includes(value: T, from?: number): boolean {
    this.readAll();
    return Array.prototype.includes.call(this, value, from);
  }

  override reduce(...args: any[]): any { // eslint-disable-line @typescript-eslint/no-explicit-any
    this.readAll();
    return (Array.prototype.reduce as (...a: unknown[]) => unknown).apply(this, args);
  }

  override join(separator?: string): string {
    this.readAll();
    return Array.prototype.join.call(this, separator);
  }

  override at(index: number): T | undefined {
    this.readAll();
    return Array.prototype.at.call(this, index) as T | undefined;
  }

  // Other changes are replayed by calling the method again with the same arguments.
  private call<R>(method: string, args: unknown[], run: () => R): R {
    const r = this.tracker?.current;
    if (r) r.writes.push({ kind: 'call', container: this.id, method, args });
    this.tracker?.changed(this.id);
    return run();
  }

  override splice(...args: any[]): T[] { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.call('splice', args, () => (Array.prototype.splice as (...a: unknown[]) => T[]).apply(this, args));
  }

  override unshift(...items: T[]): number {
    return this.call('unshift', items, () => Array.prototype.unshift.apply(this, items));
  }

  override pop(): T | undefined {
    return this.call('pop', [], () => Array.prototype.pop.call(this) as T | undefined);
  }

  override shift(): T | undefined {
    return this.call('shift', [], () => Array.prototype.shift.call(this) as T | undefined);
  }

  override sort(compare?: (a: T, b: T) => number): this {
    this.call('sort', compare ? [compare] : [], () => Array.prototype.sort.call(this, compare));
    return this;
  }

  override reverse(): T[] {
    return this.call('reverse', [], () => Array.prototype.reverse.call(this) as T[]);
  }


}

/**
 * Facts: containers become tracked ones, plain fields (temperature, pressure,
 * …) are read and written through a proxy that records them.
 */
export function trackFacts<F extends object>(facts: F, tracker: Tracker, id = 'facts'): F {
  const target = facts as Record<string, unknown>;
  for (const k of Object.keys(target)) {
    const v = target[k];
    if (v instanceof Map) target[k] = new TrackedMap(`${id}.${k}`, tracker, v);
    else if (v instanceof Set) target[k] = new TrackedSet(`${id}.${k}`, tracker, v);
    else if (Array.isArray(v)) target[k] = TrackedArray.of_(`${id}.${k}`, tracker, v);
  }
  tracker.register(id, target);
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver);
      const r = tracker.current;
      if (r && typeof prop === 'string' && (value === null || typeof value !== 'object')) {
        r.once(`${id}\u0000.${prop}`, () => ({ kind: 'scalar', container: id, prop, value }));
      }
      return value;
    },
    set(t, prop, value, receiver) {
      const r = tracker.current;
      if (r && typeof prop === 'string') {
        if (value !== null && typeof value === 'object') r.unreplayable = true;
        else r.writes.push({ kind: 'scalar', container: id, prop, value });
      }
      return Reflect.set(t, prop, value, receiver);
    },
  }) as F;
}
