// The formatter's promises, checked on every sample and on fuzzed variants
// (fast-check): formatting twice gives the same text; every non-white-space
// character, every quoted text and every comment survives in order; and a
// line the parser finds structurally broken (an unclosed block or quote, a
// `}` closing nothing) is kept exactly as written.
import fc from 'fast-check';
import { tokenMatcher } from 'chevrotain';
import { formatText } from '../../server/src/features/format';
import { lex } from '../../server/src/syntax/lexer';
import { parseFaraday } from '../../server/src/syntax/parse';
import * as T from '../../server/src/syntax/tokens';
import { repoRoot } from '../lsp/lsp-client';
import { HOSTILE_CHARACTERS, HOSTILE_TOKENS, loadSamples } from './hostile-edits';

const visible = (s: string) => s.replace(/\s+/g, '');

/** Quoted texts and comments, in order (comments without the white space that ends their line, which the formatter trims). */
function stringsAndComments(text: string): string[] {
  const lexed = lex(text);
  const strings = lexed.tokens.filter((t) => tokenMatcher(t, T.StringLike)).map((t) => `${t.startOffset}\u0000"${t.image}`);
  const comments = (lexed.groups.comments ?? []).map((t) => `${t.startOffset}\u0000#${t.image.replace(/\s+$/, '')}`);
  // Ordered by position in the text; the offsets differ between the two texts, so they are dropped after sorting.
  return [...strings, ...comments].sort((a, b) => Number(a.split('\u0000')[0]) - Number(b.split('\u0000')[0])).map((s) => s.split('\u0000')[1]!);
}

const STRUCTURAL = new Set(['FD0102', 'FD0103', 'FD0104']);

/** What is wrong with formatting `text`, or undefined. */
export function formatterProblem(text: string, indent = '  ', problems = parseFaraday(text).problems): string | undefined {
  const once = formatText(text, { indent });
  if (formatText(once, { indent }) !== once) return 'not idempotent';
  if (visible(once) !== visible(text)) return 'a character other than white space changed';
  const before = stringsAndComments(text);
  const after = stringsAndComments(once);
  if (before.length !== after.length || before.some((s, i) => s !== after[i])) return 'a quoted text or a comment changed';
  // Lines holding a structural error are kept as written (the formatter does not guess the missing brace).
  // Block structure: an unclosed `{` or quote, a `}` closing nothing (a stray `)` is a fault of its line only).
  const structural = problems.filter((p) => STRUCTURAL.has(p.code) && (p.code !== 'FD0103' || text[p.span.start] === '}'));
  if (structural.length > 0) {
    const lines = text.split(/\r\n|\r|\n/);
    const outLines = new Set(once.split(/\r\n|\r|\n/));
    const starts = [0];
    for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index! + m[0].length);
    for (const p of structural) {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= p.span.start) line++;
      const raw = lines[line]!;
      if (raw.trim() !== '' && !outLines.has(raw)) return `the broken line ${line + 1} (${p.code}) was changed: ${JSON.stringify(raw.slice(0, 80))}`;
    }
  }
  return undefined;
}

export interface FormatFuzzReport {
  samples: number;
  runs: number;
  withErrors: number;
  seconds: number;
  failures: string[];
}

/** Every sample, then `runs` fuzzed windows of the samples. */
export function fuzzFormatter(options: { runs: number; seed: number; maxWindow?: number }): FormatFuzzReport {
  const started = performance.now();
  const samples = loadSamples(repoRoot);
  const failures: string[] = [];
  for (const s of samples) {
    for (const indent of ['  ', '    ', '\t']) {
      const p = formatterProblem(s.text, indent);
      if (p) failures.push(`${s.file} (indent ${JSON.stringify(indent)}): ${p}`);
    }
  }
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_CHARACTERS) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TOKENS, '{', '}', '{\n', '}\n', '\n}', '"', '# c', '\n\n\n', ',\n', '  ', '\t') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
    { weight: 2, arbitrary: fc.record({ s: fc.nat({ max: samples.length - 1 }), at: fc.double({ min: 0, max: 1, noNaN: true }), n: fc.integer({ min: 1, max: 300 }) }).map(({ s, at, n }) => {
      const t = samples[s]!.text;
      const from = Math.floor(at * t.length);
      return t.slice(from, from + n);
    }) },
  );
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 30 }), insert: piece });
  const variant = fc.record({
    sample: fc.nat({ max: samples.length - 1 }),
    // A window of the sample (the checks are local; a window is faster), sometimes all of it.
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    size: fc.oneof({ weight: 19, arbitrary: fc.integer({ min: 50, max: options.maxWindow ?? 1500 }) }, { weight: options.maxWindow ? 0 : 1, arbitrary: fc.constant(Number.MAX_SAFE_INTEGER) }),
    edits: fc.array(edit, { minLength: 1, maxLength: 5 }),
    indent: fc.constantFrom('  ', '    ', '\t'),
  });
  let runs = 0;
  let withErrors = 0;
  const result = fc.check(
    fc.property(variant, (v) => {
      const t = samples[v.sample]!.text;
      const from = v.size >= t.length ? 0 : Math.floor(v.from * (t.length - v.size));
      let text = t.slice(from, from + v.size);
      for (const e of v.edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.del);
      }
      runs++;
      const problems = parseFaraday(text).problems;
      if (problems.some((p) => p.severity === 'error')) withErrors++;
      const problem = formatterProblem(text, v.indent, problems);
      if (problem) throw new Error(problem);
    }),
    { numRuns: options.runs, seed: options.seed },
  );
  if (result.failed) failures.push(`seed ${options.seed}, shrunk to ${JSON.stringify(result.counterexample)}: ${(result.errorInstance as Error)?.message ?? result.errorInstance}`);
  return { samples: samples.length, runs, withErrors, seconds: (performance.now() - started) / 1000, failures };
}
