// A carrier or feed gas flow as the protocol states it: a volume per time at
// the protocol's temperature and pressure (`20 mL/min`), which the ideal gas
// law turns into moles, or a molar flow in the standard units of mass-flow
// controllers (`20 sccm`, `0.5 slpm`), whose moles need no temperature or
// pressure (data/units.ts: standard conditions 0 °C and 101.325 kPa).
import { MASS_FLOW_STANDARD } from '../data/units';
import { molarVolume } from './faradaic';
import { formatNumber } from '../units/format';

export type GasFlow =
  /** m³/s at the protocol's temperature and pressure. */
  | { molar: false; m3PerS: number }
  /** mol/s (written in sccm or slpm); `written` as in the file, for hovers. */
  | { molar: true; molPerS: number; written: string };

/** mol/s of the whole flow: V'/Vm(T, p) for a volumetric flow, as stated for a molar one. */
export function flowMolPerS(flow: GasFlow, temperatureK: number, pressurePa: number): number {
  return flow.molar ? flow.molPerS : flow.m3PerS / molarVolume(temperatureK, pressurePa);
}

/** mol/s of a product from its GC volume fraction in the flow (ideal gas: volume fraction = mole fraction). */
export function productMolarRate(fraction: number, flow: GasFlow, temperatureK: number, pressurePa: number): number {
  return fraction * flowMolPerS(flow, temperatureK, pressurePa);
}

const sig4 = (x: number) => formatNumber(x, { significant: 4, trim: true });

/** The standard conditions of sccm, for hovers: "0 °C (273.15 K) and 101.325 kPa". */
export const STANDARD_CONDITIONS_TEXT = `0 °C (${MASS_FLOW_STANDARD.temperatureK} K) and ${MASS_FLOW_STANDARD.pressurePa / 1000} kPa`;

/** `20 mL/min`, or `20 sccm = 14.87 µmol/s (standard cm³/min at 0 °C (273.15 K) and 101.325 kPa)`. */
export function flowText(flow: GasFlow): string {
  if (!flow.molar) return `${sig4(flow.m3PerS * 6e7)} mL/min`;
  return `${flow.written} = ${sig4(flow.molPerS * 1e6)} µmol/s (a molar flow: standard volume at ${STANDARD_CONDITIONS_TEXT}, n' = p0·V'/(R·T0))`;
}
