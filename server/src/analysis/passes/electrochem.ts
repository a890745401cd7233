// Electrochemistry pass: protocol settings, electrolyte pH, set-points of
// every potential vs the cell's reference, calibrations, faradaic
// efficiencies and yield rates of results, and the expectations of plans.
import type { CalibrationBlock, CellBlock, CellType, ElectrolyteBlock, PlanBlock, Potential, ReactionDecl, ReferenceSpec, ResultBlock, RunBlock, Span, TopLevelNode } from '../../syntax/ast';
import type { AnalysisContext } from '../context';
import { ElectrochemCodes } from '../../electrochem/codes';
import { nernstSlope, resolveScale, convertPotential, type Scale } from '../../electrochem/potential-scale';
import { estimatePH } from '../../electrochem/ph';
import { fitCalibration, readingOf } from '../../electrochem/calibration';
import { compoundKey, sameCompound } from '../../electrochem/analyte';
import { concentrationIn, milligramsPerLitre } from '../../electrochem/concentration';
import { readCalibrationBlock, type CalibrationInfo } from './calibrations';
import { ReadingQuantifier, type CellGasFlow, type QuantifiedReading } from './readings';
import { cellSetup } from '../cell-setup';
import { replicates } from '../../electrochem/replicates';
import { faradaicEfficiency, molarVolume } from '../../electrochem/faradaic';
import { flowMolPerS, flowText, productMolarRate } from '../../electrochem/gas-flow';
import { MASS_FLOW_STANDARD } from '../../data/units';
import { resolveSpecies, formulaOf } from '../species-resolver';
import { checkedQuantity, offerAreaFixes, siOf } from '../quantities';
import { electrodeFacts } from '../electrode-loading';
import { electrodeSites } from '../electrode-sites';
import { transportData } from '../transport-data';
import { electrolyteGas } from '../electrolyte-gas';
import { SATURATING_GASES } from '../../data/gas-solubility';
import { techniqueChecks } from '../technique-checks';
import { parseUnit } from '../../units/parse-unit';
import { fromSI } from '../../units/convert';
import { yieldBasis, yieldRateSI } from '../../electrochem/yield-rate';
import { ChemistryCodes } from '../../chemistry/codes';
import { formatExact, formatNumber } from '../../units/format';
import { formatPlusMinus, replicateCount } from '../../units/format-uncertainty';
import { molarMass } from '../../chemistry/formula';
import { FARADAY } from '../../data/constants';
import { SPECIFIC_CAPACITANCE_MF_PER_CM2, SPECIFIC_CAPACITANCE_SOURCE } from '../../data/specific-capacitance';
import { NameCodes } from '../codes';
import { bindCell, inCellFixes, type Binding, type CellEvidence, type WrittenPotential } from '../cell-binding';
import { reactionDirections, workingCompartment, type Compartment, type ReactionDirections } from '../working-compartment';
import { postFraction, type IRCompensation } from '../../electrochem/ir-correction';
import { interned } from '../incremental/snapshot';

interface ElectrolyteInfo {
  pH?: number;
  estimated: boolean;
  /** A pH was written but is impossible (reported there): no estimate replaces it. */
  pHRejected?: boolean;
  /** Molar concentrations by species name. */
  molar: Map<string, number>;
  /** The gas it is saturated with (`saturated with CO2`, or its purge gas). */
  gas?: string;
  /** That gas fixes part of the pH estimate (CO2 holds the carbonate open). */
  gasFixesPH?: boolean;
  /** The pH is estimated from the composition (no pH line). */
  fromComposition?: boolean;
}

type ElectrodeInfo = { catalyst?: string; catalystMassG?: number; areaCm2?: number; areaRejected?: boolean };

interface CellInfo {
  name: string;
  reference?: Scale;
  referenceSpan?: Span;
  /** The electrolyte the working electrode sits in (see working-compartment.ts), its name and volume. */
  electrolyte?: ElectrolyteInfo;
  electrolyteName?: string;
  compartment?: Compartment;
  /** Why the compartment is unknown, for the pH message. */
  compartmentUnknown?: string;
  volumeL?: number;
  /** The volume of the working electrode's compartment is written but impossible (reported there). */
  volumeRejected?: boolean;
  electrodeName?: string;
  electrode?: ElectrodeInfo;
  /** `iR 85 % of 5 ohm`: what is corrected, and the resistance when stated. */
  iR?: IRCompensation;
  /** `type flow cell`: H-cell, flow cell or MEA. */
  type?: CellType;
  /** The gas flow GC lines without their own take: the feed through the GDE, or the purge. */
  gasFlow?: CellGasFlow;
  /** `volumeL` is the stated `liquid products` volume, not the compartment's. */
  liquidProducts?: boolean;
}

/** What a result or plan takes from the cell it was measured in (or, without cells, its electrode). */
interface Bound {
  cell?: CellInfo;
  electrode?: ElectrodeInfo;
}

const V = (x: number) => formatNumber(x, { decimals: 3, unicodeMinus: true });

class ElectrochemPass {
  /** V per pH unit; undefined when the temperature or the stated slope is impossible (reported there). */
  private slope: number | undefined;
  private slopeStated = false;
  private slopeRejected = false;
  /** Shared with later passes (figures of merit convert their potentials through them). */
  private get declaredScales(): Scale[] {
    return this.ctx.facts.declaredScales;
  }
  /** References declared with an impossible potential (reported there): no library value of the same name replaces them. */
  private readonly rejectedScales = new Set<string>();
  private readonly electrolytes = new Map<string, ElectrolyteInfo>();
  /** This file's calibrations by name, and imported ones once a reading names them. */
  private readonly calibrations = new Map<string, CalibrationInfo>();
  /**
   * Names of this file's calibrations of dissolved products, by compound (compoundKey: NH3 and NH4+
   * share one), in file order: a plan finds the calibrations of its product here, and depends on
   * them only, not on every calibration's block. Gathered after every calibration is read, so that
   * no calibration's unit depends on the ones before it (renaming one ran every later one again).
   */
  private readonly calibrationsByCompound = new Map<string, string[]>();
  private readonly quantifier: ReadingQuantifier;
  /** The faradaic efficiencies of every result, for the mean over replicate runs. */
  private readonly runs: { r: ResultBlock; fes: { product: string; fe: number }[] }[] = [];
  private readonly cells = new Map<string, CellInfo>();
  /** Whether any cell is declared: what a result without cells asks, read as a flag so that adding or removing one cell of many does not run every result again. */
  private anyCell = false;
  /**
   * Bindings by request (catalyst, potential, duration, stated cell): results and plans that ask alike
   * bind alike, as replicates do. Tracked like the pass's other tables, so a unit that takes a binding
   * from here depends on that answer, not on every cell it was worked out from: each result scanning
   * every cell holding its catalyst made long protocols quadratic.
   */
  private readonly bindings = new Map<string, Binding>();

  constructor(private readonly ctx: AnalysisContext) {
    this.quantifier = new ReadingQuantifier(ctx, (name) => this.calibrationFor(name), () => [...this.calibrations.values()].filter((c) => c.file === undefined).map((c) => c.name));
  }

  private calibration(c: CalibrationBlock): void {
    const info = readCalibrationBlock(this.ctx, c);
    if (c.name) this.calibrations.set(c.name.text, info);
  }

  /** Fills calibrationsByCompound from the calibrations read; each list is interned, so a plan's read of an unchanged one is compared by identity. */
  private indexCalibrations(statements: readonly TopLevelNode[]): void {
    // Each name once, in order (a name declared twice is reported by the names pass); a Set beside each
    // list, where a search of the list made a protocol with thousands of calibrations quadratic.
    const byKey = new Map<string, Set<string>>();
    for (const s of statements) {
      if (s.kind !== 'calibration' || !s.name) continue;
      const info = this.calibrations.get(s.name.text);
      if (!info?.basis || info.gas) continue;
      const key = compoundIndexKey(info.basis.product);
      const names = byKey.get(key);
      if (!names) byKey.set(key, new Set([s.name.text]));
      else names.add(s.name.text);
    }
    for (const [key, names] of byKey) this.calibrationsByCompound.set(key, interned([...names]));
  }

  /**
   * The calibration a plan's expected reading is for: the one named after `by`, else the only one
   * (of this file or an imported file) that reads the product or another form of it (NH4+ for NH3).
   * With several and none named, the line says so and none is chosen.
   */
  private planCalibration(fe: PlanBlock['expectedFE'][number]): CalibrationInfo | undefined {
    const product = fe.product.text;
    const reads = (c: CalibrationInfo | undefined): boolean => c?.basis !== undefined && !c.gas && sameCompound(c.basis.product, product);
    if (fe.calibration) {
      const named = this.calibrationFor(fe.calibration.text);
      if (!named) return undefined; // an unknown name: the names pass reports it
      if (reads(named)) return named;
      const what = named.analyte ?? named.basis?.product;
      this.ctx.report(ElectrochemCodes.planCalibrationProduct, 'warning', `\`${fe.calibration.text}\` ${what ? `reads ${what}` : 'reads no dissolved product'}, not ${product}, so it gives no expected reading for this line; name a calibration of ${product} after \`by\``, fe.calibration.span);
      return undefined;
    }
    const local = this.calibrationsByCompound.get(compoundIndexKey(product)) ?? [];
    const imported = this.ctx.symbols.importedNamesOf(['calibration']).filter((n) => !local.includes(n) && reads(this.calibrationFor(n)));
    const names = imported.length === 0 ? local : [...local, ...imported];
    if (names.length === 1) return this.calibrationFor(names[0]!);
    if (names.length > 1) {
      const at = fe.value.span.end;
      this.ctx.report(ElectrochemCodes.planCalibrationAmbiguous, 'information', `${names.length} calibrations read ${product} (${someOf(names)}): name the one this line's expected reading is for, as in \`by ${names[0]}\``, fe.product.span, {
        fixes: names.slice(0, 10).map((n, i) => ({ title: `Expect the reading of \`${n}\``, edits: [{ span: { start: at, end: at }, newText: ` by ${n}` }], preferred: i === 0 })),
      });
    }
    return undefined;
  }

  /** A calibration of this file, or one declared in an imported file (read once, silently: its own file reports its problems). */
  private calibrationFor(name: string): CalibrationInfo | undefined {
    const known = this.calibrations.get(name);
    if (known) return known;
    const decl = this.ctx.symbols.lookup(name, ['calibration']);
    if (!decl || decl.file === undefined || decl.node.kind !== 'calibration') return undefined;
    const info = readCalibrationBlock(this.ctx, decl.node, decl.file);
    this.calibrations.set(name, info);
    return info;
  }

  run(): void {
    const statements = this.ctx.document.statements;
    // Which of the protocol's reactions reduce and which oxidise, for the cells that need it (working-compartment.ts):
    // found before the units and interned, so a cell depends on that answer, not on every reaction statement's node.
    this.reactionSides.set('all', interned(reactionDirections(this.ctx.statementsOf('reaction'))));
    // Each block's work is a unit (incremental/units.ts): the tables of this pass are tracked like facts.
    this.ctx.trackState(this, 'electrochem');
    const unit = (s: TopLevelNode, work: () => void) => this.ctx.unit(s, 'electrochem', work);
    for (const s of statements) if (s.kind === 'setting') unit(s, () => this.setting(s));
    const { nernstSlope: stated, temperatureK } = this.ctx.facts;
    this.slopeStated = stated !== undefined;
    this.slope = this.slopeRejected ? undefined : stated ?? (temperatureK === undefined ? undefined : nernstSlope(temperatureK));
    for (const s of statements) if (s.kind === 'reference' && s.electrode && s.offset) unit(s, () => this.declareReference(s.electrode!, s.offset!));
    for (const s of statements) if (s.kind === 'electrolyte') unit(s, () => this.electrolyte(s));
    for (const s of statements) if (s.kind === 'electrode') unit(s, () => this.electrode(s));
    for (const s of statements) if (s.kind === 'calibration') unit(s, () => this.calibration(s));
    this.indexCalibrations(statements);
    for (const s of statements) if (s.kind === 'cell') unit(s, () => this.cell(s));
    // What each cell's runs say, worked out once every cell is read and outside any unit (then tracked
    // like the pass's other tables): made by the first result that asked, that result depended on every
    // cell and run, and an edit of any of them ran it again and compared every cell.
    this.cellEvidence();
    this.ctx.trackState(this, 'electrochem');
    for (const s of statements) {
      this.ctx.stopIfCancelled();
      if (s.kind === 'run') this.ctx.unit(s, 'electrochem', () => this.runBlock(s));
      else if (s.kind === 'result') this.ctx.unit(s, 'electrochem', () => this.result(s));
      else if (s.kind === 'plan') this.ctx.unit(s, 'electrochem', () => this.plan(s));
    }
    this.replicateRuns();
  }

  private setting(s: Extract<AnalysisContext['document']['statements'][number], { kind: 'setting' }>): void {
    if (!s.value) return;
    const key = s.key.text.toLowerCase();
    // A setting that is written but unusable leaves its fact unknown, never the default.
    if (key === 'temperature') {
      this.ctx.facts.temperatureK = siOf(this.ctx, s.value);
      this.ctx.facts.temperatureStated = true;
    } else if (key === 'nernst') {
      const v = siOf(this.ctx, s.value);
      if (v !== undefined) this.ctx.facts.nernstSlope = v;
      else this.slopeRejected = true;
    } else if (key === 'pressure') {
      this.ctx.facts.pressurePa = siOf(this.ctx, s.value);
    }
  }

  private declareReference(electrode: ReferenceSpec, offset: Potential): Scale | undefined {
    const e = siOf(this.ctx, offset.quantity);
    if (e === undefined) this.rejectedScales.add(electrode.text);
    if (e === undefined || !offset.scale) return undefined;
    const base = this.scale(offset.scale);
    if (!base || base.pHDependent) return undefined;
    const scale: Scale = { name: electrode.text, vsSHE: e + base.vsSHE!, pHDependent: false, source: `declared: ${this.ctx.textOf(offset.span)}` };
    // The latest declaration of a name wins; an earlier one of the same name is dropped, so a
    // protocol whose cells each restate their reference keeps one entry per electrode.
    const earlier = this.declaredScales.findIndex((s) => s.name === scale.name);
    if (earlier >= 0) this.declaredScales.splice(earlier, 1);
    this.declaredScales.unshift(scale);
    return scale;
  }

  private scale(spec: ReferenceSpec): Scale | undefined {
    if (this.rejectedScales.has(spec.text)) return undefined;
    const r = resolveScale(spec.text, [...this.declaredScales, ...(this.ctx.options.extraReferences ?? []).map((x) => ({ name: x.name, vsSHE: x.potentialVsSHE, pHDependent: false, source: 'settings' }))]);
    if ('error' in r) {
      this.ctx.report(ElectrochemCodes.unknownReference, 'error', r.error, spec.span, {
        fixes: r.suggestions.map((s, i) => ({ title: `Change to \`${s}\``, edits: [{ span: spec.span, newText: s }], preferred: i === 0 })),
      });
      return undefined;
    }
    return r;
  }

  private electrolyte(e: ElectrolyteBlock): void {
    const info: ElectrolyteInfo = { estimated: false, molar: new Map() };
    for (const c of e.components) {
      const species = resolveSpecies(this.ctx, c.species);
      const molar = siOf(this.ctx, c.quantity);
      if (species && molar !== undefined) info.molar.set(species.name, molar / 1000);
    }
    if (e.solvent) resolveSpecies(this.ctx, e.solvent);
    const gas = electrolyteGas(this.ctx, e, info.molar);
    info.gas = gas?.gas;
    info.gasFixesPH = !!gas?.fixed;
    const writtenPH = e.pH ? siOf(this.ctx, e.pH.value) : undefined;
    if (e.pH) {
      info.pH = writtenPH;
      info.pHRejected = writtenPH === undefined;
      info.estimated = !e.pH.measured;
    } else if (info.molar.size > 0 && !gas?.blocksEstimate) {
      // A measured pH always wins; without one, the charge balance with the gas's dissolved CO2 fixed.
      const est = estimatePH([...info.molar].map(([name, molar]) => ({ name, molar })), gas?.fixed ? [gas.fixed] : []);
      info.pH = est.pH;
      info.estimated = true;
      info.fromComposition = true;
      const span = e.name?.span ?? e.span;
      const temperatureK = this.ctx.facts.temperatureK;
      const otherTemperature = temperatureK !== undefined && Math.abs(temperatureK - 298.15) > 0.5 ? `; the constants are not corrected to the protocol's ${formatNumber(temperatureK - 273.15, { significant: 3 })} °C` : '';
      const under = gas ? ` ${gas.gas}-saturated:` : '';
      this.ctx.value({
        kind: 'pH',
        subject: e.name?.text ?? 'electrolyte',
        value: Number(est.pH.toFixed(4)),
        unit: '',
        span,
        label: `pH ${formatNumber(est.pH, { decimals: 2 })} (estimated${gas ? `, ${gas.gas}-saturated` : ''})`,
        detail: `Estimated from the composition by the charge balance (ideal solution, 25 °C constants${otherTemperature})${est.ignored.length ? `; not counted: ${est.ignored.join(', ')}` : ''}.${gas ? `${under} ${gas.assumptions}.` : ''} Add \`pH … measured\` to use a measured value.`,
        hint: { text: `pH ≈ ${formatNumber(est.pH, { decimals: 2 })} (estimated${gas?.fixed ? `, ${gas.gas}-saturated` : ''})`, category: 'pH' },
        extra: { estimated: true, ...(gas ? gas.extra : {}) },
      });
    }
    if (e.pH && writtenPH !== undefined) {
      this.ctx.value({ kind: 'pH', subject: e.name?.text ?? 'electrolyte', value: writtenPH, unit: '', span: e.pH.span, label: `pH ${e.pH.value.values[0]!.text}${e.pH.measured ? ' (measured)' : ''}`, extra: { estimated: !e.pH.measured } });
    }
    if (e.name) {
      this.electrolytes.set(e.name.text, info);
      this.ctx.facts.electrolytes.set(e.name.text, { molar: info.molar, pH: info.pH, ...transportData(this.ctx, e) });
    }
  }

  private electrode(e: Extract<AnalysisContext['document']['statements'][number], { kind: 'electrode' }>): void {
    const info = electrodeFacts(this.ctx, e);
    info.sitesMol = electrodeSites(this.ctx, e, info.areaCm2);
    if (e.name) this.ctx.facts.electrodes.set(e.name.text, info);
  }

  private cell(c: CellBlock): void {
    const info: CellInfo = { name: c.name?.text ?? 'cell' };
    if (c.reference?.electrode) {
      info.reference = c.reference.offset ? this.declareReference(c.reference.electrode, c.reference.offset) : this.scale(c.reference.electrode);
      info.referenceSpan = c.reference.electrode.span;
    }
    // Every compartment's volume is checked (by the quantities pass); the working electrode's compartment feeds the values.
    const volumes = new Map<Compartment, number>();
    for (const which of ['catholyte', 'anolyte', 'electrolyte'] as const) {
      const m3 = siOf(this.ctx, c[which]?.volume);
      if (m3 !== undefined) volumes.set(which, m3 * 1000);
    }
    const where = workingCompartment(c, () => this.reactionSides.get('all')!);
    const setup = cellSetup(this.ctx, c);
    info.type = setup.type;
    info.gasFlow = setup.gasFlow;
    if (where.kind === 'known') {
      const spec = c[where.compartment]!;
      info.compartment = where.compartment;
      info.electrolyteName = spec.electrolyte.text;
      info.electrolyte = this.electrolytes.get(spec.electrolyte.text);
      info.volumeL = volumes.get(where.compartment);
      info.volumeRejected = spec.volume !== undefined && info.volumeL === undefined;
    }
    // The volume that holds the dissolved products: a stated collection volume, else the compartment's
    // (an MEA has no liquid catholyte: only a stated collection volume).
    if (setup.liquidProducts) {
      info.volumeL = setup.liquidProducts.litres;
      info.volumeRejected = setup.liquidProducts.litres === undefined;
      info.liquidProducts = true;
    } else if (setup.type === 'MEA') {
      info.volumeL = undefined;
      info.volumeRejected = false;
    }
    if (where.kind === 'known') {
      // done above
    } else {
      info.compartmentUnknown = where.why;
      if (c.catholyte || c.anolyte || c.electrolyte || c.workingIn) this.reportCompartmentUnknown(c, where.why);
    }
    this.cellGasThroughElectrolyte(c, info);
    if (c.working) {
      info.electrodeName = c.working.text;
      info.electrode = this.ctx.facts.electrodes.get(c.working.text);
    }
    if (c.iR) info.iR = this.iR(c.iR);
    if (c.name) {
      this.cells.set(c.name.text, info);
      this.anyCell = true;
      const rhe = resolveScale('RHE');
      const pH = info.electrolyte?.pH;
      this.ctx.facts.cells.set(c.name.text, {
        toRHE: info.reference && pH !== undefined && this.slope !== undefined && 'name' in rhe ? convertPotential(0, info.reference, rhe, pH, this.slope) : undefined,
        areaCm2: info.electrode?.areaCm2,
        areaRejected: info.electrode?.areaRejected,
        label: [info.electrode?.catalyst ?? c.working?.text, info.electrolyteName && `in ${info.electrolyteName}`].filter(Boolean).join(' ') || undefined,
        iR: info.iR && c.iR ? { ...info.iR, span: c.iR.span } : undefined,
        reference: info.reference?.vsSHE !== undefined ? { name: info.reference.name, vsSHE: info.reference.vsSHE, source: info.reference.source } : undefined,
        pH: pH !== undefined ? { value: pH, estimated: !!info.electrolyte?.estimated } : undefined,
        nernstSlope: this.slope,
        electrode: c.working?.text,
        electrolyte: info.electrolyteName,
      });
    }
  }

  /**
   * A cell that bubbles CO2 through the working electrode's electrolyte while that electrolyte's pH
   * is estimated without it: the estimate is of another solution (bicarbonate 8.3 instead of 6.8).
   */
  private cellGasThroughElectrolyte(c: CellBlock, info: CellInfo): void {
    const gas = c.purge?.gas;
    const e = info.electrolyte;
    if (!gas || !e?.fromComposition || e.gas === gas.text || !SATURATING_GASES[gas.text]?.acidBaseSystem) return;
    this.ctx.report(ElectrochemCodes.cellGasNotInElectrolyte, 'information', `cell ${info.name} purges ${gas.text} through ${info.electrolyteName}, but the pH ${formatNumber(e.pH!, { decimals: 2 })} of ${info.electrolyteName} is estimated ${e.gas ? `under ${e.gas}` : 'without a gas'}; if ${info.electrolyteName} is ${gas.text}-saturated during the measurements, add \`saturated with ${gas.text}\` to it (or its measured pH)`, gas.span);
  }

  private readonly reactionSides = new Map<'all', ReactionDirections>();

  private reportCompartmentUnknown(c: CellBlock, why: string): void {
    const at = c.workingIn?.span ?? c.working?.span ?? c.name?.span ?? c.span;
    const electrode = c.working?.text ?? 'w';
    const fixes = c.working && !c.workingIn
      ? (['catholyte', 'anolyte'] as const).filter((x) => c[x]).map((x) => ({ title: `The working electrode sits in the ${x}: \`working ${electrode} in ${x}\``, edits: [{ span: { start: c.working!.span.end, end: c.working!.span.end }, newText: ` in ${x}` }] }))
      : undefined;
    this.ctx.report(ElectrochemCodes.workingCompartmentUnknown, 'warning', `cell ${c.name?.text ?? ''} does not say which electrolyte its working electrode sits in: ${why}; write \`working ${electrode} in catholyte\` or \`working ${electrode} in anolyte\`. Until then its potentials are not converted with a pH and its results take no electrolyte volume`, at, { fixes });
  }

  /** `iR 85 % of 5 ohm [by instrument]`, `iR 100 % of 5 ohm, 85 % by instrument`; the resistance may come later from EIS. */
  private iR(line: NonNullable<CellBlock['iR']>): IRCompensation | undefined {
    const total = siOf(this.ctx, line.fraction);
    if (total === undefined) return undefined;
    const instrument = line.instrument === line.fraction ? total : line.instrument ? siOf(this.ctx, line.instrument) : 0;
    if (instrument === undefined) return undefined;
    const ohm = siOf(this.ctx, line.resistance);
    if (line.resistance && ohm === undefined) return undefined;
    if (instrument > total) {
      this.ctx.report(ElectrochemCodes.iRInstrumentAboveTotal, 'error', `the instrument compensated ${formatNumber(instrument * 100, { significant: 3 })} % but the total correction is ${formatNumber(total * 100, { significant: 3 })} %; write the total first and what the instrument did second, as in \`iR 100 % of 5 ohm, 85 % by instrument\``, line.span);
      return undefined;
    }
    return { totalFraction: total, instrumentFraction: instrument, ohm };
  }

  /** Set-points vs the cell's reference for every value of a potential (list). */
  /** The set-points of a potential's numbers vs the cell's reference, each also a value at its number; `kept` gets those recorded, by the number's offset. */
  private setpoints(p: Potential, lineScale: ReferenceSpec | undefined, cell: CellInfo | undefined, estimatedNotice: { done: boolean }, kept?: Map<number, number>): void {
    const volts = checkedQuantity(this.ctx, p.quantity)?.si;
    if (!volts) return;
    const spec = p.scale ?? lineScale;
    if (!spec || !cell?.reference) return;
    const from = this.scale(spec);
    const to = cell.reference;
    if (!from || from.name === to.name) return;
    const needsPH = from.pHDependent || to.pHDependent;
    const pH = cell.electrolyte?.pH;
    if (needsPH && pH === undefined) {
      const message = cell.compartmentUnknown
        ? `converting ${spec.text} to ${to.name} needs the pH of the electrolyte the working electrode sits in, and cell ${cell.name} does not say which that is (${cell.compartmentUnknown}); write \`working … in catholyte\` or \`in anolyte\` in the cell`
        : `converting ${spec.text} to ${to.name} needs the pH of the ${cell.compartment ?? 'catholyte'}${cell.electrolyteName ? ` ${cell.electrolyteName}` : ''}, where the working electrode sits: add \`pH … measured\` to it`;
      // A pH that is written but impossible has its error there.
      if (!cell.electrolyte?.pHRejected) this.ctx.report(ElectrochemCodes.noPH, 'warning', message, p.span);
      return;
    }
    // Without a usable temperature or stated slope there is no Nernst slope; that line has the error.
    const slope = this.slope;
    if (needsPH && slope === undefined) return;
    if (needsPH && cell.electrolyte?.estimated && !estimatedNotice.done) {
      estimatedNotice.done = true;
      // No quick fix: only the chemist knows the measured value, and a line with a placeholder would not parse.
      this.ctx.report(ElectrochemCodes.estimatedPH, 'information', `the conversion to ${to.name} uses the estimated pH ${formatNumber(pH!, { decimals: 2 })} of ${cell.electrolyteName}; add \`pH … measured\` to the electrolyte to use a measured value`, p.span);
    }
    const temperatureK = this.ctx.facts.temperatureK;
    const slopeText = this.slopeStated || temperatureK === undefined ? 'as stated' : `2.303RT/F at ${formatNumber(temperatureK, { decimals: 2 })} K`;
    p.quantity.values.forEach((n, i) => {
      const set = convertPotential(volts[i]!, from, to, pH ?? 7, slope ?? 0);
      const written = `${n.text} ${p.quantity.unit!.text} vs ${spec.text}`;
      const toText = to.name.replace(/ \(.*\)$/, '');
      const value = Number(set.toFixed(6));
      // As the values keep it: the first at its place, never a non-finite one.
      if (kept && Number.isFinite(value) && !kept.has(n.span.start)) kept.set(n.span.start, value);
      this.ctx.value({
        kind: 'setpoint',
        subject: written,
        value,
        unit: 'V',
        span: n.span,
        label: `${V(set)} V vs ${to.name}`,
        detail: `Set-point: ${V(set)} V vs ${to.name}. E(${toText}) = E(${spec.text}) ${from.pHDependent ? `− ${formatNumber(slope!, { significant: 4 })} V × pH ${formatNumber(pH!, { decimals: 2 })}${cell.electrolyte?.estimated ? ' (estimated)' : ''}` : `+ ${formatNumber(from.vsSHE!, { decimals: 3 })} V`} − ${formatNumber(to.vsSHE ?? 0, { decimals: 3 })} V (${to.source})${needsPH ? `; Nernst slope ${slopeText}` : ''}.`,
        hint: { text: `≙ ${V(set)} V vs ${toText}`, category: 'setpoints' },
        extra: { scale: to.name },
      });
    });
  }

  private runBlock(r: RunBlock): void {
    // A run names its cell (`run in H`); without a name it has none, never "the first".
    const cell = r.cell ? this.cells.get(r.cell.text) : undefined;
    const notice = { done: false };
    const setpoints = new Map<number, number>();
    for (const t of r.techniques) {
      // The quantities pass has checked every quantity of the line against its place (a sweep's
      // `at` is its scan rate, EIS's from/to are frequencies); potentials get their set-points.
      const lineScale = t.at?.scale ?? t.to?.scale ?? t.from?.scale;
      if (t.at) this.setpoints(t.at, lineScale, cell, notice, setpoints);
      for (const p of [t.from, t.to]) if (p && p.quantity.place === 'sweepLimit') this.setpoints(p, lineScale, cell, notice, setpoints);
      techniqueChecks(this.ctx, t, cell?.electrode?.areaCm2);
    }
    // By offset in the run, so that they move with it.
    if (setpoints.size > 0) this.ctx.facts.runSetpoints.set(r.span.start, new Map([...setpoints].map(([at, v]) => [at - r.span.start, v])));
  }

  /**
   * Electrons per molecule of a product, from the reaction named after it or producing it;
   * a form of the same compound that differs only by protons (NH4+ for NH3, HCOOH for HCOO-)
   * takes the same electrons: they count per atom of the product, not per proton.
   */
  private electronsFor(product: string): number | undefined {
    const map = this.ctx.facts.electronsPerProduct;
    const direct = map.get(product) ?? map.get(product.replace(/[+-]+$/, ''));
    if (direct !== undefined) return direct;
    for (const p of this.ctx.facts.reactionProducts) if (sameCompound(p, product)) return map.get(p);
    return undefined;
  }

  private reportNoElectrons(span: Span, product: string): void {
    this.ctx.report(ElectrochemCodes.noElectrons, 'warning', `no reaction gives the electrons per ${product}: add a \`reaction\` that produces it`, span);
  }

  /** A written potential in V on its resolved scale, without reporting (the set-point pass reports). */
  private written(p: Potential, index: number, lineScale?: ReferenceSpec, scaleOf?: (spec: ReferenceSpec) => Scale | undefined): WrittenPotential | undefined {
    const volts = siOf(this.ctx, p.quantity, index);
    const spec = p.scale ?? lineScale;
    if (volts === undefined || !spec) return undefined;
    const scale = scaleOf ? scaleOf(spec) : this.quietScale(spec);
    return scale ? { volts, scale: scale.name } : undefined;
  }

  private quietScale(spec: ReferenceSpec | string): Scale | undefined {
    const r = resolveScale(typeof spec === 'string' ? spec : spec.text, this.declaredScales);
    return 'error' in r ? undefined : r;
  }

  private evidence?: CellEvidence[];

  /** What each cell's runs say it was used for: the CA lines, and the catalyst on its electrode. */
  private cellEvidence(): CellEvidence[] {
    if (this.evidence) return this.evidence;
    const byCell = new Map<string, CellEvidence>();
    for (const [name, cell] of this.cells) {
      byCell.set(name, { name, catalysts: [cell.electrodeName, cell.electrode?.catalyst].filter((x): x is string => !!x), electrolyses: [] });
    }
    // The scales of every CA line, each spelling resolved once: most lines of a protocol are on one or two.
    const scales = new Map<string, Scale | undefined>();
    const scaleOf = (spec: ReferenceSpec) => {
      if (!scales.has(spec.text)) scales.set(spec.text, this.quietScale(spec));
      return scales.get(spec.text);
    };
    for (const s of this.ctx.statementsOf('run')) {
      if (!s.cell) continue;
      const evidence = byCell.get(s.cell.text);
      if (!evidence) continue;
      for (const t of s.techniques) {
        if (t.technique.text.toUpperCase() !== 'CA' || !t.at) continue;
        const potentials = t.at.quantity.values.map((_, i) => this.written(t.at!, i, undefined, scaleOf)).filter((x): x is WrittenPotential => !!x);
        const durationS = t.duration ? this.seconds(t.duration) : undefined;
        evidence.electrolyses.push({ potentials, durationS, text: this.ctx.textOf(t.span).replace(/,\s*data\s+".*$/, '') });
      }
    }
    // Interned: each result's unit reads it, and an unchanged cell is then the same object (snapshot.ts).
    this.evidence = [...byCell.values()].map((e) => interned(e));
    // By the names a result may carry and by cell name, so that binding a result reads the cells it could
    // belong to, not all of them (each result scanning every cell made long protocols quadratic).
    const byName = new Map<string, CellEvidence[]>();
    for (const e of this.evidence) {
      for (const name of new Set([e.name, ...e.catalysts])) {
        const list = byName.get(name);
        if (list) list.push(e);
        else byName.set(name, [e]);
      }
    }
    this.evidenceByName = byName;
    return this.evidence;
  }

  /** The evidence keyed by cell name and by the electrode names and catalysts a result may carry (see cellEvidence). */
  private evidenceByName?: Map<string, CellEvidence[]>;

  /**
   * The cells a result or plan could be bound to, for `bindCell`: the stated cell, or those whose electrode
   * or catalyst the result is named after; every cell otherwise. `bindCell` gives the same binding with
   * these as with every cell: it keeps only the cells that fit those names when some cell does.
   */
  private bindingCandidates(name: string | undefined, stated: string | undefined): CellEvidence[] {
    const all = this.cellEvidence();
    const key = stated ?? name;
    if (key === undefined) return all;
    const listed = this.evidenceByName!.get(key);
    if (stated !== undefined) return (listed ?? []).filter((e) => e.name === stated);
    return listed?.some((e) => e.catalysts.includes(key)) ? listed.filter((e) => e.catalysts.includes(key)) : all;
  }

  /** Seconds of a duration, quietly (the quantities pass reports a wrong unit or value). */
  private seconds(q: NonNullable<ResultBlock['duration']>): number | undefined {
    return siOf(this.ctx, q);
  }

  /** Two written potentials are one set-point in this cell: on one scale, or converted with the cell's pH. */
  private samePotential(cellName: string, a: WrittenPotential, b: WrittenPotential): boolean {
    if (a.scale === b.scale) return Math.abs(a.volts - b.volts) <= 5e-4;
    const from = this.quietScale(a.scale);
    const to = this.quietScale(b.scale);
    const pH = this.cells.get(cellName)?.electrolyte?.pH;
    if (!from || !to || ((from.pHDependent || to.pHDependent) && (pH === undefined || this.slope === undefined))) return false;
    return Math.abs(convertPotential(a.volts, from, to, pH ?? 7, this.slope ?? 0) - b.volts) <= 5e-4;
  }

  /**
   * The cell a result or plan was measured in (cell-binding.ts), reported when
   * several fit or none does. Without any cell in the protocol, the electrode
   * carrying its catalyst, or the only electrode.
   */
  private bind(block: ResultBlock | PlanBlock): Bound {
    const what = block.kind;
    const name = block.name?.text;
    const at = block.name?.span ?? block.span;
    if (!this.anyCell && !block.cell) {
      const electrodes = [...this.ctx.facts.electrodes.entries()];
      const carrying = electrodes.filter(([n, e]) => n === name || e.catalyst === name);
      const only = carrying.length === 1 ? carrying[0] : electrodes.length === 1 ? electrodes[0] : undefined;
      if (only) this.ctx.symbols.bind(only[0], ['electrode']);
      return { electrode: only?.[1] };
    }
    const potential = block.potential ? this.written(block.potential, 0) : undefined;
    const durationS = block.duration ? this.seconds(block.duration) : undefined;
    const request = { name, potential, durationS, stated: block.cell?.text };
    const key = JSON.stringify(request);
    let binding = this.bindings.get(key);
    if (!binding) {
      binding = bindCell(request, this.bindingCandidates(name, block.cell?.text), (c, a, b) => this.samePotential(c, a, b));
      this.bindings.set(key, binding);
    }
    const header = `${what} ${this.ctx.textOf({ start: block.span.start, end: this.headerEnd(block) }).replace(/^\w+\s+/, '')}`;
    const insertAt = this.headerEnd(block);
    if (binding.kind === 'ambiguous') {
      this.ctx.report(NameCodes.ambiguousCell, 'error', `several cells fit \`${header}\`: ${someOf(binding.candidates)}; say which one with \`in ${binding.candidates[0]}\` on the header. Its values that need a cell are left out until then`, at, {
        fixesWhenRead: inCellFixes(binding.candidates, insertAt),
      });
      return {};
    }
    if (binding.kind === 'none') {
      if (block.cell) return {}; // an unknown name after `in`: the names pass reports it
      const cells = [...this.cells.keys()];
      // A cell voltage or a current density matches no CA line (those are at potentials vs a reference): the header names the cell.
      const setPoint = block.kind === 'result' && !block.potential && (block.cellVoltage ? 'a cell voltage' : block.setCurrent ? 'a current density' : undefined);
      if (setPoint) {
        this.ctx.report(NameCodes.noFittingCell, 'error', `no cell fits \`${header}\`: a result at ${setPoint} is never matched to a CA line at a potential, and no cell holding ${name ?? 'its catalyst'} is free of CA lines; name the cell with \`in ${cells[0]}\`. Its values that need a cell are left out until then`, at, {
          fixesWhenRead: inCellFixes(cells, insertAt),
        });
        return {};
      }
      this.ctx.report(NameCodes.noFittingCell, 'error', `no cell fits \`${header}\`: ${binding.reason}; correct its potential or duration, add the CA line to the run, or name the cell with \`in ${cells[0]}\`. Its values that need a cell are left out until then`, at, {
        fixesWhenRead: inCellFixes(cells, insertAt),
      });
      return {};
    }
    const cell = this.cells.get(binding.cell)!;
    this.ctx.symbols.bind(binding.cell, ['cell']);
    this.ctx.facts.boundCells.set(block.span.start, binding.cell);
    const how = binding.how === 'stated' ? 'named on the header' : binding.how === 'run' ? `through its run: \`${binding.line}\`` : 'the only cell that could have run it (no run in it holds a CA line)';
    const plain = (x: number) => formatExact(x);
    const parts = [
      cell.type && `${cell.type === 'flow cell' ? 'a' : 'an'} ${cell.type}`,
      cell.liquidProducts && cell.volumeL !== undefined && `liquid products collected in ${plain(cell.volumeL * 1000)} mL`,
      cell.gasFlow?.flow !== undefined && `gas flow ${cell.gasFlow.written} (${cell.gasFlow.what}) for GC lines without their own`,
      cell.electrolyteName && `${cell.compartment ?? 'electrolyte'} ${cell.electrolyteName}${cell.volumeL !== undefined && !cell.liquidProducts ? ` ${plain(cell.volumeL * 1000)} mL` : ''} (pH ${cell.electrolyte?.pH !== undefined ? `${formatNumber(cell.electrolyte.pH, { decimals: 2 })}${cell.electrolyte.estimated ? ', estimated' : ''}` : 'unknown'})`,
      cell.electrodeName && `electrode ${cell.electrodeName}${cell.electrode?.areaCm2 !== undefined ? `, ${plain(cell.electrode.areaCm2)} cm²` : ''}${cell.electrode?.catalystMassG !== undefined ? `, ${plain(cell.electrode.catalystMassG * 1000)} mg ${cell.electrode.catalyst ?? 'catalyst'}` : ''}`,
    ].filter(Boolean);
    this.ctx.value({
      kind: 'cell', subject: name ?? what, value: binding.cell, unit: '', span: at,
      label: `in cell ${binding.cell}`,
      detail: `Measured in cell ${binding.cell}, ${how}. Its values take from this cell: ${parts.join('; ') || 'nothing stated'}.`,
    });
    return { cell, electrode: cell.electrode };
  }

  /** End of the header's last part (potential, duration or cell), where `in CELL` goes. */
  private headerEnd(block: ResultBlock | PlanBlock): number {
    return Math.max(...[block.name, block.potential, block.duration, block.cell].map((x) => x?.span.end ?? 0), block.span.start);
  }

  private result(r: ResultBlock): void {
    const name = r.name?.text ?? 'result';
    const bound = this.bind(r);
    const cell = bound.cell;
    if (r.potential) this.setpoints(r.potential, undefined, cell, { done: false });
    if (r.cellVoltageScale) {
      this.ctx.report(ElectrochemCodes.cellVoltageOnScale, 'error', `a cell voltage is the voltage between the two electrodes, on no reference scale, and is never converted to one: drop the scale, as in \`at ${r.cellVoltage ? this.ctx.textOf(r.cellVoltage.span) : '3.2 V'} cell voltage\`, or write the working electrode's potential on its scale without the words cell voltage (\`at -0.8 V vs RHE\`)`, r.cellVoltageScale);
    }
    const cellVoltage = siOf(this.ctx, r.cellVoltage);
    if (r.cellVoltage && cellVoltage !== undefined) {
      this.ctx.value({ kind: 'cellVoltage', subject: name, value: cellVoltage, unit: 'V', span: r.cellVoltage.span, label: `${formatNumber(cellVoltage, { significant: 4, trim: true })} V cell voltage`, detail: `The voltage between the anode and the cathode${cell?.type ? ` of the ${cell.type}` : ''}: on no reference scale, so it is neither converted to the RHE nor compared with potentials vs a reference.` });
    }
    offerAreaFixes(this.ctx, r.current, bound.electrode?.areaCm2);
    offerAreaFixes(this.ctx, r.doubleLayer?.currents, bound.electrode?.areaCm2);
    const seconds = siOf(this.ctx, r.duration);
    // A stated charge or current that is impossible has its error; nothing is put in its place.
    const chargeRejected = (!!r.charge && siOf(this.ctx, r.charge) === undefined) || (!!r.current && siOf(this.ctx, r.current) === undefined);
    let charge = chargeRejected ? undefined : r.charge ? siOf(this.ctx, r.charge) : this.ctx.facts.dataCharges.get(r.span.start);
    const setCurrentA = !r.current && charge === undefined ? this.setCurrent(r, name, bound.electrode?.areaCm2) : undefined;
    const currentA = chargeRejected ? undefined : r.current ? siOf(this.ctx, r.current) : charge !== undefined && seconds ? charge / seconds : setCurrentA;
    if (charge === undefined && currentA !== undefined && seconds) charge = Math.abs(currentA) * seconds;
    if (currentA !== undefined && charge !== undefined && seconds) {
      this.ctx.value({ kind: 'meanCurrent', subject: name, value: Math.abs(currentA) * 1000, unit: 'mA', span: (r.charge ?? r.data ?? r).span, label: `${formatNumber(Math.abs(currentA) * 1000, { significant: 4 })} mA`, detail: `Mean current Q/t = ${formatNumber(charge!, { significant: 4 })} C / ${formatNumber(seconds, { significant: 4 })} s.` });
    }
    if (cell?.iR?.ohm !== undefined && currentA !== undefined) {
      // i·R at the mean current; the stated fraction of it is compensated (by the instrument and/or afterwards).
      const { ohm, totalFraction, instrumentFraction } = cell.iR;
      const mV = (f: number) => Math.abs(currentA) * ohm * f * 1000;
      const comp = mV(totalFraction);
      const pct = (f: number) => `${formatNumber(f * 100, { significant: 3 })} %`;
      const split = instrumentFraction > 0 ? ` (${pct(instrumentFraction)} by the instrument while recording, ${pct(postFraction(cell.iR))} afterwards)` : ', afterwards from the recorded potentials';
      this.ctx.value({ kind: 'iRCompensation', subject: name, value: comp, unit: 'mV', span: r.name?.span ?? r.span, label: `iR compensation ${formatNumber(comp, { significant: 3 })} mV`, detail: `At the mean current ${formatNumber(Math.abs(currentA) * 1000, { significant: 4 })} mA and ${formatExact(ohm)} Ω: i·R = ${formatNumber(mV(1), { significant: 3 })} mV; ${pct(totalFraction)} of it compensated${split} = ${formatNumber(comp, { significant: 3 })} mV; ${formatNumber(mV(1 - totalFraction), { significant: 3 })} mV remain uncompensated.` });
    }
    const volumeL = cell?.volumeL;
    const electrode = bound.electrode;
    if (r.doubleLayer) this.doubleLayer(r, name, bound);
    const hours = seconds ? seconds / 3600 : undefined;
    const fes: { product: string; fe: number; u?: number }[] = [];
    let convertedN = 0;
    const areaCm2 = electrode?.areaCm2;
    // Sums need every reading: one left out (with its diagnostic) would make them silently low.
    let amountsKnown = 0;
    for (const reading of r.readings) {
      const q = this.quantifier.quantify(reading, name, r, cell?.gasFlow);
      if (!q) continue;
      const product = q.product;
      const n = this.electronsFor(product);
      if (q.phase === 'gas') {
        // Gas from GC: volume fraction × carrier flow; a volumetric flow is an ideal gas at the protocol
        // temperature and pressure (an impossible one has its error, and the gas moles are then unknown),
        // a molar flow (`sccm`) is moles already.
        const { temperatureK, pressurePa } = this.ctx.facts;
        const flow = q.flow!;
        if (!flow.molar && (temperatureK === undefined || pressurePa === undefined)) continue;
        const T = temperatureK ?? 0;
        const p = pressurePa ?? 0;
        const rate = productMolarRate(q.amount, flow, T, p);
        if (seconds) convertedN += this.nitrogens(product) * rate * seconds;
        if (seconds || this.nitrogens(product) === 0) amountsKnown++;
        if (n === undefined) {
          this.reportNoElectrons(reading.analyte.span, product);
          continue;
        }
        if (currentA === undefined) {
          if (chargeRejected) continue; // the charge or current has its error
          this.ctx.report(ElectrochemCodes.noCharge, 'warning', 'the faradaic efficiency of a gas needs the current: add `current … mA`, or the charge and the duration of the result', reading.span);
          continue;
        }
        const fe = (n * FARADAY * rate) / Math.abs(currentA);
        const uRate = q.uncertainty !== undefined ? productMolarRate(q.uncertainty, flow, T, p) : undefined;
        const u = uRate !== undefined ? (n * FARADAY * uRate) / Math.abs(currentA) : undefined;
        fes.push({ product, fe, u });
        const flowWords = `flow = ${flowText(flow)}${q.flowFrom ? ` (${q.flowFrom}; the line states none)` : ''}`;
        const rateText = `${formatExact(n)} × ${formatExact(FARADAY)} C/mol × ${formatNumber(rate * 1e9, { significant: 4 })} nmol/s / ${formatNumber(Math.abs(currentA) * 1000, { significant: 4 })} mA`;
        const how = flow.molar
          ? `FE = n·F·x·ṅ/I = ${rateText}; ${flowWords}; no temperature or pressure enters.`
          : `FE = n·F·(x·flow/Vm)/I = ${rateText}; ${flowWords}; Vm = ${formatNumber(molarVolume(T, p) * 1000, { significant: 5 })} L/mol at ${formatNumber(T, { decimals: 2 })} K and ${formatNumber(p / 1000, { significant: 6 })} kPa.`;
        // The report carries the carrier's molar flow (mol/s) the FE used, whichever way the flow was written.
        this.feValue(name, product, fe, u, q.n, reading.span, `${how}${this.uncertaintyText(q)}`, { carrierMolarFlow: flowMolPerS(flow, T, p) });
        if (q.flowFrom) {
          const span = 'value' in reading ? reading.value.span : reading.analyte.span;
          const detail = `The line states no flow: the moles of ${product} are its fraction × the ${q.flowFrom}${flow.molar ? `, ${flowText(flow)}` : ''}.`;
          if (flow.molar) {
            const umol = Number((flow.molPerS * 1e6).toPrecision(12));
            this.ctx.value({ kind: 'carrierFlow', subject: `${name}/${product}`, value: umol, unit: 'umol/s', span, label: `at ${flow.written} (${q.flowFrom})`, detail, hint: { text: `at ${flow.written} (cell)`, category: 'results' }, extra: { written: flow.written, standardTemperatureK: MASS_FLOW_STANDARD.temperatureK, standardPressurePa: MASS_FLOW_STANDARD.pressurePa } });
          } else {
            const mlMin = Number((flow.m3PerS * 6e7).toPrecision(12));
            this.ctx.value({ kind: 'carrierFlow', subject: `${name}/${product}`, value: mlMin, unit: 'mL/min', span, label: `at ${formatNumber(mlMin, { significant: 4, trim: true })} mL/min (${q.flowFrom})`, detail, hint: { text: `at ${formatNumber(mlMin, { significant: 4, trim: true })} mL/min (cell)`, category: 'results' } });
          }
        }
        this.partialCurrentDensity(name, product, fe, u, q.n, currentA, areaCm2, reading.span);
        continue;
      }
      if (q.phase === 'dissolved' && volumeL === undefined) {
        if (cell?.volumeRejected) continue; // the volume has its error
        this.ctx.report(ElectrochemCodes.noCatholyteVolume, 'warning', this.noVolumeMessage(cell), reading.span);
        continue;
      }
      // Dissolved: mol/L × the electrolyte's volume; moles measured as such need no volume.
      const litres = q.phase === 'moles' ? 1 : volumeL!;
      const productMol = q.amount * litres;
      const uMol = q.uncertainty !== undefined ? q.uncertainty * litres : undefined;
      convertedN += this.nitrogens(product) * productMol;
      amountsKnown++;
      this.ctx.value({
        kind: 'productAmount', subject: `${name}/${product}`, value: productMol * 1000, unit: 'mmol', span: reading.span,
        label: `${formatPlusMinus(productMol * 1000, uMol !== undefined ? uMol * 1000 : undefined, { significant: 4 })} mmol ${product}`,
        extra: { n: q.n, ...(uMol !== undefined ? { uncertainty: uMol * 1000 } : {}) },
      });
      if (n === undefined) {
        this.reportNoElectrons(reading.analyte.span, product);
        continue;
      }
      if (charge === undefined) {
        if (chargeRejected) continue;
        this.ctx.report(ElectrochemCodes.noCharge, 'warning', 'a faradaic efficiency needs the charge: add `charge … C`', reading.span);
        continue;
      }
      const fe = faradaicEfficiency(n, productMol, charge);
      const u = uMol !== undefined ? faradaicEfficiency(n, uMol, charge) : undefined;
      fes.push({ product, fe, u });
      this.feValue(name, product, fe, u, q.n, reading.span, `FE = n·F·N/Q = ${formatExact(n)} × ${formatExact(FARADAY)} C/mol × ${formatNumber(productMol * 1000, { significant: 4 })} mmol / ${formatNumber(charge, { significant: 4 })} C.${this.uncertaintyText(q)}`);
      if (currentA !== undefined) this.partialCurrentDensity(name, product, fe, u, q.n, currentA, areaCm2, reading.span);
      if (hours) this.yieldRates(name, product, productMol, hours, electrode, reading.span, r.yieldUnits.map((u) => u.text));
    }
    if (fes.length > 0) this.feSum(r, name, fes, fes.length === r.readings.length);
    this.checkYieldUnits(r, electrode);
    this.runs.push({ r, fes });
    const substrate = cell?.electrolyte?.molar.get('KNO3') ?? cell?.electrolyte?.molar.get('NaNO3');
    if (substrate && volumeL && convertedN > 0 && amountsKnown === r.readings.length) {
      const total = substrate * volumeL;
      this.ctx.value({ kind: 'conversion', subject: name, value: (convertedN / total) * 100, unit: '%', span: r.name?.span ?? r.span, label: `${formatNumber((convertedN / total) * 100, { significant: 3 })} % of ${formatNumber(total * 1000, { significant: 3 })} mmol nitrate converted` });
    }
  }

  /** Why a result has no electrolyte volume, and what to write. */
  private noVolumeMessage(cell: CellInfo | undefined): string {
    if (cell?.type === 'MEA') return `cell ${cell.name} is an MEA: its cathode has no liquid catholyte whose volume holds the dissolved products; state the volume they were collected in, as in \`liquid products 10 mL\` in the cell`;
    if (!cell) return 'the amount of product needs the volume of the electrolyte it was measured in, and the result has no cell: declare the cell with `catholyte nitrate 30 mL` and bind the result to it';
    if (cell.compartmentUnknown) return `the amount of product needs the volume of the electrolyte the working electrode sits in, and cell ${cell.name} does not say which that is: write \`working … in catholyte\` or \`in anolyte\``;
    const which = cell.compartment ?? 'catholyte';
    return `the amount of product needs the volume of the ${which}${cell.electrolyteName ? ` ${cell.electrolyteName}` : ''} of cell ${cell.name}: add it, as in \`${which} ${cell.electrolyteName ?? 'nitrate'} 30 mL\``;
  }

  /** Cdl = slope/2 of Δj against scan rate; ECSA = Cdl / Cs × geometric area of the bound electrode. */
  private doubleLayer(r: ResultBlock, name: string, bound: Bound): void {
    const cell = bound.cell;
    const dl = r.doubleLayer!;
    const n = dl.rates.values.length;
    if (n < 2 || dl.currents.values.length !== n) {
      this.ctx.report(ElectrochemCodes.listLengths, 'error', `${n} scan rates but ${dl.currents.values.length} current differences: give one current difference per scan rate, at least two`, dl.span);
      return;
    }
    const rates = checkedQuantity(this.ctx, dl.rates)?.si;
    const currents = checkedQuantity(this.ctx, dl.currents)?.si;
    if (!rates || !currents) return;
    const fit = fitCalibration(rates.map((x, i) => ({ x, y: currents[i]! })));
    if (!fit) return;
    const cdl = fit.slope / 2; // F/m², from Δj = ja − jc = 2·Cdl·v
    const cdlMF = cdl * 1000 / 1e4;
    let cs: number;
    if (r.specificCapacitance) {
      const q = siOf(this.ctx, r.specificCapacitance);
      if (q === undefined) return;
      cs = (q * 1000) / 1e4;
    } else {
      const alkaline = (cell?.electrolyte?.pH ?? 7) > 7;
      cs = alkaline ? SPECIFIC_CAPACITANCE_MF_PER_CM2.alkaline : SPECIFIC_CAPACITANCE_MF_PER_CM2.acid;
      this.ctx.report(ElectrochemCodes.defaultCapacitance, 'information', `the ECSA uses the default specific capacitance ${formatExact(cs)} mF/cm2 for ${alkaline ? 'alkaline' : 'acidic'} electrolytes (${SPECIFIC_CAPACITANCE_SOURCE}); add \`specific capacitance … mF/cm2\` to use your own`, dl.span);
    }
    const area = bound.electrode?.areaCm2;
    const ecsa = area === undefined ? undefined : (cdlMF * area) / cs;
    const ecsaHint = ecsa === undefined ? '' : ` · ECSA ${formatNumber(ecsa, { significant: 4 })} cm²`;
    this.ctx.value({ kind: 'cdl', subject: name, value: cdlMF, unit: 'mF/cm2', span: dl.span, label: `Cdl ${formatNumber(cdlMF, { significant: 4 })} mF/cm²`, detail: `Cdl = slope/2 of Δj against scan rate (${n} points, R² ${formatNumber(fit.r2, { decimals: 4 })}).`, hint: { text: `Cdl ${formatNumber(cdlMF, { significant: 4 })} mF/cm²${ecsaHint}`, category: 'results' } });
    if (area === undefined || ecsa === undefined) {
      if (bound.electrode?.areaRejected) return; // an impossible area has its error
      this.ctx.report(ElectrochemCodes.noElectrodeArea, 'warning', `the ECSA needs the geometric area of the working electrode${cell?.electrodeName ? ` ${cell.electrodeName}` : ''}, which is not stated: add \`area … cm2\` to the electrode`, dl.span);
      return;
    }
    this.ctx.value({ kind: 'ecsa', subject: name, value: ecsa, unit: 'cm2', span: dl.span, label: `ECSA ${formatNumber(ecsa, { significant: 4 })} cm²`, detail: `ECSA = Cdl × area / Cs = ${formatNumber(cdlMF, { significant: 4 })} mF/cm² × ${formatExact(area)} cm² / ${formatExact(cs)} mF/cm².` });
  }

  private nitrogens(product: string): number {
    const p = formulaOf(this.ctx, product);
    return 'formula' in p ? p.formula.composition.get('N') ?? 0 : 0;
  }

  private feValue(result: string, product: string, fe: number, u: number | undefined, n: number, span: Span, detail: string, more: Record<string, number> = {}): void {
    const shown = formatPlusMinus(fe * 100, u !== undefined ? u * 100 : undefined, { decimals: 2 });
    this.ctx.value({
      kind: 'faradaicEfficiency', subject: `${result}/${product}`, value: fe * 100, unit: '%', span,
      label: `FE(${product}) ${shown} %${replicateCount(n)}`, detail,
      hint: { text: `FE ${shown} %${replicateCount(n)}`, category: 'results' },
      extra: { n, ...(u !== undefined ? { uncertainty: u * 100 } : {}), ...more },
    });
  }

  /** How the uncertainty of a product's FE was found, or why there is none. */
  private uncertaintyText(q: QuantifiedReading): string {
    if (q.uncertainty === undefined) return q.n > 1 ? '' : ' No uncertainty: a single reading, and no calibration scatter to propagate.';
    return ` The ± is first-order propagated from the ${q.phase === 'gas' ? 'volume fraction' : q.phase === 'moles' ? 'amount' : 'concentration'} (${q.uncertaintyNote}); the charge is taken as exact.`;
  }

  /** j_X = FE_X · |I| / A: the part of the current density that made the product. */
  /**
   * The current of a result run at a constant current density (`at 200 mA/cm2`: j × the working
   * electrode's area) or current (`at 100 mA`); undefined without one, or after saying why.
   */
  private setCurrent(r: ResultBlock, name: string, areaCm2: number | undefined): number | undefined {
    const checked = checkedQuantity(this.ctx, r.setCurrent);
    const si = checked?.si[0];
    if (!r.setCurrent || !checked || si === undefined) return undefined;
    const written = this.ctx.textOf(r.setCurrent.span);
    let currentA = si;
    let how = `The current set on the working electrode: ${written}.`;
    if (checked.kind === 'currentDensity') {
      if (areaCm2 === undefined) {
        this.ctx.report(ElectrochemCodes.setCurrentWithoutArea, 'warning', `the current of \`${written}\` is the current density × the working electrode's area, and no area is known for result ${name}: add \`area 1 cm2\` to its electrode (the geometric area of the gas-diffusion electrode), or state the current (\`current … mA\`)`, r.setCurrent.span);
        return undefined;
      }
      currentA = si * areaCm2 * 1e-4;
      how = `I = j × A = ${written} × ${formatExact(areaCm2)} cm² = ${formatNumber(Math.abs(currentA) * 1000, { significant: 4 })} mA (the working electrode's geometric area).`;
    }
    const mA = Math.abs(currentA) * 1000;
    this.ctx.value({ kind: 'setCurrent', subject: name, value: mA, unit: 'mA', span: r.setCurrent.span, label: `${formatNumber(mA, { significant: 4 })} mA`, detail: `${how} Faradaic efficiencies and partial current densities of result ${name} take this current; its charge is I × its duration.` });
    return currentA;
  }

  private partialCurrentDensity(result: string, product: string, fe: number, u: number | undefined, n: number, currentA: number, areaCm2: number | undefined, span: Span): void {
    if (!areaCm2) return;
    const j = (fe * Math.abs(currentA) * 1000) / areaCm2;
    const uj = u !== undefined ? (u * Math.abs(currentA) * 1000) / areaCm2 : undefined;
    this.ctx.value({
      kind: 'partialCurrentDensity', subject: `${result}/${product}`, value: j, unit: 'mA/cm2', span,
      label: `j(${product}) ${formatPlusMinus(j, uj, { significant: 4 })} mA/cm²${replicateCount(n)}`,
      detail: `j(${product}) = FE × |I| / A = ${formatNumber(fe * 100, { decimals: 2 })} % × ${formatNumber(Math.abs(currentA) * 1000, { significant: 4 })} mA / ${formatExact(areaCm2)} cm² = ${formatNumber(j, { significant: 4 })} mA/cm² (magnitude).`,
      extra: { n, ...(uj !== undefined ? { uncertainty: uj } : {}) },
    });
  }

  /**
   * Replicate runs: results of one catalyst at the same potential for the same duration, as
   * written. The mean FE of each product and the sample SD of the runs, on the last run's header.
   */
  private replicateRuns(): void {
    const groups = new Map<string, typeof this.runs>();
    for (const run of this.runs) {
      const r = run.r;
      const at = r.potential ?? r.cellVoltage ?? r.setCurrent;
      const key = [r.name?.text, r.cellVoltage ? 'cell voltage' : '', at && this.ctx.textOf(at.span).replace(/\s+/g, ' '), r.duration && this.ctx.textOf(r.duration.span)].join('\u0000');
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(run);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const last = group[group.length - 1]!.r;
      const name = last.name?.text ?? 'result';
      const potential = last.potential ? this.ctx.textOf(last.potential.span) : '';
      const products = [...new Set(group.flatMap((g) => g.fes.map((f) => f.product)))];
      for (const product of products) {
        const values = group.map((g) => g.fes.find((f) => f.product === product)?.fe).filter((x): x is number => x !== undefined && Number.isFinite(x));
        if (values.length < 2) continue;
        const m = replicates(values.map((v) => v * 100));
        const shown = formatPlusMinus(m.mean, m.sd, { decimals: 2 });
        this.ctx.value({
          kind: 'faradaicEfficiencyMean', subject: `${name}/${product}`, value: m.mean, unit: '%', span: last.name?.span ?? last.span,
          label: `FE(${product}) ${shown} % (n = ${m.n} runs)`,
          detail: `Mean of ${m.n} replicate runs of ${name} at ${potential}: ${values.map((v) => formatNumber(v * 100, { decimals: 2 })).join(', ')} %; the ± is their sample standard deviation (n − 1).`,
          hint: { text: `FE(${product}) ${shown} % (n = ${m.n} runs)`, category: 'results' },
          extra: { n: m.n, uncertainty: m.sd!, potential },
        });
      }
    }
  }

  /** ΣFE of a result, with a warning above 105 % and a note below 80 % naming what may be missing. */
  /** `complete`: every reading of the result gave its FE; a sum without one (said where) is no sum to show. */
  private feSum(r: ResultBlock, name: string, fes: { product: string; fe: number; u?: number }[], complete: boolean): void {
    const sum = fes.reduce((a, b) => a + b.fe, 0);
    const allKnown = fes.every((f) => f.u !== undefined);
    const u = allKnown ? Math.sqrt(fes.reduce((a, b) => a + b.u! ** 2, 0)) : undefined;
    const at = r.name?.span ?? r.span;
    const shown = formatPlusMinus(sum * 100, u !== undefined ? u * 100 : undefined, { decimals: 2 });
    if (complete) this.ctx.value({
      kind: 'faradaicEfficiencySum', subject: name, value: sum * 100, unit: '%', span: at,
      label: `ΣFE ${shown} %`,
      detail: `Sum of the faradaic efficiencies of ${fes.map((f) => f.product).join(', ')}${u !== undefined ? '; the ± adds their uncertainties in quadrature (independent readings)' : ''}.`,
      hint: { text: `ΣFE ${shown} %`, category: 'results' },
      extra: u !== undefined ? { uncertainty: u * 100 } : undefined,
    });
    if (!Number.isFinite(sum)) return;
    if (sum > 1.05) {
      this.ctx.report(ElectrochemCodes.feAbove100, 'warning', `the faradaic efficiencies add up to ${formatNumber(sum * 100, { decimals: 1 })} %, more than the charge passed; check the charge, the dilutions and the readings`, at);
    } else if (sum < 0.8 && complete) {
      const read = new Set(fes.map((f) => f.product));
      const missing = [...this.ctx.facts.electronsPerProduct.keys()].filter((p) => this.ctx.facts.reactionProducts.has(p) && ![...read].some((x) => sameCompound(x, p)));
      if (![...read, ...missing].some((p) => sameCompound(p, 'H2'))) missing.push('H2');
      this.ctx.report(ElectrochemCodes.feSumLow, 'information', `the faradaic efficiencies add up to ${formatNumber(sum * 100, { decimals: 1 })} %: ${formatNumber((1 - sum) * 100, { decimals: 1 })} % of the charge made no product read here; ${missing.length ? `not measured: ${missing.join(', ')} (gases by GC, liquids by NMR or a calibration), or ` : 'every declared product was read, so check the readings and the flow, look for products without a reaction, or '}the charge holds capacitive or background current`, at);
    }
  }

  private yieldRates(result: string, product: string, mol: number, hours: number, electrode: { catalystMassG?: number; areaCm2?: number } | undefined, span: Span, asked: string[]): void {
    const parsed = formulaOf(this.ctx, product);
    if (!('formula' in parsed)) return;
    const mm = molarMass(parsed.formula.composition);
    const units = asked.length > 0 ? asked : ['µg/h/mg', 'mmol/h/cm2'];
    for (const text of units) {
      const u = parseUnit(text);
      if ('error' in u) continue;
      const basis = yieldBasis(u.unit.dimension);
      const si = basis ? yieldRateSI(basis, mol, mm, hours * 3600, electrode) : undefined;
      if (si === undefined) continue;
      const v = fromSI(si, u.unit);
      this.ctx.value({ kind: 'yieldRate', subject: `${result}/${product}`, value: v, unit: u.unit.ascii, span, label: `${formatNumber(v, { significant: 4 })} ${text}` });
    }
  }

  /** Each `yield in` unit is a rate per catalyst mass or per electrode area that this result's electrode can give; else it says why none is shown. */
  private checkYieldUnits(r: ResultBlock, electrode: { catalystMassG?: number; areaCm2?: number } | undefined): void {
    for (const w of r.yieldUnits) {
      const u = parseUnit(w.text);
      const basis = 'error' in u ? undefined : yieldBasis(u.unit.dimension);
      if (!basis) {
        this.ctx.report(ChemistryCodes.yieldUnitNotARate, 'warning', `\`${w.text}\` is not a yield rate: write a mass or an amount per hour per catalyst mass or per electrode area (\`µg/h/mg\`, \`µmol/h/mg\`, \`µg/h/cm2\`, \`mmol/h/cm2\`)`, w.span);
      } else if (basis.per === 'catalyst mass' ? !electrode?.catalystMassG : !electrode?.areaCm2) {
        const needs = basis.per === 'catalyst mass' ? 'the catalyst mass on the working electrode (a weighed `catalyst`, an ink cast on it, or `loading` with `area`)' : 'the working electrode\'s `area`';
        this.ctx.report(ChemistryCodes.yieldBasisUnknown, 'information', `no yield rate in \`${w.text}\`: it is per ${basis.per}, and it needs ${needs}, which this result's electrode does not state`, w.span);
      }
    }
  }

  private plan(p: PlanBlock): void {
    const name = p.name?.text ?? 'plan';
    const bound = this.bind(p);
    const cell = bound.cell;
    if (p.potential) this.setpoints(p.potential, undefined, cell, { done: false });
    const seconds = siOf(this.ctx, p.duration);
    const electrode = bound.electrode;
    offerAreaFixes(this.ctx, p.currentDensity, electrode?.areaCm2);
    offerAreaFixes(this.ctx, p.current, electrode?.areaCm2);
    let currentA: number | undefined;
    if (p.currentDensity) {
      const jSI = siOf(this.ctx, p.currentDensity);
      if (jSI !== undefined && electrode?.areaCm2 === undefined && !electrode?.areaRejected) {
        this.ctx.report(ElectrochemCodes.noElectrodeArea, 'warning', `the expected current needs the geometric area of the working electrode${cell?.electrodeName ? ` ${cell.electrodeName}` : ''}, which is not known for this plan: add \`area … cm2\` to the electrode, or expect a current (\`expect current -50 mA\`)`, p.currentDensity.span);
      }
      if (jSI !== undefined && electrode?.areaCm2) currentA = Math.abs(jSI) * electrode.areaCm2 * 1e-4;
    } else if (p.current) {
      const i = siOf(this.ctx, p.current);
      if (i !== undefined) currentA = Math.abs(i);
    }
    if (currentA === undefined || !seconds) return;
    const charge = currentA * seconds;
    const at = p.name?.span ?? p.span;
    this.ctx.value({ kind: 'expectedCharge', subject: name, value: charge, unit: 'C', span: at, label: `${formatNumber(charge, { significant: 4 })} C expected` });
    for (const fe of p.expectedFE) {
      const frac = siOf(this.ctx, fe.value);
      const n = this.electronsFor(fe.product.text);
      if (frac === undefined || n === undefined) continue;
      const mol = (frac * charge) / (n * FARADAY);
      this.ctx.value({ kind: 'expectedAmount', subject: `${name}/${fe.product.text}`, value: mol * 1000, unit: 'mmol', span: fe.span, label: `${formatNumber(mol * 1000, { significant: 5 })} mmol ${fe.product.text}` });
      const substrate = cell?.electrolyte?.molar.get('KNO3') ?? cell?.electrolyte?.molar.get('NaNO3');
      if (substrate && cell?.volumeL) {
        const converted = (this.nitrogens(fe.product.text) * mol) / (substrate * cell.volumeL);
        this.ctx.value({ kind: 'conversion', subject: `${name}/${fe.product.text}`, value: converted * 100, unit: '%', span: fe.span, label: `${formatNumber(converted * 100, { significant: 3 })} % of the nitrate` });
        if (converted > 0.1) this.ctx.report(ElectrochemCodes.substrateDepleted, 'warning', `this plan converts ${formatNumber(converted * 100, { significant: 3 })} % of the nitrate in the ${cell.compartment ?? 'catholyte'} (more than 10 %), so its concentration will not stay constant; shorten the run or enlarge the ${cell.compartment ?? 'catholyte'}`, fe.span);
      }
      const cal = this.planCalibration(fe);
      if (!cal?.fit || !cal.unit || !cal.basis || !cell?.volumeL || !cal.analyte || cal.unusable) continue;
      const unit = cal.unit.text;
      const molPerLitre = mol / cell.volumeL;
      const mgPerL = milligramsPerLitre(molPerLitre, cal.basis);
      // What the calibration would read: in the unit of its standards, after its dilution.
      const afterDilution = concentrationIn(molPerLitre, cal.unit, cal.basis) / cal.dilution;
      const reading = readingOf(cal.fit, afterDilution);
      this.ctx.value({ kind: 'expectedConcentration', subject: `${name}/${cal.analyte}`, value: mgPerL, unit: 'mg/L', span: fe.span, label: `${formatNumber(mgPerL, { significant: 5 })} mg/L ${cal.analyte} in the ${cell.compartment ?? 'catholyte'}; ${formatNumber(afterDilution, { significant: 4 })} ${unit} after ×${formatNumber(cal.dilution, { significant: 4 })}`, extra: { afterDilution, afterDilutionUnit: unit } });
      this.ctx.value({ kind: 'expectedReading', subject: `${name}/${cal.node.name?.text ?? 'calibration'}`, value: reading, unit: '', span: fe.span, label: `expected ${cal.node.standards?.reading.text ?? 'reading'} ${formatNumber(reading, { significant: 3 })}`, hint: { text: `≈ ${formatNumber(afterDilution, { significant: 4 })} ${unit} read, ${cal.node.standards?.reading.text ?? 'reading'} ${formatNumber(reading, { significant: 3 })}`, category: 'plan' } });
      if (afterDilution > cal.fit.maxConcentration || afterDilution < cal.fit.minConcentration) {
        this.ctx.report(ElectrochemCodes.planOutOfRange, 'warning', `the expected ${formatNumber(afterDilution, { significant: 4 })} ${unit} ${cal.analyte} after the ×${formatNumber(cal.dilution, { significant: 4 })} dilution of ${cal.node.name?.text} lies outside its standards (${formatExact(cal.fit.minConcentration)} to ${formatExact(cal.fit.maxConcentration)} ${unit}); dilute more`, fe.span);
      } else if (afterDilution < cal.fit.lod) {
        this.ctx.report(ElectrochemCodes.planOutOfRange, 'warning', `the expected ${formatNumber(afterDilution, { significant: 3 })} ${unit} ${cal.analyte} is below the detection limit of ${cal.node.name?.text}`, fe.span);
      }
    }
  }
}

export function electrochemPass(ctx: AnalysisContext): void {
  new ElectrochemPass(ctx).run();
}

/** The key of a product in calibrationsByCompound: its compound, or the name itself when it is not a formula. */
function compoundIndexKey(product: string): string {
  return compoundKey(product) ?? `=${product}`;
}

/** At most ten names of a list, then how many more: a result that fits hundreds of cells keeps a readable message. */
function someOf(names: string[]): string {
  return names.length <= 10 ? names.join(', ') : `${names.slice(0, 10).join(', ')} and ${names.length - 10} more`;
}
