// Between an edit and its analysis (the debounce), a hover or a completion
// somewhere else in the file need not wait for the whole file to be analysed
// again: the latest analysis answers for every block the pending edits did not
// touch, at the same place in the block. Inside a touched block (and the
// blocks beside it, when the edit joined or split blocks) the new version is
// analysed first. The newer analysis follows within the debounce.
//
// Each edit is followed as it arrives, so edits at both ends of the file
// leave everything between them answerable: the pending edits are kept as the
// pieces of the analysed text that are unchanged in the current text.
import type { Analysis } from '../analysis/analyze';
import type { Span } from '../syntax/ast';
import { LineIndex } from '../syntax/line-index';
import { chunkStarts } from '../syntax/chunks';
import { commonEnds } from '../text/common-ends';
import type { OffsetEdit, TextVersion } from './text-version';

export interface MappedAnalysis {
  analysis: Analysis;
  /** The offset in the analysed text for an offset in the current text. */
  offset: number;
  /** A span of the analysed text as it sits in the current text. */
  toCurrent(span: Span): Span;
  /** Lines of the current text: a span of it as a range. */
  lines: Pick<LineIndex, 'range'>;
}

/** Where an offset of the current text is (the editor's document keeps its lines as they change). */
export type PositionOf = (offset: number) => { line: number; character: number };

/** A run of characters the edits left alone: `length` characters at `at` in the current text, from `from` in the analysed one. */
interface Piece {
  at: number;
  from: number;
  length: number;
}

/** More edits than this between two analyses are followed as one (the first to the last changed character). */
const MAX_PIECES = 256;

/** The edits made to a document since its latest analysis. */
export class PendingEdits {
  private pieces: Piece[];
  /** The current text, or its version to be joined when read whole (text-version.ts). */
  private current: string | TextVersion;
  /** Regions of the current text the latest analysis does not answer in, sorted (see `refused`). */
  private refusedRegions?: Span[];
  private lines?: LineIndex;

  constructor(readonly analysis: Analysis) {
    this.current = analysis.text;
    this.pieces = [{ at: 0, from: 0, length: analysis.text.length }];
  }

  /** The current text. */
  get text(): string {
    return typeof this.current === 'string' ? this.current : this.current.text;
  }

  private get length(): number {
    return this.current.length;
  }

  private slice(start: number, end: number): string {
    return this.current.slice(start, end);
  }

  /** The pending edits from the analysed text to `current`, when only the two texts are known: one edit from the first to the last difference. */
  static between(analysis: Analysis, current: string): PendingEdits {
    const pending = new PendingEdits(analysis);
    pending.follow(current);
    return pending;
  }

  /** The next version of the text: the part that differs from the current one is one more edit. */
  follow(next: string | TextVersion): void {
    if (next === this.current) return; // the version the edits were followed to
    if (typeof next !== 'string') next = next.text;
    if (next === this.text) return;
    const { prefix, suffix } = commonEnds(this.text, next);
    this.edit(prefix, this.text.length - suffix, next.length - prefix - suffix);
    this.current = next;
    this.keepFewPieces();
  }

  /**
   * The next version by its edits, applied one after the other (offsets of
   * the text each applies to); `version` is the text after them, joined only
   * if something reads it whole.
   */
  followEdits(edits: readonly OffsetEdit[], version: TextVersion): void {
    for (const e of edits) this.edit(e.start, e.end, e.text.length);
    this.current = version;
    this.keepFewPieces();
  }

  private keepFewPieces(): void {
    if (this.pieces.length > MAX_PIECES) this.pieces = PendingEdits.between(this.analysis, this.text).pieces;
  }

  /** Characters `start` to `end` of the current text replaced by `inserted` new ones. */
  private edit(start: number, end: number, inserted: number): void {
    const delta = inserted - (end - start);
    const out: Piece[] = [];
    for (const p of this.pieces) {
      const pEnd = p.at + p.length;
      if (pEnd <= start) out.push(p);
      else if (p.at >= end) out.push({ at: p.at + delta, from: p.from, length: p.length });
      else {
        if (p.at < start) out.push({ at: p.at, from: p.from, length: start - p.at });
        if (pEnd > end) out.push({ at: end + delta, from: p.from + (end - p.at), length: pEnd - end });
      }
    }
    this.pieces = out;
    this.refusedRegions = undefined;
    this.lines = undefined;
  }

  /** An offset of the analysed text in the current one; a deleted character maps to where the text after it now starts. */
  private toCurrent(x: number): number {
    for (const p of this.pieces) {
      if (x < p.from) return p.at;
      if (x <= p.from + p.length) return p.at + (x - p.from);
    }
    return this.length;
  }

  /** An offset of the current text in the analysed one; undefined in typed text. */
  private toAnalysed(offset: number): number | undefined {
    for (const p of this.pieces) {
      if (offset < p.at) return undefined;
      if (offset <= p.at + p.length) return p.from + (offset - p.at);
    }
    return undefined;
  }

  /**
   * The regions of the current text where the latest analysis does not
   * answer: each block an edit touched, with the blocks beside it.
   */
  refused(): readonly Span[] {
    if (this.refusedRegions) return this.refusedRegions;
    const chunks = this.analysis.parse.chunks;
    const changed: Span[] = []; // in the analysed text
    let previous: Piece = { at: 0, from: 0, length: 0 };
    for (const p of [...this.pieces, { at: this.length, from: this.analysis.text.length, length: 0 }]) {
      const end = { at: previous.at + previous.length, from: previous.from + previous.length };
      if (p.at > end.at || p.from > end.from) changed.push({ start: end.from, end: p.from });
      previous = p;
    }
    const regions: Span[] = [];
    // An offset of the analysed text in the current one; the ends of the text stay the ends, with whatever was typed at them.
    const start = (x: number) => (x === 0 ? 0 : this.toCurrent(x));
    const end = (x: number) => (x === this.analysis.text.length ? this.length : this.toCurrent(x));
    for (const c of changed) {
      // The chunks touching the changed part, and one on either side.
      let first = chunks.findIndex((chunk) => chunk.end >= c.start);
      if (first < 0) first = chunks.length - 1;
      let last = first;
      while (last + 1 < chunks.length && chunks[last + 1]!.start <= c.end) last++;
      const before = Math.max(0, first - 1);
      const after = Math.min(chunks.length - 1, last + 1);
      let from = start(chunks[before]!.start);
      let to = end(chunks[after]!.end);
      // When the chunks still start where they did, the edit neither joined nor split blocks: the blocks beside it answer.
      const now = chunkStarts(this.slice(from, to));
      if (now.length === after - before + 1 && now.every((s, i) => s + from === start(chunks[before + i]!.start))) {
        from = start(chunks[first]!.start);
        to = end(chunks[last]!.end);
      }
      const open = regions[regions.length - 1];
      if (open && from <= open.end) open.end = Math.max(open.end, to);
      else regions.push({ start: from, end: to });
    }
    return (this.refusedRegions = regions);
  }

  /** The refused region holding an offset of the current text, if any. */
  refusedAt(offset: number): Span | undefined {
    return this.refused().find((r) => offset >= r.start && offset <= r.end);
  }

  /**
   * The latest analysis, mapped to the current text, when it can answer at
   * `offset` (of the current text); undefined when the place is in or beside a
   * block the pending edits changed.
   */
  answer(offset: number, positionOf?: PositionOf): MappedAnalysis | undefined {
    if (this.refusedAt(offset)) return undefined;
    const mapped = this.toAnalysed(offset);
    if (mapped === undefined) return undefined;
    // Lines of the current text: the document's, kept as it changes; else found when asked (a hover's range;
    // a completion needs none), which joins the text and reads all of it after every edit.
    const self = this;
    const lines = positionOf ? { range: (s: Span) => ({ start: positionOf(s.start), end: positionOf(s.end) }) } : undefined;
    return {
      analysis: this.analysis,
      offset: mapped,
      toCurrent: (s) => ({ start: this.toCurrent(s.start), end: this.toCurrent(s.end) }),
      get lines() {
        return lines ?? (self.lines ??= new LineIndex(self.text));
      },
    };
  }
}

/** The latest analysis mapped to `current` at `offset`, with every difference between the two texts taken as one edit. */
export function mapThroughPendingEdits(latest: Analysis, current: string, offset: number): MappedAnalysis | undefined {
  return PendingEdits.between(latest, current).answer(offset);
}
