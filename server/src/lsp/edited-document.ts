// The analysis worker's copy of an open document. The main thread sends each
// edit (offsets and the text typed), not the whole new text: a copy of a
// 100 000-line protocol is 8.5 MB, and one per keystroke piled up in the
// worker until its next full collection (650 MB of them after 200 keystrokes).
// Edits are kept until something reads the text (an analysis, a request),
// which joins them into the new text once.
import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';

/** Characters `start` to `end` (offsets in the text the edit applies to) replaced by `text`. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** More edits than this are joined into a text at the next edit: each read walks them. */
const MAX_KEPT_EDITS = 256;

/** One version of a text: a text, or an earlier one and the edits since, joined when first read. */
export class TextVersion {
  private constructor(
    private base: string,
    private edits: readonly OffsetEdit[],
  ) {}

  static of(text: string): TextVersion {
    return new TextVersion(text, []);
  }

  /** The version after `edits`, applied one after the other. */
  edited(edits: readonly OffsetEdit[]): TextVersion {
    if (this.edits.length + edits.length > MAX_KEPT_EDITS) return new TextVersion(this.text, edits);
    return new TextVersion(this.base, [...this.edits, ...edits]);
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

  get text(): string {
    if (this.edits.length > 0) {
      this.base = applyEdits(this.base, this.edits);
      this.edits = [];
    }
    return this.base;
  }
}

/**
 * The edits applied to pieces of the text (slices of a flat string cost no
 * copy), joined once at the end: applying them to strings one by one would
 * copy the whole text per edit.
 */
export function applyEdits(base: string, edits: readonly OffsetEdit[]): string {
  let pieces = [base];
  for (const { start, end, text } of edits) {
    const next: string[] = [];
    const after: string[] = [];
    let at = 0;
    for (const p of pieces) {
      const pEnd = at + p.length;
      if (at < start) next.push(pEnd <= start ? p : p.slice(0, start - at));
      if (pEnd > end) after.push(at >= end ? p : p.slice(end - at));
      at = pEnd;
    }
    if (text.length > 0) next.push(text);
    for (const p of after) next.push(p);
    pieces = next;
  }
  return pieces.length === 1 ? pieces[0]! : pieces.join('');
}

/** An open document as the worker keeps it: its text is joined from the edits when read. */
export class EditedDocument implements TextDocument {
  readonly languageId = 'faraday';
  /** Lines of the current version, made when a position is asked for. */
  private lines?: TextDocument;

  private constructor(
    readonly uri: string,
    public version: number,
    /** The current version's text, joined or not. */
    public current: TextVersion,
  ) {}

  static of(uri: string, version: number, text: string): EditedDocument {
    return new EditedDocument(uri, version, TextVersion.of(text));
  }

  edit(version: number, edits: readonly OffsetEdit[]): void {
    this.current = this.current.edited(edits);
    this.version = version;
    this.lines = undefined;
  }

  getText(range?: Range): string {
    return range ? this.positions().getText(range) : this.current.text;
  }

  positionAt(offset: number): Position {
    return this.positions().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.positions().offsetAt(position);
  }

  get lineCount(): number {
    return this.positions().lineCount;
  }

  getLineRange(line: number): Range {
    return this.positions().getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.positions().getEOLCharacters(line);
  }

  private positions(): TextDocument {
    return (this.lines ??= TextDocument.create(this.uri, this.languageId, this.version, this.current.text));
  }
}
