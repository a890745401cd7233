// Reading a recorded sweep at a potential: the current where the sweep passes
// a potential, interpolated linearly between the two points around it.

/** The current at potential `e`, at its first crossing in recording order; undefined when the sweep never reaches `e`. */
export function currentAtPotential(potential: ArrayLike<number>, current: ArrayLike<number>, e: number): number | undefined {
  const n = Math.min(potential.length, current.length);
  for (let k = 1; k < n; k++) {
    const a = potential[k - 1]!;
    const b = potential[k]!;
    if ((e - a) * (e - b) > 0) continue;
    if (a === b) return current[k - 1];
    const f = (e - a) / (b - a);
    return current[k - 1]! + f * (current[k]! - current[k - 1]!);
  }
  return undefined;
}
