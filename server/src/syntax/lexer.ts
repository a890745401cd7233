// One lexer per process: building it validates and optimises every pattern.
import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens } from './tokens';

let lexer: Lexer | undefined;

export function faradayLexer(): Lexer {
  lexer ??= new Lexer(allTokens, {
    positionTracking: 'full',
    ensureOptimizations: false,
    skipValidations: process.env.NODE_ENV === 'production',
  });
  return lexer;
}

export function lex(text: string): ILexingResult {
  return faradayLexer().tokenize(text);
}
