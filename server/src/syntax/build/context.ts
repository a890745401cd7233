// Shared by the block readers: where problems go, and the small helpers every
// reader needs (report unused words, name of a block).
import type { Line } from '../lines';
import { LineCursor, spanOfWords } from '../line-cursor';
import type { Span, SyntaxProblem, Word } from '../ast';
import { SyntaxCodes } from '../codes';
import { shortenQuotes } from '../../text/shorten-quotes';

export class BuildContext {
  readonly problems: SyntaxProblem[] = [];

  constructor(readonly source: string) {}

  error(code: string, message: string, span: Span): void {
    this.problems.push({ code, message: shortenQuotes(message), span, severity: 'error' });
  }

  warning(code: string, message: string, span: Span): void {
    this.problems.push({ code, message: shortenQuotes(message), span, severity: 'warning' });
  }

  /**
   * A field of a block stated a second time (`area 1 cm2` … `area 2 cm2`): the
   * first statement counts, and the repeat is reported instead of silently
   * replacing it. Returns true for a repeat, which the reader then skips.
   */
  repeated(seen: Set<string>, field: string, line: Line, what: string): boolean {
    if (!seen.has(field)) {
      seen.add(field);
      return false;
    }
    this.warning(SyntaxCodes.duplicateField, `\`${field}\` is already stated in ${what}; the first one is used, so delete one of the two lines`, line.span);
    return true;
  }

  /** Anything left on the line after a reader took what it understood. */
  leftover(cursor: LineCursor, what: string): void {
    const rest = cursor.rest();
    if (rest.length === 0) return;
    const span = { start: rest[0]!.span.start, end: rest[rest.length - 1]!.span.end };
    const text = this.source.slice(span.start, span.end);
    this.warning(SyntaxCodes.extraWords, `\`${text}\` is not part of ${what} and has no effect; delete it or move it into a comment after \`#\``, span);
  }

  text(span: Span): string {
    return this.source.slice(span.start, span.end);
  }
}

export function lineSpanOfWords(words: Word[], fallback: Span): Span {
  return spanOfWords(words) ?? fallback;
}

/** Cursor over a line's elements after its head word (the keyword). */
export function cursorAfterHead(line: Line): LineCursor {
  const cursor = new LineCursor(line.elements);
  cursor.next();
  return cursor;
}

export function headText(line: Line): string {
  const head = line.elements[0];
  if (!head) return '';
  if (head.kind === 'word') return head.text;
  if (head.kind === 'numbers') return '<number>';
  if (head.kind === 'string') return '<text>';
  return head.kind === 'vs' ? 'vs' : head.text;
}
