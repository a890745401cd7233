// First step from the CST to the typed tree: each statement becomes a flat
// list of elements in source order (chevrotain groups CST children by name,
// not by position), and each block a list of such lines.
import { tokenMatcher, type CstElement, type CstNode, type IToken } from 'chevrotain';
import * as T from './tokens';
import type { NumberLit, ReferenceSpec, Span, StringLit, Word } from './ast';

export type Element =
  | { kind: 'numbers'; numbers: NumberLit[]; span: Span }
  | { kind: 'vs'; reference: ReferenceSpec; span: Span }
  | { kind: 'word'; word: Word; span: Span }
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

/** The single token of a one-token node (most elements), without walking and sorting. */
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

export function parseNumber(t: IToken): NumberLit {
  const text = t.image;
  const ascii = text.replace(UNICODE_MINUS, '-');
  const match = /^(-?(?:\d+(?:\.(\d*))?|\.(\d+))(?:[eE]([-+]?\d+))?)(?:\((\d+)\))?$/.exec(ascii.replace(/−/g, '-'));
  const value = Number(match ? match[1] : ascii);
  const lit: NumberLit = { value, text, span: spanOfToken(t) };
  if (match?.[5] !== undefined) {
    // `22.0728(13)`: the bracketed digits count in units of the last decimal place.
    const decimals = (match[2] ?? match[3] ?? '').length;
    const exponent = match[4] ? Number(match[4]) : 0;
    lit.uncertainty = Number(match[5]) * 10 ** (exponent - decimals);
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

function joinSpan(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function spanOfTokens(list: IToken[]): Span | undefined {
  if (list.length === 0) return undefined;
  return { start: list[0]!.startOffset, end: list[list.length - 1]!.endOffset! + 1 };
}

function groupElement(node: CstNode, source: string): Element | undefined {
  const span = spanOfNode(node);
  if (!span) return undefined;
  const closed = tokens(node, 'RParen').length > 0;
  return { kind: 'group', text: source.slice(span.start, span.end), closed, span };
}

function referenceOf(node: CstNode, source: string): ReferenceSpec | undefined {
  const electrodeTok = tokens(node, 'electrode')[0];
  const span = spanOfNode(node);
  if (!electrodeTok || !span) return undefined;
  const electrode = wordOf(electrodeTok);
  const groupNode = nodes(node, 'parenGroup')[0];
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

export function elementOf(node: CstNode, source: string): Element | undefined {
  const numberList = nodes(node, 'numberList')[0];
  if (numberList) {
    const nums = tokens(numberList, 'NumberLiteral').sort((a, b) => a.startOffset - b.startOffset).map(parseNumber);
    if (nums.length === 0) return undefined;
    return { kind: 'numbers', numbers: nums, span: joinSpan(nums[0]!.span, nums[nums.length - 1]!.span) };
  }
  const vs = nodes(node, 'vsReference')[0];
  if (vs) {
    const reference = referenceOf(vs, source);
    const span = spanOfNode(vs);
    if (!reference || !span) return span ? { kind: 'unknown', text: 'vs', span } : undefined;
    return { kind: 'vs', reference, span };
  }
  const group = nodes(node, 'parenGroup')[0];
  if (group) return groupElement(group, source);
  const tok = onlyToken(node);
  if (!tok) return undefined;
  if (tokenMatcher(tok, T.AnyWord)) return { kind: 'word', word: wordOf(tok), span: spanOfToken(tok) };
  if (tokenMatcher(tok, T.StringLike)) return { kind: 'string', string: stringOf(tok), span: spanOfToken(tok) };
  if (tokenMatcher(tok, T.Unknown)) return { kind: 'unknown', text: tok.image, span: spanOfToken(tok) };
  return { kind: 'punct', text: tok.image, span: spanOfToken(tok) };
}

function elementsOf(node: CstNode, source: string): Element[] {
  return nodes(node, 'element')
    .map((e) => elementOf(e, source))
    .filter((e): e is Element => e !== undefined)
    .sort((a, b) => a.span.start - b.span.start);
}

/** Leading tokens consumed directly by a rule (keyword, name, `=`, formula) as elements. */
function leadingTokens(node: CstNode, names: string[]): Element[] {
  const out: Element[] = [];
  for (const name of names) {
    for (const tok of tokens(node, name)) {
      if (tokenMatcher(tok, T.AnyWord)) out.push({ kind: 'word', word: wordOf(tok), span: spanOfToken(tok) });
      else if (tokenMatcher(tok, T.StringLike)) out.push({ kind: 'string', string: stringOf(tok), span: spanOfToken(tok) });
      else if (tokenMatcher(tok, T.NumberLiteral)) {
        const n = parseNumber(tok);
        out.push({ kind: 'numbers', numbers: [n], span: n.span });
      } else if (tokenMatcher(tok, T.Unknown)) out.push({ kind: 'unknown', text: tok.image, span: spanOfToken(tok) });
      else out.push({ kind: 'punct', text: tok.image, span: spanOfToken(tok) });
    }
  }
  return out;
}

function blockOf(node: CstNode, source: string): BlockLines | undefined {
  const open = tokens(node, 'LBrace')[0];
  if (!open) return undefined;
  const close = tokens(node, 'RBrace')[0];
  const lines: Line[] = [];
  for (const s of nodes(node, 'statement')) {
    const line = lineOf('statement', s, source);
    // A bare `{ … }` inside a block has no head word: readers skip it, the builder reports it.
    if (line) lines.push(line.elements.length === 0 ? { ...line, rule: 'orphanBlock' } : line);
  }
  for (const s of nodes(node, 'standardsTable')) {
    const line = standardsLine(s, source);
    if (line) lines.push(line);
  }
  for (const stray of tokens(node, 'stray')) {
    lines.push({ rule: 'stray', elements: [{ kind: 'punct', text: stray.image, span: spanOfToken(stray) }], span: spanOfToken(stray) });
  }
  lines.sort((a, b) => a.span.start - b.span.start);
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
    elements: leadingTokens(node, ['Standards']),
    standards: {
      unit: unitTok ? wordOf(unitTok) : undefined,
      reading: readingTok ? wordOf(readingTok) : undefined,
      rows,
      closed: tokens(node, 'RBrace').length > 0,
    },
    span,
  };
}

function reactionSide(node: CstNode | undefined): Element[][] {
  if (!node) return [];
  return nodes(node, 'reactionTerm').map((term) => leadingTokens(term, ['coefficient', 'species']));
}

export function lineOf(rule: Line['rule'], node: CstNode, source: string): Line | undefined {
  const span = spanOfNode(node);
  if (!span) return undefined;
  switch (rule) {
    case 'declaration': {
      const lead = leadingTokens(node, ['Ligand', 'Reagent', 'Cluster', 'name', 'Equals', 'formula']).sort((a, b) => a.span.start - b.span.start);
      return { rule, elements: [...lead, ...elementsOf(node, source)], span };
    }
    case 'reactionDecl': {
      const lead = leadingTokens(node, ['Reaction', 'name', 'Colon']).sort((a, b) => a.span.start - b.span.start);
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
      const lead = leadingTokens(node, ['BlockKeyword', 'Protocol', 'Import', 'StringLike', 'PhraseHead', 'Unknown', 'Comma', 'Equals', 'Arrow', 'Plus', 'Compare', 'Dot', 'Slash', 'Colon']);
      for (const g of nodes(node, 'parenGroup')) {
        const e = groupElement(g, source);
        if (e) lead.push(e);
      }
      const blockNode = nodes(node, 'block')[0];
      return { rule, elements: [...lead, ...elementsOf(node, source)].sort((a, b) => a.span.start - b.span.start), block: blockNode ? blockOf(blockNode, source) : undefined, span };
    }
    case 'orphanBlock': {
      return { rule, elements: [], block: blockOf(node, source), span };
    }
    default:
      return undefined;
  }
}

/** Turns the CST document into top-level lines, in source order. */
export function documentLines(cst: CstNode, source: string): Line[] {
  const lines: Line[] = [];
  for (const top of nodes(cst, 'topStatement')) {
    for (const [name, list] of Object.entries(top.children)) {
      for (const child of list) {
        if (isToken(child)) continue;
        const rule = name === 'topLine' || name === 'strayLine' ? 'statement' : name === 'orphanBlock' ? 'orphanBlock' : (name as Line['rule']);
        const line = lineOf(rule, child, source);
        if (line) lines.push(line);
      }
    }
  }
  for (const stray of nodes(cst, 'stray')) {
    const tok = onlyToken(stray);
    if (tok) lines.push({ rule: 'stray', elements: [{ kind: 'punct', text: tok.image, span: spanOfToken(tok) }], span: spanOfToken(tok) });
  }
  return lines.sort((a, b) => a.span.start - b.span.start);
}
