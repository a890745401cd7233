// The bounded "did you mean" search gives exactly what scoring every candidate
// with the full optimal-string-alignment table gives (written out here as the
// definition), on random names and candidate lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closestNames, editDistance } from '../../server/src/text/closest-names';

/** The whole table: edits, and a swap of two adjacent characters, case-insensitive. */
function fullDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}

function definition(name: string, candidates: string[], limit = 3): string[] {
  const allowed = Math.max(1, Math.floor(Math.max(name.length, 3) / 3));
  const scored: { c: string; score: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const prefix = c.toLowerCase().startsWith(name.toLowerCase()) || name.toLowerCase().startsWith(c.toLowerCase()) ? Math.abs(c.length - name.length) * 0.5 : Infinity;
    const score = Math.min(fullDistance(name, c), prefix);
    if (score <= allowed) scored.push({ c, score });
  }
  scored.sort((x, y) => x.score - y.score || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}

// Short strings over a small alphabet, so that near misses, swaps and shared prefixes are common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', 'l', 'C', '2', '-'), maxLength: 12 });

test('edit distances: hand-worked examples', () => {
  assert.equal(editDistance('Me2SAu', 'Me2SAuCl'), 2); // two insertions
  assert.equal(editDistance('NaBH4', 'NaHB4'), 1); // one swap
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('THF', 'thf'), 0); // case does not count
});

test('the bounded search suggests exactly what the full table suggests', () => {
  fc.assert(
    fc.property(word, fc.array(word, { maxLength: 30 }), (name, candidates) => {
      assert.deepEqual(closestNames(name, candidates), definition(name, candidates));
      for (const c of candidates.slice(0, 5)) assert.equal(editDistance(name, c), fullDistance(name, c));
    }),
    { numRuns: 2000, seed: 20261202 },
  );
});
