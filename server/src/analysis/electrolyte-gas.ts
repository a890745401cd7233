// The gas an electrolyte is saturated with: `saturated with CO2 [at 1 atm]`, or
// the gas of its `purge` line. Recorded (report kind `saturatingGas`), its
// dissolved concentration where it is known (`dissolvedGas`: CO2 by Henry's
// law, O2 from the electrolyte's stated solubility or oxygen-transport.ts), and
// for CO2 the carbonate system it holds open for the pH estimate.
import type { ElectrolyteBlock, Quantity, Span, Word } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { ElectrochemCodes } from '../electrochem/codes';
import type { FixedSystem } from '../electrochem/ph';
import { HENRY_TEMPERATURE_K, PASCAL_PER_ATM, SATURATING_GASES, type SaturatingGas } from '../data/gas-solubility';
import { SYSTEMS } from '../data/acid-base';
import { oxygenTransportFor } from '../data/oxygen-transport';
import { lookupSpecies } from '../chemistry/species-library';
import { siOf } from './quantities';
import { formatNumber } from '../units/format';

export interface ElectrolyteGas {
  gas: string;
  /** Partial pressure (Pa); undefined when the stated or the protocol pressure is impossible (reported there). */
  pressurePa?: number;
  /** For the pH estimate: the system the gas holds and its protonated form's molarity (CO2(aq), mol/L). */
  fixed?: FixedSystem;
  /** The gas fixes the pH estimate's carbonate but its pressure is unknown: no estimate. */
  blocksEstimate: boolean;
  /** The assumptions of a pH estimate under this gas, for its hover. */
  assumptions: string;
  /** The same, for the report's extra fields of the pH value. */
  extra: Record<string, string | number>;
}

const kPa = (pa: number) => formatNumber(pa / 1000, { significant: 6, trim: true });

/** The gas, where it was written, and a stated partial pressure; warns when `saturated with` and `purge` disagree. */
function writtenGas(ctx: AnalysisContext, e: ElectrolyteBlock): { word: Word; pressure?: Quantity; how: 'saturated' | 'purge'; span: Span } | undefined {
  const s = e.saturated;
  const p = e.purge;
  if (s && p && s.gas.text !== p.gas.text) {
    ctx.report(ElectrochemCodes.saturatingGasesDisagree, 'information', `electrolyte ${e.name?.text ?? ''} is purged with ${p.gas.text} but said to be saturated with ${s.gas.text}; the pH estimate and the dissolved gas take ${s.gas.text}. Write the gas it held during the measurements in both lines, or drop one`, p.gas.span);
  }
  if (s) return { word: s.gas, pressure: s.pressure ?? (p?.gas.text === s.gas.text ? p.pressure : undefined), how: 'saturated', span: s.span };
  if (p) return { word: p.gas, pressure: p.pressure, how: 'purge', span: p.span };
  return undefined;
}

export function electrolyteGas(ctx: AnalysisContext, e: ElectrolyteBlock, molar: Map<string, number>): ElectrolyteGas | undefined {
  const written = writtenGas(ctx, e);
  if (!written) return undefined;
  const gas = written.word.text;
  const data: SaturatingGas | undefined = SATURATING_GASES[gas];
  if (!data && lookupSpecies(gas)?.kind !== 'gas') {
    ctx.report(ElectrochemCodes.notAGas, 'error', `${gas} is not a gas Faraday knows, so the electrolyte cannot be saturated with it: name the gas (${Object.keys(SATURATING_GASES).join(', ')}, or another gas of the species library); a salt it is saturated with is a concentration in the composition line (\`4.2 M KCl\`)`, written.word.span);
    return undefined;
  }
  const stated = written.pressure !== undefined;
  const pressurePa = stated ? siOf(ctx, written.pressure) : ctx.facts.pressurePa;
  const name = e.name?.text ?? 'electrolyte';
  const how = written.how === 'saturated' ? `saturated with ${gas}` : `purged with ${gas}, taken as saturated with it`;
  const pressureText = pressurePa === undefined ? 'an unknown pressure' : stated ? `${kPa(pressurePa)} kPa (stated)` : `${kPa(pressurePa)} kPa (the protocol's pressure; pure gas, water vapour neglected)`;
  ctx.value({
    kind: 'saturatingGas', subject: name, value: gas, unit: '', span: written.word.span,
    label: `${gas}-saturated`,
    detail: `Electrolyte ${name}: ${how}, at ${pressureText}.`,
    extra: { source: written.how, ...(pressurePa !== undefined ? { pressure: pressurePa / 1000 } : {}) },
  });
  const out: ElectrolyteGas = { gas, pressurePa, blocksEstimate: false, assumptions: '', extra: { gas } };
  if (data?.acidBaseSystem && data.henryMolPerLAtm !== undefined) {
    if (pressurePa === undefined) {
      out.blocksEstimate = true; // the pressure has its error
      return out;
    }
    const atm = pressurePa / PASCAL_PER_ATM;
    const c0 = data.henryMolPerLAtm * atm;
    const system = SYSTEMS[data.acidBaseSystem]!;
    out.fixed = { system: data.acidBaseSystem, molar: c0 };
    out.assumptions = `${gas} fixed by the gas: [${gas}(aq)] = K_H·p = ${data.henryMolPerLAtm} mol/(L·atm) × ${formatNumber(atm, { significant: 4 })} atm = ${formatNumber(c0 * 1000, { significant: 3 })} mM (p = ${pressureText}); the ${data.acidBaseSystem} of the salts follows the gas (their cations count), pKa ${system.pKa.join(', ')}; constants at ${formatNumber(HENRY_TEMPERATURE_K - 273.15, { decimals: 0 })} °C, ${data.source}`;
    out.extra = { gas, partialPressure: pressurePa / 1000, henryConstant: data.henryMolPerLAtm, dissolved: c0 * 1000, pKa: system.pKa.join(', '), constantsTemperature: HENRY_TEMPERATURE_K };
    dissolvedValue(ctx, name, gas, c0 * 1000, written.word.span, `[${gas}(aq)] = K_H·p = ${data.henryMolPerLAtm} mol/(L·atm) × ${formatNumber(atm, { significant: 4 })} atm = ${formatNumber(c0 * 1000, { significant: 3 })} mM: Henry's law at 25 °C in pure water (salting out by the electrolyte neglected), p = ${pressureText}. ${data.source}.`);
    return out;
  }
  out.assumptions = `${gas} takes no part in the acid–base balance; the salts' own acid–base systems stay in solution (closed system)`;
  if (gas === 'O2') oxygenValue(ctx, e, name, molar, pressurePa, pressureText, written.word.span);
  return out;
}

/** O2: the electrolyte's stated solubility, else the library's for its composition, scaled from 1 atm by Henry's law. */
function oxygenValue(ctx: AnalysisContext, e: ElectrolyteBlock, name: string, molar: Map<string, number>, pressurePa: number | undefined, pressureText: string, span: Span): void {
  if (e.solubility && e.solubility.species.text === 'O2') {
    const c = siOf(ctx, e.solubility.value);
    if (c !== undefined) dissolvedValue(ctx, name, 'O2', c, span, `Dissolved O2 ${formatNumber(c, { significant: 3 })} mM: the electrolyte's stated solubility.`);
    return;
  }
  const library = oxygenTransportFor(molar);
  if (!library || pressurePa === undefined) return;
  const atm = pressurePa / PASCAL_PER_ATM;
  const c = library.concentration * atm; // mol/m³ = mM
  dissolvedValue(ctx, name, 'O2', c, span, `Dissolved O2 in ${library.label} under 1 atm O2: ${formatNumber(library.concentration, { significant: 3 })} mM, × ${formatNumber(atm, { significant: 4 })} atm (p = ${pressureText}, Henry's law) = ${formatNumber(c, { significant: 3 })} mM. ${library.source}.`);
}

function dissolvedValue(ctx: AnalysisContext, electrolyte: string, gas: string, mM: number, span: Span, detail: string): void {
  ctx.value({
    kind: 'dissolvedGas', subject: `${electrolyte}/${gas}`, value: mM, unit: 'mM', span,
    label: `${formatNumber(mM, { significant: 3 })} mM ${gas} dissolved`,
    detail,
    hint: { text: `${gas}(aq) ≈ ${formatNumber(mM, { significant: 3 })} mM`, category: 'pH' },
  });
}
