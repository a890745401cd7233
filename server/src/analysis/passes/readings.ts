// What one product's reading of a result stands for: moles per litre of the
// catholyte (a dissolved product) or a volume fraction of the carrier gas (a
// gas read by GC), with the number of replicate readings and a standard
// uncertainty where one is known. A value with a concentration (or, with a
// carrier flow, a fraction) unit is taken as measured; any other value is a
// response read through the calibration after `by`: its standards (least
// squares, s_x0 of ISO 8466-1), a response factor, or an internal standard (¹H NMR).
// Replicates (`0.099, 0.102, 0.097`) are averaged; for values taken as measured,
// through a response factor or by NMR the uncertainty is their sample standard
// deviation, for values read through standards it is s_x0 of their mean.
import { isGcFileReading, type GcFileReading, type ResultBlock, type ResultReading, type Span } from '../../syntax/ast';
import type { AnalysisContext } from '../context';
import { ElectrochemCodes } from '../../electrochem/codes';
import { concentrationOf, concentrationStandardError, readThroughCalibration, responseValue } from '../../electrochem/calibration';
import { analyteBasis, sameCompound, type AnalyteBasis } from '../../electrochem/analyte';
import { milligramsPerLitre, productMolarity, readingValueKind } from '../../electrochem/concentration';
import { internalStandardConcentration, defaultProtons } from '../../electrochem/nmr';
import { replicates, type Replicates } from '../../electrochem/replicates';
import { NMR_PROTONS_SOURCE } from '../../data/nmr-protons';
import { unitMeaning, type CalibrationInfo } from './calibrations';
import { checkedQuantity, writtenValues } from '../quantities';
import { gasFlowOf } from '../gas-flow';
import type { GasFlow } from '../../electrochem/gas-flow';
import { closestNames } from '../../text/closest-names';
import { InstrumentCodes } from '../../instruments/codes';
import { durationText, gcRunOf, injectionLabel, productValues } from './gc-files';
import { formatExact, formatNumber } from '../../units/format';
import { formatPlusMinus, replicateCount } from '../../units/format-uncertainty';

export interface QuantifiedReading {
  /** The species the moles are of (`NH3` for a line on the `NH3-N` basis). */
  product: string;
  /** `dissolved`: `amount` is mol per litre of the electrolyte the working electrode sits in; `gas`: a volume fraction of the carrier; `moles`: the moles made, measured as such. */
  phase: 'dissolved' | 'gas' | 'moles';
  amount: number;
  /** Standard uncertainty of `amount`, when known. */
  uncertainty?: number;
  /** Replicate readings averaged. */
  n: number;
  /** How the uncertainty was found, for hovers. */
  uncertaintyNote?: string;
  /** Carrier flow (gas): volumetric at the protocol's temperature and pressure, or molar (`sccm`). */
  flow?: GasFlow;
  /** Where the flow came from when the line states none: the cell's gas flow, for the FE's hover. */
  flowFrom?: string;
}

/** The gas flow of a result's cell, for gas readings without their own `at … mL/min`. */
export interface CellGasFlow {
  /** Undefined when the written flow is impossible (its error is at the cell). */
  flow?: GasFlow;
  /** `20 mL/min`, as written. */
  written: string;
  /** `cell F's CO2 feed through the GDE`, for hovers. */
  what: string;
}

/** `0.099, 0.102, 0.097: mean 0.09933 ± 0.0025 (SD, n = 3)`, for hovers; nothing for one reading. */
function replicateText(values: readonly number[], r: Replicates): string {
  if (r.n < 2) return '';
  return ` Replicates ${values.map((v) => formatExact(v)).join(', ')}: mean ${formatPlusMinus(r.mean, r.sd, { significant: 4 })} (sample SD, n = ${r.n}).`;
}

export class ReadingQuantifier {
  constructor(
    private readonly ctx: AnalysisContext,
    /** The calibration named after `by`, of this file or an imported one. */
    private readonly calibrationFor: (name: string) => CalibrationInfo | undefined,
    /** Names of this file's calibrations, for suggestions. */
    private readonly localNames: () => string[],
  ) {}

  /**
   * `cellFlow`: the gas flow of the result's cell (`feed CO2 20 mL/min` through a GDE, or the
   * cell's `purge … mL/min`), which a gas line without its own `at … mL/min` takes.
   */
  quantify(reading: ResultReading | GcFileReading, result: string, block?: ResultBlock, cellFlow?: CellGasFlow): QuantifiedReading | undefined {
    const method = reading.method?.text;
    const cal = method !== undefined ? this.calibrationFor(method) : undefined;
    if (isGcFileReading(reading)) return block ? this.gcFiles(reading, result, block, cal, cellFlow) : undefined;
    if (reading.flow) return this.gas(reading, result, cal);
    if (cal?.gas || reading.value.place === 'gasReading') {
      if (cellFlow) return this.gas(reading, result, cal, cellFlow);
      const what = cal?.gas ? `${method} reads ${cal.analyte ?? 'a gas'} as` : `\`${this.ctx.textOf(reading.value.span)}\` by ${method} is`;
      this.ctx.report(ElectrochemCodes.gasNeedsFlow, 'error', `${what} a volume fraction of the carrier gas; its moles need the carrier flow, and neither the line nor the result's cell states one: add it after the line, as in \`${reading.analyte.text} … by ${method} at 18 mL/min\`, or give the cell its gas flow (\`feed CO2 20 mL/min\` through a gas-diffusion electrode, \`purge CO2 20 mL/min\` in an H-cell)`, reading.value.span);
      return undefined;
    }
    return this.dissolved(reading, result, cal);
  }

  /** The line's own flow, or the cell's; undefined when the one used is impossible (reported there). */
  private flowOf(reading: ResultReading | GcFileReading, cellFlow: CellGasFlow | undefined): { flow?: GasFlow; from?: string } {
    if (reading.flow) return { flow: gasFlowOf(this.ctx, reading.flow) };
    return { flow: cellFlow?.flow, from: cellFlow?.what };
  }

  /** The line's basis, or undefined after saying why. */
  private basisOf(reading: ResultReading): AnalyteBasis | undefined {
    const b = analyteBasis(reading.analyte.text);
    if ('error' in b) {
      this.ctx.report(ElectrochemCodes.ambiguousAnalyte, 'error', b.error, reading.analyte.span);
      return undefined;
    }
    return b;
  }

  /** The responses of a reading in the calibration's response, or undefined after saying why. */
  private responses(reading: ResultReading, cal: CalibrationInfo): number[] | undefined {
    const quantity = reading.value;
    // A dissolved product's reading is in the calibration's unit (read here); a gas's response is a bare number.
    const numbers = quantity.place === 'gasReading' ? checkedQuantity(this.ctx, quantity)?.written : writtenValues(this.ctx, quantity);
    if (!numbers) return undefined;
    const out: number[] = [];
    for (const v of numbers) {
      const r = responseValue(v, quantity.unit?.text, cal.response!);
      if ('error' in r) {
        this.ctx.report(ElectrochemCodes.readingDoesNotFitResponse, 'error', `\`${this.ctx.textOf(quantity.span)}\` does not fit ${cal.name}: ${r.error}`, quantity.span);
        return undefined;
      }
      out.push(r.value);
    }
    return out;
  }

  /** The calibration's compound against the line's; undefined after saying why. */
  private calibrationBasis(reading: ResultReading, cal: CalibrationInfo, lineBasis: AnalyteBasis): AnalyteBasis | undefined {
    // Without an `analyte` line the calibration is of what the reading names.
    const calBasis = cal.analyte === undefined ? lineBasis : cal.basis;
    if (!calBasis) return undefined;
    const calAnalyte = cal.analyte ?? reading.analyte.text;
    const analyte = reading.analyte.text;
    if (!sameCompound(calBasis.product, lineBasis.product)) {
      this.ctx.report(ElectrochemCodes.analyteMismatch, 'error', `${cal.name} is a calibration of ${calAnalyte} (${calBasis.product}), but this line reads ${analyte} (${lineBasis.product}), another compound: write \`${calAnalyte}\`${calBasis.product !== calAnalyte ? ` or \`${calBasis.product}\`` : ''} to report what ${cal.name} measures, or read ${analyte} through a calibration of ${lineBasis.product}`, reading.analyte.span);
      return undefined;
    }
    return calBasis;
  }

  private dissolved(reading: ResultReading, result: string, cal: CalibrationInfo | undefined): QuantifiedReading | undefined {
    const analyte = reading.analyte.text;
    const quantity = reading.value;
    const written = this.ctx.textOf(quantity.span);
    const kind = readingValueKind(quantity.unit?.text);
    const method = reading.method?.text;
    if (kind.kind === 'ambiguousFraction') {
      this.ctx.report(ElectrochemCodes.ambiguousFraction, 'error', `\`${written}\` could be a mass concentration of the catholyte or a gas volume fraction: write a dissolved ${analyte} in mg/L (\`${analyte} ${quantity.values[0]!.text} mg/L\`, aqueous ppm = mg/L), or add the carrier flow for a gas read by GC (\`by GC at 18 mL/min\`)`, quantity.span);
      return undefined;
    }
    if (kind.kind === 'amount') {
      // The moles of the product, measured as such (a sealed cell's headspace by GC, a titration): no volume or flow.
      if (cal) {
        this.ctx.report(ElectrochemCodes.readingDoesNotFitResponse, 'error', `\`${written}\` is an amount of ${analyte}, but \`by ${method}\` names a calibration that turns a response into a concentration: write the response read through it, or name a method that is not a calibration (\`${analyte} ${written} by GC\`)`, quantity.span);
        return undefined;
      }
      const lineBasis = this.basisOf(reading);
      const values = writtenValues(this.ctx, quantity);
      if (!lineBasis || !values) return undefined;
      // On a nitrogen basis (`NH3-N 5 µmol`) a mole is a mole of N: moles of product = moles of N / N per product.
      const mol = values.map((v) => (v * kind.molPerUnit) / lineBasis.entitiesPerProduct);
      const r = replicates(mol);
      return { product: lineBasis.product, phase: 'moles', amount: r.mean, uncertainty: r.sd, n: r.n, uncertaintyNote: r.sd !== undefined ? `sample SD of ${r.n} readings` : undefined };
    }
    if (kind.kind === 'concentration') {
      if (cal) {
        const response = cal.response?.kind === 'unit' ? `a response in ${cal.response.unit.text}` : cal.response?.name ?? 'a response';
        this.ctx.report(ElectrochemCodes.readingDoesNotFitResponse, 'error', `\`${written}\` is a concentration, but \`by ${method}\` names a calibration that turns ${response} into a concentration: write the ${response} read (\`${analyte} ${cal.response?.kind === 'named' ? `${cal.response.name} ` : ''}… by ${method}\`), or name a method that is not a calibration for a concentration measured directly (\`${analyte} ${written} by ion chromatography\`)`, quantity.span);
        return undefined;
      }
      const lineBasis = this.basisOf(reading);
      const values = writtenValues(this.ctx, quantity);
      if (!lineBasis || !values) return undefined;
      const molar = values.map((v) => productMolarity(v, kind.unit, lineBasis));
      const r = replicates(molar);
      const mgPerL = milligramsPerLitre(r.mean, lineBasis);
      const uMg = r.sd !== undefined ? milligramsPerLitre(r.sd, lineBasis) : undefined;
      this.concentrationValue(result, reading, mgPerL, uMg, r.n,
        `Measured ${written} ${analyte}${method ? ` by ${method}` : ''}: a concentration in the electrolyte, read without a calibration${kind.unit.text === 'mg/L' && r.n === 1 ? '' : ` (= ${formatPlusMinus(mgPerL, uMg, { significant: 5 })} mg/L)`}.${replicateText(values, replicates(values))}${unitMeaning(kind.unit, analyte, lineBasis)}`);
      return { product: lineBasis.product, phase: 'dissolved', amount: r.mean, uncertainty: r.sd, n: r.n, uncertaintyNote: r.sd !== undefined ? `sample SD of ${r.n} readings` : undefined };
    }
    if (!cal) {
      this.reportNoCalibration(reading, written);
      return undefined;
    }
    if (cal.unusable || !cal.response) return this.unusable(reading.value.span, cal);
    const responses = this.responses(reading, cal);
    if (!responses) return undefined;
    const lineBasis = this.basisOf(reading);
    if (!lineBasis) return undefined;
    const calBasis = this.calibrationBasis(reading, cal, lineBasis);
    if (!calBasis) return undefined;
    if (cal.internalStandard) return this.nmr(reading, result, cal, responses, lineBasis);
    if (!cal.unit) return undefined;
    const r = replicates(responses);
    const unit = cal.unit.text;
    const calAnalyte = cal.analyte ?? analyte;
    let measured: number;
    let inSample: number;
    let molPerLitre: number;
    let uMolPerLitre: number | undefined;
    let note: string | undefined;
    let how: string;
    if (cal.fit) {
      const read = readThroughCalibration(cal.fit, r.mean, cal.dilution, cal.unit, calBasis, r.n);
      ({ measured, inSample, molPerLitre, uMolPerLitre } = read);
      if (cal.file === undefined) this.ctx.facts.calibrationFits.get(cal.name)?.readings.push({ result, y: r.mean, x: measured });
      if (r.mean > cal.fit.maxReading || r.mean < cal.fit.minReading) {
        this.ctx.report(ElectrochemCodes.readingOutOfRange, 'warning', `the reading ${r.n > 1 ? `${formatNumber(r.mean, { significant: 3 })} (mean of ${r.n})` : quantity.values[0]!.text} lies outside the standards of ${method} (${formatNumber(cal.fit.minReading, { significant: 3 })} to ${formatNumber(cal.fit.maxReading, { significant: 3 })}); dilute the sample or extend the standards`, quantity.span);
      }
      if (measured < cal.fit.lod) {
        this.ctx.report(ElectrochemCodes.belowLOD, 'warning', `${formatNumber(measured, { significant: 3 })} ${unit} is below the detection limit of ${method} (${formatNumber(cal.fit.lod, { significant: 3 })} ${unit})`, quantity.span);
      }
      how = `Read ${formatPlusMinus(measured, read.standardError, { significant: 4 })} ${unit}${calAnalyte === analyte ? '' : ` ${calAnalyte}`} through ${method}`;
      note = read.standardError !== undefined
        ? `s_x0 = (s_y/x / b)·√(1/m + 1/n + (ȳ0 − ȳ)²/(b²·Σ(x − x̄)²)) = ${formatNumber(read.standardError, { significant: 3 })} ${unit} (ISO 8466-1; m = ${r.n} reading${r.n === 1 ? '' : 's'}, n = ${cal.fit.n} standards)`
        : undefined;
    } else {
      const factor = cal.responseFactor!;
      measured = factor * r.mean;
      inSample = measured * cal.dilution;
      molPerLitre = productMolarity(inSample, cal.unit, calBasis);
      uMolPerLitre = r.sd !== undefined ? productMolarity(factor * r.sd * cal.dilution, cal.unit, calBasis) : undefined;
      how = `Read ${formatExact(factor)} ${unit} per ${cal.response.kind === 'named' ? cal.response.name : 'response'} × ${formatNumber(r.mean, { significant: 4 })} = ${formatNumber(measured, { significant: 4 })} ${unit}${calAnalyte === analyte ? '' : ` ${calAnalyte}`} through ${method}`;
      note = r.sd !== undefined ? `sample SD of ${r.n} readings` : undefined;
    }
    // The same moles of the compound, reported on the line's own basis.
    const mgPerL = milligramsPerLitre(molPerLitre, lineBasis);
    const uMg = uMolPerLitre !== undefined ? milligramsPerLitre(uMolPerLitre, lineBasis) : undefined;
    const diluted = cal.dilution !== 1 ? `, × ${formatNumber(cal.dilution, { significant: 4 })} dilution = ${formatNumber(inSample, { significant: 5 })} ${unit} in the electrolyte` : '';
    const converted = unit === 'mg/L' && calAnalyte === analyte ? '' : ` = ${formatNumber(mgPerL, { significant: 5 })} mg/L ${analyte}`;
    this.concentrationValue(result, reading, mgPerL, uMg, r.n,
      `${how}${diluted}${converted}.${note ? ` Uncertainty: ${note}.` : ''}${replicateText(responses, r)}${unitMeaning(cal.unit, calAnalyte, calBasis)}`,
      { measured, measuredUnit: unit });
    return { product: lineBasis.product, phase: 'dissolved', amount: molPerLitre, uncertainty: uMolPerLitre, n: r.n, uncertaintyNote: note };
  }

  /** c_X = (I_X / I_std) × (N_std / N_X) × c_std in the tube, × the dilution into the tube. */
  private nmr(reading: ResultReading, result: string, cal: CalibrationInfo, integrals: number[], lineBasis: AnalyteBasis): QuantifiedReading | undefined {
    const std = cal.internalStandard!;
    const analyte = reading.analyte.text;
    const standardIntegral = reading.standardIntegral?.value ?? 1;
    if (!(standardIntegral > 0)) {
      this.ctx.report(ElectrochemCodes.readingDoesNotFitResponse, 'error', `the integral of the internal standard after \`vs\` must be positive: it is what the product's integral is relative to`, reading.standardIntegral!.span);
      return undefined;
    }
    let protons: number;
    let protonsSource: string;
    if (reading.protons) {
      protons = reading.protons.count;
      protonsSource = 'as written';
      if (!(protons > 0)) {
        this.ctx.report(ElectrochemCodes.nmrProtons, 'error', `a peak holds at least one proton: write the protons under the integrated peak of ${analyte}, as in \`(3 H)\``, reading.protons.span);
        return undefined;
      }
    } else {
      const d = defaultProtons(analyte);
      if ('error' in d) {
        this.ctx.report(ElectrochemCodes.nmrProtons, 'error', `${d.error}: write the protons under the integrated peak after the integral, as in \`${analyte} integral ${reading.value.values[0]!.text} (2 H) by ${cal.name}\``, reading.analyte.span);
        return undefined;
      }
      protons = d.protons;
      protonsSource = `the ${d.peak.group} peak of ${d.compound.name} at ${d.peak.shiftPpm} ppm, ${NMR_PROTONS_SOURCE}`;
    }
    const ratios = integrals.map((i) => i / standardIntegral);
    const r = replicates(ratios);
    const inTube = internalStandardConcentration(r.mean, protons, std.protons, std.molPerLitre);
    const molPerLitre = inTube * cal.dilution;
    const uMolPerLitre = r.sd !== undefined ? internalStandardConcentration(r.sd, protons, std.protons, std.molPerLitre) * cal.dilution : undefined;
    const mgPerL = milligramsPerLitre(molPerLitre, lineBasis);
    const uMg = uMolPerLitre !== undefined ? milligramsPerLitre(uMolPerLitre, lineBasis) : undefined;
    const mM = (x: number) => formatNumber(x * 1000, { significant: 5, trim: true });
    const integral = r.n === 1 ? reading.value.values[0]!.text : formatNumber(r.mean * standardIntegral, { significant: 4 });
    const ratioText = `(${integral} / ${reading.standardIntegral ? reading.standardIntegral.text : '1'})`;
    const detail = `¹H NMR against ${std.written} (${std.protons} H): c = (I / I_std) × (N_std / N) × c_std = ${ratioText} × (${std.protons} H / ${protons} H) × ${mM(std.molPerLitre)} mM = ${mM(inTube)} mM in the tube`
      + `${cal.dilution !== 1 ? `, × ${formatNumber(cal.dilution, { significant: 4, trim: true })} dilution = ${mM(molPerLitre)} mM in the electrolyte` : ''} = ${formatNumber(mgPerL, { significant: 5 })} mg/L ${analyte}.`
      + ` ${protons} H: ${protonsSource}.${r.sd !== undefined ? ` Uncertainty: sample SD of ${r.n} integrals.` : ''}${replicateText(integrals, replicates(integrals))}`;
    this.concentrationValue(result, reading, mgPerL, uMg, r.n, detail, { measured: inTube * 1000, measuredUnit: 'mM' });
    return { product: lineBasis.product, phase: 'dissolved', amount: molPerLitre, uncertainty: uMolPerLitre, n: r.n, uncertaintyNote: r.sd !== undefined ? `sample SD of ${r.n} integrals` : undefined };
  }

  private gas(reading: ResultReading, result: string, cal: CalibrationInfo | undefined, cellFlow?: CellGasFlow): QuantifiedReading | undefined {
    const analyte = reading.analyte.text;
    const quantity = reading.value;
    const written = this.ctx.textOf(quantity.span);
    const method = reading.method?.text;
    const { flow, from: flowFrom } = this.flowOf(reading, cellFlow);
    if (quantity.unit) {
      if (cal) {
        this.ctx.report(ElectrochemCodes.readingDoesNotFitResponse, 'error', `\`${written}\` is a volume fraction already, but \`by ${method}\` names a calibration that turns ${cal.response?.kind === 'named' ? cal.response.name : 'a response'} into one: write the ${cal.response?.kind === 'named' ? cal.response.name : 'response'} read, or name the method only (\`by GC\`)`, quantity.span);
        return undefined;
      }
      // A volume fraction (its place takes no other unit, and none outside 0–100 %: the quantities pass says so).
      const checked = checkedQuantity(this.ctx, quantity);
      if (!checked || flow === undefined) return undefined;
      const r = replicates(checked.si);
      this.gasValue(result, analyte, quantity.span, r.mean, r.sd, r.n, `Measured ${written} ${analyte} in the carrier gas${method ? ` by ${method}` : ''}.${replicateText(checked.written, replicates(checked.written))}`);
      return { product: analyte, phase: 'gas', amount: r.mean, uncertainty: r.sd, n: r.n, uncertaintyNote: r.sd !== undefined ? `sample SD of ${r.n} injections` : undefined, flow, flowFrom };
    }
    if (!cal) {
      this.reportNoCalibration(reading, written);
      return undefined;
    }
    if (cal.unusable || !cal.response) return this.unusable(reading.value.span, cal);
    if (!cal.gas || !cal.gasUnit) {
      this.ctx.report(ElectrochemCodes.wrongPhase, 'error', `with a carrier flow \`${reading.flow ? this.ctx.textOf(reading.flow.span) : cellFlow?.written}\` this line reads a gas, but ${cal.name} is a calibration of a dissolved ${cal.analyte ?? 'analyte'}: read ${analyte} through a calibration that starts with \`gas ${analyte}\`, or drop the flow for a dissolved product`, reading.method?.span ?? quantity.span);
      return undefined;
    }
    const responses = this.responses(reading, cal);
    if (!responses || flow === undefined) return undefined;
    const lineBasis = this.basisOf(reading);
    if (!lineBasis || !this.calibrationBasis(reading, cal, lineBasis)) return undefined;
    const shown = responses.length > 1 ? undefined : quantity.values[0]!.text;
    const read = this.throughGasCalibration(cal, responses, result, shown, quantity.span, 'readings');
    this.gasValue(result, reading.analyte.text, quantity.span, read.fraction, read.uFraction, read.n, `${read.how}: a volume fraction of ${analyte} in the carrier gas.${read.note ? ` Uncertainty: ${read.note}.` : ''}${replicateText(responses, replicates(responses))}`);
    return { product: lineBasis.product, phase: 'gas', amount: read.fraction, uncertainty: read.uFraction, n: read.n, uncertaintyNote: read.note, flow, flowFrom };
  }

  /**
   * Responses of a gas (peak areas) through its calibration: the mean response read through the
   * standards (with s_x0) or the response factor (with the responses' SD), as a volume fraction.
   * `shown` is the single reading as written, for the out-of-range warning at `at`.
   */
  private throughGasCalibration(cal: CalibrationInfo, responses: number[], result: string, shown: string | undefined, at: Span, what: 'readings' | 'injections'): { fraction: number; uFraction?: number; n: number; how: string; note?: string } {
    const method = cal.name;
    const r = replicates(responses);
    const u = cal.gasUnit!;
    let measured: number;
    let uMeasured: number | undefined;
    let note: string | undefined;
    let how: string;
    const responseName = cal.response!.kind === 'named' ? cal.response!.name : 'response';
    if (cal.fit) {
      measured = concentrationOf(cal.fit, r.mean);
      uMeasured = concentrationStandardError(cal.fit, r.mean, r.n);
      if (cal.file === undefined) this.ctx.facts.calibrationFits.get(cal.name)?.readings.push({ result, y: r.mean, x: measured });
      if (r.mean > cal.fit.maxReading || r.mean < cal.fit.minReading) {
        this.ctx.report(ElectrochemCodes.readingOutOfRange, 'warning', `the ${what === 'injections' ? responseName : 'reading'} ${r.n > 1 || shown === undefined ? `${formatNumber(r.mean, { significant: 3 })} (mean of ${r.n})` : shown} lies outside the standards of ${method} (${formatNumber(cal.fit.minReading, { significant: 3 })} to ${formatNumber(cal.fit.maxReading, { significant: 3 })}); dilute the sample or extend the standards`, at);
      }
      how = `Read ${formatPlusMinus(measured, uMeasured, { significant: 4 })} ${u.text} through ${method}`;
      note = uMeasured !== undefined ? `s_x0 = ${formatNumber(uMeasured, { significant: 3 })} ${u.text} (ISO 8466-1; m = ${r.n}, n = ${cal.fit.n} standards)` : undefined;
    } else {
      measured = cal.responseFactor! * r.mean;
      uMeasured = r.sd !== undefined ? cal.responseFactor! * r.sd : undefined;
      how = `Read ${formatExact(cal.responseFactor!)} ${u.text} per ${responseName} × ${formatNumber(r.mean, { significant: 4 })} = ${formatNumber(measured, { significant: 4 })} ${u.text} through ${method}`;
      note = r.sd !== undefined ? `sample SD of ${r.n} injections` : undefined;
    }
    const fraction = measured * u.perUnit * cal.dilution;
    const uFraction = uMeasured !== undefined ? uMeasured * u.perUnit * cal.dilution : undefined;
    return { fraction, uFraction, n: r.n, how: `${how}${cal.dilution !== 1 ? `, × ${formatNumber(cal.dilution, { significant: 4 })} dilution` : ''}`, note };
  }

  /** The volume fraction one response stands for through a gas calibration (for the per-injection table). */
  private gasFractionOf(cal: CalibrationInfo, response: number): number {
    const measured = cal.fit ? concentrationOf(cal.fit, response) : cal.responseFactor! * response;
    return measured * cal.gasUnit!.perUnit * cal.dilution;
  }

  /**
   * A gas read from GC files: each injection taken during the electrolysis gives the product's
   * volume fraction (the instrument's calibration) or peak area (through the calibration after
   * `by`); their mean, with the injections' scatter, is the reading.
   */
  private gcFiles(reading: GcFileReading, result: string, block: ResultBlock, cal: CalibrationInfo | undefined, cellFlow: CellGasFlow | undefined): QuantifiedReading | undefined {
    const analyte = reading.analyte.text;
    const at = reading.analyte.span;
    if (reading.strayValue) {
      this.ctx.report(InstrumentCodes.gcValueWithFiles, 'error', `\`${this.ctx.textOf(reading.strayValue)}\` is not used: the values of ${analyte} come from the GC files, one per injection; delete it, or delete \`data "…"\` to use the written value`, reading.strayValue);
    }
    if (!reading.flow && !cellFlow) {
      this.ctx.report(ElectrochemCodes.gasNeedsFlow, 'error', `the GC files give volume fractions of ${analyte} in the carrier gas; its moles need the carrier flow, and neither the line nor the result's cell states one: add it after the files, as in \`data "${reading.data.value}" at 20 mL/min\`, or give the cell its gas flow (\`feed CO2 20 mL/min\`, or \`purge CO2 20 mL/min\` in an H-cell)`, reading.data.span);
      return undefined;
    }
    const { flow, from: flowFrom } = this.flowOf(reading, cellFlow);
    if (cal) {
      if (cal.unusable || !cal.response) return this.unusable(reading.method!.span, cal);
      if (!cal.gas || !cal.gasUnit) {
        this.ctx.report(ElectrochemCodes.wrongPhase, 'error', `GC files give gases, but ${cal.name} is a calibration of a dissolved ${cal.analyte ?? 'analyte'}: read ${analyte} through a calibration that starts with \`gas ${analyte}\`, or name the instrument's own calibration (\`by GC\`)`, reading.method!.span);
        return undefined;
      }
      if (cal.analyte !== undefined && cal.basis && !sameCompound(cal.basis.product, analyte) && cal.analyte !== analyte) {
        this.ctx.report(ElectrochemCodes.analyteMismatch, 'error', `${cal.name} is a calibration of ${cal.analyte}, but this product is ${analyte}, another compound: read ${analyte} through a calibration of ${analyte}, or name the instrument's own calibration (\`by GC\`)`, at);
        return undefined;
      }
    }
    const run = gcRunOf(this.ctx, block, reading);
    if (!run || flow === undefined) return undefined;
    const values = productValues(this.ctx, run, reading, cal, at);
    if (!values) return undefined;
    const perInjection = values.map((v) => (cal ? this.gasFractionOf(cal, v.value) : v.value));
    for (const r of run.injections) {
      const i = values.findIndex((v) => v.read === r);
      this.ctx.facts.gcInjections.push({
        result, resultStart: block.span.start, product: analyte, file: r.file, time: r.injection.time, offsetS: r.placement.offsetS, used: i >= 0,
        ...(i >= 0 && cal ? { area: values[i]!.value } : {}), ...(i >= 0 ? { fraction: perInjection[i]! } : {}),
      });
    }
    if (values.length === 0) return undefined; // every injection was outside the run, and said so
    const ppm = (x: number) => `${formatNumber(x * 1e6, { significant: 4, trim: true })} ppm`;
    const list = values.map((v, i) => `${injectionLabel(v.read)}${v.read.placement.offsetS !== undefined ? ` at t = ${durationText(v.read.placement.offsetS)}` : ''}: ${cal ? `area ${formatNumber(v.value, { significant: 5, trim: true })}${v.source === 'trace' ? ` (trace over ${cal.window!.text})` : ' (instrument\'s peak)'} = ` : ''}${ppm(perInjection[i]!)}`).join('; ');
    const left = run.injections.filter((r) => !r.placement.inside).map((r) => `${injectionLabel(r)}`);
    const timing = run.window.origin === 'none' ? ' The injections\' times or the duration are unknown, so every injection is averaged.' : ` t = 0 is ${run.origin}.`;
    const fromFiles = `From ${values.length} injection${values.length === 1 ? '' : 's'} of \`${reading.data.value}\`: ${list}.${left.length ? ` Left out (outside the electrolysis): ${left.join(', ')}.` : ''}${timing}`;
    let fraction: number;
    let uFraction: number | undefined;
    let note: string | undefined;
    let detail: string;
    if (cal) {
      const read = this.throughGasCalibration(cal, values.map((v) => v.value), result, undefined, at, 'injections');
      ({ fraction, uFraction, note } = read);
      detail = `${fromFiles} ${read.how} (mean area of ${read.n}): ${ppm(fraction)} ${analyte} in the carrier gas.${note ? ` Uncertainty: ${note}.` : ''}`;
    } else {
      const r = replicates(perInjection);
      fraction = r.mean;
      uFraction = r.sd;
      note = r.sd !== undefined ? `sample SD of ${r.n} injections` : undefined;
      detail = `${fromFiles} The instrument's calibrated concentrations; mean ${formatPlusMinus(fraction * 1e6, uFraction !== undefined ? uFraction * 1e6 : undefined, { significant: 4, trim: true })} ppm${r.n > 1 ? ` (sample SD, n = ${r.n})` : ''}.`;
    }
    this.gasValue(result, analyte, at, fraction, uFraction, values.length, detail);
    return { product: analyte, phase: 'gas', amount: fraction, uncertainty: uFraction, n: values.length, uncertaintyNote: note, flow, flowFrom };
  }

  /** A calibration that cannot be read: this file's has said why at the calibration; an imported one is said here. */
  private unusable(at: Span, cal: CalibrationInfo): undefined {
    if (cal.file !== undefined) {
      this.ctx.report(ElectrochemCodes.unknownCalibration, 'error', `calibration \`${cal.name}\`, imported from ${cal.file}, cannot read anything: open that file and fix the problems it reports at the calibration`, at);
    }
    return undefined;
  }

  private concentrationValue(result: string, reading: ResultReading, mgPerL: number, uMg: number | undefined, n: number, detail: string, extra: Record<string, string | number> = {}): void {
    const analyte = reading.analyte.text;
    const shown = formatPlusMinus(mgPerL, uMg, { significant: 5 });
    this.ctx.value({
      kind: 'concentration', subject: `${result}/${analyte}`, value: mgPerL, unit: 'mg/L', span: reading.value.span,
      label: `${shown} mg/L ${analyte}${replicateCount(n)}`, detail,
      extra: { ...extra, n, ...(uMg !== undefined ? { uncertainty: uMg } : {}) },
    });
  }

  private gasValue(result: string, analyte: string, span: Span, fraction: number, u: number | undefined, n: number, detail: string): void {
    const ppm = fraction * 1e6;
    this.ctx.value({
      kind: 'gasFraction', subject: `${result}/${analyte}`, value: ppm, unit: 'ppm', span,
      label: `${formatPlusMinus(ppm, u !== undefined ? u * 1e6 : undefined, { significant: 4, trim: true })} ppm ${analyte}${replicateCount(n)}`, detail,
      extra: { n, ...(u !== undefined ? { uncertainty: u * 1e6 } : {}) },
    });
  }

  /** A response with no calibration to read it through: say what to name, or to write a concentration instead. */
  private reportNoCalibration(reading: ResultReading, written: string): void {
    const analyte = reading.analyte.text;
    const method = reading.method;
    const instead = reading.flow
      ? `or write the volume fraction with its unit (\`${analyte} 300 ppm${method ? ` by ${method.text}` : ''}\`)`
      : `or write the concentration with its unit (\`${analyte} 2.1 mg/L${method ? ` by ${method.text}` : ''}\`)`;
    if (!method) {
      this.ctx.report(ElectrochemCodes.unknownCalibration, 'error', `\`${written}\` has no concentration unit, so it is a reading that needs a calibration: add \`by <calibration>\`, ${instead}`, reading.value.span);
      return;
    }
    const suggestions = closestNames(method.text, this.localNames());
    this.ctx.report(ElectrochemCodes.unknownCalibration, 'error', `\`${written}\` has no concentration unit, so it is a reading that needs a calibration, but \`${method.text}\` is not a calibration of this file or of the files it imports${suggestions.length ? ` (did you mean \`${suggestions[0]}\`?)` : ''}: name a calibration, ${instead}`, reading.value.span, {
      fixes: suggestions.map((s, i) => ({ title: `Change to \`${s}\``, edits: [{ span: method.span, newText: s }], preferred: i === 0 })),
    });
  }
}
