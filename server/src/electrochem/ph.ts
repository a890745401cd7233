// pH of an electrolyte from its composition: the charge balance solved for
// [H+] by bisection on log[H+] (deterministic, no Henderson–Hasselbalch
// shortcut), ideal solution (activities = concentrations).
import { CONTRIBUTIONS, PKW, SYSTEMS } from '../data/acid-base';

export interface PHEstimate {
  pH: number;
  /** Components that do not take part (unknown to the acid–base table). */
  ignored: string[];
}

function averageCharge(system: (typeof SYSTEMS)[string], h: number): number {
  // Fractions of each deprotonation state j relative to the fully protonated form.
  const terms = [1];
  let product = 1;
  for (const pKa of system.pKa) {
    product *= 10 ** -pKa / h;
    terms.push(product);
  }
  const total = terms.reduce((a, b) => a + b, 0);
  const lost = terms.reduce((sum, t, j) => sum + j * t, 0) / total;
  return system.charge - lost;
}

export function estimatePH(components: { name: string; molar: number }[]): PHEstimate {
  let cations = 0;
  let anions = 0;
  const systems: { system: (typeof SYSTEMS)[string]; c: number }[] = [];
  const ignored: string[] = [];
  for (const { name, molar } of components) {
    const c = CONTRIBUTIONS[name];
    if (!c) {
      ignored.push(name);
      continue;
    }
    cations += (c.cations ?? 0) * molar;
    anions += (c.anions ?? 0) * molar;
    for (const s of c.systems ?? []) systems.push({ system: SYSTEMS[s.name]!, c: s.count * molar });
  }
  const kw = 10 ** -PKW;
  const balance = (h: number) => h + cations - kw / h - anions + systems.reduce((sum, s) => sum + s.c * averageCharge(s.system, h), 0);
  let lo = -16;
  let hi = 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (balance(10 ** mid) > 0) hi = mid;
    else lo = mid;
  }
  return { pH: -(lo + hi) / 2, ignored };
}
