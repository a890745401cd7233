// Canonical layout of a protocol. It only changes white space at the start
// and end of lines and the number of blank lines, so it can never change
// meaning or drop a comment; applying it twice gives the same text. The
// statements the parser cannot read (unbalanced braces, an unclosed quote)
// are left exactly as written.
import { tokenMatcher } from 'chevrotain';
import { lex } from '../syntax/lexer';
import * as T from '../syntax/tokens';
import { overlongLines } from '../syntax/long-lines';
import { parseFaraday } from '../syntax/parse';
import { SyntaxCodes } from '../syntax/codes';
import { LineIndex } from '../syntax/line-index';
import { splitLines } from '../text/line-ends';
import type { SyntaxProblem } from '../syntax/ast';

export interface FormatOptions {
  indent: string;
  /** The parser's problems of this text, when the caller has them (the language server); else it is parsed. */
  syntaxProblems?: readonly SyntaxProblem[];
}

/** Larger texts are left as they are: no protocol is this long, and formatting reads the whole text twice. */
const MAX_FORMATTED_CHARS = 16 * 1024 * 1024;

/** Problems of block structure: an unclosed `{` or quote, a `}` that closes nothing. */
function isStructural(p: SyntaxProblem, text: string): boolean {
  return p.code === SyntaxCodes.unclosedBlock || p.code === SyntaxCodes.unclosedString || (p.code === SyntaxCodes.unmatchedClose && text[p.span.start] === '}');
}

/**
 * Brace depth at the start of every line, from the tokens (braces in strings and comments do not count),
 * and the lines of broken statements. A statement runs from a top-level keyword at the start of a line to
 * the next one (where the parser, too, ends an unclosed block); its braces are counted from zero, so one
 * unclosed `{` does not shift the rest of the file. A statement whose braces do not balance, or that holds
 * an unclosed quote or a line too long to read, is broken: its lines are kept exactly as written.
 */
function layout(text: string, lineCount: number, problems: readonly SyntaxProblem[]): { depths: number[]; broken: boolean[]; starts: boolean[] } {
  const depths = new Array<number>(lineCount).fill(0);
  const closersAtStart = new Array<number>(lineCount).fill(0);
  const statementOf = new Array<number>(lineCount).fill(0);
  const starts = new Array<boolean>(lineCount).fill(false);
  const brokenStatements = new Set<number>();
  let statement = 0;
  let depth = 0;
  let line = 0;
  let lineHasToken = false;
  const endStatement = () => {
    if (depth !== 0) brokenStatements.add(statement);
  };
  for (const t of lex(text).tokens) {
    const tokenLine = (t.startLine ?? 1) - 1;
    while (line < tokenLine) {
      line++;
      depths[line] = depth;
      statementOf[line] = statement;
      lineHasToken = false;
    }
    if (tokenMatcher(t, T.Newline)) continue;
    if (!lineHasToken && t.startColumn === 1 && tokenMatcher(t, T.TopLevelKeyword) && line > 0) {
      endStatement();
      statement++;
      depth = 0;
      depths[line] = 0;
      statementOf[line] = statement;
      starts[line] = true;
    }
    if (tokenMatcher(t, T.LBrace)) depth++;
    else if (tokenMatcher(t, T.RBrace)) {
      if (depth === 0) brokenStatements.add(statement);
      depth = Math.max(0, depth - 1);
      if (!lineHasToken) closersAtStart[line]!++;
    } else if (tokenMatcher(t, T.UnterminatedString)) brokenStatements.add(statement);
    lineHasToken = true;
  }
  endStatement();
  while (line < lineCount - 1) {
    line++;
    depths[line] = depth;
    statementOf[line] = statement;
  }
  // An overlong line is not lexed (its braces are unknown): its statement is kept as written.
  // The parser's view too: a `{` it could not close (a standards table it could not read) breaks its statement.
  const index = new LineIndex(text);
  const lineAt = (offset: number) => index.position(offset).line;
  for (const l of overlongLines(text)) brokenStatements.add(statementOf[lineAt(l.start)]!);
  for (const p of problems) if (isStructural(p, text)) brokenStatements.add(statementOf[lineAt(p.span.start)]!);
  return {
    depths: depths.map((d, i) => Math.max(0, d - closersAtStart[i]!)),
    broken: statementOf.map((s) => brokenStatements.has(s)),
    starts,
  };
}

/** Lines that continue a statement (a run line wrapped after a comma) keep one extra indent. */
function isContinuation(previous: string | undefined): boolean {
  if (previous === undefined) return false;
  return stripComment(previous).trimEnd().endsWith(',');
}

/** The line without its trailing comment (a `#` outside quotes starts one). */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' || c === '“' || c === '”') inString = !inString;
    else if (c === '#' && !inString) return line.slice(0, i);
  }
  return line;
}

export function formatText(text: string, options: FormatOptions = { indent: '  ' }): string {
  if (text.length > MAX_FORMATTED_CHARS) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = splitLines(text);
  const { depths, broken, starts } = layout(text, lines.length, options.syntaxProblems ?? parseFaraday(text).problems);
  const out: string[] = [];
  let blankRun = 0;
  let previousCode: string | undefined;
  lines.forEach((raw, i) => {
    if (broken[i]) {
      // Never re-indent what the parser cannot read: fixing the brace later must not meet a moved file.
      out.push(raw);
      blankRun = raw.trim() === '' ? blankRun + 1 : 0;
      previousCode = raw.trim() === '' || raw.trim().startsWith('#') ? previousCode : raw.trim();
      return;
    }
    const content = raw.trim();
    if (content === '') {
      blankRun++;
      if (blankRun <= 1 && out.length > 0) out.push('');
      return;
    }
    blankRun = 0;
    const isComment = content.startsWith('#');
    // A top-level keyword stays at the start of its line (there it ends an unclosed block for the
    // parser), and a closing brace lines up with its block.
    const extra = isContinuation(previousCode) && !isComment && !starts[i] && !content.startsWith('}') ? 2 : 0;
    let indent = options.indent.repeat(depths[i]!) + ' '.repeat(extra);
    // A comment line indented deeper than its block is aligned with the comment
    // of the line above on purpose: keep its column.
    const original = raw.length - raw.trimStart().length;
    if (isComment && original > indent.length) indent = raw.slice(0, original).replace(/\t/g, options.indent);
    out.push(indent + content.replace(/[ \t]+$/, ''));
    if (!isComment) previousCode = content;
  });
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join(eol) + eol;
}
