// Text in, typed syntax tree and syntax problems out. Pure and deterministic:
// the language server, the CLI and the tests all call this. The text is parsed
// in chunks (chunks.ts); a session keeps them so that the next version of the
// text re-parses only the chunks an edit touched.
import { tokenMatcher, type ILexingResult, type IToken } from 'chevrotain';
import { faradayLexer, lex } from './lexer';
import { faradayParser, parseTokens, type ParsedLines } from './parser';
import { MAX_NESTING } from './nesting-limit';
import { MAX_LINE_LENGTH, MAX_LINE_PIECES, overlongLines } from './long-lines';
import { parseNumber, spanOfToken } from './lines';
import { buildDocument } from './build/document';
import { BuildContext } from './build/context';
import { LineIndex } from './line-index';
import type { Comment, Document, Span, SyntaxProblem, TopLevelNode } from './ast';
import { CHUNK_START_REACH, chunkStarts, startsChunkAt } from './chunks';
import { SyntaxCodes } from './codes';
import { commonEnds } from '../text/common-ends';
import { formatNumber } from '../units/format';
import * as T from './tokens';
import { pushAll } from '../common/push-all';

export interface ParseResult {
  document: Document;
  problems: SyntaxProblem[];
  /** Tokens of the whole text; their offsets are exact, their line and column fields count within each chunk. */
  tokens: IToken[];
  lineIndex: LineIndex;
  /** The chunks the text was parsed in, in order (see chunks.ts). */
  chunks: readonly Chunk[];
}

/**
 * One chunk of the text, parsed on its own: a function of its text alone. A
 * chunk kept from an earlier parse of the same session is moved to its new
 * offset in place (`relocate`), so its nodes are the same objects as before.
 */
export class Chunk {
  /** Every span object of the chunk's nodes, problems and comments, each once: found when the chunk first moves. */
  private spans?: Span[];
  private lexedTokens?: IToken[];
  private kept?: Map<string, unknown>;
  /** The analysis's chunk table that last listed this chunk (incremental/snapshot.ts `ChunkPositions.isLive`). */
  listedBy = 0;

  constructor(
    readonly text: string,
    public start: number,
    readonly statements: TopLevelNode[],
    readonly problems: SyntaxProblem[],
    readonly comments: Comment[],
  ) {}

  /**
   * The chunk's tokens, lexed again when first asked (semantic tokens, selection ranges) and kept:
   * the analysis does not read them, and holding every token of a parse made the garbage
   * collector copy them all (100 000-line parse 536 → 442 ms median).
   */
  get tokens(): IToken[] {
    if (!this.lexedTokens) {
      const tokens = lex(this.text).tokens;
      if (this.start !== 0) shiftTokens(tokens, this.start);
      this.lexedTokens = tokens;
    }
    return this.lexedTokens;
  }

  /**
   * What later layers keep about this chunk (the analysis's per-block results); it moves and goes with the chunk.
   * Made when first asked: a parse alone keeps nothing, and 3000 empty maps per megabyte outlived it.
   */
  get memo(): Map<string, unknown> {
    return (this.kept ??= new Map());
  }

  get end(): number {
    return this.start + this.text.length;
  }

  /** Moves every offset of the chunk so that it starts at `start`. */
  relocate(start: number): void {
    const delta = start - this.start;
    if (delta === 0) return;
    this.spans ??= collectSpans([this.statements, this.problems, this.comments]);
    for (const span of this.spans) {
      span.start += delta;
      span.end += delta;
    }
    if (this.lexedTokens) shiftTokens(this.lexedTokens, delta);
    this.start = start;
  }
}

// Indexed loops: a for-of here ran unoptimised often enough to allocate an iterator result per token
// (1 MB parse: 2.8 MB of them).

function shiftTokens(tokens: IToken[], delta: number): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    t.startOffset += delta;
    t.endOffset! += delta;
  }
}

/** Whether a value is a span: a plain object of exactly `start` and `end`. */
export function isSpan(x: unknown): x is Span {
  if (x === null || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  if (typeof o.start !== 'number' || typeof o.end !== 'number') return false;
  let keys = 0;
  for (const _ in o) keys++;
  return keys === 2;
}

/** Every span object reachable from `roots`, each once. */
function collectSpans(roots: unknown[]): Span[] {
  const seen = new Set<object>();
  const spans: Span[] = [];
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (isSpan(x)) {
      spans.push(x);
      return;
    }
    if (Array.isArray(x)) for (const e of x) visit(e);
    else for (const k in x) visit((x as Record<string, unknown>)[k]);
  };
  for (const r of roots) visit(r);
  return spans;
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

/**
 * Builds the lexer and the parser now, once per process (their self-analysis takes 50–90 ms): the
 * language server's worker does it as it starts, so a file opened after that does not wait for it.
 */
export function prepareParser(): void {
  faradayLexer();
  faradayParser();
}

/** Text in, typed tree out: a new session, so nothing is kept between calls. */
export function parseFaraday(text: string): ParseResult {
  return new ParseSession().parse(text);
}

/**
 * Parses successive versions of one text. Chunks whose text is unchanged are
 * taken from the previous version (moved to their new offset) instead of
 * parsed again; the result is the same as a parse from scratch, by
 * construction, since a chunk's parse depends on its text alone.
 */
export class ParseSession {
  private last: { text: string; starts: number[]; chunks: Chunk[] } | undefined;

  parse(text: string): ParseResult {
    if (text.length > MAX_DOCUMENT_CHARS) {
      this.last = undefined;
      return tooLargeToRead(text);
    }
    const last = this.last;
    const edit = last ? commonEnds(last.text, text) : undefined;
    const starts = last && edit ? startsAfterEdit(last, text, edit) : chunkStarts(text);
    const chunks: (Chunk | undefined)[] = new Array(starts.length);
    const taken = new Set<Chunk>();
    if (last && edit) {
      // Chunks wholly before or after the edit are the previous ones, found by offset: no chunk text is
      // compared or hashed (a 10 000-line protocol has 3000 chunks; hashing them all cost 2–3 ms per edit).
      const delta = text.length - last.text.length;
      for (let i = 0; i < starts.length; i++) {
        const start = starts[i]!;
        const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
        const before = end <= edit.prefix && end < text.length;
        const after = start >= text.length - edit.suffix;
        if (!before && !after) continue;
        const old = chunkAt(last, after ? start - delta : start);
        if (old && old.text.length === end - start && (end === text.length) === (old.end === last.text.length)) {
          chunks[i] = old;
          taken.add(old);
        }
      }
    }
    // The rest by their text, from the previous chunks not taken above (a block pasted elsewhere is kept).
    let pool: Map<string, Chunk[]> | undefined;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!;
      const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
      let chunk = chunks[i];
      if (!chunk) {
        pool ??= poolOf(last, taken);
        // The last chunk ends the file; any other ends where the next statement begins. With no chunk
        // left to take (a first parse), no key is made: making one hashes the chunk's whole text.
        const kept = pool.size > 0 ? takeFrom(pool, chunkKey(text.slice(start, end), end === text.length), start) : undefined;
        chunk = kept ?? parseChunk(text, start, end);
        chunks[i] = chunk;
      }
      chunk.relocate(start);
    }
    const all = chunks as Chunk[];
    this.last = { text, starts, chunks: all };
    return assemble(text, all);
  }
}

/** A chunk's text as a pool key: the last chunk of the file is told apart (it ends at the end of input). */
function chunkKey(chunkText: string, isLast: boolean): string {
  return isLast ? chunkText + '\u0000' : chunkText;
}

/** The previous chunks not already taken, by their text. */
function poolOf(last: { text: string; chunks: Chunk[] } | undefined, taken: Set<Chunk>): Map<string, Chunk[]> {
  const pool = new Map<string, Chunk[]>();
  if (!last) return pool;
  for (const c of last.chunks) {
    if (taken.has(c)) continue;
    const key = chunkKey(c.text, c.end === last.text.length);
    const same = pool.get(key);
    if (same) same.push(c);
    else pool.set(key, [c]);
  }
  return pool;
}

/** The previous chunk starting at `start`, if one did. */
function chunkAt(last: { starts: number[]; chunks: Chunk[] }, start: number): Chunk | undefined {
  const { starts } = last;
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = starts[mid]!;
    if (s === start) return last.chunks[mid];
    if (s < start) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/**
 * Where chunks start in the edited text: the previous starts well before the edit and (moved) well
 * after it, and a scan of the text between. Whether a line starts a chunk depends on the line break
 * before it and on its first word, so a start farther than the longest keyword from the edit stays one.
 */
function startsAfterEdit(last: { text: string; starts: number[] }, text: string, edit: { prefix: number; suffix: number }): number[] {
  const margin = CHUNK_START_REACH + 2;
  const delta = text.length - last.text.length;
  const scanFrom = Math.max(1, edit.prefix - margin);
  const scanTo = Math.min(text.length, text.length - edit.suffix + margin);
  const starts = [0];
  for (const s of last.starts) if (s > 0 && s < scanFrom) starts.push(s);
  for (let x = scanFrom; x < scanTo; x++) if (startsChunkAt(text, x)) starts.push(x);
  for (const s of last.starts) if (s > 0 && s + delta >= scanTo) starts.push(s + delta);
  return starts;
}

/**
 * Texts longer than this are not read (FD0133): the same 16 MB as a protocol read from disk
 * (instruments/read-bytes.ts). A fuzzed paste of a 240 kB line 1400 times (355 MB) held the
 * language server for over 30 s per request.
 */
export const MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

function tooLargeToRead(text: string): ParseResult {
  const firstLine = text.indexOf('\n');
  const problem: SyntaxProblem = {
    code: SyntaxCodes.documentTooLarge,
    severity: 'error',
    message: `this file is ${formatNumber(Math.floor(text.length / 1024 / 1024), { decimals: 0 })} MB, longer than the 16 MB a protocol may be, so none of it is read; remove the pasted data (name data files with \`data "…"\`) or split the protocol with \`import\``,
    span: { start: 0, end: firstLine < 0 ? Math.min(text.length, 80) : Math.min(firstLine, 80) },
  };
  return { document: { statements: [], comments: [], span: { start: 0, end: text.length } }, problems: [problem], tokens: [], lineIndex: new LineIndex(text), chunks: [] };
}

/** A kept chunk with this text, preferably one already at this offset. */
function takeFrom(pool: Map<string, Chunk[]>, text: string, start: number): Chunk | undefined {
  const list = pool.get(text);
  if (!list || list.length === 0) return undefined;
  const at = list.findIndex((c) => c.start === start);
  return list.splice(at >= 0 ? at : 0, 1)[0];
}

function assemble(text: string, chunks: Chunk[]): ParseResult {
  if (chunks.length === 1) {
    const c = chunks[0]!;
    return {
      document: { statements: c.statements, comments: c.comments, span: { start: 0, end: text.length } }, problems: c.problems, lineIndex: new LineIndex(text), chunks,
      get tokens() {
        return c.tokens;
      },
    };
  }
  const statements: TopLevelNode[] = [];
  const comments: Comment[] = [];
  const problems: SyntaxProblem[] = [];
  for (const c of chunks) {
    pushAll(statements, c.statements);
    pushAll(comments, c.comments);
    pushAll(problems, c.problems);
  }
  // The tokens of the whole text are joined when asked (semantic tokens, selection ranges), not on every
  // parse: a 100 000-line protocol has millions of them.
  let tokens: IToken[] | undefined;
  const joinTokens = () => {
    const all: IToken[] = [];
    for (const c of chunks) pushAll(all, c.tokens);
    return all;
  };
  // A chunk's last problem can sit where the next chunk's first one does: reported once, as in one chunk.
  return {
    document: { statements, comments, span: { start: 0, end: text.length } }, problems: dedupe(problems), lineIndex: new LineIndex(text), chunks,
    get tokens() {
      return (tokens ??= joinTokens());
    },
  };
}

/** Lexes and parses the chunk `text[start, end)`; offsets count in the whole text. */
function parseChunk(text: string, start: number, end: number): Chunk {
  const lexed = lex(start === 0 && end === text.length ? text : text.slice(start, end));
  if (start !== 0) {
    shiftTokens(lexed.tokens, start);
    for (const group of Object.values(lexed.groups)) shiftTokens(group, start);
  }
  const tree = buildTree(text, lexed, parseTokens(lexed.tokens, text, end === text.length), { start, end });
  return new Chunk(text.slice(start, end), start, tree.statements, tree.problems, tree.comments);
}

/**
 * The last phase: the typed tree and the syntax problems from the tokens and
 * the lines of the text between `bounds` (a chunk, or all of it).
 */
export function buildTree(text: string, lexed: ILexingResult, parsed: ParsedLines, bounds: Span = { start: 0, end: text.length }): { statements: TopLevelNode[]; problems: SyntaxProblem[]; comments: Comment[] } {
  const { lines, errors } = parsed;
  const ctx = new BuildContext(text);
  // Lines are read within the bounds: the file, or one chunk (no line crosses two).
  const within = bounds.start === 0 && bounds.end === text.length ? text : text.slice(bounds.start, bounds.end);
  for (const line of overlongLines(within).map((l) => ({ start: l.start + bounds.start, end: l.end + bounds.start, pieces: l.pieces }))) {
    const what = line.pieces === undefined ? `${line.end - line.start} characters, more than the ${MAX_LINE_LENGTH}` : `${line.pieces} words and signs, more than the ${MAX_LINE_PIECES}`;
    ctx.error(SyntaxCodes.lineTooLong, `this line has ${what} Faraday reads in one line, so it is not read; split it into statements, or put data in a data file and name it with \`data "…"\``, { start: line.start, end: line.end });
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
        ? { start: bounds.end, end: bounds.end }
        : spanOfToken(tok);
    ctx.error(SyntaxCodes.grammar, e.message, span);
  }
  const document = buildDocument(lines, ctx, bounds);
  const comments = (lexed.groups.comments ?? []).map((c) => ({ text: c.image, span: spanOfToken(c) }));
  const problems = dedupe(ctx.problems).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { statements: document.statements, problems, comments };
}

/** Recovery can report one fault twice at the same place; keep the first. */
function dedupe(problems: SyntaxProblem[]): SyntaxProblem[] {
  // Most chunks have no problem at all: no set to make.
  if (problems.length < 2) return problems;
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.span.start}:${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
