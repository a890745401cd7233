// A protocol nests blocks two or three deep; a pasted or corrupted file can
// open thousands of `{` or `(`. The parser descends once per level, so the
// tokens it sees are cut at MAX_NESTING: deeper brackets (and the closers
// that match them) are left out and reported once, and the text inside them
// is read at the deepest level allowed. The formatter and the semantic
// tokens still see every token.
import { createTokenInstance, tokenMatcher, type IToken } from 'chevrotain';
import * as T from './tokens';

/** Deepest `{` and `(` nesting read as blocks and groups; far beyond any protocol. */
export const MAX_NESTING = 64;

export interface NestingCut {
  /** The tokens for the parser: the input itself when nothing is nested too deep. */
  tokens: IToken[];
  /** The first `{` and the first `(` left out, to report. */
  firstCut: IToken[];
}

/** What a token type is to the nesting count, by index (0: nothing), as tokenMatcher reads it: one lookup per token. */
const LBRACE = 1;
const RBRACE = 2;
const LPAREN = 3;
const RPAREN = 4;
const NEWLINE = 5;
const ROLE: number[] = [];
for (const type of T.allTokens) {
  const t = createTokenInstance(type, '', 0, 0, 0, 0, 0, 0);
  ROLE[type.tokenTypeIdx!] = tokenMatcher(t, T.LBrace) ? LBRACE : tokenMatcher(t, T.RBrace) ? RBRACE : tokenMatcher(t, T.LParen) ? LPAREN : tokenMatcher(t, T.RParen) ? RPAREN : tokenMatcher(t, T.Newline) ? NEWLINE : 0;
}

export function limitNesting(tokens: IToken[]): NestingCut {
  let braces = 0;
  let bracesCut = 0;
  let parens = 0;
  let parensCut = 0;
  let kept: IToken[] | undefined;
  const firstCut: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const role = ROLE[t.tokenTypeIdx] ?? 0;
    let drop = false;
    if (role === LBRACE) {
      if (braces >= MAX_NESTING) drop = true, bracesCut++;
      else braces++;
    } else if (role === RBRACE) {
      if (bracesCut > 0) drop = true, bracesCut--;
      else braces = Math.max(0, braces - 1);
    } else if (role === LPAREN) {
      if (parens >= MAX_NESTING) drop = true, parensCut++;
      else parens++;
    } else if (role === RPAREN) {
      if (parensCut > 0) drop = true, parensCut--;
      else parens = Math.max(0, parens - 1);
    } else if (role === NEWLINE) {
      // A `(` closes on its own line (FD0106); a `{` may span lines.
      parens = 0;
      parensCut = 0;
    }
    if (drop && !kept) kept = tokens.slice(0, i);
    if (drop && !firstCut.some((c) => c.tokenType === t.tokenType)) firstCut.push(t);
    if (!drop && kept) kept.push(t);
  }
  return { tokens: kept ?? tokens, firstCut };
}
