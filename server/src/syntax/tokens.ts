// The token vocabulary of Faraday. Order matters: chevrotain tries patterns in
// the order of `allTokens`, and keywords defer to a longer word (`in` vs `inert`).
import { createToken, Lexer, type CustomPatternMatcherReturn, type TokenType } from 'chevrotain';
import { scanWord, wordStartCodes } from './word-scanner';

export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\f\u00a0\u2009\u202f\ufeff]+/, group: Lexer.SKIPPED });
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, label: 'end of line' });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

export const StringLike = createToken({ name: 'StringLike', pattern: Lexer.NA, label: 'a quoted text' });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /["“][^"”\r\n]*["”]/, categories: [StringLike] });
/** A string whose closing quote is missing: kept as a string so the line still parses. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /["“][^"”\r\n]*/, categories: [StringLike] });

/** Tokens that may begin an ordinary line (not a declaration or a block keyword). */
export const PhraseHead = createToken({ name: 'PhraseHead', pattern: Lexer.NA, label: 'a statement' });

export const Arrow = createToken({ name: 'Arrow', pattern: /->|→|⟶/, label: '`->`' });

// Numbers: plain or Unicode minus, decimals, exponents, and a crystallographic
// standard uncertainty in brackets directly after the digits: `22.0728(13)`.
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /[-−‒–]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-−+]?\d+)?(?:\(\d+\))?/,
  categories: [PhraseHead],
  label: 'a number',
});

// Custom patterns hand chevrotain an array holding the image; it reads the
// image at once, so one array serves every match instead of one per token.
const matched = [''] as unknown as CustomPatternMatcherReturn;

function matchWord(text: string, offset: number): CustomPatternMatcherReturn | null {
  const end = scanWord(text, offset);
  if (end < 0) return null;
  matched[0] = text.substring(offset, end);
  return matched;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Any word-like token, keywords included: free text positions accept all of them. */
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA, label: 'a name' });
/** Every word but `vs`: in prose, one token decides it (`vs` may open a reference). */
export const PlainWord = createToken({ name: 'PlainWord', pattern: Lexer.NA, label: 'a name' });

export const Word = createToken({
  name: 'Word',
  pattern: { exec: matchWord },
  line_breaks: false,
  // Digit-led words are DigitWord's (tried first, with the same scanner).
  start_chars_hint: wordStartCodes(),
  categories: [AnyWord, PlainWord, PhraseHead],
  label: 'a name',
});

// Digit-led names (`2,4-dichlorobenzenethiol`) must be tried before numbers.
export const DigitWord = createToken({
  name: 'DigitWord',
  pattern: { exec: (text: string, offset: number) => (isDigit(text.charCodeAt(offset)) ? matchWord(text, offset) : null) },
  line_breaks: false,
  start_chars_hint: DIGITS,
  categories: [AnyWord, PlainWord, PhraseHead],
  label: 'a name',
});

/** Block keywords open a top-level block; at column 1 they also end an unclosed one. */
export const BlockKeyword = createToken({ name: 'BlockKeyword', pattern: Lexer.NA, label: 'a block keyword' });
/** Keywords that only begin top-level statements. */
export const TopLevelKeyword = createToken({ name: 'TopLevelKeyword', pattern: Lexer.NA });

function keyword(word: string, categories: TokenType[] = []): TokenType {
  return createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Word,
    categories: [AnyWord, ...(word === 'vs' ? [] : [PlainWord]), ...categories],
    label: '`' + word + '`',
  });
}

export const Protocol = keyword('protocol', [TopLevelKeyword]);
export const Import = keyword('import', [TopLevelKeyword]);
export const Ligand = keyword('ligand', [TopLevelKeyword]);
export const Reagent = keyword('reagent', [TopLevelKeyword]);
export const Cluster = keyword('cluster', [TopLevelKeyword]);
export const Reaction = keyword('reaction', [TopLevelKeyword]);
export const Synthesis = keyword('synthesis', [TopLevelKeyword, BlockKeyword]);
export const Ink = keyword('ink', [TopLevelKeyword, BlockKeyword]);
export const Electrolyte = keyword('electrolyte', [TopLevelKeyword, BlockKeyword]);
export const Electrode = keyword('electrode', [TopLevelKeyword, BlockKeyword]);
export const Cell = keyword('cell', [TopLevelKeyword, BlockKeyword]);
export const Run = keyword('run', [TopLevelKeyword, BlockKeyword]);
export const Calibration = keyword('calibration', [TopLevelKeyword, BlockKeyword]);
export const Result = keyword('result', [TopLevelKeyword, BlockKeyword]);
export const Plan = keyword('plan', [TopLevelKeyword, BlockKeyword]);
export const Crystal = keyword('crystal', [TopLevelKeyword, BlockKeyword]);
export const Standards = keyword('standards', [PhraseHead]);
export const Vs = keyword('vs', [PhraseHead]);

export const LBrace = createToken({ name: 'LBrace', pattern: /{/, label: '`{`' });
export const RBrace = createToken({ name: 'RBrace', pattern: /}/, label: '`}`' });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: '`)`' });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/, label: '`;`' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '`,`' });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: '`:`' });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: '`=`' });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: '`+`' });
export const Compare = createToken({ name: 'Compare', pattern: /[<>≤≥]=?/, label: 'a comparison' });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: '`.`' });
export const Slash = createToken({ name: 'Slash', pattern: /\//, label: '`/`' });
/** White space as `\s` has it (the lexer skips some, and no token starts with any). */
const SPACE = /\s/;
const NOT_SPACE_CODES = Array.from({ length: 65536 }, (_, code) => code).filter((code) => !SPACE.test(String.fromCharCode(code)));

function matchUnknown(text: string, offset: number): CustomPatternMatcherReturn | null {
  const c = text.charAt(offset);
  if (c === '' || SPACE.test(c)) return null;
  matched[0] = c;
  return matched;
}

/** Anything else, one UTF-16 unit: kept as a token so lexing never fails; the tree builder reports it. */
export const Unknown = createToken({ name: 'Unknown', pattern: { exec: matchUnknown }, line_breaks: false, start_chars_hint: NOT_SPACE_CODES, label: 'an unexpected character' });

const keywords = [
  Protocol, Import, Ligand, Reagent, Cluster, Reaction, Synthesis, Ink, Electrolyte, Electrode, Cell,
  Run, Calibration, Result, Plan, Crystal, Standards, Vs,
];

export const allTokens: TokenType[] = [
  Whitespace, Newline, Comment, StringLiteral, UnterminatedString, Arrow,
  DigitWord, NumberLiteral,
  ...keywords,
  Word,
  LBrace, RBrace, LParen, RParen, Semicolon, Comma, Colon, Equals, Plus, Compare, Dot, Slash,
  Unknown,
  // Categories: declared so the lexer knows them; they match nothing themselves.
  StringLike, PhraseHead, AnyWord, PlainWord, BlockKeyword, TopLevelKeyword,
];

/** Keyword spellings, for completion and the TextMate grammar tests. */
export const keywordSpellings: string[] = keywords.map((k) => String(k.PATTERN).slice(1, -1));

/** Keywords that begin a top-level statement: at column 1 they begin a chunk of the file. */
export const topLevelKeywordSpellings: string[] = keywords
  .filter((k) => (k.CATEGORIES ?? []).includes(TopLevelKeyword))
  .map((k) => String(k.PATTERN).slice(1, -1));
