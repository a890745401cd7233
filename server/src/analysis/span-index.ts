// The computed values (or diagnostics) at an offset, for a hover, or inside a
// block, for code lenses, tables and the FE figure: found by binary search
// over the items sorted by where they start, not by reading every item of the
// file for each question. A 10 000-line protocol has about 9 000 values and
// 1 400 blocks, and its code lenses read every block.
import type { Span } from '../syntax/ast';

/** One index per list, made when first asked (an analysis's values and diagnostics never change once made). */
const indexes = new WeakMap<readonly { span: Span }[], SpanIndex<{ span: Span }>>();

export class SpanIndex<T extends { span: Span }> {
  /** Positions in `values`, by span start. */
  private readonly order: Int32Array;
  private readonly starts: Float64Array;
  /** The furthest span end among the first i + 1 values of `order`: where a search back may stop. */
  private readonly reach: Float64Array;

  private constructor(private readonly values: readonly T[]) {
    const n = values.length;
    this.order = byStart(values);
    this.starts = new Float64Array(n);
    this.reach = new Float64Array(n);
    let reach = -Infinity;
    for (let i = 0; i < n; i++) {
      const span = values[this.order[i]!]!.span;
      this.starts[i] = span.start;
      reach = Math.max(reach, span.end);
      this.reach[i] = reach;
    }
  }

  static of<T extends { span: Span }>(values: readonly T[]): SpanIndex<T> {
    let index = indexes.get(values);
    if (!index) indexes.set(values, (index = new SpanIndex(values)));
    return index as SpanIndex<T>;
  }

  /** The items whose span holds `offset` (either end included), in the order of the list. */
  at(offset: number): T[] {
    const hits: number[] = [];
    for (let i = this.countStartingBy(offset) - 1; i >= 0 && this.reach[i]! >= offset; i--) {
      const span = this.values[this.order[i]!]!.span;
      if (span.start <= offset && offset <= span.end) hits.push(this.order[i]!);
    }
    return this.inListOrder(hits);
  }

  /** The items whose span lies inside `start`…`end`, in the order of the list. */
  within(start: number, end: number): T[] {
    const hits: number[] = [];
    for (let i = this.countStartingBy(start - 1); i < this.order.length && this.starts[i]! <= end; i++) {
      const span = this.values[this.order[i]!]!.span;
      if (span.start >= start && span.end <= end) hits.push(this.order[i]!);
    }
    return this.inListOrder(hits);
  }

  /** The items whose span ends inside `start`…`end` (both included), in the order of the list: an inlay hint sits at its value's end. */
  endingWithin(start: number, end: number): T[] {
    const hits: number[] = [];
    for (let i = this.countStartingBy(end) - 1; i >= 0 && this.reach[i]! >= start; i--) {
      const span = this.values[this.order[i]!]!.span;
      if (span.end >= start && span.end <= end) hits.push(this.order[i]!);
    }
    return this.inListOrder(hits);
  }

  /** How many items start at or before `offset`. */
  private countStartingBy(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private inListOrder(positions: number[]): T[] {
    positions.sort((a, b) => a - b);
    return positions.map((p) => this.values[p]!);
  }
}

/** Below 2²⁴ (a document's largest offset, FD0133) times 2²⁸ positions, a start and a position pack exactly into one double. */
const POSITIONS = 2 ** 28;
const STARTS = 2 ** 24;

/**
 * Positions of the items sorted by span start, then by position. Packed as start·2²⁸ + position and sorted
 * natively (a sort calling a comparator took most of the index's making, after every analysis).
 */
function byStart(items: readonly { span: Span }[]): Int32Array {
  const n = items.length;
  const order = new Int32Array(n);
  let packs = n < POSITIONS;
  for (let i = 0; i < n && packs; i++) {
    const start = items[i]!.span.start;
    packs = Number.isInteger(start) && start >= 0 && start < STARTS;
  }
  if (packs) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = items[i]!.span.start * POSITIONS + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % POSITIONS;
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => items[a]!.span.start - items[b]!.span.start || a - b);
}
