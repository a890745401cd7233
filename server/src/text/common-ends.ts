// How much two versions of a text share at their start and at their end: where
// an edit lies when only the texts are known (the parse session, the language
// server's pending edits).

/** Characters compared at once, natively: a character loop over a 10 000-line text took 1.5 ms. */
const BLOCK = 4096;

/** The lengths of the shared start and end (never overlapping in the shorter text). */
export function commonEnds(before: string, after: string): { prefix: number; suffix: number } {
  const most = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + BLOCK <= most && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < most && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = most - prefix;
  while (suffix + BLOCK <= room && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}
