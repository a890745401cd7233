// Faradaic efficiency and gas products: FE = n·F·N/Q.
import { FARADAY, GAS_CONSTANT } from '../data/constants';

export function faradaicEfficiency(electrons: number, mol: number, chargeC: number): number {
  return (electrons * FARADAY * mol) / Math.abs(chargeC);
}

/** Molar volume of an ideal gas, m³/mol. */
export function molarVolume(temperatureK: number, pressurePa: number): number {
  return (GAS_CONSTANT * temperatureK) / pressurePa;
}

/** mol/s of a gas product from its GC volume fraction in the carrier flow (m³/s). */
export function gasMolarRate(fraction: number, flowM3PerS: number, temperatureK: number, pressurePa: number): number {
  return (fraction * flowM3PerS) / molarVolume(temperatureK, pressurePa);
}
