// A unit is one pass's work on one block (a synthesis, a run, a result …).
// Its outputs (values, diagnostics, name uses) and its writes to shared state
// are kept with the block's chunk, with everything it read. In the next
// analysis, if the block's chunk is unchanged and every read gives the same
// answer, the unit is replayed: outputs appended, writes applied. Otherwise it
// runs again. The analysis stays a pure function of the text: a replayed
// unit leaves exactly what running it would.
import type { Span, TopLevelNode } from '../../syntax/ast';
import { isSpan, type Chunk } from '../../syntax/parse';
import type { AnalysisDiagnostic, ComputedValue } from '../model';
import type { SymbolDecl, SymbolKind, SymbolTable } from '../symbols';
import { BLOCK_START, Recorder, type CheckedRead, type Read, type Tracker, type Write } from './tracking';
import { ChunkPositions, SpanRef, restore, sameAs, Unrestorable } from './snapshot';
import { pushAll } from '../../common/push-all';

/** Where a chunk keeps its units' records (Chunk.memo). */
export const UNITS = 'units';

interface UnitRecord {
  reads: Read[];
  writes: Write[];
  values: ComputedValue[];
  diagnostics: AnalysisDiagnostic[];
  uses: { name: string; kinds: SymbolKind[]; span: Span }[];
  decls: SymbolDecl[];
  /** Every span object of the outputs with where it points, to move them with their chunks. */
  spans: [Span, SpanRef][];
  /**
   * The chunks those spans point into, and the offset each started at when the spans were last set
   * (two arrays, read in every replay: iterating a Map allocated an entry per chunk per unit).
   */
  chunks: Chunk[];
  chunkStarts: number[];
  /**
   * Every write applies as kept: its value restores as itself and its key is a plain value or the block's
   * start. Nothing can fail then, so a replay applies them one by one without restoring them all first.
   */
  writesAsKept: boolean;
}

/**
 * The units a pass ran on one statement, in the order it ran them, and how many it has run in the
 * analysis numbered `stamp` so far (a pass may run several units on one statement).
 */
interface Slots {
  stamp: number;
  count: number;
  records: (UnitRecord | undefined)[];
}

/** Numbers the unit runners (one per analysis). */
let runners = 0;

/**
 * Where each statement sits: its chunk and its index there. A statement belongs to one chunk for good,
 * so this is found once per chunk, not rebuilt for every statement by every analysis.
 */
const places = new WeakMap<TopLevelNode, { chunk: Chunk; index: number }>();
const placed = new WeakSet<Chunk>();

function placeStatements(chunk: Chunk): void {
  if (placed.has(chunk)) return;
  placed.add(chunk);
  chunk.statements.forEach((s, index) => places.set(s, { chunk, index }));
}

/** What a unit runner needs of the analysis. */
export interface UnitHost {
  readonly tracker: Tracker;
  /** Replaces the untracked Maps, Sets and arrays among an object's fields by tracked ones. */
  trackFields(object: Record<string, unknown>, id: string): void;
  readonly values: ComputedValue[];
  readonly diagnostics: AnalysisDiagnostic[];
  readonly symbols: SymbolTable;
  readonly statements: readonly TopLevelNode[];
  statementsOf(kind: string): readonly TopLevelNode[];
  valueAt(kind: string, start: number): ComputedValue | undefined;
  readFile(path: string): string | undefined;
  readBytes(path: string, max: number, root?: string): unknown;
  listDirectory(path: string): string[] | undefined;
}

export class UnitRunner {
  /** Numbers this analysis's units, to count how often each (pass, statement) ran in it (`Slots`). */
  private readonly stamp = ++runners;
  /** A pass's own tables and fields, tracked like facts while its units run (see `trackOwner`). */
  private owner: { id: string; object: Record<string, unknown> } | undefined;
  /** Units replayed and run in this analysis, for the benchmark and tests. */
  readonly counts = { replayed: 0, ran: 0 };

  constructor(private readonly host: UnitHost, private readonly at: ChunkPositions) {
    for (const chunk of at.chunks) placeStatements(chunk);
  }

  /** The pass's own state, from now until the next pass starts: its fields become tracked ones. */
  trackOwner(id: string, object: Record<string, unknown>): void {
    this.owner = { id, object };
    this.host.tracker.register(id, object);
  }

  passEnded(): void {
    this.owner = undefined;
    this.host.tracker.forgetChecks();
  }

  run(statement: TopLevelNode, pass: string, work: () => void): void {
    const tracker = this.host.tracker;
    const found = places.get(statement);
    // Only a statement of this text's chunks has a unit (an imported file's are analysed inside the unit asking).
    const place = found && this.at.isLive(found.chunk) ? found : undefined;
    if (tracker.current || !place) {
      work(); // inside another unit, or a node from elsewhere (an imported file): no unit of its own
      return;
    }
    // A replayed unit applies writes to tables that exist: only one that ran can have made a table.
    let replayed = false;
    try {
      replayed = !this.runUnit(statement, pass, work, place);
    } finally {
      if (!replayed) this.trackNewTables();
    }
  }

  /**
   * A table the pass made during a unit (a list computed on first use and kept
   * in a field) is tracked from then on: the units after it that read it
   * depend on what it holds.
   */
  private trackNewTables(): void {
    if (this.owner) this.host.trackFields(this.owner.object, this.owner.id);
  }

  /** False when the kept unit was replayed; true when the work ran. */
  private runUnit(statement: TopLevelNode, pass: string, work: () => void, place: { chunk: Chunk; index: number }): boolean {
    // Kept per chunk: by pass, statement of the chunk, and how many times the pass ran a unit on it so far.
    let byPass = place.chunk.memo.get(UNITS) as Map<string, Slots[]> | undefined;
    if (!byPass) place.chunk.memo.set(UNITS, (byPass = new Map()));
    let byStatement = byPass.get(pass);
    if (!byStatement) byPass.set(pass, (byStatement = []));
    const slots = (byStatement[place.index] ??= { stamp: 0, count: 0, records: [] });
    if (slots.stamp !== this.stamp) {
      slots.stamp = this.stamp;
      slots.count = 0;
    }
    const n = slots.count++;
    const kept = slots.records[n];
    if (kept && this.replay(kept, statement)) {
      this.counts.replayed++;
      return false;
    }
    this.counts.ran++;
    slots.records[n] = undefined;
    slots.records[n] = this.record(work, statement);
    return true;
  }

  private record(work: () => void, statement: TopLevelNode): UnitRecord | undefined {
    const host = this.host;
    const recorder = new Recorder(this.at, host.tracker);
    recorder.blockStart = statement.span.start;
    recorder.block = statement;
    const v0 = host.values.length;
    recorder.outputsBefore = v0;
    const d0 = host.diagnostics.length;
    const u0 = host.symbols.uses.length;
    const decl0 = host.symbols.decls.length;
    const owner = this.owner;
    const scalars = owner ? ownerScalars(owner.object) : undefined;
    if (owner && scalars) for (const [prop, value] of scalars) recorder.reads.push({ kind: 'scalar', container: owner.id, prop, value });
    host.tracker.current = recorder;
    try {
      work();
    } finally {
      host.tracker.current = undefined;
    }
    if (owner && scalars) {
      for (const [prop, before] of scalars) {
        const after = owner.object[prop];
        if (!Object.is(after, before)) recorder.writes.push({ kind: 'scalar', container: owner.id, prop, value: after });
      }
    }
    recorder.finish();
    if (recorder.unreplayable) return undefined;
    const values = Array.prototype.slice.call(host.values, v0) as ComputedValue[];
    const diagnostics = host.diagnostics.slice(d0);
    const uses = host.symbols.uses.slice(u0).map((u) => ({ name: u.name, kinds: u.kinds, span: u.span }));
    const decls = host.symbols.decls.slice(decl0);
    const spans: [Span, SpanRef][] = [];
    const seen = new Set<object>();
    const collect = (x: unknown): void => {
      if (x === null || typeof x !== 'object' || seen.has(x)) return;
      seen.add(x);
      if (isSpan(x)) spans.push([x, SpanRef.of(x, this.at)]);
      else if (Array.isArray(x)) for (const e of x) collect(e);
      else for (const k in x) collect((x as Record<string, unknown>)[k]);
    };
    for (const v of values) collect(v);
    for (const d of diagnostics) collect(d);
    for (const u of uses) collect(u.span);
    if (decls.length > 0) return undefined; // a unit that declares names is run every time
    const chunks: Chunk[] = [];
    for (const [, ref] of spans) {
      if (!chunks.includes(ref.startChunk)) chunks.push(ref.startChunk);
      if (!chunks.includes(ref.endChunk)) chunks.push(ref.endChunk);
    }
    const writesAsKept = recorder.writes.every((w) => w.asItself !== false && keyAsKept(w));
    return { reads: recorder.reads, writes: recorder.writes, values, diagnostics, uses, decls, spans, chunks, chunkStarts: chunks.map((c) => c.start), writesAsKept };
  }

  /** Checks a kept unit against the current state and, if it holds, applies it; false if it must run. */
  private replay(record: UnitRecord, statement: TopLevelNode): boolean {
    // Indexed loops: this runs for every unit of every analysis, and iterating arrays here allocated.
    const reads = record.reads;
    for (let i = 0; i < reads.length; i++) if (!this.holds(reads[i]!, statement)) return false;
    // Outputs point only into chunks that are still here; they move when one of them moved.
    let moved = false;
    const { chunks, chunkStarts } = record;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      if (!this.at.isLive(chunk)) return false;
      if (chunk.start !== chunkStarts[i]) moved = true;
    }
    // Every write restored before any is applied (a value into a chunk that is gone fails the replay); a unit
    // that wrote nothing (half of them) allocates nothing here.
    let writes: { write: Write; key?: unknown; value?: unknown; items?: unknown[] }[] | undefined;
    if (record.writes.length > 0 && !record.writesAsKept) {
      const key = (k: unknown) => this.keyNow(k, statement);
      try {
        // A value that restores as itself (found when it was kept) is applied as kept.
        const value = (w: Write, x: unknown) => (w.asItself ? x : restore(x, this.at));
        const items = (w: Write, xs: unknown[]) => (w.asItself ? xs : xs.map((x) => restore(x, this.at)));
        writes = record.writes.map((w) => {
          if (w.kind === 'set') return { write: w, key: key(w.key), value: value(w, w.value) };
          if (w.kind === 'add' || w.kind === 'scalar') return { write: w, value: value(w, w.value) };
          if (w.kind === 'push' || w.kind === 'append') return { write: w, key: key(w.kind === 'append' ? w.key : undefined), items: items(w, w.items) };
          if (w.kind === 'call') return { write: w, items: items(w, w.args) };
          return { write: w, key: key(w.key) };
        });
      } catch (e) {
        if (e instanceof Unrestorable) return false;
        throw e;
      }
    }
    // Every check passed: nothing below can fail.
    if (moved) {
      const spans = record.spans;
      for (let i = 0; i < spans.length; i++) {
        const [span, ref] = spans[i]!;
        span.start = ref.startChunk.start + ref.start;
        span.end = ref.endChunk.start + ref.end;
      }
      for (let i = 0; i < chunks.length; i++) chunkStarts[i] = chunks[i]!.start;
    }
    const host = this.host;
    // All of a unit's outputs in one push each: the tracked arrays count one change per call.
    pushAll(host.values, record.values);
    pushAll(host.diagnostics, record.diagnostics);
    const uses = record.uses;
    for (let i = 0; i < uses.length; i++) host.symbols.use(uses[i]!.name, uses[i]!.kinds, uses[i]!.span);
    if (writes) for (let i = 0; i < writes.length; i++) this.apply(writes[i]!.write, writes[i]!.key, writes[i]!.value, writes[i]!.items);
    else if (record.writesAsKept) {
      const kept = record.writes;
      for (let i = 0; i < kept.length; i++) {
        const w = kept[i]!;
        switch (w.kind) {
          case 'set':
          case 'delete':
            this.apply(w, this.keyNow(w.key, statement), w.kind === 'set' ? w.value : undefined, undefined);
            break;
          case 'add':
          case 'scalar':
            this.apply(w, undefined, w.value, undefined);
            break;
          case 'push':
            this.apply(w, undefined, undefined, w.items);
            break;
          case 'append':
            this.apply(w, this.keyNow(w.key, statement), undefined, w.items);
            break;
          case 'call':
            this.apply(w, undefined, undefined, w.args);
            break;
        }
      }
    }
    return true;
  }

  private container(id: string): unknown {
    return this.host.tracker.containers.get(id);
  }

  private apply(write: Write, key: unknown, value: unknown, items: unknown[] | undefined): void {
    const c = this.container(write.container);
    const tracker = this.host.tracker;
    switch (write.kind) {
      case 'set':
        tracker.replaying = write;
        (c as Map<unknown, unknown>).set(key, value);
        tracker.replaying = undefined;
        break;
      case 'delete':
        tracker.replaying = write;
        (c as Map<unknown, unknown>).delete(key);
        tracker.replaying = undefined;
        break;
      case 'add':
        (c as Set<unknown>).add(value);
        break;
      case 'push':
        (c as unknown[]).push(...items!);
        break;
      case 'scalar':
        (c as Record<string, unknown>)[write.prop] = value;
        break;
      case 'call':
        (c as Record<string, (...args: unknown[]) => unknown>)[write.method]!(...items!);
        break;
      case 'append': {
        const target = c instanceof Map ? c.get(key) : undefined;
        const array = write.field === undefined ? target : (target as Record<string, unknown> | undefined)?.[write.field];
        (array as unknown[]).push(...items!);
        tracker.changed(write.container);
        tracker.extendChain(write.container, key, write);
        break;
      }
    }
  }

  /** A kept key as it is in this analysis: the unit's block start where it stood for it. */
  private keyNow(k: unknown, statement: TopLevelNode): unknown {
    return k === BLOCK_START ? statement.span.start : restore(k, this.at);
  }

  /** Whether a read gives the same answer now; a read shared by units is checked once per version of its container. */
  private holds(read: Read, block: TopLevelNode): boolean {
    if (read.kind === 'valueAt') {
      const start = read.relative ? block.span.start + read.start : read.start;
      return sameAs(read.result, this.host.valueAt(read.of, start), this.at);
    }
    if (read.kind !== 'key' && read.kind !== 'all' && read.kind !== 'query' && read.kind !== 'size') return this.check(read, block);
    if (read.kind === 'key' && read.key === BLOCK_START) return this.check(read, block); // per block: not shared
    const tracker = this.host.tracker;
    const version = tracker.version(read.container);
    const kept = read as CheckedRead;
    if (kept.checkedIn === tracker.checkRound && kept.checkedAt === version) return kept.held!;
    const holds = this.check(read, block);
    kept.checkedIn = tracker.checkRound;
    kept.checkedAt = version;
    kept.held = holds;
    return holds;
  }

  private check(read: Read, block: TopLevelNode): boolean {
    const at = this.at;
    switch (read.kind) {
      case 'key': {
        const c = this.container(read.container) as Map<unknown, unknown> | undefined;
        if (!c) return false;
        let k: unknown;
        try {
          k = this.keyNow(read.key, block);
        } catch {
          return false;
        }
        // The same kept writes made the entry: the same entry, nothing to compare.
        const chain = this.host.tracker.chainOf(read.container, k);
        if (chain !== undefined && chain === read.chain) return true;
        const holds = c.has(k) === read.present && sameAs(read.value, c.get(k), at);
        // Equal under another chain: the read stands for that chain too from now on.
        if (holds && chain !== undefined) read.chain = chain;
        return holds;
      }
      case 'all': {
        const c = this.container(read.container);
        if (c instanceof Map) return sameAs(read.value, new Map(c.entries()), at);
        if (c instanceof Set) return sameAs(read.value, new Set(c.values()), at);
        if (Array.isArray(c)) return sameAs(read.value, Array.prototype.slice.call(c), at);
        return false;
      }
      case 'size': {
        const c = this.container(read.container);
        return (c instanceof Map || c instanceof Set) && c.size === read.size;
      }
      case 'scalar': {
        const c = this.container(read.container) as Record<string, unknown> | undefined;
        return c !== undefined && sameAs(read.value, c[read.prop], at);
      }
      case 'query': {
        const c = this.container(read.container) as Record<string, (...args: unknown[]) => unknown> | undefined;
        if (!c || typeof c[read.method] !== 'function') return false;
        return sameAs(read.result, c[read.method]!(...read.args), at);
      }
      case 'file':
        return this.host.readFile(read.path) === read.text;
      case 'bytes': {
        const now = this.host.readBytes(read.path, read.max, read.root);
        if (now === read.bytes) return true;
        if (now instanceof Uint8Array && read.bytes instanceof Uint8Array) return Buffer.compare(now, read.bytes) === 0;
        return JSON.stringify(now) === JSON.stringify(read.bytes); // a refusal: the same reason
      }
      case 'folder': {
        const now = this.host.listDirectory(read.path);
        return JSON.stringify(now) === JSON.stringify(read.names);
      }
      case 'valueAt':
        return false; // checked in holds, where the block is known
      case 'statementsOf': {
        const now = this.host.statementsOf(read.of);
        if (now.length !== read.nodes.length) return false;
        for (let i = 0; i < now.length; i++) if (now[i] !== read.nodes[i]) return false;
        return true;
      }
      case 'statements': {
        const now = this.host.statements;
        if (now.length !== read.nodes.length) return false;
        for (let i = 0; i < now.length; i++) if (now[i] !== read.nodes[i]) return false;
        return true;
      }
    }
  }
}

/** Whether a write's key applies as kept: none, a plain value, or the block's start. */
function keyAsKept(w: Write): boolean {
  if (w.kind !== 'set' && w.kind !== 'delete' && w.kind !== 'append') return true;
  return w.key === BLOCK_START || w.key === null || typeof w.key !== 'object';
}

/** The plain fields (numbers, strings, flags) of a pass's own state. */
function ownerScalars(object: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const k of Object.keys(object)) {
    const v = object[k];
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) out.push([k, v]);
  }
  return out;
}
