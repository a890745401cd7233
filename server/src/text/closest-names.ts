// "Did you mean …?" for names, units and electrodes. Optimal string alignment
// distance (edits plus adjacent swaps), case-insensitive, with a bonus for a
// shared prefix because chemists truncate names (`Me2SAu` for `Me2SAuCl`).

export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}

/** Candidates close enough to be a likely typo, best first (at most `limit`). */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { c: string; score: number }[] = [];
  const lower = name.toLowerCase();
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const distance = editDistance(name, c);
    const cl = c.toLowerCase();
    const prefix = cl.startsWith(lower) || lower.startsWith(cl) ? Math.abs(c.length - name.length) * 0.5 : Infinity;
    const score = Math.min(distance, prefix);
    const allowed = Math.max(1, Math.floor(Math.max(name.length, 3) / 3));
    if (score <= allowed) scored.push({ c, score });
  }
  scored.sort((x, y) => x.score - y.score || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}
