// Which peak of an injection is a product: the instrument's compound name
// (`Hydrogen`, `MeOH`) and the product a result line names (`H2`, `CH3OH`)
// are the same compound when the table of GC compounds says so, or when they
// are written alike.
import { GC_COMPOUNDS, type GcCompound } from '../data/gc-compounds';
import type { GcChannel, GcInjection, GcPeak } from './series';

/** `Carbon monoxide`, `carbon-monoxide` and `CARBON_MONOXIDE` are one key. */
function key(name: string): string {
  return name.toLowerCase().replace(/[\s\-_]+/g, '');
}

const BY_NAME = new Map<string, GcCompound>();
for (const c of GC_COMPOUNDS) for (const n of c.names) BY_NAME.set(key(n), c);

/** The table's compound for a name, if it knows it. */
export function gcCompound(name: string): GcCompound | undefined {
  return BY_NAME.get(key(name));
}

/** Whether an instrument's compound name and a product name are one compound. */
export function sameGcCompound(instrumentName: string, product: string): boolean {
  const a = gcCompound(instrumentName);
  const b = gcCompound(product);
  if (a && b) return a === b;
  return key(instrumentName) === key(product);
}

export interface FoundPeak {
  peak: GcPeak;
  channel: GcChannel;
}

/**
 * The product's peak in an injection: of all the peaks named as the product,
 * the first the instrument calibrated, else the first.
 */
export function findPeak(injection: GcInjection, product: string): FoundPeak | undefined {
  let first: FoundPeak | undefined;
  for (const channel of injection.channels) {
    for (const peak of channel.peaks) {
      if (peak.name === undefined || !sameGcCompound(peak.name, product)) continue;
      if (peak.volumeFraction !== undefined) return { peak, channel };
      first ??= { peak, channel };
    }
  }
  return first;
}

/** The compounds an injection names, as a reaction writes them (`CH3OH (MeOH)` when the instrument names it otherwise). */
export function namedCompounds(injection: GcInjection): string[] {
  const out: string[] = [];
  for (const channel of injection.channels) {
    for (const peak of channel.peaks) {
      if (peak.name === undefined) continue;
      const formula = gcCompound(peak.name)?.formula;
      const shown = formula === undefined || formula === peak.name ? peak.name : `${formula} (${peak.name})`;
      if (!out.includes(shown)) out.push(shown);
    }
  }
  return out;
}
