// The state one analysis run shares between its passes. Passes run in a fixed
// order (names, chemistry, electrochemistry, crystallography) and hand each
// other results through `facts`, never through globals.
import type { Document, Span, TopLevelNode } from '../syntax/ast';
import type { ParseResult } from '../syntax/parse';
import type { AnalysisDiagnostic, ComputedValue, QuickFix, RelatedInfo } from './model';
import type { Severity } from './diagnostic-info';
import { SymbolTable } from './symbols';
import type { AnalysisOptions } from './options';
import type { ImportedData } from '../instruments/series';
import { AnalysisCodes } from './codes';
import type { Scale } from '../electrochem/potential-scale';
import { shortenQuotes } from '../text/shorten-quotes';
import { fixesWhenRead } from './fixes-when-read';
import type { DataFileRefusal } from '../instruments/read-bytes';
import { TrackedArray, TrackedMap, TrackedSet, Tracker, trackFacts } from './incremental/tracking';
import { UnitRunner } from './incremental/units';
import { ChunkPositions, snapshot } from './incremental/snapshot';

/** Report kinds in words, for the message of a value that could not be computed. */
const KIND_WORDS: Record<string, string> = {
  amount: 'amount', equivalents: 'equivalents', theoreticalYield: 'theoretical yield', meanCurrent: 'mean current', concentration: 'concentration',
  productAmount: 'amount of product', faradaicEfficiency: 'faradaic efficiency', yieldRate: 'yield rate', faradaicEfficiencySum: 'sum of faradaic efficiencies', partialCurrentDensity: 'partial current density', gasFraction: 'volume fraction',
  conversion: 'conversion', cdl: 'double-layer capacitance', ecsa: 'ECSA', density: 'density', cellVolume: 'cell volume', setpoint: 'set-point',
};
import type { IRCompensation } from '../electrochem/ir-correction';

/** The container of `dataBytesRead` among what units read. */
const DATA_READ = 'dataRead';

/** Results one pass leaves for the next. Each field says who fills it. */
export interface Facts {
  /** Protocol temperature in K (settings pass; default from options); undefined when the stated one is impossible. */
  temperatureK: number | undefined;
  temperatureStated: boolean;
  /** Nernst slope in V per pH unit when the protocol fixes a convention (settings pass). */
  nernstSlope?: number;
  /** Gas reference pressure in Pa (settings pass); undefined when the stated one is impossible. */
  pressurePa: number | undefined;
  /** Molar masses (g/mol) of resolved species by name (chemistry pass). */
  molarMass: Map<string, number>;
  /** Electrons per molecule of each product, from the reactions (chemistry pass). Keyed by product species text. */
  electronsPerProduct: Map<string, number>;
  /** The product species of the balanced reactions (chemistry pass): what a result could read. */
  reactionProducts: Set<string>;
  /** Catalyst, its mass on the electrode (g), geometric area (cm²) and loading (mg/cm²) per electrode block (electrochem pass). */
  electrodes: Map<string, ElectrodeFacts>;
  /** Catalyst mass and total volume of each ink block, by name (ink pass). */
  inks: Map<string, InkFacts>;
  /** Charges (C) integrated from the i-t files of results, by the result block's start offset (data pass): several results may share a catalyst name. */
  dataCharges: Map<number, number>;
  /** The acquisition start of a result's i-t file as the file writes it, by the result block's start offset (data pass). */
  dataStarts: Map<number, { time: string; file: string }>;
  /** Every GC injection a result read, per product, in document order (electrochem pass), for the report. */
  gcInjections: GcInjectionRow[];
  /** What a run's data need from its cell, by cell name (electrochem pass). */
  cells: Map<string, RunCell>;
  /** The set-point (V vs the cell's reference) of each potential of a run's lines, by the run's start offset, then by the potential's number's offset in the run (electrochem pass). */
  runSetpoints: Map<number, Map<number, number>>;
  /** The cell each result and plan is bound to (cell-binding.ts), by the block's start offset (electrochem pass). */
  boundCells: Map<number, string>;
  /** Calibration fits with their standards (electrochem pass), for plots. */
  calibrationFits: Map<string, CalibrationFigureInput>;
  /** Instrument files that were read, in document order (data pass), for plots and inspection. */
  datasets: Dataset[];
  /** Δi against scan rate from CV files, with the fit (data pass). */
  cdlFits: { subject: string; points: { x: number; y: number }[]; slope: number; intercept: number; r2: number; areaCm2: number }[];
  /** Composition, pH and stated transport data of each electrolyte block, by name (electrochem pass). */
  electrolytes: Map<string, ElectrolyteFacts>;
  /** Reference electrodes declared with their potential (`reference X at 0.198 V vs SHE`), latest first (electrochem pass). */
  declaredScales: Scale[];
  /** Tafel fits of LSV files (data pass), for the Tafel plot. */
  tafelFits: TafelFigureInput[];
  /** Stability runs with their start and end windows (data pass), for the stability curve. */
  stabilityRuns: StabilityFigureInput[];
  /** Koutecký–Levich lines of rotating-disk series (data pass). */
  kouteckyLevich: KouteckyLevichFigureInput[];
}

export interface ElectrolyteFacts {
  /** Molar concentrations (mol/L) by species name. */
  molar: Map<string, number>;
  pH?: number;
  /** `solubility O2 …`, `diffusivity O2 …` (SI: mol/m³, m²/s) and `viscosity …` (m²/s) as stated. */
  solubility?: { species: string; value: number };
  diffusivity?: { species: string; value: number };
  viscosity?: number;
}

export interface TafelFigureInput {
  subject: string;
  /** All recorded points with a current: log10 |j| and η (or E); shared by the fits of one sweep, scale and area. */
  points: { logJ: number; y: number }[];
  /** Indices in `points` of the points the fit used, in order. */
  fitted: number[];
  slope: number;
  intercept: number;
  r2: number;
  /** `mA cm⁻²` or `mA` (no electrode area). */
  jUnit: string;
  /** `η (V)` or `E (V vs RHE)`. */
  yTitle: string;
}

export interface StabilityFigureInput {
  subject: string;
  technique: 'CP' | 'CA';
  /** Time in s and, for CP, the potential (V, on `scale`); for CA the current density (mA/cm²) or current (mA). */
  time: Float64Array;
  values: Float64Array;
  yTitle: string;
  /** The start and end windows: their spans (s) and means, in the unit of `values`. */
  windows: { from: number; to: number; mean: number }[];
  /** `+1.20 mV/h` or `92.0 % retained`. */
  summary: string;
}

export interface KouteckyLevichFigureInput {
  subject: string;
  /** One line per potential: the potential as written, points x = ω^(−½) (rad/s)^(−½), y = 1/|j| (cm²/mA), and the fit. */
  lines: { potential: string; points: { x: number; y: number }[]; slope: number; intercept: number; electrons: number }[];
}

export interface ElectrodeFacts {
  catalyst?: string;
  /** Metal content of the catalyst on the electrode, when known. */
  metal?: CatalystMetal;
  /** Active sites on the electrode (mol), as stated: `sites 1.2e-8 mol`, or a per-area number × the area. */
  sitesMol?: number;
  /** Mass of catalyst on the electrode: as stated, cast from an ink, or a stated loading × area. */
  catalystMassG?: number;
  areaCm2?: number;
  /** The area is written but impossible (reported there): nothing per area falls back to a default. */
  areaRejected?: boolean;
  loadingMgPerCm2?: number;
}

/** What an electrode cast from an ink needs of it. */
export interface InkFacts {
  /** Names of the catalysts, joined by `+`. */
  catalyst?: string;
  /** Catalyst in the whole ink (mg); undefined when a catalyst mass is unknown. */
  catalystMg?: number;
  /** Solvents plus ionomer solution (µL); undefined when a liquid is not given as a volume. */
  volumeUL?: number;
  /** Metal mass fraction of the catalyst, with the metals and how it was obtained. */
  metal?: CatalystMetal;
  /** Why there is no metal fraction, when there is none. */
  noMetal?: string;
  /** A catalyst, liquid or line of the recipe has an error: nothing is cast from it, and no stated loading stands in. */
  rejected?: boolean;
}

/** The metal content of a catalyst: mass fraction of all metals, and of each. */
export interface CatalystMetal {
  fraction: number;
  /** `Pt`, `Au+Cu`. */
  label: string;
  elements: { element: string; fraction: number }[];
  /** Where the fraction came from, for hovers. */
  how: string;
}

export interface RunCell {
  /** E(RHE) − E(reference) in V, when the pH of the working electrode's electrolyte is known: puts recorded sweeps on the RHE scale. */
  toRHE?: number;
  /** Geometric area of the working electrode. */
  areaCm2?: number;
  /** The working electrode's area is written but impossible: nothing per area is computed. */
  areaRejected?: boolean;
  /** The catalyst and the working electrode's electrolyte (`Au28Cu12 in nitrate`), to tell overlaid curves apart. */
  label?: string;
  /** The reference electrode and its potential vs SHE in V (declared or from the table), for the written RHE conversion. */
  reference?: { name: string; vsSHE: number; source: string };
  /** The pH of the working electrode's electrolyte as the RHE conversion used it, and whether it was estimated. */
  pH?: { value: number; estimated: boolean };
  /** Nernst slope in V per pH unit the conversion used (stated, or 2.303RT/F). */
  nernstSlope?: number;
  /** `iR …` of the cell: what recorded potentials are corrected by (the resistance may come from EIS in the data pass). */
  iR?: IRCompensation & { span: Span };
  /** The working electrode's block name. */
  electrode?: string;
  /** The electrolyte the working electrode sits in. */
  electrolyte?: string;
}

/** One injection of a GC file as a result read it for one product. */
export interface GcInjectionRow {
  /** The result's name and the start of its block (several results may share a name). */
  result: string;
  resultStart: number;
  product: string;
  file: string;
  /** Injection time as the file writes it. */
  time?: string;
  /** Seconds from the electrolysis's start (or the first injection). */
  offsetS?: number;
  /** Taken during the electrolysis, so averaged. */
  used: boolean;
  /** The peak area read through a calibration (the trace's unit × s). */
  area?: number;
  /** Volume fraction of the product in the carrier gas. */
  fraction?: number;
}

/** One data file read for a protocol line, with what the line says about it. */
export interface Dataset {
  path: string;
  data: ImportedData;
  /** Technique as the protocol line names it (`LSV`, `CA`, `CV ecsa`, `UV-vis`). */
  line: string;
  /** CA: the potential as written (V) and its scale; CV: the scan rate (V/s). */
  potential?: { value: number; text: string; scale?: string };
  scanRateVs?: number;
  /** Add to the file's potentials to put them on the RHE scale. */
  toRHE?: number;
  /** What was measured, for spectra (`Au28`). */
  subject?: string;
  /** The catalyst and the working electrode's electrolyte of the run's cell (`Au28Cu12 in nitrate`), to tell overlaid curves apart. */
  label?: string;
  areaCm2?: number;
  /** LSV: the iR correction of its cell, with the resistance resolved: E_corr = E − fraction·i·R. */
  iR?: { fraction: number; ohm: number; label: string };
  /** The cell the run names, for what its electrode and electrolyte give (mass, sites, transport data). */
  cell?: string;
  /** Rotating disk: the rotation rate as written (`1600 rpm`) and in rad/s. */
  rotation?: { text: string; omega: number };
}

export interface CalibrationFigureInput {
  analyte?: string;
  unit: string;
  reading: string;
  points: { x: number; y: number }[];
  slope: number;
  intercept: number;
  r2: number;
  /** Readings of results measured with it: the reading and the concentration it gives (before dilution). */
  readings: { result: string; y: number; x: number }[];
}

/** Thrown when `options.isCancelled` says the analysis is stale. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled: a newer version of the text arrived');
  }
}

export class AnalysisContext {
  readonly diagnostics: AnalysisDiagnostic[] = [];
  readonly values: ComputedValue[];
  readonly symbols = new SymbolTable();
  readonly facts: Facts;
  /** Present when this analysis keeps per-block results for the next one (an analysis session). */
  private readonly tracker?: Tracker;
  readonly units?: UnitRunner;

  constructor(
    readonly parse: ParseResult,
    readonly text: string,
    readonly options: AnalysisOptions,
    keepUnits = false,
  ) {
    const facts: Facts = {
      temperatureK: options.temperatureK ?? 298.15,
      temperatureStated: false,
      nernstSlope: options.nernstSlope,
      pressurePa: 101325,
      molarMass: new Map(),
      electronsPerProduct: new Map(),
      reactionProducts: new Set(),
      electrodes: new Map(),
      inks: new Map(),
      dataCharges: new Map(),
      dataStarts: new Map(),
      gcInjections: [],
      cells: new Map(),
      runSetpoints: new Map(),
      boundCells: new Map(),
      calibrationFits: new Map(),
      datasets: [],
      cdlFits: [],
      electrolytes: new Map(),
      declaredScales: [],
      tafelFits: [],
      stabilityRuns: [],
      kouteckyLevich: [],
    };
    if (!keepUnits) {
      this.values = [];
      this.facts = facts;
      return;
    }
    const positions = new ChunkPositions(parse.chunks, parse.document.statements);
    const tracker = new Tracker(positions);
    this.tracker = tracker;
    this.facts = trackFacts(facts, tracker);
    this.values = TrackedArray.of_<ComputedValue>('values', tracker, [], true);
    this.symbols.tracker = tracker;
    tracker.register('symbols', this.symbols as unknown as Record<string, unknown>);
    tracker.register(DATA_READ, this.dataRead);
    this.units = new UnitRunner(
      {
        tracker,
        values: this.values,
        diagnostics: this.diagnostics,
        symbols: this.symbols,
        statements: parse.document.statements,
        statementsOf: (kind) => this.statementsOf(kind as TopLevelNode['kind']),
        valueAt: (kind, start) => this.valueAt(kind, start),
        trackFields: (object, id) => this.trackFields(object, id),
        readFile: (path) => this.readFile(path),
        readBytes: (path, max, root) => this.readBytes(path, max, root),
        listDirectory: (path) => this.listDirectory(path),
      },
      positions,
    );
  }

  /**
   * Runs one pass's work on one block as a unit: in an analysis session, it is
   * replayed from the previous analysis when the block and all it read are
   * unchanged (incremental/units.ts). `pass` names the pass.
   */
  unit(statement: TopLevelNode, pass: string, work: () => void): void {
    if (this.units) this.units.run(statement, pass, work);
    else work();
  }

  /**
   * A pass whose units read and write its own tables (fields of `owner`) says
   * so before its units run: the tables are then tracked like facts.
   */
  trackState(owner: object, id: string): void {
    if (!this.units || !this.tracker) return;
    const fields = owner as Record<string, unknown>;
    this.trackFields(fields, id);
    this.units.trackOwner(id, fields);
  }

  private trackFields(fields: Record<string, unknown>, id: string): void {
    const tracker = this.tracker!;
    for (const k of Object.keys(fields)) {
      const v = fields[k];
      if (v instanceof Map && !(v instanceof TrackedMap)) fields[k] = new TrackedMap(`${id}.${k}`, tracker, v);
      else if (v instanceof Set && !(v instanceof TrackedSet)) fields[k] = new TrackedSet(`${id}.${k}`, tracker, v);
      else if (Array.isArray(v) && !(v instanceof TrackedArray)) fields[k] = TrackedArray.of_(`${id}.${k}`, tracker, v);
    }
  }

  /**
   * Whether a unit is being recorded. Per-analysis memos (a species read once
   * per analysis) are bypassed then: a memo hit would hide what the unit read.
   */
  get recording(): boolean {
    return this.tracker?.current !== undefined;
  }

  /** Between passes: a pass's own state stops being read. */
  passEnded(): void {
    this.units?.passEnded();
  }

  private readonly byKind = new Map<string, TopLevelNode[]>();
  /** The first value of each kind at each start offset, by kind (no key string built per value). */
  private readonly valuesByPlace = new Map<string, Map<number, { value: ComputedValue; index: number }>>();
  private valuesIndexed = 0;

  /**
   * The first value of this kind whose span starts at `start` (a set-point at
   * its number, a charge at its data file), found through an index instead of
   * a scan of every value.
   */
  valueAt(kind: string, start: number): ComputedValue | undefined {
    const values = this.values;
    for (; this.valuesIndexed < values.length; this.valuesIndexed++) {
      const v = values[this.valuesIndexed]!;
      let byStart = this.valuesByPlace.get(v.kind);
      if (!byStart) this.valuesByPlace.set(v.kind, (byStart = new Map()));
      if (!byStart.has(v.span.start)) byStart.set(v.span.start, { value: v, index: this.valuesIndexed });
    }
    const hit = this.valuesByPlace.get(kind)?.get(start);
    const r = this.tracker?.current;
    if (r) {
      // What the unit depends on is what came before its own values; a place in its block moves with it.
      const before = hit && hit.index < r.outputsBefore ? hit.value : undefined;
      const relative = r.block !== undefined && r.block.span.start <= start && start <= r.block.span.end;
      r.reads.push({ kind: 'valueAt', of: kind, start: relative ? start - r.block!.span.start : start, relative, result: snapshot(before, r.at) });
    }
    return hit?.value;
  }

  /**
   * The statements of one kind, in order. Prefer it to scanning the document:
   * in an analysis session, a unit that asks depends on those statements only.
   */
  statementsOf<K extends TopLevelNode['kind']>(kind: K): Extract<TopLevelNode, { kind: K }>[] {
    let list = this.byKind.get(kind);
    if (!list) this.byKind.set(kind, (list = this.parse.document.statements.filter((s) => s.kind === kind)));
    const r = this.tracker?.current;
    if (r) r.once(`statementsOf\u0000${kind}`, () => ({ kind: 'statementsOf', of: kind, nodes: [...list] }));
    return [...list] as Extract<TopLevelNode, { kind: K }>[];
  }

  /** The top-level statement whose span holds this range (in a session, a unit asking about its own block depends on nothing else). */
  statementAt(span: Span): TopLevelNode | undefined {
    const r = this.tracker?.current;
    const own = r?.block;
    if (own && own.span.start <= span.start && span.end <= own.span.end) return own;
    return this.document.statements.find((s) => s.span.start <= span.start && span.end <= s.span.end);
  }

  get document(): Document {
    const r = this.tracker?.current;
    if (r) r.once('statements', () => ({ kind: 'statements', nodes: [...this.parse.document.statements] }));
    return this.parse.document;
  }

  report(
    code: string,
    severity: Severity,
    message: string,
    span: Span,
    extra: { related?: RelatedInfo[]; fixes?: QuickFix[]; tags?: AnalysisDiagnostic['tags']; fixesWhenRead?: () => QuickFix[] } = {},
  ): void {
    const { fixesWhenRead: make, ...rest } = extra;
    const diagnostic: AnalysisDiagnostic = { code, severity, message: shortenQuotes(message), span, ...rest };
    if (make) fixesWhenRead(diagnostic, make);
    this.diagnostics.push(diagnostic);
  }

  /** Stops a stale analysis; passes call it between statements, where long work may follow. */
  stopIfCancelled(): void {
    if (this.options.isCancelled?.()) throw new AnalysisCancelled();
  }

  private readonly files = new Map<string, string | undefined>();

  /** Reads a file through `options.readFile`, once per analysis however often the protocol names it. */
  readFile(absolutePath: string): string | undefined {
    if (!this.files.has(absolutePath)) this.files.set(absolutePath, this.options.readFile?.(absolutePath));
    const text = this.files.get(absolutePath);
    const r = this.tracker?.current;
    if (r) r.once(`file\u0000${absolutePath}`, () => ({ kind: 'file', path: absolutePath, text }));
    return text;
  }

  private readonly byteFiles = new Map<string, Uint8Array | DataFileRefusal | undefined>();
  /** Bytes of data files read so far by this analysis, each file counted once. */
  private readonly dataRead = { bytes: 0 };

  /**
   * Bytes of data files read so far, which the budget of the next file depends on: in a session, a read
   * of the unit asking, so that it runs again when the files read before it changed.
   */
  get dataBytesRead(): number {
    const r = this.tracker?.current;
    if (r) r.reads.push({ kind: 'scalar', container: DATA_READ, prop: 'bytes', value: this.dataRead.bytes });
    return this.dataRead.bytes;
  }
  private readonly folders = new Map<string, string[] | undefined>();

  /** The file names of a folder through `options.listDirectory`, once per analysis; undefined without a lister or folder. */
  listDirectory(absolutePath: string): string[] | undefined {
    if (!this.folders.has(absolutePath)) this.folders.set(absolutePath, this.options.listDirectory?.(absolutePath));
    const names = this.folders.get(absolutePath);
    const r = this.tracker?.current;
    if (r) r.once(`folder\u0000${absolutePath}`, () => ({ kind: 'folder', path: absolutePath, names: names && [...names] }));
    return names;
  }

  /**
   * Reads a data file's bytes through `options.readBytes` (at most `maxBytes`, only a regular
   * file inside `root` when the reader checks), once per analysis.
   */
  readBytes(absolutePath: string, maxBytes: number, root?: string): Uint8Array | DataFileRefusal | undefined {
    if (!this.byteFiles.has(absolutePath)) {
      const read = this.options.readBytes?.(absolutePath, maxBytes, root);
      if (read instanceof Uint8Array) this.dataRead.bytes += read.length;
      this.byteFiles.set(absolutePath, read);
    }
    const bytes = this.byteFiles.get(absolutePath);
    const r = this.tracker?.current;
    if (r) r.once(`bytes\u0000${absolutePath}\u0000${maxBytes}\u0000${root ?? ''}`, () => ({ kind: 'bytes', path: absolutePath, max: maxBytes, root, bytes }));
    return bytes;
  }

  /**
   * The unit running changes what another pass made (a fix added to its diagnostic): a replay would
   * not redo it, so the unit runs every time.
   */
  changesOtherPasses(): void {
    if (this.tracker?.current) this.tracker.current.unreplayable = true;
  }

  /**
   * Records a computed value. A non-finite number is never recorded: it would
   * be shown as NaN or Infinity. The pass that computed it should have said why;
   * when no error or warning covers its place, FD0220 says so.
   */
  value(v: ComputedValue): void {
    if (typeof v.value === 'number' && !Number.isFinite(v.value)) {
      // Whether it is explained depends on every diagnostic so far: not something a unit can replay.
      if (this.tracker?.current) this.tracker.current.unreplayable = true;
      const explained = this.diagnostics.some((d) => (d.severity === 'error' || d.severity === 'warning') && d.span.start <= v.span.end && v.span.start <= d.span.end);
      if (!explained) {
        this.report(AnalysisCodes.notFinite, 'warning', `the ${KIND_WORDS[v.kind] ?? v.kind} of ${v.subject} cannot be computed: it divides by zero; check the quantities it is computed from (a mass, area, volume, duration or charge of zero leaves it undefined)`, v.span);
      }
      return;
    }
    this.values.push(v);
  }

  textOf(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

export type AnalysisPass = (ctx: AnalysisContext) => void;
