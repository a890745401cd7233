// A protocol nests blocks two or three deep; a pasted or corrupted file can
// open thousands of `{` or `(`. The parser descends once per level, so the
// tokens it sees are cut at MAX_NESTING: deeper brackets (and the closers
// that match them) are left out and reported once, and the text inside them
// is read at the deepest level allowed. The formatter and the semantic
// tokens still see every token.
import { tokenMatcher, type IToken } from 'chevrotain';
import * as T from './tokens';

/** Deepest `{` and `(` nesting read as blocks and groups; far beyond any protocol. */
export const MAX_NESTING = 64;

export interface NestingCut {
  /** The tokens for the parser: the input itself when nothing is nested too deep. */
  tokens: IToken[];
  /** The first `{` and the first `(` left out, to report. */
  firstCut: IToken[];
}

export function limitNesting(tokens: IToken[]): NestingCut {
  let braces = 0;
  let bracesCut = 0;
  let parens = 0;
  let parensCut = 0;
  let kept: IToken[] | undefined;
  const firstCut: IToken[] = [];
  tokens.forEach((t, i) => {
    let drop = false;
    if (tokenMatcher(t, T.LBrace)) {
      if (braces >= MAX_NESTING) drop = true, bracesCut++;
      else braces++;
    } else if (tokenMatcher(t, T.RBrace)) {
      if (bracesCut > 0) drop = true, bracesCut--;
      else braces = Math.max(0, braces - 1);
    } else if (tokenMatcher(t, T.LParen)) {
      if (parens >= MAX_NESTING) drop = true, parensCut++;
      else parens++;
    } else if (tokenMatcher(t, T.RParen)) {
      if (parensCut > 0) drop = true, parensCut--;
      else parens = Math.max(0, parens - 1);
    } else if (tokenMatcher(t, T.Newline)) {
      // A `(` closes on its own line (FD0106); a `{` may span lines.
      parens = 0;
      parensCut = 0;
    }
    if (drop && !kept) kept = tokens.slice(0, i);
    if (drop && !firstCut.some((c) => c.tokenType === t.tokenType)) firstCut.push(t);
    if (!drop && kept) kept.push(t);
  });
  return { tokens: kept ?? tokens, firstCut };
}
