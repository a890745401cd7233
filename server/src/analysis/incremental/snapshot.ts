// Values kept between analyses in a form that survives edits elsewhere in the
// text: every span becomes (chunk, offset in the chunk), so a chunk that moved
// still compares equal and restores to its new offsets; a span into a chunk
// that is gone makes the value unusable. Statements (top-level nodes) are kept
// by identity: a chunk kept from the previous parse keeps its nodes, an edited
// one has new nodes, so identity says whether the source is unchanged.
import type { Span, TopLevelNode } from '../../syntax/ast';
import { isSpan, type Chunk } from '../../syntax/parse';

/** Numbers the chunk tables: each stamps its chunks with its own (see `isLive`). */
let tables = 0;

/** Where the chunks of the current text start, to turn offsets into (chunk, offset in it) and back. */
export class ChunkPositions {
  private readonly starts: number[];
  private readonly stamp = ++tables;
  /** Every statement of the text, to keep them by identity. */
  readonly statements: WeakSet<object>;

  constructor(readonly chunks: readonly Chunk[], statements: readonly TopLevelNode[]) {
    this.starts = chunks.map((c) => c.start);
    for (const c of chunks) c.listedBy = this.stamp;
    this.statements = new WeakSet(statements);
  }

  /**
   * Whether a chunk is one of this text's: a field compared, not a Set looked up, for every unit and
   * every kept span. Only the newest table is asked (an analysis makes one and the next makes another);
   * an older one would answer "no" for chunks the newer also lists, and "no" only makes a unit run again.
   */
  isLive(chunk: Chunk): boolean {
    return chunk.listedBy === this.stamp;
  }

  /** The chunk holding an offset; an end offset belongs to the chunk it closes. */
  chunkAt(offset: number, isEnd: boolean): Chunk {
    const starts = this.starts;
    const target = isEnd ? offset - 1 : offset;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= target) low = mid;
      else high = mid - 1;
    }
    return this.chunks[low]!;
  }
}

/** A span as (chunk, offset in the chunk) for its start and its end. */
export class SpanRef {
  constructor(
    readonly startChunk: Chunk,
    readonly start: number,
    readonly endChunk: Chunk,
    readonly end: number,
  ) {}

  static of(span: Span, at: ChunkPositions): SpanRef {
    const a = at.chunkAt(span.start, false);
    const b = span.end === span.start ? a : at.chunkAt(span.end, true);
    return new SpanRef(a, span.start - a.start, b, span.end - b.start);
  }

  /** Offsets in the current text; undefined when a chunk it points into is gone. */
  resolve(at: ChunkPositions): { start: number; end: number } | undefined {
    if (!at.isLive(this.startChunk) || !at.isLive(this.endChunk)) return undefined;
    return { start: this.startChunk.start + this.start, end: this.endChunk.start + this.end };
  }
}

/** Kept by reference, never copied: data imported from instrument files and other long series. */
const LONG = 256;

/** Values kept and compared by identity: made by `interned` (one object per content), or marked `unchanging`. */
const byIdentity = new WeakSet<object>();
const byContent = new Map<string, object>();
/** Distinct contents kept at most; beyond, the table starts over (an equal value made anew only costs a re-check). */
const MAX_INTERNED = 4096;

/**
 * One object for each content (compared as JSON): a value that units read and
 * that is rebuilt by every analysis (what each cell's runs say, for the cell a
 * result binds to) is then kept by reference and compared by identity, not
 * copied and walked for every unit that read it. Only for values without
 * spans (they would not move with their chunk), never changed once made.
 */
export function interned<T extends object>(value: T): T {
  const key = JSON.stringify(value);
  const known = byContent.get(key);
  if (known) return known as T;
  if (byContent.size >= MAX_INTERNED) byContent.clear();
  byContent.set(key, value);
  byIdentity.add(value);
  return value;
}

/**
 * Marks a value that is never changed once made and may be large (the data imported from an instrument
 * file, shared by every analysis while the file is unchanged): kept by reference, equal only to itself.
 */
export function unchanging<T extends object>(value: T): T {
  byIdentity.add(value);
  return value;
}

/**
 * Snapshots of plain objects, Maps and Sets with no span and no array anywhere inside (a scale, a gas
 * flow, an electrolyte's concentrations by species): nothing in them moves with a chunk, and nothing
 * grows (a unit may append to an array it read, never change anything else it read), so the snapshot
 * itself is the live value a replay restores, shared instead of copied. Like every value a unit
 * wrote, it is never changed once written (a change would not be replayed either).
 */
const sharedSnapshots = new WeakSet<object>();

/** Whether a field's snapshot lets the record holding it be shared: a plain value, kept by reference, or shared itself. */
function fixed(kept: unknown, value: unknown): boolean {
  return kept === null || typeof kept !== 'object' || kept === value || sharedSnapshots.has(kept);
}

function keptByReference(x: object, at: ChunkPositions): boolean {
  return at.statements.has(x) || byIdentity.has(x) || ArrayBuffer.isView(x) || typeof x === 'function' || (Array.isArray(x) && x.length > LONG) || !isPlain(x);
}

function isPlain(x: object): boolean {
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null || proto === Array.prototype || proto === Map.prototype || proto === Set.prototype;
}

/** A deep copy with spans as SpanRefs. */
export function snapshot(x: unknown, at: ChunkPositions, seen?: Map<object, unknown>): unknown {
  if (x === null || typeof x !== 'object') return x;
  if (sharedSnapshots.has(x) || keptByReference(x, at)) return x;
  if (isSpan(x)) return SpanRef.of(x, at);
  // The table of objects already copied (for shared and cyclic parts) is made only for a value that has parts:
  // a default parameter made one for every key and plain value kept.
  seen ??= new Map();
  const known = seen.get(x);
  if (known !== undefined) return known;
  if (Array.isArray(x)) {
    const out: unknown[] = [];
    seen.set(x, out);
    for (const e of x) out.push(snapshot(e, at, seen));
    return out;
  }
  if (x instanceof Map) {
    const out = new Map();
    seen.set(x, out);
    let shared = true;
    for (const [k, v] of x) {
      const key = snapshot(k, at, seen);
      const value = snapshot(v, at, seen);
      out.set(key, value);
      shared &&= fixed(key, k) && fixed(value, v);
    }
    if (shared) sharedSnapshots.add(out);
    return out;
  }
  if (x instanceof Set) {
    const out = new Set();
    seen.set(x, out);
    let shared = true;
    for (const v of x) {
      const value = snapshot(v, at, seen);
      out.add(value);
      shared &&= fixed(value, v);
    }
    if (shared) sharedSnapshots.add(out);
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(x, out);
  let shared = true;
  for (const k in x) {
    const value = (x as Record<string, unknown>)[k];
    const kept = snapshot(value, at, seen);
    out[k] = kept;
    shared &&= fixed(kept, value);
  }
  if (shared) sharedSnapshots.add(out);
  return out;
}

/**
 * Whether `restore` gives this snapshot back as it is, in every analysis: a plain value, a shared
 * snapshot, or a value kept by reference for what it is (not for being a statement of the text, which
 * changes). Found once when a unit's writes are kept, so that replaying them skips `restore`.
 */
export function restoresAsItself(x: unknown): boolean {
  if (x === null || typeof x !== 'object') return true;
  if (sharedSnapshots.has(x) || byIdentity.has(x) || ArrayBuffer.isView(x)) return true;
  if (x instanceof SpanRef) return false;
  return (Array.isArray(x) && x.length > LONG) || !isPlain(x);
}

/** Thrown by `restore` when a snapshot points into a chunk that is gone. */
export class Unrestorable extends Error {}

/** A fresh live value from a snapshot, with spans at the current offsets. */
export function restore(x: unknown, at: ChunkPositions, seen?: Map<object, unknown>): unknown {
  if (x === null || typeof x !== 'object') return x;
  if (sharedSnapshots.has(x)) return x;
  if (x instanceof SpanRef) {
    const span = x.resolve(at);
    if (!span) throw new Unrestorable();
    return span;
  }
  if (keptByReference(x, at)) return x;
  seen ??= new Map(); // only for a value with parts, as in snapshot
  const known = seen.get(x);
  if (known !== undefined) return known;
  if (Array.isArray(x)) {
    const out: unknown[] = [];
    seen.set(x, out);
    for (const e of x) out.push(restore(e, at, seen));
    return out;
  }
  if (x instanceof Map) {
    const out = new Map();
    seen.set(x, out);
    for (const [k, v] of x) out.set(restore(k, at, seen), restore(v, at, seen));
    return out;
  }
  if (x instanceof Set) {
    const out = new Set();
    seen.set(x, out);
    for (const v of x) out.add(restore(v, at, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(x, out);
  for (const k in x) out[k] = restore((x as Record<string, unknown>)[k], at, seen);
  return out;
}

/** Whether a live value equals a snapshot, spans compared as (chunk, offset in it). */
export function sameAs(snap: unknown, live: unknown, at: ChunkPositions, depth = 0): boolean {
  if (snap === live) return true;
  if (snap instanceof SpanRef) {
    if (!isSpan(live)) return false;
    const span = snap.resolve(at);
    return span !== undefined && span.start === live.start && span.end === live.end;
  }
  if (snap === null || live === null || typeof snap !== 'object' || typeof live !== 'object') {
    return typeof snap === 'number' && typeof live === 'number' && Number.isNaN(snap) && Number.isNaN(live);
  }
  if (depth > 64) return false; // a cycle: unequal is always safe
  if (Array.isArray(snap)) {
    if (!Array.isArray(live) || snap.length !== live.length) return false;
    for (let i = 0; i < snap.length; i++) if (!sameAs(snap[i], live[i], at, depth + 1)) return false;
    return true;
  }
  if (snap instanceof Map) {
    if (!(live instanceof Map) || snap.size !== live.size) return false;
    const liveEntries = [...live];
    let i = 0;
    for (const [k, v] of snap) {
      const [lk, lv] = liveEntries[i++]!;
      if (!sameAs(k, lk, at, depth + 1) || !sameAs(v, lv, at, depth + 1)) return false;
    }
    return true;
  }
  if (snap instanceof Set) {
    if (!(live instanceof Set) || snap.size !== live.size) return false;
    const liveValues = [...live];
    let i = 0;
    for (const v of snap) if (!sameAs(v, liveValues[i++], at, depth + 1)) return false;
    return true;
  }
  if (keptByReference(snap, at) || keptByReference(live, at)) {
    // Long series: equal element by element (the same import gives the same object, so this is rare).
    if (ArrayBuffer.isView(snap) && ArrayBuffer.isView(live)) return bytesEqual(snap, live);
    if (Array.isArray(live) && Array.isArray(snap)) return false;
    return false;
  }
  const a = snap as Record<string, unknown>;
  const b = live as Record<string, unknown>;
  let n = 0;
  for (const k in a) {
    n++;
    if (!(k in b) || !sameAs(a[k], b[k], at, depth + 1)) return false;
  }
  for (const _ in b) n--;
  return n === 0;
}

function bytesEqual(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
