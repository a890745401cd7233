// Reads a calibration block into what readings are read through: the
// least-squares line of its standards, a response factor, or an internal
// standard of quantitative ¹H NMR; of a dissolved analyte or of a gas in the
// carrier (`gas H2`: the standards are volume fractions). A calibration of this
// file reports its problems and shows its fit; one declared in an imported file
// is read silently (that file reports its own problems when it is open).
import type { CalibrationBlock, Span } from '../../syntax/ast';
import type { AnalysisContext } from '../context';
import type { ComputedValue, QuickFix } from '../model';
import type { Severity } from '../diagnostic-info';
import { ElectrochemCodes } from '../../electrochem/codes';
import { InstrumentCodes } from '../../instruments/codes';
import { fitCalibration, calibrationResponse, type CalibrationFit, type CalibrationResponse } from '../../electrochem/calibration';
import { analyteBasis, type AnalyteBasis } from '../../electrochem/analyte';
import { concentrationUnit, milligramsPerLitrePerUnit, NOT_A_CONCENTRATION_HINT, type ConcentrationUnit } from '../../electrochem/concentration';
import { defaultProtons, nmrCompound } from '../../electrochem/nmr';
import { NMR_PROTONS_SOURCE } from '../../data/nmr-protons';
import { siOf, writtenValue } from '../quantities';
import { parseFormula, molarMass } from '../../chemistry/formula';
import { parseUnit } from '../../units/parse-unit';
import { toSI } from '../../units/convert';
import { sameDimension, SLOTS } from '../../units/dimension';
import { formatExact, formatNumber } from '../../units/format';

/** A gas calibration's unit: a volume fraction of the carrier (`ppm`, `%`). */
export interface FractionUnit {
  text: string;
  /** Volume fraction in one of this unit (1e-6 for ppm). */
  perUnit: number;
}

export interface InternalStandard {
  name: string;
  /** mol/L of the standard in the tube. */
  molPerLitre: number;
  /** As written, for hovers: `DMSO 10 mM`. */
  written: string;
  protons: number;
  /** Where the count comes from, for hovers. */
  protonsSource: string;
}

export interface CalibrationInfo {
  name: string;
  fit?: CalibrationFit;
  /** `response factor`: concentration (in `unit` or `gasUnit`) per unit of response. */
  responseFactor?: number;
  internalStandard?: InternalStandard;
  dilution: number;
  analyte?: string;
  /** The basis of the analyte; undefined when it is missing or ambiguous (reported). */
  basis?: AnalyteBasis;
  /** The unit of the standards or the factor of a dissolved analyte; undefined when it is not a concentration (reported). */
  unit?: ConcentrationUnit;
  /** The unit of the standards or the factor of a gas (`gas H2`). */
  gasUnit?: FractionUnit;
  gas: boolean;
  response?: CalibrationResponse;
  /** Nothing can be read through it, and it has said why (or its file will). */
  unusable: boolean;
  node: CalibrationBlock;
  /** The file it is declared in, when imported. */
  file?: string;
  /** `window 6.59 to 6.95 min on channel 2`: where a GC trace is integrated for the gas, in s from the injection. */
  window?: { fromS: number; toS: number; channel?: string; text: string };
}

/** Where a calibration's problems and values go: the analysis for this file's, nowhere for imported ones. */
interface Sink {
  report(code: string, severity: Severity, message: string, span: Span, fixes?: QuickFix[]): void;
  value(v: ComputedValue): void;
}

function localSink(ctx: AnalysisContext): Sink {
  return {
    report: (code, severity, message, span, fixes) => ctx.report(code, severity, message, span, fixes ? { fixes } : {}),
    value: (v) => ctx.value(v),
  };
}

const silentSink: Sink = {
  report: () => undefined,
  value: () => undefined,
};

const plain = (x: number) => formatNumber(x, { significant: 6, trim: true });

/** How a unit of standards or readings becomes moles, said once for hovers. */
export function unitMeaning(u: ConcentrationUnit, analyte: string | undefined, basis: AnalyteBasis | undefined): string {
  const parts: string[] = [];
  if (u.convention) parts.push(` ${u.convention}.`);
  if (basis && analyte) {
    const nitrogenBasis = basis.entity !== basis.product;
    const counts = nitrogenBasis ? ` ${analyte} counts nitrogen (${basis.entitiesPerProduct} N per ${basis.product}, ${plain(basis.gramsPerMolEntity)} g/mol N):` : '';
    parts.push(u.kind === 'molar'
      ? `${counts} 1 ${u.text} ${analyte} = ${plain(u.perLitre)} mol${nitrogenBasis ? ' N' : ''}/L × ${plain(basis.gramsPerMolEntity)} g/mol = ${plain(milligramsPerLitrePerUnit(u, basis))} mg/L ${analyte}.`
      : `${counts} mol ${basis.product} = mass of ${analyte} ÷ ${plain(basis.gramsPerMolProduct)} g/mol.`);
  }
  return parts.join('');
}

/** A volume fraction unit (`ppm`, `ppb`, `%`), or undefined. */
export function fractionUnit(text: string): FractionUnit | undefined {
  const parsed = parseUnit(text);
  if ('error' in parsed || !sameDimension(parsed.unit.dimension, SLOTS.fraction.dimension)) return undefined;
  return { text, perUnit: toSI(1, parsed.unit) };
}

/** Reads a calibration block; `file` is set for one declared in an imported file. */
export function readCalibrationBlock(ctx: AnalysisContext, c: CalibrationBlock, file?: string): CalibrationInfo {
  const sink = file === undefined ? localSink(ctx) : silentSink;
  const name = c.name?.text ?? 'calibration';
  // Checked by the quantities pass (an imported file's silently: that file reports them).
  let dilution = 1;
  let impossibleDilution = false;
  if (c.dilute) {
    const from = siOf(ctx, c.dilute.from);
    const to = siOf(ctx, c.dilute.to);
    if (from !== undefined && to !== undefined) dilution = to / from;
    else impossibleDilution = true;
  }
  const analyteWord = c.gas ?? c.analyte;
  let basis: AnalyteBasis | undefined;
  if (analyteWord) {
    const b = analyteBasis(analyteWord.text);
    if ('error' in b) sink.report(ElectrochemCodes.ambiguousAnalyte, 'error', b.error, analyteWord.span);
    else basis = b;
  }
  // A dilution whose volumes are impossible (reported at them) makes every reading through it unknown.
  const info: CalibrationInfo = { name, dilution, analyte: analyteWord?.text, basis, gas: c.gas !== undefined, unusable: impossibleDilution, node: c, file };
  if (c.gas && c.analyte) {
    sink.report(ElectrochemCodes.calibrationKind, 'error', `calibration ${name} names both \`analyte ${c.analyte.text}\` and \`gas ${c.gas.text}\`: keep \`gas\` for a gas read in the carrier by GC, or \`analyte\` for a dissolved product`, c.analyte.span);
  }
  // One way of turning a response into a concentration.
  const ways = [c.standards && { what: 'standards', span: c.standards.span }, c.responseFactor && { what: 'a response factor', span: c.responseFactor.span }, c.internalStandard && { what: 'an internal standard', span: c.internalStandard.span }].filter((w): w is { what: string; span: Span } => !!w).sort((a, b) => a.span.start - b.span.start);
  if (ways.length === 0) {
    sink.report(ElectrochemCodes.calibrationEmpty, 'warning', `nothing can be read through calibration ${name}: add its standards (\`standards mg/L -> absorbance { 0 -> 0.01; 1 -> 0.27 }\`), a \`response factor 0.0652 ppm per area\` or an \`internal standard DMSO 10 mM\``, c.name?.span ?? c.span);
    info.unusable = true;
    return info;
  }
  if (ways.length > 1) {
    sink.report(ElectrochemCodes.calibrationKind, 'error', `calibration ${name} gives both ${ways[0]!.what} and ${ways[1]!.what}; a calibration turns a response into a concentration one way: keep one, or declare a second calibration`, ways[1]!.span);
    info.unusable = true;
    return info;
  }
  if (c.window) readWindow(ctx, sink, c, info);
  if (c.standards) readStandards(ctx, sink, c, info);
  else if (c.responseFactor) readResponseFactor(ctx, sink, c, info);
  else if (c.internalStandard) readInternalStandard(ctx, sink, c, info);
  return info;
}

/** The unit of standards or of a response factor: a concentration, or a volume fraction for a gas. */
function unitOf(sink: Sink, c: CalibrationBlock, info: CalibrationInfo, text: string, span: Span, what: string): boolean {
  if (info.gas) {
    const f = fractionUnit(text);
    if (!f) {
      sink.report(ElectrochemCodes.gasStandardsNotFraction, 'error', `${what} of the gas calibration ${info.name} must be volume fractions of ${info.analyte} in the carrier: write \`ppm\` or \`%\` instead of \`${text}\``, span);
      info.unusable = true;
      return false;
    }
    info.gasUnit = f;
    return true;
  }
  const concentration = concentrationUnit(text);
  if ('error' in concentration) {
    // Nothing is read through a unit that is not a concentration: no number is better than a wrong one.
    sink.report(ElectrochemCodes.standardsNotConcentration, 'error', `${what} of ${info.name} must be in a concentration unit to be read as moles of ${c.analyte?.text ?? 'the analyte'}; ${concentration.error}`, span);
    info.unusable = true;
    return false;
  }
  info.unit = concentration;
  return true;
}

function readStandards(ctx: AnalysisContext, sink: Sink, c: CalibrationBlock, info: CalibrationInfo): void {
  const standards = c.standards!;
  const name = info.name;
  const points = standards.rows.map((r) => ({ x: r.concentration.value, y: r.reading.value }));
  const span = standards.span;
  const unit = standards.unit.text;
  info.response = calibrationResponse(standards.reading.text);
  if (!unitOf(sink, c, info, unit, standards.unit.span, 'the standards')) return;
  if (points.length < 3) sink.report(ElectrochemCodes.fewStandards, 'warning', `calibration ${name} has ${points.length} standard${points.length === 1 ? '' : 's'}; measure at least three to estimate its scatter and detection limit`, span);
  const fit = fitCalibration(points);
  if (!fit) {
    info.unusable = true;
    // Fewer than two standards or a number out of range are reported where they are written; a flat table is said here.
    if (points.length >= 2 && points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) {
      sink.report(ElectrochemCodes.calibrationEmpty, 'warning', `nothing can be read through calibration ${name}: its ${standards.reading.text} does not change with the concentration (the standards are all at one concentration, or give one reading), so no concentration follows from a reading; check the standards table`, span);
    }
    return;
  }
  info.fit = fit;
  if (info.file !== undefined) return;
  const analyte = info.analyte;
  if (c.name) ctx.facts.calibrationFits.set(c.name.text, { analyte, unit, reading: standards.reading.text, points, slope: fit.slope, intercept: fit.intercept, r2: fit.r2, readings: [] });
  if (fit.r2 < 0.99) sink.report(ElectrochemCodes.poorFit, 'warning', `calibration ${name} fits poorly: R² = ${formatNumber(fit.r2, { decimals: 4 })} (below 0.99)`, span);
  const at = c.name?.span ?? c.span;
  const meaning = info.unit ? unitMeaning(info.unit, analyte, info.basis) : ` The standards are volume fractions of ${analyte} in the carrier gas.`;
  const detail = `Least squares of ${standards.reading.text} on concentration (${fit.n} standards): slope ${formatNumber(fit.slope, { significant: 5 })} per ${unit}, intercept ${formatNumber(fit.intercept, { significant: 3 })}, R² ${formatNumber(fit.r2, { decimals: 5 })}, s(y/x) ${formatNumber(fit.residualSD, { significant: 3 })}; LOD = 3.3 s/slope = ${formatNumber(fit.lod, { significant: 3 })} ${unit}, LOQ = 10 s/slope = ${formatNumber(fit.loq, { significant: 3 })} ${unit}${info.dilution !== 1 ? `; samples diluted ×${formatNumber(info.dilution, { significant: 4 })}` : ''}.${meaning}`;
  sink.value({ kind: 'calibrationSlope', subject: name, value: fit.slope, unit: `1/(${unit})`, span: at, label: `slope ${formatNumber(fit.slope, { significant: 5 })}`, detail, hint: { text: `slope ${formatNumber(fit.slope, { significant: 5 })} · R² ${formatNumber(fit.r2, { decimals: 5 })} · LOD ${formatNumber(fit.lod, { significant: 3 })} ${unit}`, category: 'calibration' } });
  sink.value({ kind: 'calibrationIntercept', subject: name, value: fit.intercept, unit: '', span: at, label: `intercept ${formatNumber(fit.intercept, { significant: 3 })}` });
  sink.value({ kind: 'calibrationR2', subject: name, value: fit.r2, unit: '', span: at, label: `R² ${formatNumber(fit.r2, { decimals: 5 })}` });
  sink.value({ kind: 'calibrationLOD', subject: name, value: fit.lod, unit, span: at, label: `LOD ${formatNumber(fit.lod, { significant: 3 })} ${unit}` });
  sink.value({ kind: 'calibrationLOQ', subject: name, value: fit.loq, unit, span: at, label: `LOQ ${formatNumber(fit.loq, { significant: 3 })} ${unit}` });
  if (info.unit && info.basis && analyte) {
    const u = info.unit;
    const perUnit = milligramsPerLitrePerUnit(u, info.basis);
    sink.value({
      kind: 'calibrationUnit', subject: name, value: perUnit, unit: 'mg/L', span: standards.unit.span,
      label: perUnit === 1 && !u.convention ? `${unit} of ${analyte}` : `1 ${unit} ${analyte} = ${plain(perUnit)} mg/L ${analyte}${u.convention ? ' (aqueous)' : ''}`,
      detail: `The standards are read as concentrations of ${analyte}.${unitMeaning(u, analyte, info.basis)}`,
    });
  }
}

/** `window 6.59 to 6.95 min on channel 2`: retention times of the gas's peak in a GC trace. */
function readWindow(ctx: AnalysisContext, sink: Sink, c: CalibrationBlock, info: CalibrationInfo): void {
  const w = c.window!;
  if (!info.gas) {
    sink.report(InstrumentCodes.gcWindowStatement, 'error', `a peak window says where a GC trace is integrated for a gas; calibration ${info.name} is not of a gas: start it with \`gas …\`, or delete the window`, w.span);
    return;
  }
  // Checked by the quantities pass (an imported file's silently).
  const fromS = siOf(ctx, w.from);
  const toS = siOf(ctx, w.to);
  if (fromS === undefined || toS === undefined) return;
  if (!(toS > fromS) || fromS < 0) {
    sink.report(InstrumentCodes.gcWindowStatement, 'error', `the peak window of ${info.name} must start at a retention time of zero or more and end after it starts: write it as \`window ${w.to.values[0]!.text} to ${w.from.values[0]!.text} ${w.to.unit?.text ?? 'min'}\` if the ends were swapped`, w.span);
    return;
  }
  // Written from the tree: an imported calibration's spans are not of this file's text.
  const text = `${w.from.values[0]!.text} to ${w.to.values[0]!.text} ${w.to.unit?.text ?? ''}`.trim() + (w.channel ? ` on ${w.channel.text}` : '');
  info.window = { fromS, toS, channel: w.channel?.text, text };
}

function readResponseFactor(ctx: AnalysisContext, sink: Sink, c: CalibrationBlock, info: CalibrationInfo): void {
  const rf = c.responseFactor!;
  const unitWord = rf.value.unit;
  const responseName = rf.response?.text ?? 'response';
  info.response = { kind: 'named', name: responseName };
  if (!unitWord) {
    sink.report(ElectrochemCodes.standardsNotConcentration, 'error', `the response factor of ${info.name} needs the unit of the concentration it gives per ${responseName}, as in \`response factor ${rf.value.values[0]!.text} ${info.gas ? 'ppm' : 'mg/L'} per ${responseName}\``, rf.value.span);
    info.unusable = true;
    return;
  }
  if (!unitOf(sink, c, info, unitWord.text, unitWord.span, 'the response factor')) return;
  // A factor that is not positive is impossible at its place (FD0410, from the quantities pass).
  const factor = writtenValue(ctx, rf.value);
  if (factor === undefined) {
    info.unusable = true;
    return;
  }
  info.responseFactor = factor;
  sink.value({
    kind: 'responseFactor', subject: info.name, value: factor, unit: `${unitWord.text}/${responseName}`, span: rf.value.span,
    label: `${formatExact(factor)} ${unitWord.text} per ${responseName}`,
    detail: `Each reading through ${info.name} is read as c = ${formatExact(factor)} ${unitWord.text} × ${responseName}${info.dilution !== 1 ? `, × ${formatNumber(info.dilution, { significant: 4 })} dilution` : ''}: a line through the origin, so no detection limit or standard error is known; replicate readings give the scatter.${info.unit ? unitMeaning(info.unit, info.analyte, info.basis) : ` ${unitWord.text} is a volume fraction of ${info.analyte} in the carrier gas.`}`,
  });
}

function readInternalStandard(ctx: AnalysisContext, sink: Sink, c: CalibrationBlock, info: CalibrationInfo): void {
  const std = c.internalStandard!;
  const species = std.species.text;
  info.response = { kind: 'named', name: 'integral' };
  if (info.gas) {
    sink.report(ElectrochemCodes.calibrationKind, 'error', `an internal standard quantifies a dissolved product by ¹H NMR; the gas calibration ${info.name} cannot have one: read gases by GC`, std.span);
    info.unusable = true;
    return;
  }
  const known = nmrCompound(species);
  let protons: number | undefined;
  let protonsSource: string;
  if (std.protons) {
    protons = std.protons.count;
    protonsSource = 'as written';
  } else {
    const d = defaultProtons(species);
    if ('error' in d) {
      sink.report(ElectrochemCodes.nmrProtons, 'error', `${d.error}: write the protons under the integrated peak of the standard, as in \`internal standard ${species} ${std.concentration ? ctx.textOf(std.concentration.span) : '10 mM'} (2 H)\``, std.species.span);
      info.unusable = true;
      return;
    }
    protons = d.protons;
    protonsSource = `the ${d.peak.group} peak at ${d.peak.shiftPpm} ppm (${NMR_PROTONS_SOURCE})`;
  }
  if (!(protons > 0)) {
    sink.report(ElectrochemCodes.nmrProtons, 'error', `a peak holds at least one proton: write the protons under the integrated peak of ${species}, as in \`(6 H)\``, std.protons?.span ?? std.span);
    info.unusable = true;
    return;
  }
  const q = std.concentration;
  if (!q?.unit) {
    sink.report(ElectrochemCodes.internalStandardConcentration, 'error', `the internal standard needs its concentration in the NMR tube with its unit, as in \`internal standard ${species} 10 mM\``, q?.span ?? std.species.span);
    info.unusable = true;
    return;
  }
  const u = concentrationUnit(q.unit.text);
  if ('error' in u) {
    sink.report(ElectrochemCodes.internalStandardConcentration, 'error', `the concentration of the internal standard must be a concentration in the tube: ${NOT_A_CONCENTRATION_HINT}`, q.unit.span);
    info.unusable = true;
    return;
  }
  // A concentration that is not positive is impossible at its place (FD0410, from the quantities pass).
  const value = writtenValue(ctx, q);
  if (value === undefined) {
    info.unusable = true;
    return;
  }
  let molPerLitre: number;
  if (u.kind === 'molar') molPerLitre = value * u.perLitre;
  else {
    const formula = known?.formula ?? species;
    const parsed = parseFormula(formula);
    if ('error' in parsed) {
      sink.report(ElectrochemCodes.internalStandardConcentration, 'error', `${q.unit.text} of ${species} needs its molar mass, and \`${species}\` is not a formula or a known standard: write its concentration in mM`, q.unit.span);
      info.unusable = true;
      return;
    }
    const mm = molarMass(parsed.formula.composition);
    molPerLitre = (value * u.perLitre) / mm;
    protonsSource += `; ${formatNumber(mm, { decimals: 2 })} g/mol`;
  }
  const written = `${species} ${ctx.textOf(q.span)}`;
  info.internalStandard = { name: known?.name ?? species, molPerLitre, written, protons, protonsSource };
  sink.value({
    kind: 'internalStandard', subject: info.name, value: molPerLitre * 1000, unit: 'mM', span: std.span,
    label: `${written}, ${protons} H`,
    detail: `Internal standard of ${info.name}: ${written} in the NMR tube (${formatNumber(molPerLitre * 1000, { significant: 5 })} mM), ${protons} H under its peak (${protonsSource}). A product's concentration is c = (I / I_std) × (${protons} H / N_H) × ${formatNumber(molPerLitre * 1000, { significant: 5 })} mM${info.dilution !== 1 ? `, × ${formatNumber(info.dilution, { significant: 4 })} for the dilution into the tube` : ''}.`,
  });
}
