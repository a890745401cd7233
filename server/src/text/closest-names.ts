// "Did you mean …?" for names, units and electrodes. Optimal string alignment
// distance (edits plus adjacent swaps), case-insensitive, with a bonus for a
// shared prefix because chemists truncate names (`Me2SAu` for `Me2SAuCl`).
//
// Suggestions are asked for every unknown name against hundreds of candidates,
// so the distance is computed only as far as it can still matter: a candidate
// whose length differs by more than the allowance cannot be close, and the
// computation stops as soon as a whole row exceeds it.

/** Optimal string alignment distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a.toLowerCase(), b.toLowerCase(), Infinity);
}

// Three rows of the alignment table, reused between calls.
let rowBeforePrevious = new Int32Array(64);
let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

/**
 * The distance between two lower-cased strings when it is at most `limit`;
 * otherwise some number above `limit`.
 */
function boundedDistance(s: string, t: string, limit: number): number {
  const m = s.length;
  const n = t.length;
  if (Math.abs(m - n) > limit) return limit + 1;
  if (rowCurrent.length < n + 1) {
    rowBeforePrevious = new Int32Array(n + 1);
    rowPrevious = new Int32Array(n + 1);
    rowCurrent = new Int32Array(n + 1);
  }
  let d2 = rowBeforePrevious;
  let d1 = rowPrevious;
  let d0 = rowCurrent;
  for (let j = 0; j <= n; j++) d1[j] = j;
  for (let i = 1; i <= m; i++) {
    d0[0] = i;
    let rowMin = i;
    const si = s.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const tj = t.charCodeAt(j - 1);
      const cost = si === tj ? 0 : 1;
      let best = Math.min(d1[j]! + 1, d0[j - 1]! + 1, d1[j - 1]! + cost);
      if (i > 1 && j > 1 && si === t.charCodeAt(j - 2) && s.charCodeAt(i - 2) === tj) best = Math.min(best, d2[j - 2]! + 1);
      d0[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every later cell is at least the smallest of this row (swaps reach two rows back, hence the >).
    if (rowMin > limit && i > 1) {
      let previousMin = Infinity;
      for (let j = 0; j <= n; j++) if (d1[j]! < previousMin) previousMin = d1[j]!;
      if (previousMin > limit) return limit + 1;
    }
    const rotated = d2;
    d2 = d1;
    d1 = d0;
    d0 = rotated;
  }
  return d1[n]!;
}

/** Candidates close enough to be a likely typo, best first (at most `limit`). */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { c: string; score: number }[] = [];
  const lower = name.toLowerCase();
  const allowed = Math.max(1, Math.floor(Math.max(name.length, 3) / 3));
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const cl = c.toLowerCase();
    // The distance is never below the difference in length, so a shared prefix, which
    // scores half that difference, always wins when there is one.
    const score = cl.startsWith(lower) || lower.startsWith(cl)
      ? Math.abs(c.length - name.length) * 0.5
      : boundedDistance(lower, cl, allowed);
    if (score <= allowed) scored.push({ c, score });
  }
  scored.sort((x, y) => x.score - y.score || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}
