// pH of an electrolyte from its composition: the charge balance solved for
// [H+] by bisection on log[H+] (deterministic, no Henderson–Hasselbalch
// shortcut), ideal solution (activities = concentrations). A system open to a
// gas (carbonate under CO2) has its fully protonated form fixed by the gas's
// partial pressure instead of a total from the salts: the salts then bring
// only their strong ions (K+ of KHCO3), the carbon follows the gas.
import { CONTRIBUTIONS, PKW, SYSTEMS } from '../data/acid-base';
import { powerOfTen } from '../units/portable-power';

export interface PHEstimate {
  pH: number;
  /** Components that do not take part (unknown to the acid–base table). */
  ignored: string[];
}

function averageCharge(system: (typeof SYSTEMS)[string], h: number): number {
  // Fractions of each deprotonation state j relative to the fully protonated form (1, K1/h, K1K2/h², …),
  // summed in that order without an array: the bisection below calls this thousands of times.
  let total = 1;
  let lost = 0;
  let product = 1;
  let j = 0;
  for (const pKa of system.pKa) {
    product *= powerOfTen(-pKa) / h;
    j++;
    total += product;
    lost += j * product;
  }
  return system.charge - lost / total;
}

/** A system whose fully protonated form is held at a fixed concentration (mol/L) by a gas: CO2(aq) = H2CO3*. */
export interface FixedSystem {
  system: keyof typeof SYSTEMS;
  molar: number;
}

/** Charge (mol/L) of a system whose protonated form is fixed at c0: Σ_j c0·(Ka1…Kaj / h^j)·(z0 − j). */
function fixedCharge(system: (typeof SYSTEMS)[string], c0: number, h: number): number {
  let charge = c0 * system.charge;
  let product = c0;
  system.pKa.forEach((pKa, j) => {
    product *= powerOfTen(-pKa) / h;
    charge += product * (system.charge - (j + 1));
  });
  return charge;
}

export function estimatePH(components: { name: string; molar: number }[], fixed: FixedSystem[] = []): PHEstimate {
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
    for (const s of c.systems ?? []) if (!fixed.some((f) => f.system === s.name)) systems.push({ system: SYSTEMS[s.name]!, c: s.count * molar });
  }
  const kw = powerOfTen(-PKW);
  const balance = (h: number) => {
    let acids = 0;
    for (const s of systems) acids += s.c * averageCharge(s.system, h);
    let held = 0;
    for (const f of fixed) held += fixedCharge(SYSTEMS[f.system]!, f.molar, h);
    return h + cations - kw / h - anions + acids + held;
  };
  let lo = -16;
  let hi = 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    // Once the middle is one of the ends (adjacent doubles), every further step leaves them as they are.
    const converged = mid === lo || mid === hi;
    if (balance(powerOfTen(mid)) > 0) hi = mid;
    else lo = mid;
    if (converged) break;
  }
  return { pH: -(lo + hi) / 2, ignored };
}
