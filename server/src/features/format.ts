// Canonical layout of a protocol. It only changes white space at the start
// and end of lines and the number of blank lines, so it can never change
// meaning or drop a comment; applying it twice gives the same text.
import { tokenMatcher } from 'chevrotain';
import { lex } from '../syntax/lexer';
import * as T from '../syntax/tokens';

export interface FormatOptions {
  indent: string;
}

/** Brace depth at the start of every line, from the tokens (braces in strings and comments do not count). */
function depthAtLineStarts(text: string, lineCount: number): number[] {
  const depths = new Array<number>(lineCount).fill(0);
  const closersAtStart = new Array<number>(lineCount).fill(0);
  let depth = 0;
  let line = 0;
  let lineHasToken = false;
  for (const t of lex(text).tokens) {
    const tokenLine = (t.startLine ?? 1) - 1;
    while (line < tokenLine) {
      line++;
      depths[line] = depth;
      lineHasToken = false;
    }
    if (tokenMatcher(t, T.Newline)) continue;
    if (tokenMatcher(t, T.LBrace)) depth++;
    else if (tokenMatcher(t, T.RBrace)) {
      depth = Math.max(0, depth - 1);
      if (!lineHasToken) closersAtStart[line]!++;
    }
    lineHasToken = true;
  }
  while (line < lineCount - 1) {
    line++;
    depths[line] = depth;
  }
  return depths.map((d, i) => Math.max(0, d - closersAtStart[i]!));
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
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r\n|\r|\n/);
  const depths = depthAtLineStarts(text, lines.length);
  const out: string[] = [];
  let blankRun = 0;
  let previousCode: string | undefined;
  lines.forEach((raw, i) => {
    const content = raw.trim();
    if (content === '') {
      blankRun++;
      if (blankRun <= 1 && out.length > 0) out.push('');
      return;
    }
    blankRun = 0;
    const isComment = content.startsWith('#');
    const extra = isContinuation(previousCode) && !isComment ? 2 : 0;
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
