// Reads the elements of one line left to right: the vocabulary the typed tree
// builder uses for every block kind ("a quantity", "a potential", "words up
// to the next comma").
import type { Element } from './lines';
import type { Amount, NumberLit, Potential, Quantity, ReferenceSpec, Span, StringLit, Word } from './ast';
import { isMassFractionUnit } from '../units/parse-unit';
import type { PlaceName } from '../units/places';

/** Words that join phrases; never a unit or a species name. */
export const CONNECTIVES = new Set([
  'in', 'at', 'for', 'from', 'to', 'by', 'with', 'until', 'into', 'of', 'and', 'as', 'after', 'data', 'vs',
  'measured', 'estimated', 'then', 'over', 'under', 'per', 'each', 'every', 'cycles', 'cycle', 'collected',
  'independent', 'completeness', 'density', 'drop-cast', 'dropcast', 'cast',
]);

export class LineCursor {
  private index = 0;

  constructor(readonly elements: Element[]) {}

  /** The position, to go back to with `reset` when a reading does not fit. */
  mark(): number {
    return this.index;
  }

  reset(mark: number): void {
    this.index = mark;
  }

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
    return e?.kind === 'word' && (text === undefined || sameWord(e.text, text));
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
    if (e?.kind !== 'word' || CONNECTIVES.has(e.text.toLowerCase())) return undefined;
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

  /** A number (or list) and, unless `bare`, the unit written after it, at the place the reader says. */
  quantity(place: PlaceName, options?: { bare?: boolean }): Quantity | undefined {
    const e = this.peek();
    if (e?.kind !== 'numbers') return undefined;
    this.index++;
    let unit: Word | undefined;
    if (!options?.bare) unit = this.massPercentTail(this.nameWord());
    const end = unit ? unit.span.end : e.span.end;
    return { kind: 'quantity', values: e.numbers, unit, place, span: { start: e.span.start, end } };
  }

  /**
   * `wt. %`, `wt %` and `% w/w` are one unit written in pieces (percent by mass);
   * joins the pieces after `unit` into one word, its text as written.
   */
  private massPercentTail(unit: Word | undefined): Word | undefined {
    // Nearly every unit is whole: answer before building the pieces (once per quantity of the file).
    if (!unit || (unit.text !== '%' && unit.text.toLowerCase() !== 'wt')) return unit;
    const parts: Span[] = [unit.span];
    const texts = [unit.text];
    const take = (text: string, span: Span) => {
      texts.push(' '.repeat(span.start - parts[parts.length - 1]!.end) + text);
      parts.push(span);
      this.index++;
    };
    if (unit.text.toLowerCase() === 'wt') {
      const dot = this.peek();
      if (dot?.kind === 'punct' && dot.text === '.' && this.isWord('%', 1)) take('.', dot.span);
      if (!this.isWord('%')) {
        // `wt.` without `%`: not a unit; put back what was taken.
        this.index -= parts.length - 1;
        return unit;
      }
      take('%', this.peek()!.span);
    } else if (unit.text === '%' && this.isWord('w/w')) {
      take('w/w', this.peek()!.span);
    } else return unit;
    return { text: texts.join(''), span: { start: parts[0]!.start, end: parts[parts.length - 1]!.end } };
  }

  reference(): ReferenceSpec | undefined {
    const e = this.peek();
    if (e?.kind !== 'vs') return undefined;
    this.index++;
    return e.reference;
  }

  /** A quantity with an optional `vs` scale right after it. */
  potential(place: PlaceName): Potential | undefined {
    const quantity = this.quantity(place);
    if (!quantity) return undefined;
    const scale = this.reference();
    return { kind: 'potential', quantity, scale, span: { start: quantity.span.start, end: scale ? scale.span.end : quantity.span.end } };
  }

  /** `20 mg CuCl`: a quantity with its unit, followed by a species name. Consumes nothing otherwise. */
  amount(place: PlaceName): Amount | undefined {
    if (!this.isNumber()) return undefined;
    const start = this.index;
    const quantity = this.quantity(place)!;
    const species = quantity.unit ? this.nameWord() : undefined;
    if (!species) {
      this.index = start;
      return undefined;
    }
    return { kind: 'amount', quantity, species, span: { start: quantity.span.start, end: species.span.end } };
  }

  /** `20 wt%`: a quantity whose unit is a percent by mass. Consumes nothing otherwise. */
  massFraction(place: PlaceName): Quantity | undefined {
    if (!this.isNumber()) return undefined;
    const start = this.index;
    const q = this.quantity(place)!;
    if (q.unit && isMassFractionUnit(q.unit.text)) return q;
    this.index = start;
    return undefined;
  }

  /**
   * `10 mL of 2 mM X`, `10 g of 10 wt% PBI`, `2 mM X (10 mL)`: an amount with the volume
   * or total mass of the solution it is in. Consumes nothing when no amount follows.
   */
  amountInSolution(place: PlaceName, solutionPlace: PlaceName): Amount | undefined {
    const start = this.index;
    let solution: Quantity | undefined;
    // `2 mL of`, or `2 of` whose unit is missing (the analysis says so, at the number).
    if (this.isNumber() && (this.isWord('of', 1) || this.isWord('of', 2))) {
      solution = this.quantity(solutionPlace);
      if (!this.accept('of')) {
        this.index = start;
        return undefined;
      }
    }
    const amount = this.amount(place);
    if (!amount) {
      this.index = start;
      return undefined;
    }
    let end = amount.span.end;
    const group = this.peek();
    if (!solution && group?.kind === 'group' && group.closed) {
      solution = quantityInBrackets(group.text, group.span.start, solutionPlace);
      if (solution) {
        this.index++;
        end = group.span.end;
      }
    }
    if (!solution) return amount;
    return { ...amount, solution, span: { start: Math.min(amount.span.start, solution.span.start), end } };
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

/** Two spellings of one word, whatever their case; most words a reader compares are written as it expects them. */
function sameWord(written: string, expected: string): boolean {
  return written === expected || (written.length === expected.length && written.toLowerCase() === expected.toLowerCase());
}

export function spanOfWords(words: Word[]): Span | undefined {
  if (words.length === 0) return undefined;
  return { start: words[0]!.span.start, end: words[words.length - 1]!.span.end };
}

/** `(10 mL)`: a single number and unit in brackets, as a quantity with exact spans; undefined for anything else. */
function quantityInBrackets(text: string, offset: number, place: PlaceName): Quantity | undefined {
  const m = /^\(\s*((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*([^\s()\d][^\s()]*)\s*\)$/.exec(text);
  if (!m) return undefined;
  const numberStart = offset + text.indexOf(m[1]!);
  const unitStart = offset + text.indexOf(m[2]!, numberStart - offset + m[1]!.length);
  const number: NumberLit = { value: Number(m[1]), text: m[1]!, span: { start: numberStart, end: numberStart + m[1]!.length } };
  const unit: Word = { text: m[2]!, span: { start: unitStart, end: unitStart + m[2]!.length } };
  return { kind: 'quantity', values: [number], unit, place, span: { start: number.span.start, end: unit.span.end } };
}
