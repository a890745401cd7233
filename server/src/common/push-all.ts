// Appends every item of a list in as few calls as the engine's argument limit allows: one call per
// few thousand items (a tracked array counts one change per call), and never a spread of 10⁵ items,
// which would overflow the call stack.
const AT_ONCE = 4096;

export function pushAll<T>(target: T[], items: readonly T[]): void {
  if (items.length === 0) return;
  if (items.length <= AT_ONCE) target.push(...items);
  else for (let i = 0; i < items.length; i += AT_ONCE) target.push(...items.slice(i, i + AT_ONCE));
}
