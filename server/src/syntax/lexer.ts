// One lexer per process: building it validates and optimises every pattern.
// Every pattern declares its first characters, so chevrotain tries only the
// patterns that can start at each character (a unit test builds the lexer
// with `ensureOptimizations` to keep it so).
import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens } from './tokens';
import { blankOverlongLines } from './long-lines';

let lexer: Lexer | undefined;

export function faradayLexer(): Lexer {
  lexer ??= new Lexer(allTokens, {
    positionTracking: 'full',
    ensureOptimizations: false,
    skipValidations: process.env.NODE_ENV === 'production',
  });
  return lexer;
}

/** Builds the lexer with chevrotain's validations and first-character optimisation enforced; throws on a defect. For tests. */
export function validateLexer(): void {
  new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true, skipValidations: false });
}

/** Tokens of the text; lines too long to be protocol lines are not read (long-lines.ts). */
export function lex(text: string): ILexingResult {
  return faradayLexer().tokenize(blankOverlongLines(text));
}
