// Replicate readings of one quantity: their mean, and the sample standard
// deviation (n − 1 degrees of freedom) when there are at least two.

export interface Replicates {
  mean: number;
  /** Sample standard deviation; undefined for a single reading. */
  sd?: number;
  n: number;
}

export function replicates(values: readonly number[]): Replicates {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { mean, n };
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (n - 1)), n };
}
