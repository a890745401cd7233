// Chevrotain's default messages name token types ("Expecting token of type
// --> Equals <--"). Chemists get sentences that say what to write instead.
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

const RULE_HINTS: Record<string, Partial<Record<string, string>>> = {
  declaration: {
    Equals: 'expected `=` and a formula after the name, as in `ligand SR = SC6H3Cl2`',
    AnyWord: 'expected a name and then `= formula`, as in `reagent PET-H = C8H10S density 1.032 g/mL`',
  },
  reactionDecl: {
    Colon: 'expected `:` after the reaction name, as in `reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O`',
    Arrow: 'expected `->` between the reactants and the products',
    AnyWord: 'expected a species, such as `NO3-` or `H2O`',
  },
  reactionTerm: { AnyWord: 'expected a species after the coefficient, such as `9 H+`' },
  blockDecl: { LBrace: 'expected `{` to open the block' },
  headedLine: { StringLike: 'expected a quoted text, such as "reagents.faraday"' },
  standardsTable: {
    AnyWord: 'expected the standards as `standards mg/L -> absorbance { 0.0 -> 0.012 }`',
    Arrow: 'expected `->` between the concentration unit and the reading, as in `standards mg/L -> absorbance {`',
    LBrace: 'expected `{` to open the table of standards',
    RBrace: 'expected `}` to close the table of standards, or a row such as `0.5 -> 0.138`',
  },
  standardRow: {
    Arrow: 'expected `->` between the concentration and the reading, as in `0.5 -> 0.138`',
    NumberLiteral: 'expected a number, as in `0.5 -> 0.138`',
  },
  vsReference: { AnyWord: 'expected a reference electrode after `vs`, such as `RHE` or `Ag/AgCl (sat. KCl)`' },
};

/**
 * What the end of the tokens is: the end of the file, or, for a chunk that is
 * not the last (chunks.ts), the next top-level statement that begins after it.
 */
let endOfInput = 'the end of the file';

export function describeEndOfInput(text: string): void {
  endOfInput = text;
}

function describe(token: IToken): string {
  if (token.tokenType.name === 'EOF') return endOfInput;
  if (token.tokenType.name === 'Newline') return 'the end of the line';
  return '`' + token.image + '`';
}

function labelOf(type: TokenType): string {
  return type.LABEL ?? type.name;
}

export const chemistErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    const hint = RULE_HINTS[ruleName]?.[expected.name];
    const base = hint ?? `expected ${labelOf(expected)}`;
    return `${base}; found ${describe(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describe(firstRedundant)}: a statement was expected here`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const firsts = new Set<string>();
    for (const alt of expectedPathsPerAlt) for (const path of alt) if (path[0]) firsts.add(labelOf(path[0]));
    const hint = RULE_HINTS[ruleName]?.AnyWord;
    const found = actual[0] ? describe(actual[0]) : 'nothing';
    return hint ? `${hint}; found ${found}` : `expected ${[...firsts].join(' or ')}; found ${found}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const hint = RULE_HINTS[ruleName]?.AnyWord;
    const firsts = [...new Set(expectedIterationPaths.map((p) => (p[0] ? labelOf(p[0]) : '')))].filter(Boolean);
    const found = actual[0] ? describe(actual[0]) : 'nothing';
    return hint ? `${hint}; found ${found}` : `expected ${firsts.join(' or ')}; found ${found}`;
  },
};
