// Every piece of Faraday a diagnostic suggests must parse: each catalogue
// entry's example (placed in the block it belongs to), the code in its fix text
// and in the messages its example produces, and the text of every quick fix
// applied to that example. The test walks the whole catalogue, so a new entry
// is checked without being listed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosticCatalogue } from '../../server/src/analysis/catalogue';
import type { DiagnosticCodeInfo } from '../../server/src/analysis/diagnostic-info';
import { analyze } from '../../server/src/analysis/analyze';
import { parseFaraday } from '../../server/src/syntax/parse';
import { keywordSpellings } from '../../server/src/syntax/tokens';
import { STEP_VERBS } from '../../server/src/syntax/build/synthesis';
import { BLOCK_VOCABULARY } from '../../server/src/features/completion';

/** The places a line of Faraday can stand: the top level, or the body of each kind of block (indented, as formatted). */
const body = (s: string) => s.split('\n').map((l) => `  ${l}`).join('\n');
const PLACEMENTS: [string, (s: string) => string][] = [
  ['top level', (s) => s],
  ['synthesis', (s) => `synthesis S {\n${body(s)}\n}`],
  ['electrolyte', (s) => `electrolyte e {\n${body(s)}\n}`],
  ['electrode', (s) => `electrode w {\n${body(s)}\n}`],
  ['cell', (s) => `cell H {\n${body(s)}\n}`],
  ['run', (s) => `run in H {\n${body(s)}\n}`],
  ['calibration', (s) => `calibration c {\n${body(s)}\n}`],
  ['result', (s) => `result w at -0.8 V vs RHE for 2 h {\n${body(s)}\n}`],
  ['plan', (s) => `plan w at -1.0 V vs RHE for 2 h {\n${body(s)}\n}`],
  ['crystal', (s) => `crystal X {\n${body(s)}\n}`],
  ['ink', (s) => `ink i {\n${body(s)}\n}`],
];

/** Words that begin a statement somewhere in the language. */
const STATEMENT_WORDS = new Set(
  [...keywordSpellings, 'temperature', 'pressure', 'nernst', 'product', 'basis', ...STEP_VERBS, ...Object.values(BLOCK_VOCABULARY).flat().map((k) => k.split(' ')[0]!)].map((w) => w.toLowerCase()),
);

const syntaxProblems = (text: string) => parseFaraday(text).problems;

/** The first placement of `snippet` that parses without any syntax problem. */
function placeClean(snippet: string): string | undefined {
  for (const [, place] of PLACEMENTS) {
    const text = place(snippet);
    if (syntaxProblems(text).length === 0) return text;
  }
  return undefined;
}

/** A declaration cited by kind and name (`reagent DCBT-H`, `reaction NAME`), not code to write. */
const citesDeclaration = (s: string) => /^(ligand|reagent|cluster|reaction)\s+\S+$/.test(s.trim());

/** Backticked pieces of a text that are Faraday statements (they start with a statement word). */
function codeIn(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((s) => /\s/.test(s.trim()) && !citesDeclaration(s) && STATEMENT_WORDS.has(s.trim().split(/\s+/)[0]!.toLowerCase()));
}

/**
 * Suggested code is a template: `{ … }` stands for any block body and another
 * `…` for a value to write (a number or a formula); a header ending in `{` is
 * closed. It parses when some filling of it does.
 */
function fillings(snippet: string): string[] {
  const closed = (t: string) => (t.trimEnd().endsWith('{') ? `${t}\n}` : t);
  // Each `…` on its own: `reference … at … V vs SHE` wants a name, then a number.
  let texts = [snippet.replace(/\{\s*…\s*\}/g, '{ }')];
  while (texts[0]!.includes('…')) texts = texts.flatMap((t) => ['1', 'C'].map((value) => t.replace('…', value)));
  return [...new Set(texts.map(closed))];
}

const templateParses = (snippet: string) => fillings(snippet).some((f) => placeClean(f) !== undefined);

const isSyntaxCode = (code: string) => /^FD01/.test(code);

/** Where the example stands: the placement that parses, or for a syntax code the placement that reports it. */
function placeExample(entry: DiagnosticCodeInfo): string | undefined {
  const example = entry.example!;
  if (!isSyntaxCode(entry.code)) return placeClean(example);
  for (const [, place] of PLACEMENTS) {
    const text = place(example);
    if (syntaxProblems(text).some((p) => p.code === entry.code)) return text;
  }
  return undefined;
}

function applyEdits(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

const entries = diagnosticCatalogue;

test('every catalogue example is Faraday that parses in its block (a syntax code\'s example reports that code)', () => {
  const failures: string[] = [];
  for (const entry of entries) {
    if (!entry.example) continue;
    if (!placeExample(entry)) {
      const problems = syntaxProblems(entry.example).map((p) => `${p.code} ${p.message}`).join('; ');
      failures.push(`${entry.code} example ${JSON.stringify(entry.example)}: ${isSyntaxCode(entry.code) ? `does not report ${entry.code}` : `does not parse in any block (${problems})`}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('the code in every catalogue fix text parses', () => {
  const failures: string[] = [];
  let checked = 0;
  for (const entry of entries) {
    for (const snippet of codeIn(entry.fix ?? '')) {
      checked++;
      if (!templateParses(snippet)) failures.push(`${entry.code} fix \`${snippet}\`: ${syntaxProblems(fillings(snippet)[0]!).map((p) => `${p.code} ${p.message}`).join('; ')}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(checked >= 15, `only ${checked} pieces of code were found in the fix texts`);
});

test('the code every example\'s diagnostics suggest in their messages parses', () => {
  const failures: string[] = [];
  for (const entry of entries) {
    const text = entry.example ? placeExample(entry) : undefined;
    if (!text) continue;
    for (const d of analyze(text).diagnostics) {
      for (const snippet of codeIn(d.message)) {
        if (!templateParses(snippet)) failures.push(`${entry.code} example → ${d.code} message suggests \`${snippet}\`, which does not parse`);
      }
    }
  }
  assert.deepEqual([...new Set(failures)], []);
});

test('every quick fix, applied to the example that triggers it, leaves text that parses', () => {
  const failures: string[] = [];
  let applied = 0;
  for (const entry of entries) {
    const text = entry.example ? placeExample(entry) : undefined;
    if (!text) continue;
    const before = syntaxProblems(text).length;
    for (const d of analyze(text).diagnostics) {
      for (const fix of d.fixes ?? []) {
        applied++;
        const fixed = applyEdits(text, fix.edits);
        const after = syntaxProblems(fixed);
        // A fix of a syntax error removes it; any other fix adds none.
        const allowed = isSyntaxCode(d.code) ? before - 1 : before;
        if (after.length > allowed) failures.push(`${entry.code} example → ${d.code} fix "${fix.title}" gives ${JSON.stringify(fixed)}: ${after.map((p) => `${p.code} ${p.message}`).join('; ')}`);
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(applied >= 10, `only ${applied} quick fixes were applied`);
});

test('examples whose code has quick fixes trigger it, so that their fixes are checked above', () => {
  // Codes whose diagnostics carry quick fixes; each example must trigger its own code.
  const withFixes = ['FD0202', 'FD0301', 'FD0303', 'FD0306', 'FD0310', 'FD0320', 'FD0401', 'FD0402', 'FD0403', 'FD0501', 'FD0502', 'FD0603'];
  const failures: string[] = [];
  for (const code of withFixes) {
    const entry = entries.find((e) => e.code === code)!;
    const text = placeExample(entry);
    if (!text || !analyze(text).diagnostics.some((d) => d.code === code)) failures.push(`${code} example ${JSON.stringify(entry.example)} does not trigger ${code}`);
  }
  assert.deepEqual(failures, []);
});
