// Edits a lab's files really receive, and worse: characters from PDFs and
// other keyboards, NUL and lone surrogates, chunks of other protocols, 1 MB
// lines, 10 000 nested `{`, unclosed strings, numbers no double holds, data
// and import paths that point at devices or outside the workspace. Seeded, so
// a failure is reproduced from its seed and edit number.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

/** A small, fast, seeded generator (mulberry32): a million edits must not wait for randomness. */
export class Random {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export interface Sample {
  file: string;
  text: string;
}

export function loadSamples(repoRoot: string): Sample[] {
  const dir = path.join(repoRoot, 'samples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.faraday'))
    .sort()
    .map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Single characters: PDF ligatures and dashes, look-alike units, invisible and control characters, halves of surrogate pairs. */
export const HOSTILE_CHARACTERS = [
  '\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\u2028', '\u2029', '\ufeff', '\u200b', '\u200d', '\u202e', '\u0301', '\ufffd',
  'µ', 'μ', '−', '–', '—', '·', '•', '°', 'Å', '²', '³', '⁻', '⁺', '₂', '½', 'ﬁ', '１', 'Ａ', '\u00a0', '\u2009', '\u202f', '🧪',
  '\t', '\r', '\n', '\r\n', '\f', '\v', '"', '“', '”', '{', '}', '(', ')', '[', ']', '#', ',', ';', ':', '=', '->', '→', '/', '\\', '<', '>', '%', '$',
];

/** Numbers and words that break naive number handling, and paths that must not be followed. */
export const HOSTILE_TOKENS = [
  '1e309', '-1e309', '1e-400', '-0', '-0.0', 'NaN', 'Infinity', '-Infinity', '12345678901234567890', '0.000000000000000000001', '0x1F', '1_000',
  '1,000.5', '.5', '5.', '1e', '1e+', '9'.repeat(400), '0 mg', '0 mL', '0 V/s', '0 cm2', '-5 mg', '1e309 mg', '-0 mL', '12345678901234567890 µL',
  'NaN mg', 'Infinity M', '{E}', '{rate}', 'vs', 'vs RHE', 'mA/cm2', 'mg', 'M', 'pH', '°C', 'K', 'h', 's', 'x', '=', '->',
  'data "../../etc/passwd"', 'data "/etc/passwd"', 'data "/dev/zero"', 'data "/dev/urandom"', 'data "data"', 'data "."', 'data "data/{E}.txt"',
  'import "/dev/zero"', 'import "/etc/passwd"', 'import "."', 'import "au28cu12-si.faraday"', 'data "\u0000"', '"<script>alert(1)</script>"',
  '<img src=x onerror=alert(1)>', '"+alert(1)+"', 'javascript:alert(1)', "datum['x']", '\'', '`',
];

export type EditKind = 'character' | 'token' | 'chunk' | 'delete' | 'megabyte line' | 'nested braces' | 'nested parens' | 'unclosed string' | 'repeat line';

export interface TextEdit {
  kind: EditKind;
  /** Replace text[start, end) by `insert` (UTF-16 offsets; may split a surrogate pair, on purpose). */
  start: number;
  end: number;
  insert: string;
}

/** One random edit of `text`; `others` supplies chunks of other protocols. */
export function randomEdit(rnd: Random, text: string, others: readonly Sample[]): TextEdit {
  const at = rnd.int(text.length + 1);
  const roll = rnd.next();
  // The rare, expensive shapes first: each still appears thousands of times in a million edits.
  if (roll < 0.0015) return { kind: 'megabyte line', start: at, end: at, insert: '\n' + rnd.pick(['a', '1', 'µ', '(', '{', ' ', '"', '-']).repeat(1 << 20) + '\n' };
  if (roll < 0.003) return { kind: 'nested braces', start: at, end: at, insert: rnd.pick(['synthesis X ', 'run R ', '', 'crystal C ']) + '{'.repeat(10_000) + (rnd.chance(0.5) ? '}'.repeat(10_000) : '') };
  if (roll < 0.004) return { kind: 'nested parens', start: at, end: at, insert: 'ligand L = ' + rnd.pick(['(', '[']).repeat(10_000) + 'Au' };
  if (roll < 0.25) return { kind: 'character', start: at, end: at + (rnd.chance(0.3) ? 1 : 0), insert: rnd.pick(HOSTILE_CHARACTERS) };
  if (roll < 0.45) {
    // A number of the text replaced by a hostile one, or a token dropped anywhere.
    const numbers = [...text.slice(Math.max(0, at - 2000), at + 2000).matchAll(/\d+(\.\d+)?/g)];
    if (numbers.length > 0 && rnd.chance(0.6)) {
      const m = rnd.pick(numbers);
      const start = Math.max(0, at - 2000) + m.index!;
      return { kind: 'token', start, end: start + m[0].length, insert: rnd.pick(HOSTILE_TOKENS) };
    }
    return { kind: 'token', start: at, end: at, insert: (rnd.chance(0.5) ? ' ' : '') + rnd.pick(HOSTILE_TOKENS) + (rnd.chance(0.5) ? ' ' : '') };
  }
  if (roll < 0.65) {
    const other = rnd.pick(others).text;
    const from = rnd.int(other.length);
    return { kind: 'chunk', start: at, end: at, insert: other.slice(from, from + 1 + rnd.int(400)) };
  }
  if (roll < 0.85) return { kind: 'delete', start: at, end: Math.min(text.length, at + 1 + rnd.int(rnd.chance(0.1) ? 2000 : 60)), insert: '' };
  if (roll < 0.93) return { kind: 'unclosed string', start: at, end: at, insert: rnd.pick(['"', '“', 'data "', 'membrane "Nafion', 'import "']) + 'x'.repeat(rnd.int(20)) };
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  // At most about 20 MB inserted: past the 16 MB a document may be (FD0133), short of what an editor sends at all.
  const times = Math.min(1 + rnd.int(rnd.chance(0.05) ? 2000 : 20), Math.max(1, Math.floor(20_000_000 / (line.length + 1))));
  return { kind: 'repeat line', start: lineStart, end: lineStart, insert: (line + '\n').repeat(times) };
}

export function applyEdit(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.insert + text.slice(e.end);
}
