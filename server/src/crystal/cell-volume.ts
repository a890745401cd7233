// Unit-cell volume for every crystal system from the general triclinic
// formula V = abc·sqrt(1 − cos²α − cos²β − cos²γ + 2cosα·cosβ·cosγ), with the
// standard uncertainty propagated to first order from uncorrelated esds of
// a, b, c, α, β, γ (angles converted to radians for the derivatives).

export interface CellParameters {
  a: number; b: number; c: number; alpha: number; beta: number; gamma: number;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

export function cellVolume(p: CellParameters): number {
  const [ca, cb, cg] = [Math.cos(rad(p.alpha)), Math.cos(rad(p.beta)), Math.cos(rad(p.gamma))];
  return p.a * p.b * p.c * Math.sqrt(1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg);
}

/** esd of the volume by numerical partial derivatives (central differences). */
export function cellVolumeEsd(p: CellParameters, esd: Partial<CellParameters>): number {
  let variance = 0;
  for (const key of ['a', 'b', 'c', 'alpha', 'beta', 'gamma'] as const) {
    const s = esd[key];
    if (!s) continue;
    const h = Math.max(Math.abs(p[key]) * 1e-7, 1e-9);
    const d = (cellVolume({ ...p, [key]: p[key] + h }) - cellVolume({ ...p, [key]: p[key] - h })) / (2 * h);
    variance += (d * s) ** 2;
  }
  return Math.sqrt(variance);
}
