// A word of a line as the readers see it. Most words of a line are only
// compared (the head verb, `at`, `for`, `of`): the Word node and its span are
// built when a reader takes the word, about half of them (a 1 MB protocol:
// 36 000 of 67 500), and the rest never become garbage for the collector.
import type { IToken } from 'chevrotain';
import type { Span, Word } from './ast';

export class WordElement {
  readonly kind = 'word';
  private built: Word | undefined = undefined;

  constructor(private readonly token: IToken) {}

  /** The word as written. */
  get text(): string {
    return this.token.image;
  }

  /** Where the word starts, without building its span. */
  get start(): number {
    return this.token.startOffset;
  }

  /** The word as a node of the tree: the same object each time. */
  get word(): Word {
    return (this.built ??= { text: this.token.image, span: { start: this.token.startOffset, end: this.token.endOffset! + 1 } });
  }

  get span(): Span {
    return this.word.span;
  }
}
