// First step from the tokens to the typed tree: each statement becomes a flat
// list of elements in source order, and each block a list of such lines
// (made by line-builder.ts as the parser consumes the tokens).
import { createTokenInstance, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
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
  /** The grammar rule it came from, which fixes how it is read. */
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

/** A token of the text, not one that error recovery inserted (it has no place). */
export function isRealToken(t: IToken): boolean {
  return !Number.isNaN(t.startOffset) && !t.isInsertedInRecovery;
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

export function tokenIsNumber(t: IToken): boolean {
  return kindOf(t) === TokenKind.Number;
}

/** One token as an element (numbers are grouped by the caller). */
export function tokenElement(t: IToken): Element {
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
