// The uncompensated (solution) resistance from an impedance spectrum: the
// high-frequency intercept of the Nyquist plot with the real axis.

export interface Intercept {
  ohm: number;
  /** How it was read, for the hover. */
  how: string;
}

/**
 * Points are taken from the highest frequency down (file order when there is
 * no frequency column). Where Z" changes sign (inductive → capacitive) the
 * intercept is interpolated at Z" = 0; otherwise the two highest-frequency
 * points are extrapolated along their chord to Z" = 0, and when that leaves
 * the range [0, Z'(highest)] the real part at the highest frequency is used.
 */
export function highFrequencyIntercept(re: Float64Array, im: Float64Array, freq?: Float64Array): Intercept | undefined {
  const n = Math.min(re.length, im.length);
  if (n === 0) return undefined;
  const order = [...Array(n).keys()];
  if (freq && freq.length >= n) order.sort((a, b) => freq[b]! - freq[a]!);
  const finite = order.filter((k) => Number.isFinite(re[k]!) && Number.isFinite(im[k]!));
  if (finite.length === 0) return undefined;
  for (let j = 1; j < finite.length; j++) {
    const a = finite[j - 1]!;
    const b = finite[j]!;
    if (im[a] === 0) return { ohm: re[a]!, how: `Z" = 0 at Z' = ${re[a]} Ω` };
    if (im[a]! * im[b]! < 0) {
      const t = im[a]! / (im[a]! - im[b]!);
      return { ohm: re[a]! + t * (re[b]! - re[a]!), how: `Z" changes sign between ${re[a]} Ω and ${re[b]} Ω: interpolated at Z" = 0` };
    }
  }
  const first = finite[0]!;
  if (finite.length > 1) {
    const second = finite[1]!;
    const dIm = im[second]! - im[first]!;
    if (dIm !== 0) {
      const x = re[first]! - (im[first]! * (re[second]! - re[first]!)) / dIm;
      if (x >= 0 && x <= re[first]!) return { ohm: x, how: 'the two highest-frequency points extrapolated to Z" = 0' };
    }
  }
  return { ohm: re[first]!, how: "Z' at the highest frequency" };
}
