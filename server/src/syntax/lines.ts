// First step from the CST to the typed tree: each statement becomes a flat
// list of elements in source order (chevrotain groups CST children by name,
// not by position), and each block a list of such lines.
import { createTokenInstance, tokenMatcher, type CstElement, type CstNode, type IToken, type TokenType } from 'chevrotain';
import * as T from './tokens';
import type { NumberLit, ReferenceSpec, Span, StringLit, Word } from './ast';
import { WordElement } from './word-element';
import { timesPowerOfTen } from '../units/powers-of-ten';

export type Element =
  | { kind: 'numbers'; numbers: NumberLit[]; span: Span }
  | { kind: 'vs'; reference: ReferenceSpec; span: Span }
  | WordElement
  | { kind: 'string'; string: StringLit; span: Span }
  | { kind: 'group'; text: string; closed: boolean; span: Span }
  | { kind: 'punct'; text: string; span: Span }
  | { kind: 'unknown'; text: string; span: Span };

export interface Line {
  /** The CST rule it came from, which fixes how it is read. */
  rule: 'declaration' | 'reactionDecl' | 'blockDecl' | 'headedLine' | 'statement' | 'standardsTable' | 'stray' | 'orphanBlock';
  elements: Element[];
  block?: BlockLines;
  /** Parsed pieces of rules with their own structure. */
  reaction?: { left: Element[][]; right: Element[][]; arrow?: Span };
  standards?: { unit?: Word; reading?: Word; rows: { concentration: NumberLit; reading: NumberLit; span: Span }[]; closed: boolean };
  span: Span;
}

export interface BlockLines {
  lines: Line[];
  open: Span;
  close?: Span;
  span: Span;
}

const UNICODE_MINUS = /[−‒–]/g;

export function spanOfToken(t: IToken): Span {
  return { start: t.startOffset, end: t.endOffset! + 1 };
}

function isReal(t: IToken): boolean {
  return !Number.isNaN(t.startOffset) && !t.isInsertedInRecovery;
}

function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

/** All real tokens under a node, in source order. */
export function tokensOf(node: CstNode): IToken[] {
  const out: IToken[] = [];
  const walk = (n: CstNode) => {
    for (const list of Object.values(n.children)) {
      for (const child of list) {
        if (isToken(child)) {
          if (isReal(child)) out.push(child);
        } else walk(child);
      }
    }
  };
  walk(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** The node's span from chevrotain's location tracking; recovered nodes fall back to their tokens. */
function spanOfNode(node: CstNode): Span | undefined {
  const loc = node.location;
  if (loc && !Number.isNaN(loc.startOffset) && loc.endOffset !== undefined && !Number.isNaN(loc.endOffset)) {
    return { start: loc.startOffset, end: loc.endOffset + 1 };
  }
  return spanOfTokens(tokensOf(node));
}

/** The single token of a one-token node, without walking and sorting. */
function onlyToken(node: CstNode): IToken | undefined {
  for (const list of Object.values(node.children)) {
    for (const child of list) {
      if (isToken(child)) return isReal(child) ? child : undefined;
      return onlyToken(child);
    }
  }
  return undefined;
}

function children(node: CstNode, name: string): CstElement[] {
  return node.children[name] ?? [];
}

function nodes(node: CstNode, name: string): CstNode[] {
  return children(node, name).filter((c): c is CstNode => !isToken(c));
}

function tokens(node: CstNode, name: string): IToken[] {
  return children(node, name).filter((c): c is IToken => isToken(c) && isReal(c));
}

// The first child of a name without filtering the whole list into a new array
// (the builder asks these once or twice per line).

function firstToken(node: CstNode, name: string): IToken | undefined {
  const list = node.children[name];
  if (list) for (const c of list) if (isToken(c) && isReal(c)) return c;
  return undefined;
}

function firstNode(node: CstNode, name: string): CstNode | undefined {
  const list = node.children[name];
  if (list) for (const c of list) if (!isToken(c)) return c;
  return undefined;
}

/** Only ASCII digits, sign, point and exponent: `Number` reads it exactly as the full grammar below. */
const PLAIN_NUMBER = /^[-+.eE0-9]*$/;

export function parseNumber(t: IToken): NumberLit {
  const text = t.image;
  if (PLAIN_NUMBER.test(text)) return { value: Number(text), text, span: spanOfToken(t) };
  const ascii = text.replace(UNICODE_MINUS, '-');
  const match = /^(-?(?:\d+(?:\.(\d*))?|\.(\d+))(?:[eE]([-+]?\d+))?)(?:\((\d+)\))?$/.exec(ascii.replace(/−/g, '-'));
  const value = Number(match ? match[1] : ascii);
  const lit: NumberLit = { value, text, span: spanOfToken(t) };
  if (match?.[5] !== undefined) {
    // `22.0728(13)`: the bracketed digits count in units of the last decimal place.
    const decimals = (match[2] ?? match[3] ?? '').length;
    const exponent = match[4] ? Number(match[4]) : 0;
    lit.uncertainty = timesPowerOfTen(Number(match[5]), exponent - decimals);
  }
  return lit;
}

export function wordOf(t: IToken): Word {
  return { text: t.image, span: spanOfToken(t) };
}

export function stringOf(t: IToken): StringLit {
  const closed = tokenMatcher(t, T.StringLiteral);
  const value = closed ? t.image.slice(1, -1) : t.image.slice(1);
  return { value, span: spanOfToken(t), closed };
}

function spanOfTokens(list: IToken[]): Span | undefined {
  if (list.length === 0) return undefined;
  return { start: list[0]!.startOffset, end: list[list.length - 1]!.endOffset! + 1 };
}

function groupElement(node: CstNode, source: string): Element | undefined {
  const span = spanOfNode(node);
  if (!span) return undefined;
  const closed = firstToken(node, 'RParen') !== undefined;
  return { kind: 'group', text: source.slice(span.start, span.end), closed, span };
}

function referenceOf(node: CstNode, source: string): ReferenceSpec | undefined {
  const electrodeTok = firstToken(node, 'electrode');
  const span = spanOfNode(node);
  if (!electrodeTok || !span) return undefined;
  const electrode = wordOf(electrodeTok);
  const groupNode = firstNode(node, 'parenGroup');
  let qualifier: Word | undefined;
  if (groupNode) {
    const g = groupElement(groupNode, source);
    if (g && g.kind === 'group') qualifier = { text: g.text, span: g.span };
  }
  // `Ag/AgCl(sat.KCl)` lexes as one word; split the bracket off as the qualifier.
  const bracket = electrode.text.indexOf('(');
  if (!qualifier && bracket > 0) {
    qualifier = { text: electrode.text.slice(bracket), span: { start: electrode.span.start + bracket, end: electrode.span.end } };
    electrode.text = electrode.text.slice(0, bracket);
    electrode.span = { start: electrode.span.start, end: electrode.span.start + bracket };
  }
  const text = qualifier ? `${electrode.text} ${qualifier.text}` : electrode.text;
  return { text, electrode, qualifier, span };
}

function vsElement(node: CstNode, source: string): Element | undefined {
  const reference = referenceOf(node, source);
  const span = spanOfNode(node);
  if (!reference || !span) return span ? { kind: 'unknown', text: 'vs', span } : undefined;
  return { kind: 'vs', reference, span };
}

/** What a prose token becomes as an element. */
const enum TokenKind {
  Punct,
  Word,
  String,
  Number,
  Unknown,
}

/**
 * Each token type's kind, by its index: one array read per token where `tokenMatcher`
 * would test categories in turn. Categories (AnyWord, StringLike) never stand on a token.
 */
const TOKEN_KINDS: TokenKind[] = [];
for (const type of T.allTokens) TOKEN_KINDS[type.tokenTypeIdx!] = kindOfType(type);

function kindOfType(type: TokenType): TokenKind {
  const sample = createTokenInstance(type, '', 0, 0, 0, 0, 0, 0);
  if (tokenMatcher(sample, T.AnyWord)) return TokenKind.Word;
  if (tokenMatcher(sample, T.StringLike)) return TokenKind.String;
  if (tokenMatcher(sample, T.NumberLiteral)) return TokenKind.Number;
  if (tokenMatcher(sample, T.Unknown)) return TokenKind.Unknown;
  return TokenKind.Punct;
}

function kindOf(t: IToken): TokenKind {
  return TOKEN_KINDS[t.tokenTypeIdx] ?? TokenKind.Punct;
}

/** One token as an element (numbers are grouped by the caller). */
function tokenElement(t: IToken): Element {
  switch (kindOf(t)) {
    case TokenKind.Word:
      return new WordElement(t);
    case TokenKind.String:
      return { kind: 'string', string: stringOf(t), span: spanOfToken(t) };
    case TokenKind.Number: {
      const n = parseNumber(t);
      return { kind: 'numbers', numbers: [n], span: n.span };
    }
    case TokenKind.Unknown:
      return { kind: 'unknown', text: t.image, span: spanOfToken(t) };
    default:
      return { kind: 'punct', text: t.image, span: spanOfToken(t) };
  }
}

/**
 * Appends a line's prose to `out` in source order: its prose tokens (one
 * ordered list), `vs` references and brackets. A number followed by `, number`
 * pairs is one element: numbers that share the unit written after the last.
 */
function appendProse(node: CstNode, source: string, out: Element[]): void {
  const prose = node.children.Prose as IToken[] | undefined;
  const vs = node.children.vsReference as CstNode[] | undefined;
  const groups = node.children.parenGroup as CstNode[] | undefined;
  const words = prose ?? [];
  let w = 0;
  let v = 0;
  let g = 0;
  const first = out.length;
  while (w < words.length || (vs && v < vs.length) || (groups && g < groups.length)) {
    const ws = w < words.length ? words[w]!.startOffset : Infinity;
    const vsStart = vs && v < vs.length ? nodeStart(vs[v]!) : Infinity;
    const gs = groups && g < groups.length ? nodeStart(groups[g]!) : Infinity;
    if (vsStart < ws && vsStart <= gs) {
      const e = vsElement(vs![v++]!, source);
      if (e) out.push(e);
      continue;
    }
    if (gs < ws) {
      const e = groupElement(groups![g++]!, source);
      if (e) out.push(e);
      continue;
    }
    if (ws === Infinity) {
      // Nodes without any position: nothing to place.
      if (vs && v < vs.length) v++;
      else g++;
      continue;
    }
    const t = words[w++]!;
    if (kindOf(t) !== TokenKind.Number) {
      out.push(tokenElement(t));
      continue;
    }
    const numbers = [parseNumber(t)];
    // `-0.7, -0.8, -0.9`: a comma and a number directly after, nothing between them.
    while (
      w + 1 < words.length &&
      words[w]!.tokenTypeIdx === T.Comma.tokenTypeIdx &&
      kindOf(words[w + 1]!) === TokenKind.Number &&
      nothingBetween(words[w - 1]!, words[w + 1]!, vs, v, groups, g)
    ) {
      numbers.push(parseNumber(words[w + 1]!));
      w += 2;
    }
    const last = numbers[numbers.length - 1]!;
    out.push({ kind: 'numbers', numbers, span: numbers.length === 1 ? last.span : { start: numbers[0]!.span.start, end: last.span.end } });
  }
  if (vs || groups) {
    // Recovered nodes may sit out of place; the prose keeps source order.
    for (let i = first + 1; i < out.length; i++) {
      if (startOf(out[i]!) < startOf(out[i - 1]!)) {
        const prose = out.splice(first);
        out.push(...elementsInSourceOrder(prose));
        break;
      }
    }
  }
}

function nodeStart(n: CstNode): number {
  return spanOfNode(n)?.start ?? Infinity;
}

/** Whether no `vs` reference or bracket lies between two prose tokens. */
function nothingBetween(a: IToken, b: IToken, vs: CstNode[] | undefined, v: number, groups: CstNode[] | undefined, g: number): boolean {
  const inside = (n: CstNode | undefined) => n !== undefined && n.location !== undefined && n.location.startOffset > a.startOffset && n.location.startOffset < b.startOffset;
  return !inside(vs?.[v]) && !inside(groups?.[g]);
}

/** Where an element starts (a word's span is built only when a reader takes it). */
function startOf(e: Element): number {
  return e.kind === 'word' ? e.start : e.span.start;
}

function lineStart(line: Line): number {
  return line.span.start;
}

/** Keeps a list in source order when recovery left it out of it (rare; usually already sorted, and then not sorted again). */
function inSourceOrder<T>(list: T[], start: (x: T) => number): T[] {
  for (let i = 1; i < list.length; i++) {
    if (start(list[i]!) < start(list[i - 1]!)) return list.sort((a, b) => start(a) - start(b));
  }
  return list;
}

function elementsInSourceOrder(list: Element[]): Element[] {
  return inSourceOrder(list, startOf);
}

/**
 * Tokens consumed directly by a rule (keyword, name, `=`, formula) as elements, in source order. The
 * node's few children are visited and kept by name, rather than each possible name looked up in them.
 */
function leadingTokens(node: CstNode, names: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  for (const name in node.children) {
    if (!names.has(name)) continue;
    for (const tok of node.children[name]!) if (isToken(tok) && isReal(tok)) out.push(tokenElement(tok));
  }
  return elementsInSourceOrder(out);
}

function blockOf(node: CstNode, source: string): BlockLines | undefined {
  const open = firstToken(node, 'LBrace');
  if (!open) return undefined;
  const close = firstToken(node, 'RBrace');
  const lines: Line[] = [];
  for (const s of node.children.statement ?? []) {
    if (isToken(s)) continue;
    const line = lineOf('statement', s, source);
    // A bare `{ … }` inside a block has no head word: readers skip it, the builder reports it.
    if (line) lines.push(line.elements.length === 0 ? { ...line, rule: 'orphanBlock' } : line);
  }
  for (const s of node.children.standardsTable ?? []) {
    const line = isToken(s) ? undefined : standardsLine(s, source);
    if (line) lines.push(line);
  }
  for (const stray of node.children.stray ?? []) {
    if (isToken(stray) && isReal(stray)) lines.push(strayLine(stray));
  }
  inSourceOrder(lines, lineStart);
  const span = spanOfNode(node)!;
  return { lines, open: spanOfToken(open), close: close ? spanOfToken(close) : undefined, span };
}

function standardsLine(node: CstNode, source: string): Line | undefined {
  const span = spanOfNode(node);
  if (!span) return undefined;
  const unitTok = tokens(node, 'concentrationUnit')[0];
  const readingTok = tokens(node, 'reading')[0];
  const rows = nodes(node, 'standardRow')
    .map((r) => {
      const c = tokens(r, 'concentration')[0];
      const v = tokens(r, 'reading')[0];
      if (!c || !v) return undefined;
      return { concentration: parseNumber(c), reading: parseNumber(v), span: { start: c.startOffset, end: v.endOffset! + 1 } };
    })
    .filter((r): r is NonNullable<typeof r> => r !== undefined);
  void source;
  return {
    rule: 'standardsTable',
    elements: leadingTokens(node, STANDARDS_HEAD),
    standards: {
      unit: unitTok ? wordOf(unitTok) : undefined,
      reading: readingTok ? wordOf(readingTok) : undefined,
      rows,
      closed: tokens(node, 'RBrace').length > 0,
    },
    span,
  };
}

const STANDARDS_HEAD = new Set(['Standards']);
const REACTION_TERM = new Set(['coefficient', 'species']);

function reactionSide(node: CstNode | undefined): Element[][] {
  if (!node) return [];
  return nodes(node, 'reactionTerm').map((term) => leadingTokens(term, REACTION_TERM));
}

const DECLARATION_HEAD = new Set(['Ligand', 'Reagent', 'Cluster', 'name', 'Equals', 'formula']);
const REACTION_HEAD = new Set(['Reaction', 'name', 'Colon']);
/** What a statement-like rule consumes itself before its prose (one of them per rule). */
const STATEMENT_HEAD = new Set(['BlockKeyword', 'Protocol', 'Import', 'StringLike', 'PhraseHead', 'Unknown', 'Comma', 'Equals', 'Arrow', 'Plus', 'Compare', 'Dot', 'Slash', 'Colon']);

export function lineOf(rule: Line['rule'], node: CstNode, source: string): Line | undefined {
  const span = spanOfNode(node);
  if (!span) return undefined;
  switch (rule) {
    case 'declaration': {
      const elements = leadingTokens(node, DECLARATION_HEAD);
      appendProse(node, source, elements);
      return { rule, elements, span };
    }
    case 'reactionDecl': {
      const lead = leadingTokens(node, REACTION_HEAD);
      const arrow = tokens(node, 'Arrow')[0];
      return {
        rule,
        elements: lead,
        reaction: { left: reactionSide(nodes(node, 'left')[0]), right: reactionSide(nodes(node, 'right')[0]), arrow: arrow ? spanOfToken(arrow) : undefined },
        span,
      };
    }
    case 'blockDecl':
    case 'statement':
    case 'headedLine': {
      const elements = leadingTokens(node, STATEMENT_HEAD);
      appendProse(node, source, elements);
      const blockNode = firstNode(node, 'block');
      return { rule, elements: elementsInSourceOrder(elements), block: blockNode ? blockOf(blockNode, source) : undefined, span };
    }
    case 'orphanBlock': {
      return { rule, elements: [], block: blockOf(node, source), span };
    }
    default:
      return undefined;
  }
}

/** A top-level statement of the CST and where it starts, to be read into a line in its turn. */
interface TopLevelEntry {
  rule: Line['rule'];
  node: CstNode;
  start: number;
}

/**
 * Hands the CST document's top-level lines to `read`, in source order. Each line is built just
 * before it is read: its elements are garbage before the next line is built, where building every
 * line first kept them all alive through the collector's copies (a file read as one chunk).
 */
export function forEachDocumentLine(cst: CstNode, source: string, read: (line: Line) => void): void {
  const entries: TopLevelEntry[] = [];
  for (const top of cst.children.topStatement ?? []) {
    if (isToken(top)) continue;
    for (const name in top.children) {
      for (const child of top.children[name]!) {
        if (isToken(child)) continue;
        const start = spanOfNode(child)?.start;
        if (start === undefined) continue; // nothing to place, nor to read
        const rule = name === 'topLine' || name === 'strayLine' ? 'statement' : name === 'orphanBlock' ? 'orphanBlock' : (name as Line['rule']);
        entries.push({ rule, node: child, start });
      }
    }
  }
  for (const stray of nodes(cst, 'stray')) {
    const tok = onlyToken(stray);
    if (tok) entries.push({ rule: 'stray', node: stray, start: tok.startOffset });
  }
  if (entries.some((e, i) => i > 0 && e.start < entries[i - 1]!.start)) entries.sort((a, b) => a.start - b.start);
  for (const { rule, node } of entries) {
    const line = rule === 'stray' ? strayLine(onlyToken(node)!) : lineOf(rule, node, source);
    if (line) read(line);
  }
}

/** A `}` or `)` that closes nothing, as a line of its own. */
function strayLine(tok: IToken): Line {
  return { rule: 'stray', elements: [{ kind: 'punct', text: tok.image, span: spanOfToken(tok) }], span: spanOfToken(tok) };
}
