// Builds the lines of a chunk (lines.ts) while the parser runs, from the
// tokens it consumes: no CST is made and walked afterwards. Each grammar rule
// opens a frame as it starts and closes it as it ends, normally or through an
// exception on its way to error recovery, so a statement cut short by a syntax
// error keeps what it read, as chevrotain's partial CST nodes did. A frame's
// span runs from its first real token to its last (tokens inserted by
// recovery have no place), its inner frames' included.
import type { IToken } from 'chevrotain';
import type { BlockLines, Element, Line } from './lines';
import { isRealToken, parseNumber, spanOfToken, tokenElement, tokenIsNumber, wordOf } from './lines';
import type { NumberLit, ReferenceSpec, Span, Word } from './ast';
import * as T from './tokens';

export const enum FrameKind {
  /** A statement-like rule: its head tokens, prose, brackets and `vs` references become its elements. */
  Line,
  Block,
  /** A block standing where a statement would (`{ … }` with no keyword before it). */
  OrphanBlock,
  Group,
  Vs,
  Standards,
  StandardRow,
  ReactionSide,
  ReactionTerm,
  /** A `}` or `)` with nothing to close, at the top level. */
  Stray,
}

/** What a consumed token is to the frame that consumed it. */
export const enum Role {
  /** Consumed by the rule itself before its prose (keyword, name, `=`, formula): an element of its own. */
  Head,
  /** Counts for the span only (`{`, `->`, `vs`, separators). */
  Span,
  Open,
  Close,
  /** `vs RHE`: the electrode's name. */
  Electrode,
  /** `standards mg/L -> absorbance`: the concentration unit and the reading. */
  Unit,
  Reading,
  /** A row of standards: its concentration. */
  Concentration,
  Arrow,
  /** A `}` or `)` with nothing to close: a line of its own, in its block or at the top level. */
  StrayCloser,
}

/** The elements of frames that have none (blocks, brackets, rows …): never added to. */
const NO_ELEMENTS: Element[] = [];

class Frame {
  start = -1;
  end = -1;
  elements: Element[];
  /** Prose numbers that may take more (`-0.7, -0.8`), and the comma after them, held until the next token decides. */
  numbers: { kind: 'numbers'; numbers: NumberLit[]; span: Span } | undefined = undefined;
  comma: IToken | undefined = undefined;
  block: BlockLines | undefined = undefined;
  reaction: { left: Element[][]; right: Element[][]; arrow?: Span; sides: number } | undefined = undefined;
  lines: Line[] | undefined = undefined;
  open: IToken | undefined = undefined;
  close: IToken | undefined = undefined;
  closed = false;
  electrode: IToken | undefined = undefined;
  qualifier: Word | undefined = undefined;
  unit: IToken | undefined = undefined;
  reading: IToken | undefined = undefined;
  concentration: IToken | undefined = undefined;
  rows: { concentration: NumberLit; reading: NumberLit; span: Span }[] | undefined = undefined;
  terms: Element[][] | undefined = undefined;
  stray: IToken | undefined = undefined;

  constructor(
    readonly kind: FrameKind,
    readonly rule: Line['rule'],
  ) {
    this.elements = kind === FrameKind.Line || kind === FrameKind.Standards || kind === FrameKind.ReactionTerm ? [] : NO_ELEMENTS;
  }

  get span(): Span | undefined {
    return this.start < 0 ? undefined : { start: this.start, end: this.end + 1 };
  }

  extend(start: number, end: number): void {
    if (this.start < 0) this.start = start;
    if (end > this.end) this.end = end;
  }
}

export class LineBuilder {
  private source = '';
  private stack: Frame[] = [];
  private top: Line[] = [];

  /** Starts a parse of `source` (token offsets count in it). */
  reset(source: string): void {
    this.source = source;
    this.stack = [];
    this.top = [];
  }

  /** The top-level lines of the parse, in source order. */
  finish(): Line[] {
    const lines = this.top;
    this.reset('');
    return lines;
  }

  open(kind: FrameKind, rule: Line['rule'] = 'statement'): void {
    const frame = new Frame(kind, rule);
    if (kind === FrameKind.Block || kind === FrameKind.OrphanBlock) frame.lines = [];
    else if (kind === FrameKind.Standards) frame.rows = [];
    else if (kind === FrameKind.ReactionSide) frame.terms = [];
    else if (rule === 'reactionDecl') frame.reaction = { left: [], right: [], sides: 0 };
    this.stack.push(frame);
  }

  /** Ends the innermost frame and hands what it built to the frame around it. */
  close(): void {
    const frame = this.stack.pop()!;
    const parent = this.stack[this.stack.length - 1];
    if (parent && frame.start >= 0) parent.extend(frame.start, frame.end);
    switch (frame.kind) {
      case FrameKind.Line:
        return this.closeLine(frame, parent);
      case FrameKind.Block:
      case FrameKind.OrphanBlock:
        return this.closeBlock(frame, parent);
      case FrameKind.Group:
        return this.closeGroup(frame, parent);
      case FrameKind.Vs:
        return this.closeVs(frame, parent);
      case FrameKind.Standards:
        return this.closeStandards(frame, parent);
      case FrameKind.StandardRow: {
        const c = frame.concentration;
        const r = frame.reading;
        if (c && r && parent?.rows) parent.rows.push({ concentration: parseNumber(c), reading: parseNumber(r), span: { start: c.startOffset, end: r.endOffset! + 1 } });
        return;
      }
      case FrameKind.ReactionTerm:
        parent?.terms?.push(frame.elements);
        return;
      case FrameKind.ReactionSide: {
        const reaction = parent?.reaction;
        if (!reaction) return;
        if (reaction.sides === 0) reaction.left = frame.terms!;
        else if (reaction.sides === 1) reaction.right = frame.terms!;
        reaction.sides++;
        return;
      }
      case FrameKind.Stray:
        if (frame.stray) this.top.push(strayLine(frame.stray));
        return;
    }
  }

  /** A token the innermost frame consumed. */
  token(t: IToken, role: Role): void {
    if (!isRealToken(t)) return;
    const frame = this.stack[this.stack.length - 1]!;
    frame.extend(t.startOffset, t.endOffset!);
    switch (role) {
      case Role.Head:
        this.settle(frame);
        frame.elements.push(tokenElement(t));
        return;
      case Role.Span:
        return;
      case Role.Open:
        frame.open ??= t;
        return;
      case Role.Close:
        frame.closed = true;
        frame.close ??= t;
        return;
      case Role.Electrode:
        frame.electrode ??= t;
        return;
      case Role.Unit:
        frame.unit ??= t;
        return;
      case Role.Reading:
        frame.reading ??= t;
        return;
      case Role.Concentration:
        frame.concentration ??= t;
        return;
      case Role.Arrow:
        if (frame.reaction) frame.reaction.arrow ??= spanOfToken(t);
        return;
      case Role.StrayCloser:
        if (frame.kind === FrameKind.Stray) frame.stray ??= t;
        else frame.lines?.push(strayLine(t));
        return;
    }
  }

  /**
   * A prose token of the innermost line. A number followed by `, number` pairs is one element: numbers
   * that share the unit written after the last. The comma is held until the token after it says which.
   */
  prose(t: IToken): void {
    if (!isRealToken(t)) return;
    const frame = this.stack[this.stack.length - 1]!;
    frame.extend(t.startOffset, t.endOffset!);
    if (tokenIsNumber(t)) {
      const open = frame.numbers;
      if (open && frame.comma) {
        const n = parseNumber(t);
        open.numbers.push(n);
        open.span = { start: open.span.start, end: n.span.end };
        frame.comma = undefined;
        return;
      }
      this.settle(frame);
      const n = parseNumber(t);
      const element = { kind: 'numbers' as const, numbers: [n], span: n.span };
      frame.elements.push(element);
      frame.numbers = element;
      return;
    }
    if (t.tokenTypeIdx === T.Comma.tokenTypeIdx && frame.numbers && !frame.comma) {
      frame.comma = t;
      return;
    }
    this.settle(frame);
    frame.elements.push(tokenElement(t));
  }

  /** Something other than `, number` came: a held comma is punctuation, and the numbers take no more. */
  private settle(frame: Frame): void {
    if (frame.comma) frame.elements.push(tokenElement(frame.comma));
    frame.comma = undefined;
    frame.numbers = undefined;
  }

  /** An element made by an inner frame (a bracket, a `vs` reference), in its place among the line's. */
  private element(parent: Frame | undefined, e: Element): void {
    if (parent?.kind !== FrameKind.Line) return;
    this.settle(parent);
    parent.elements.push(e);
  }

  private closeLine(frame: Frame, parent: Frame | undefined): void {
    const span = frame.span;
    if (!span) return;
    this.settle(frame);
    const line: Line = { rule: frame.rule, elements: frame.elements, span };
    if (frame.reaction) line.reaction = { left: frame.reaction.left, right: frame.reaction.right, arrow: frame.reaction.arrow };
    else if (frame.rule !== 'declaration') line.block = frame.block;
    this.addLine(line, parent);
  }

  private addLine(line: Line, parent: Frame | undefined): void {
    if (!parent) this.top.push(line);
    // A bare `{ … }` inside a block has no head word: readers skip it, the builder reports it.
    else if (parent.lines) parent.lines.push(line.elements.length === 0 && line.rule === 'statement' ? { ...line, rule: 'orphanBlock' } : line);
  }

  private closeBlock(frame: Frame, parent: Frame | undefined): void {
    const block: BlockLines | undefined = frame.open
      ? { lines: frame.lines!, open: spanOfToken(frame.open), close: frame.close ? spanOfToken(frame.close) : undefined, span: frame.span! }
      : undefined;
    if (frame.kind === FrameKind.OrphanBlock) {
      const span = frame.span;
      if (span) this.top.push({ rule: 'orphanBlock', elements: [], block, span });
      return;
    }
    if (parent?.kind === FrameKind.Line && !parent.block) parent.block = block;
  }

  private closeGroup(frame: Frame, parent: Frame | undefined): void {
    const span = frame.span;
    if (!span || !parent) return;
    const text = this.source.slice(span.start, span.end);
    if (parent.kind === FrameKind.Vs) {
      parent.qualifier ??= { text, span };
      return;
    }
    this.element(parent, { kind: 'group', text, closed: frame.closed, span });
  }

  private closeVs(frame: Frame, parent: Frame | undefined): void {
    const span = frame.span;
    if (!span) return;
    const reference = frame.electrode ? referenceOf(frame.electrode, frame.qualifier, span) : undefined;
    this.element(parent, reference ? { kind: 'vs', reference, span } : { kind: 'unknown', text: 'vs', span });
  }

  private closeStandards(frame: Frame, parent: Frame | undefined): void {
    const span = frame.span;
    if (!span || !parent?.lines) return;
    parent.lines.push({
      rule: 'standardsTable',
      elements: frame.elements,
      standards: { unit: frame.unit ? wordOf(frame.unit) : undefined, reading: frame.reading ? wordOf(frame.reading) : undefined, rows: frame.rows!, closed: frame.closed },
      span,
    });
  }
}

function referenceOf(electrodeToken: IToken, bracket: Word | undefined, span: Span): ReferenceSpec {
  const electrode = wordOf(electrodeToken);
  let qualifier = bracket;
  // `Ag/AgCl(sat.KCl)` lexes as one word; split the bracket off as the qualifier.
  const at = electrode.text.indexOf('(');
  if (!qualifier && at > 0) {
    qualifier = { text: electrode.text.slice(at), span: { start: electrode.span.start + at, end: electrode.span.end } };
    electrode.text = electrode.text.slice(0, at);
    electrode.span = { start: electrode.span.start, end: electrode.span.start + at };
  }
  const text = qualifier ? `${electrode.text} ${qualifier.text}` : electrode.text;
  return { text, electrode, qualifier, span };
}

/** A `}` or `)` that closes nothing, as a line of its own. */
function strayLine(t: IToken): Line {
  return { rule: 'stray', elements: [{ kind: 'punct', text: t.image, span: spanOfToken(t) }], span: spanOfToken(t) };
}
