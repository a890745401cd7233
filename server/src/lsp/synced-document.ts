// An open document as both threads of the language server keep it: the
// editor's changes (line and character ranges) are applied as edits by
// offsets to a TextVersion, whose text is joined only when something reads
// it whole (text-version.ts). The main thread forwards the same changes to the
// worker, which applies them to its own copy. The library's TextDocument built
// the whole new text at every keystroke, 8.5 MB for a 100 000-line protocol.
// Positions mean what they mean in that TextDocument (its line breaks: \n, \r
// and \r\n; a character past a line's end stops before its line break); a
// property test holds the two to the same offsets and texts.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TextVersion, type OffsetEdit } from './text-version';

const LF = 10;
const CR = 13;
const isLineBreak = (c: number) => c === LF || c === CR;

/** Offsets where lines start in `text` (which starts at `textOffset`); the first one only when `atLineStart`. */
function lineStarts(text: string, atLineStart: boolean, textOffset = 0): number[] {
  const out = atLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isLineBreak(c)) continue;
    if (c === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
    out.push(textOffset + i + 1);
  }
  return out;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

export class SyncedDocument implements TextDocument {
  private text: TextVersion;
  /** Where each line starts; undefined until asked for after a change it cannot follow (a split \r\n, a whole new text). */
  private lines: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.text = TextVersion.of(content);
  }

  /** The current version's text, joined or not. */
  get current(): TextVersion {
    return this.text;
  }

  private get length(): number {
    return this.text.length;
  }

  getText(range?: Range): string {
    if (!range) return this.text.text;
    // As TextDocument's substring: a range given end first is read start first.
    const a = this.offsetAt(range.start);
    const b = this.offsetAt(range.end);
    return this.text.slice(Math.min(a, b), Math.max(a, b));
  }

  /** Applies the editor's changes, one after the other; the edits they made, by offsets of the text each applies to. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): OffsetEdit[] {
    const edits: OffsetEdit[] = [];
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        edits.push(this.edit({ start: 0, end: this.length, text: change.text }));
        this.lines = undefined;
        continue;
      }
      const range = wellFormed(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      edits.push(this.edit({ start, end, text: change.text }));
      // A line break split or made between \r and \n: the line starts are found again.
      const insertedEnd = start + change.text.length;
      const crlf = (at: number) => this.text.charCodeAt(at - 1) === CR && this.text.charCodeAt(at) === LF;
      if (crlf(start) || crlf(insertedEnd)) {
        this.lines = undefined;
        continue;
      }
      const lines = this.lineOffsets();
      // A line past the last one means the end of the text, on the last line (TextDocument left holes in its lines there).
      const last = lines.length - 1;
      const startLine = Math.min(Math.max(range.start.line, 0), last);
      const endLine = Math.min(Math.max(range.end.line, 0), last);
      const added = lineStarts(change.text, false, start);
      if (endLine - startLine === added.length) {
        for (let i = 0; i < added.length; i++) lines[i + startLine + 1] = added[i]!;
      } else if (added.length < 10_000) {
        lines.splice(startLine + 1, endLine - startLine, ...added);
      } else {
        this.lines = [...lines.slice(0, startLine + 1), ...added, ...lines.slice(endLine + 1)];
      }
      const delta = change.text.length - (end - start);
      if (delta !== 0) {
        const moved = this.lines!;
        for (let i = startLine + 1 + added.length; i < moved.length; i++) moved[i]! += delta;
      }
    }
    this.version = version;
    return edits;
  }

  offsetAt(position: Position): number {
    const lines = this.lineOffsets();
    if (position.line >= lines.length) return this.length;
    if (position.line < 0) return 0;
    const lineStart = lines[position.line]!;
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < lines.length ? lines[position.line + 1]! : this.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lines = this.lineOffsets();
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lines[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(offset, lines[line]!) - lines[line]! };
  }

  get lineCount(): number {
    return this.lineOffsets().length;
  }

  getLineRange(line: number): Range {
    const lines = this.lineOffsets();
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lines[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const next = line + 1 < lines.length ? lines[line + 1]! : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, lines[line]!) - lines[line]! } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lineOffsets();
    if (line < 0 || line >= lines.length) return '';
    const next = line + 1 < lines.length ? lines[line + 1]! : this.length;
    return this.text.slice(this.beforeLineBreak(next, lines[line]!), next);
  }

  private edit(e: OffsetEdit): OffsetEdit {
    this.text = this.text.edited([e]);
    return e;
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private lineOffsets(): number[] {
    return (this.lines ??= lineStarts(this.text.text, true));
  }
}
