// Text in, typed syntax tree and syntax problems out. Pure and deterministic:
// the language server, the CLI and the tests all call this.
import { tokenMatcher, type ILexingResult, type IToken } from 'chevrotain';
import { lex } from './lexer';
import { parseTokens, type CstParseResult } from './parser';
import { MAX_NESTING } from './nesting-limit';
import { MAX_LINE_LENGTH, overlongLines } from './long-lines';
import { documentLines, parseNumber, spanOfToken } from './lines';
import { buildDocument } from './build/document';
import { BuildContext } from './build/context';
import { LineIndex } from './line-index';
import type { Document, SyntaxProblem } from './ast';
import { SyntaxCodes } from './codes';
import * as T from './tokens';

export interface ParseResult {
  document: Document;
  problems: SyntaxProblem[];
  tokens: IToken[];
  lineIndex: LineIndex;
}

/** Problems visible from the tokens alone: stray characters, open quotes and brackets. */
function tokenProblems(tokens: IToken[], ctx: BuildContext, text: string): void {
  let openParens: IToken[] = [];
  // These token types have no subtypes: their index says it.
  const newline = T.Newline.tokenTypeIdx;
  const unknown = T.Unknown.tokenTypeIdx;
  const unterminated = T.UnterminatedString.tokenTypeIdx;
  const lParen = T.LParen.tokenTypeIdx;
  const rParen = T.RParen.tokenTypeIdx;
  const number = T.NumberLiteral.tokenTypeIdx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const type = t.tokenTypeIdx;
    if (type === newline) {
      if (openParens.length === 0) continue;
      for (const p of openParens) ctx.error(SyntaxCodes.unclosedBracket, 'this `(` is not closed on its line; add `)`', spanOfToken(p));
      openParens = [];
    } else if (type === unknown) {
      // A run of stray characters (a pasted binary, `@@@@`) is one problem, not one per character.
      const last = ctx.problems[ctx.problems.length - 1];
      if (last?.code === SyntaxCodes.unexpectedCharacter && last.span.end === t.startOffset) {
        last.span = { start: last.span.start, end: spanOfToken(t).end };
        const { start, end } = last.span;
        const quoted = end - start > 80 ? `${text.slice(start, start + 50)}…${text.slice(end - 20, end)}` : text.slice(start, end);
        last.message = `unexpected characters \`${quoted}\`; remove them, or put them in quotes or in a comment after \`#\``;
      } else ctx.error(SyntaxCodes.unexpectedCharacter, `unexpected character \`${t.image}\`; remove it, or put it in quotes or in a comment after \`#\``, spanOfToken(t));
    } else if (type === unterminated) {
      ctx.error(SyntaxCodes.unclosedString, 'this quoted text is not closed; add `"` at its end', spanOfToken(t));
    } else if (type === number) {
      // Only a long number or one with an exponent can be out of a double's range.
      const image = t.image;
      if (image.length > 15 || image.includes('e') || image.includes('E')) numberRange(t, ctx);
    } else if (type === lParen) {
      openParens.push(t);
    } else if (type === rParen) {
      openParens.pop();
    }
  }
  for (const p of openParens) ctx.error(SyntaxCodes.unclosedBracket, 'this `(` is not closed on its line; add `)`', spanOfToken(p));
}

/** A number no double holds: `1e309` would be computed as Infinity, `1e-400` as 0. */
function numberRange(t: IToken, ctx: BuildContext): void {
  const { value } = parseNumber(t);
  if (Number.isFinite(value) && (value !== 0 || !/^[^eE]*[1-9]/.test(t.image))) return;
  const message = Number.isFinite(value)
    ? `\`${t.image}\` is smaller than the smallest number Faraday computes with (about 5e-324) and would count as 0; check the exponent, or use a smaller unit`
    : `\`${t.image}\` is beyond the largest number Faraday computes with (about 1.8e308); check the exponent, or use a larger unit`;
  ctx.error(SyntaxCodes.numberOutOfRange, message, spanOfToken(t));
}

export function parseFaraday(text: string): ParseResult {
  const lexed = lex(text);
  return buildTree(text, lexed, parseTokens(lexed.tokens));
}

/**
 * The last phase: the typed tree and the syntax problems from the tokens and
 * the CST. `parseFaraday` runs the three phases; the benchmark times each.
 */
export function buildTree(text: string, lexed: ILexingResult, parsed: CstParseResult): ParseResult {
  const { cst, errors } = parsed;
  const ctx = new BuildContext(text);
  for (const line of overlongLines(text)) {
    ctx.error(SyntaxCodes.lineTooLong, `this line has ${line.end - line.start} characters, more than the ${MAX_LINE_LENGTH} Faraday reads in one line, so it is not read; split it into statements, or put data in a data file and name it with \`data "…"\``, line);
  }
  tokenProblems(lexed.tokens, ctx, text);
  for (const t of parsed.nestedTooDeep) {
    const [open, close] = tokenMatcher(t, T.LBrace) ? ['{', '}'] : ['(', ')'];
    ctx.error(SyntaxCodes.nestedTooDeep, `\`${open}\` nested more than ${MAX_NESTING} deep: this one and those inside it are not read as brackets; remove the extra \`${open}\` or close the ones above with \`${close}\``, spanOfToken(t));
  }
  for (const e of errors) {
    // A missing token at the end of a line is reported at the end of the previous token.
    const tok = e.token;
    const atEnd = tok.tokenType.name === 'EOF' || tokenMatcher(tok, T.Newline);
    const span = atEnd && e.previous && !Number.isNaN(e.previous.startOffset)
      ? { start: e.previous.endOffset! + 1, end: e.previous.endOffset! + 1 }
      : Number.isNaN(tok.startOffset)
        ? { start: text.length, end: text.length }
        : spanOfToken(tok);
    ctx.error(SyntaxCodes.grammar, e.message, span);
  }
  const lines = documentLines(cst, text);
  const document = buildDocument(lines, ctx, { start: 0, end: text.length });
  const comments = (lexed.groups.comments ?? []).map((c) => ({ text: c.image, span: spanOfToken(c) }));
  document.comments = comments;
  const problems = dedupe(ctx.problems).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { document, problems, tokens: lexed.tokens, lineIndex: new LineIndex(text) };
}

/** Recovery can report one fault twice at the same place; keep the first. */
function dedupe(problems: SyntaxProblem[]): SyntaxProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.span.start}:${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
