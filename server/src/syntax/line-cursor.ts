// Reads the elements of one line left to right: the vocabulary the typed tree
// builder uses for every block kind ("a quantity", "a potential", "words up
// to the next comma").
import type { Element } from './lines';
import type { Amount, NumberLit, Potential, Quantity, ReferenceSpec, Span, StringLit, Word } from './ast';

/** Words that join phrases; never a unit or a species name. */
export const CONNECTIVES = new Set([
  'in', 'at', 'for', 'from', 'to', 'by', 'with', 'until', 'into', 'of', 'and', 'as', 'after', 'data', 'vs',
  'measured', 'estimated', 'then', 'over', 'under', 'per', 'each', 'every', 'cycles', 'cycle', 'collected',
  'independent', 'completeness', 'density', 'drop-cast', 'dropcast', 'cast',
]);

export class LineCursor {
  private index = 0;

  constructor(readonly elements: Element[]) {}

  get done(): boolean {
    return this.index >= this.elements.length;
  }

  peek(offset = 0): Element | undefined {
    return this.elements[this.index + offset];
  }

  next(): Element | undefined {
    return this.elements[this.index++];
  }

  /** Span of the element under the cursor, or of the last one when at the end. */
  here(): Span {
    const e = this.peek() ?? this.elements[this.elements.length - 1];
    return e ? e.span : { start: 0, end: 0 };
  }

  rest(): Element[] {
    return this.elements.slice(this.index);
  }

  isWord(text?: string, offset = 0): boolean {
    const e = this.peek(offset);
    return e?.kind === 'word' && (text === undefined || e.word.text.toLowerCase() === text.toLowerCase());
  }

  isPunct(text: string, offset = 0): boolean {
    const e = this.peek(offset);
    return e?.kind === 'punct' && e.text === text;
  }

  isNumber(offset = 0): boolean {
    return this.peek(offset)?.kind === 'numbers';
  }

  isString(offset = 0): boolean {
    return this.peek(offset)?.kind === 'string';
  }

  /** Consumes a word with this text (case-insensitive) if it is next. */
  accept(text: string): Word | undefined {
    if (!this.isWord(text)) return undefined;
    const e = this.next()!;
    return e.kind === 'word' ? e.word : undefined;
  }

  acceptPunct(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.index++;
    return true;
  }

  word(): Word | undefined {
    const e = this.peek();
    if (e?.kind !== 'word') return undefined;
    this.index++;
    return e.word;
  }

  /** A word that is not a connective: a name, species or unit. */
  nameWord(): Word | undefined {
    const e = this.peek();
    if (e?.kind !== 'word' || CONNECTIVES.has(e.word.text.toLowerCase())) return undefined;
    this.index++;
    return e.word;
  }

  string(): StringLit | undefined {
    const e = this.peek();
    if (e?.kind !== 'string') return undefined;
    this.index++;
    return e.string;
  }

  number(): NumberLit | undefined {
    const e = this.peek();
    if (e?.kind !== 'numbers') return undefined;
    this.index++;
    return e.numbers[0];
  }

  /** A number (or list) and, unless `bare`, the unit written after it. */
  quantity(options: { bare?: boolean } = {}): Quantity | undefined {
    const e = this.peek();
    if (e?.kind !== 'numbers') return undefined;
    this.index++;
    let unit: Word | undefined;
    if (!options.bare) unit = this.nameWord();
    const end = unit ? unit.span.end : e.span.end;
    return { kind: 'quantity', values: e.numbers, unit, span: { start: e.span.start, end } };
  }

  reference(): ReferenceSpec | undefined {
    const e = this.peek();
    if (e?.kind !== 'vs') return undefined;
    this.index++;
    return e.reference;
  }

  /** A quantity with an optional `vs` scale right after it. */
  potential(): Potential | undefined {
    const quantity = this.quantity();
    if (!quantity) return undefined;
    const scale = this.reference();
    return { kind: 'potential', quantity, scale, span: { start: quantity.span.start, end: scale ? scale.span.end : quantity.span.end } };
  }

  /** `20 mg CuCl`: a quantity followed by a species name. */
  amount(): Amount | undefined {
    if (!this.isNumber()) return undefined;
    const e = this.peek(1);
    const f = this.peek(2);
    const hasSpecies = e?.kind === 'word' && f?.kind === 'word' && !CONNECTIVES.has(f.word.text.toLowerCase()) && !CONNECTIVES.has(e.word.text.toLowerCase());
    if (!hasSpecies) return undefined;
    const quantity = this.quantity()!;
    const species = this.word()!;
    return { kind: 'amount', quantity, species, span: { start: quantity.span.start, end: species.span.end } };
  }

  /** Words (and strings) up to the next comma or the end of the line. */
  wordsToComma(): Word[] {
    const out: Word[] = [];
    while (!this.done && !this.isPunct(',')) {
      const e = this.next()!;
      if (e.kind === 'word') out.push(e.word);
      else if (e.kind === 'string') out.push({ text: e.string.value, span: e.string.span });
      else if (e.kind === 'numbers') out.push({ text: e.numbers.map((n) => n.text).join(', '), span: e.span });
      else if (e.kind === 'group' || e.kind === 'punct' || e.kind === 'unknown') out.push({ text: e.text, span: e.span });
      else if (e.kind === 'vs') out.push({ text: 'vs ' + e.reference.text, span: e.span });
    }
    return out;
  }
}

export function spanOfWords(words: Word[]): Span | undefined {
  if (words.length === 0) return undefined;
  return { start: words[0]!.span.start, end: words[words.length - 1]!.span.end };
}
