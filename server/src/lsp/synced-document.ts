// The main thread's copy of an open document: the editor's changes (line and
// character ranges) become edits by offsets for the worker, and the text
// itself is joined only when read (a restarted worker is sent it whole). The
// library's TextDocument built the whole new text at every keystroke, 8.5 MB
// for a 100 000-line protocol, left for the collector 200 at a time.
// Positions mean what they mean in that TextDocument (its line breaks: \n, \r
// and \r\n; a character past a line's end stops before its line break); a
// property test holds the two to the same offsets and texts.
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TextVersion, type OffsetEdit } from './edited-document';

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

export class SyncedDocument {
  private text: TextVersion;
  private length: number;
  /** Where each line starts; undefined until asked for after a change it cannot follow (a split \r\n, a whole new text). */
  private lines: number[] | undefined;
  /** The edits of the latest change, until the worker is sent them. */
  private edits: OffsetEdit[] = [];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.text = TextVersion.of(content);
    this.length = content.length;
  }

  getText(): string {
    return this.text.text;
  }

  /** The edits since the last call, by offsets of the text each applies to. */
  takeEdits(): OffsetEdit[] {
    const edits = this.edits;
    this.edits = [];
    return edits;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        this.edit({ start: 0, end: this.length, text: change.text });
        this.lines = undefined;
        continue;
      }
      const range = wellFormed(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      this.edit({ start, end, text: change.text });
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

  private edit(e: OffsetEdit): void {
    this.text = this.text.edited([e]);
    this.length += e.text.length - (e.end - e.start);
    this.edits.push(e);
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private lineOffsets(): number[] {
    return (this.lines ??= lineStarts(this.text.text, true));
  }
}
