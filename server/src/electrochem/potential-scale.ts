// Potentials between reference scales: E(B) = E(A) + E°(A vs SHE) − E°(B vs SHE),
// with the RHE at −slope·pH vs SHE. The slope is 2.303RT/F at the protocol
// temperature unless the protocol states a convention (the source's 0.059 V).
import { REFERENCE_ELECTRODES, type ReferenceElectrode } from '../data/reference-electrodes';
import { FARADAY, GAS_CONSTANT } from '../data/constants';
import { closestNames } from '../text/closest-names';

export interface Scale {
  name: string;
  /** V vs SHE; undefined for the RHE. */
  vsSHE?: number;
  pHDependent: boolean;
  source: string;
}

const key = (s: string) => s.toLowerCase().replace(/saturated/g, 'sat').replace(/[\s.()]/g, '');

export function nernstSlope(temperatureK: number): number {
  return (Math.LN10 * GAS_CONSTANT * temperatureK) / FARADAY;
}

export function resolveScale(text: string, declared: Scale[] = []): Scale | { error: string; suggestions: string[] } {
  const k = key(text);
  const own = declared.find((d) => key(d.name) === k);
  if (own) return own;
  const found = REFERENCE_ELECTRODES.find((r) => r.aliases.some((a) => key(a) === k) || key(r.name) === k);
  if (found) return fromTable(found);
  const names = [...declared.map((d) => d.name), ...REFERENCE_ELECTRODES.map((r) => r.name)];
  const suggestions = closestNames(text, names);
  return { error: `unknown reference electrode \`${text}\`${suggestions.length ? `; did you mean \`${suggestions[0]}\`?` : '; declare it with `reference NAME at … V vs SHE`'}`, suggestions };
}

function fromTable(r: ReferenceElectrode): Scale {
  return { name: r.name, vsSHE: r.potentialVsSHE, pHDependent: !!r.pHDependent, source: r.source };
}

export function scaleVsSHE(scale: Scale, pH: number, slope: number): number {
  return scale.pHDependent ? -slope * pH : scale.vsSHE!;
}

/** E on `to` from E on `from`, at the electrolyte's pH. */
export function convertPotential(e: number, from: Scale, to: Scale, pH: number, slope: number): number {
  return e + scaleVsSHE(from, pH, slope) - scaleVsSHE(to, pH, slope);
}
