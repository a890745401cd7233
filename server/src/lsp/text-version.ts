// A document's text as the language server keeps it while someone types: the
// last joined text and the edits since. A copy of a 100 000-line protocol is
// 8.5 MB; one per keystroke in each thread piled up until the next full
// collection (650 MB of them in the worker after 200 keystrokes). A version's
// characters and slices are read through its edits, and the whole text is
// joined only when something needs all of it (an analysis, formatting).

/** Characters `start` to `end` (offsets in the text the edit applies to) replaced by `text`. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** More edits than this are joined into a text at the next edit: each read walks them. */
const MAX_KEPT_EDITS = 256;

/** One version of a text: a text, or an earlier one and the edits since, joined when first read whole. */
export class TextVersion {
  /** The version's text as slices of the base and typed texts, once asked for. */
  private parts?: string[];

  private constructor(
    private base: string,
    private edits: readonly OffsetEdit[],
    readonly length: number,
  ) {}

  static of(text: string): TextVersion {
    return new TextVersion(text, [], text.length);
  }

  /** The version after `edits`, applied one after the other. */
  edited(edits: readonly OffsetEdit[]): TextVersion {
    let length = this.length;
    for (const e of edits) length += e.text.length - (e.end - e.start);
    if (this.edits.length + edits.length > MAX_KEPT_EDITS) return new TextVersion(this.text, edits, length);
    return new TextVersion(this.base, [...this.edits, ...edits], length);
  }

  /** A character of this version (NaN outside it), read through the edits without joining them. */
  charCodeAt(offset: number): number {
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const e = this.edits[i]!;
      if (offset < e.start) continue;
      if (offset < e.start + e.text.length) return e.text.charCodeAt(offset - e.start);
      offset += e.end - e.start - e.text.length;
    }
    return this.base.charCodeAt(offset);
  }

  /** Characters `start` to `end`, as String.prototype.slice with offsets inside the text. */
  slice(start: number, end: number): string {
    if (this.edits.length === 0) return this.base.slice(start, end);
    const out: string[] = [];
    let at = 0;
    for (const p of (this.parts ??= pieces(this.base, this.edits))) {
      const pEnd = at + p.length;
      if (pEnd > start && at < end) out.push(p.slice(Math.max(0, start - at), end - at));
      at = pEnd;
    }
    return out.join('');
  }

  get text(): string {
    if (this.edits.length > 0) {
      this.base = (this.parts ?? pieces(this.base, this.edits)).join('');
      this.edits = [];
      this.parts = undefined;
    }
    return this.base;
  }
}

/**
 * The text after the edits as pieces: slices of the base (no copy of a flat
 * string) and typed texts. Applying the edits to strings one by one would copy
 * the whole text per edit.
 */
function pieces(base: string, edits: readonly OffsetEdit[]): string[] {
  let out = [base];
  for (const { start, end, text } of edits) {
    const next: string[] = [];
    const after: string[] = [];
    let at = 0;
    for (const p of out) {
      const pEnd = at + p.length;
      if (at < start) next.push(pEnd <= start ? p : p.slice(0, start - at));
      if (pEnd > end) after.push(at >= end ? p : p.slice(end - at));
      at = pEnd;
    }
    if (text.length > 0) next.push(text);
    for (const p of after) next.push(p);
    out = next;
  }
  return out;
}

/** The text after `edits`, applied one after the other, joined once. */
export function applyEdits(base: string, edits: readonly OffsetEdit[]): string {
  const out = pieces(base, edits);
  return out.length === 1 ? out[0]! : out.join('');
}
