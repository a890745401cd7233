// The typed syntax tree. Every node carries the exact span of source it came
// from; nothing here is computed (moles, set-points, fits come later, in the
// semantic model). Optional fields are optional because the line may have been
// written without them or may be broken: consumers must cope with both.
import type { Span } from './line-index';
import type { PlaceName } from '../units/places';

export type { Span };

/** A name, formula, unit or other word exactly as written. */
export interface Word {
  text: string;
  span: Span;
}

export interface StringLit {
  value: string;
  span: Span;
  closed: boolean;
}

export interface NumberLit {
  value: number;
  /** Standard uncertainty in the same unit: `22.0728(13)` has 0.0013. */
  uncertainty?: number;
  text: string;
  span: Span;
}

/** A number (or a list of numbers sharing one unit) and its unit as written. */
export interface Quantity {
  kind: 'quantity';
  values: NumberLit[];
  unit?: Word;
  /** Where it is written (`electrodeArea`, `resultCharge`): what it must be is in units/places.ts. */
  place: PlaceName;
  span: Span;
}

/** `vs RHE`, `vs Ag/AgCl (sat. KCl)`: the electrode and its fill as written. */
export interface ReferenceSpec {
  /** Canonical text: electrode, a space and the bracketed qualifier if any. */
  text: string;
  electrode: Word;
  qualifier?: Word;
  span: Span;
}

/** A potential or a list of potentials on a scale. */
export interface Potential {
  kind: 'potential';
  quantity: Quantity;
  /** Missing when the line did not say; the analysis then takes the line's scale. */
  scale?: ReferenceSpec;
  span: Span;
}

/** `20 mg CuCl`, `0.05 M H2SO4`, `30 µL DCBT-H`, `10 mL of 2 mM X`, `10 wt% PBI`. */
export interface Amount {
  kind: 'amount';
  quantity: Quantity;
  species: Word;
  /**
   * The solution the amount is in, written with it: a volume (`10 mL of 2 mM X`,
   * `2 mM X (10 mL)`) or a total mass (`10 g of 10 wt% PBI`).
   */
  solution?: Quantity;
  span: Span;
}

export interface Comment {
  text: string;
  span: Span;
}

// ── Top-level declarations ──────────────────────────────────────────────────

export interface ProtocolDecl {
  kind: 'protocol';
  title?: StringLit;
  span: Span;
}

export interface ImportDecl {
  kind: 'import';
  path?: StringLit;
  span: Span;
}

/** `temperature 25 °C`, `pressure 101.3 kPa`, `nernst slope 0.059 V`: protocol-wide settings. */
export interface Setting {
  kind: 'setting';
  key: Word;
  /** `slope` in `nernst slope 0.059 V`. */
  qualifier?: Word;
  value?: Quantity;
  span: Span;
}

export type SpeciesDeclKind = 'ligand' | 'reagent' | 'cluster';

export interface SpeciesDecl {
  kind: SpeciesDeclKind;
  name: Word;
  formula?: Word;
  density?: Quantity;
  description?: StringLit;
  span: Span;
}

/** `reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE`, at top level or in a cell. */
export interface ReferenceDecl {
  kind: 'reference';
  electrode?: ReferenceSpec;
  offset?: Potential;
  span: Span;
}

export interface ReactionTerm {
  coefficient?: NumberLit;
  species: Word;
  span: Span;
}

export interface ReactionDecl {
  kind: 'reaction';
  name?: Word;
  left: ReactionTerm[];
  right: ReactionTerm[];
  /** Span of the equation only, for replacing it by its balanced version. */
  equationSpan?: Span;
  span: Span;
}

// ── Syntheses ───────────────────────────────────────────────────────────────

export interface ProductStmt {
  kind: 'product';
  name?: Word;
  description?: StringLit;
  span: Span;
}

export interface BasisStmt {
  kind: 'basis';
  species?: Word;
  span: Span;
}

/** One step of a synthesis, read from lab prose. */
export interface Step {
  kind: 'step';
  verb: Word;
  /** Words between the verb and the first amount: `dropwise`, `quickly`. */
  manner: Word[];
  /** What is added or dissolved, in order. */
  amounts: Amount[];
  /** `in 10 mL THF + 10 mL DCM`, or `in water` without an amount. */
  solvents: Amount[];
  solventNames: Word[];
  temperature?: Quantity;
  /** `room temperature`, `reflux`, when no number is given. */
  temperatureWords?: Word[];
  duration?: Quantity;
  durationWords?: Word[];
  until?: StringLit | Word[];
  by?: Word[];
  with?: Word[];
  /** `measure UV-vis in DCM, data "data/uvvis-au28.csv"`: a spectrum or trace recorded at this step. */
  data?: StringLit;
  /** Everything else, kept as written for the record. */
  notes: Word[];
  span: Span;
}

export interface SynthesisBlock {
  kind: 'synthesis';
  name?: Word;
  product?: ProductStmt;
  basis?: BasisStmt;
  steps: Step[];
  span: Span;
  bodySpan: Span;
}

// ── Electrochemistry ────────────────────────────────────────────────────────

export interface ElectrolyteBlock {
  kind: 'electrolyte';
  name?: Word;
  components: Amount[];
  solvent?: Word;
  /** `purge CO2 30 min [at 1 atm]`: the gas bubbled through it, which it is then taken to be saturated with. */
  purge?: { gas: Word; duration?: Quantity; flow?: Quantity; pressure?: Quantity; span: Span };
  /** `saturated with CO2 [at 1 atm]`: the gas it is saturated with, at its partial pressure (default: the protocol pressure). */
  saturated?: { gas: Word; pressure?: Quantity; span: Span };
  pH?: { value: Quantity; measured: boolean; span: Span };
  /** `solubility O2 1.2e-6 mol/cm3`: the saturation concentration of a dissolved gas, for Koutecký–Levich. */
  solubility?: { species: Word; value: Quantity; span: Span };
  /** `diffusivity O2 1.9e-5 cm2/s`: its diffusion coefficient. */
  diffusivity?: { species: Word; value: Quantity; span: Span };
  /** `viscosity 0.01 cm2/s`: the kinematic viscosity of the electrolyte. */
  viscosity?: Quantity;
  span: Span;
  bodySpan: Span;
}

/** `catalyst 5 mg Pt/C 20 wt%`, `ionomer 40 µL Nafion 5 wt%`: an amount and the mass fraction stated with it. */
export interface InkComponent {
  amount: Amount;
  /** Of a catalyst: its metal's mass fraction (`Pt/C 20 wt%`); of an ionomer: its share of the solution (`Nafion 5 wt%`). */
  massFraction?: Quantity;
  span: Span;
}

/** `ink RuO2ink { catalyst 5 mg RuO2; solvent 480 µL isopropanol + 480 µL water; ionomer 40 µL Nafion 5 wt% }`. */
export interface InkBlock {
  kind: 'ink';
  name?: Word;
  /** Counted in the catalyst loading. */
  catalysts: InkComponent[];
  /** `additive 1 mg XC-72`: solids that are not the catalyst (conductive carbon). */
  additives: InkComponent[];
  solvents: Amount[];
  ionomers: InkComponent[];
  sonicate?: { duration?: Quantity; span: Span };
  /** A catalyst, solvent or ionomer line could not be read (reported): the ink's totals are unknown. */
  incomplete?: boolean;
  span: Span;
  bodySpan: Span;
}

/** `drop-cast 10 µL of ink A`, `spray 200 µL of ink A`, `catalyst 10 µL ink A`: part of an ink put on the electrode. */
export interface InkCast {
  /** The verb as written: `drop-cast`, `spray`, `catalyst`. */
  method: Word;
  volume: Quantity;
  ink: Word;
  span: Span;
}

export interface ElectrodeBlock {
  kind: 'electrode';
  name?: Word;
  catalyst?: Amount;
  /** `catalyst 1 mg Pt/C 20 wt%`: the metal's mass fraction stated with the catalyst. */
  catalystMetalFraction?: Quantity;
  /** `catalyst NiFe-LDH` without a mass: names the catalyst of a binder-free electrode. */
  catalystName?: Word;
  castFrom?: Amount;
  casts: InkCast[];
  /** `loading 0.5 mg/cm2`: the loading as stated; checked against the recipe, or the only source for binder-free electrodes. */
  loading?: Quantity;
  /** `sites 1.2e-8 mol` or `sites 2e-9 mol/cm2`: the number of active sites, for turnover frequencies. */
  sites?: Quantity;
  support?: StringLit | Word;
  area?: Quantity;
  span: Span;
  bodySpan: Span;
}

export type CellType = 'H-cell' | 'flow cell' | 'MEA';

export interface CellCompartment {
  electrolyte: Word;
  volume?: Quantity;
  /** `at 10 mL/min`: the electrolyte's flow through a flow cell. */
  flow?: Quantity;
  span: Span;
}

export interface CellBlock {
  kind: 'cell';
  name?: Word;
  membrane?: StringLit | Word;
  working?: Word;
  /** `working wIrO2 in anolyte`: the compartment the working electrode sits in, when the cell has two. */
  workingIn?: Word;
  reference?: ReferenceDecl;
  counter?: Word;
  /** `catholyte bic 30 mL at 10 mL/min`: its volume, and in a flow cell the flow through the cell. */
  catholyte?: CellCompartment;
  anolyte?: CellCompartment;
  /** `electrolyte KOH1 30 mL`: a single-compartment cell, both electrodes in one electrolyte. */
  electrolyte?: CellCompartment;
  /** `type flow cell`: `H-cell`, `flow cell` or `MEA`, as written (`kind` undefined when not one of them). */
  type?: { text: string; kind?: CellType; span: Span };
  stir?: Quantity;
  purge?: { gas: Word; duration?: Quantity; flow?: Quantity; span: Span };
  /** `feed CO2 20 mL/min`: the gas fed through the gas-diffusion electrode of a flow cell or MEA. */
  feed?: { gas: Word; flow?: Quantity; span: Span };
  /** `liquid products 10 mL`: the volume that collects the dissolved products (an MEA has no catholyte). */
  liquidProducts?: { volume?: Quantity; span: Span };
  instrument?: StringLit | Word;
  /**
   * `iR 85 % of 5 ohm`: post-correct recorded potentials by 85 % of i·R; the resistance may be
   * left out (then the high-frequency intercept of the cell's EIS file). `… by instrument` or
   * `…, 85 % by instrument`: the fraction the potentiostat already compensated while recording.
   */
  iR?: { fraction?: Quantity; resistance?: Quantity; instrument?: Quantity; span: Span };
  span: Span;
  bodySpan: Span;
}

export type TechniqueName = 'CV' | 'LSV' | 'CA' | 'CP' | 'EIS' | 'DPV' | 'OCP' | 'SWV';

export interface TechniqueLine {
  kind: 'technique';
  technique: Word;
  label?: Word;
  /** Potentials, or frequencies for EIS (then without a scale). */
  from?: Potential;
  to?: Potential;
  /** Potentials (`CA at …`, `EIS at 0 V vs RHE`) as one list on one scale. */
  at?: Potential;
  rates?: Quantity;
  duration?: Quantity;
  cycles?: NumberLit;
  current?: Quantity;
  data?: StringLit;
  /** `onset at 10 mA/cm2`: the current density (or current) that defines the onset potential of an LSV. */
  onset?: Quantity;
  /** `CP at 10, 50, 100 mA/cm2`: the set-points of a chronopotentiometry, currents or current densities. */
  setCurrents?: Quantity;
  /** `for 1 h each`: the duration is that of every set-point (the default reading of a list of set-points, said explicitly). */
  durationEach?: Word;
  /** `EIS at OCP`, `CA at OCP`: at the open-circuit potential rather than a set-point. */
  atOCP?: Word;
  /** `amplitude 10 mV`: the perturbation amplitude of an impedance measurement. */
  amplitude?: Quantity;
  /** `at 1600 rpm`, `at 400, 900, 1600, 2500 rpm`: rotation rates of a rotating (ring-)disk electrode. */
  rotation?: Quantity;
  /** `window 10 min`: the start and end windows a stability run's drift is averaged over. */
  window?: Quantity;
  /** `reaction O2`: the reaction the line's figures of merit refer to (equilibrium potential, electrons per product). */
  reaction?: Word;
  /** `equilibrium 1.23 V vs RHE`: the equilibrium potential as stated, instead of the one computed from the reaction. */
  equilibrium?: Potential;
  /** `overpotential at 10 mA/cm2`: the current density (or current) the overpotential is read at. */
  overpotential?: Quantity;
  /** `tafel from 1 to 10 mA/cm2`, `tafel from 1.50 to 1.60 V vs RHE`: the range of the Tafel fit. */
  tafel?: { from: Potential; to: Potential; span: Span };
  /** `mass activity at 1.55 V vs RHE`, `mass activity at 300 mV overpotential`. */
  massActivity?: MeritPoint;
  /** `TOF at 300 mV overpotential`: turnover frequency per site. */
  tof?: MeritPoint;
  /** `koutecky-levich at 0.3, 0.4 V vs RHE` (also `KL at`): n and the kinetic current from a rotation series. */
  kouteckyLevich?: { at: Potential; span: Span };
  span: Span;
}

/** A potential a figure of merit is read at: on a scale, or an overpotential against the line's reaction. */
export interface MeritPoint {
  at: Potential;
  /** `overpotential` written after the quantity: η, not a potential on a scale. */
  overpotential?: Word;
  span: Span;
}

export interface RunBlock {
  kind: 'run';
  cell?: Word;
  techniques: TechniqueLine[];
  span: Span;
  bodySpan: Span;
}

export interface StandardRow {
  concentration: NumberLit;
  reading: NumberLit;
  span: Span;
}

export interface CalibrationBlock {
  kind: 'calibration';
  name?: Word;
  analyte?: Word;
  method?: { name: Word; wavelength?: Quantity; readAfter?: Quantity; span: Span };
  dilute?: { from: Quantity; to: Quantity; span: Span };
  standards?: { unit: Word; reading: Word; rows: StandardRow[]; span: Span };
  /** `gas H2`: the analyte is a gas in the carrier, and the standards are volume fractions (`ppm`, `%`). */
  gas?: Word;
  /** `response factor 0.0652 ppm per area`: concentration = factor × response, instead of standards. */
  responseFactor?: { value: Quantity; response?: Word; span: Span };
  /** `internal standard DMSO 10 mM (6 H)`: quantitative ¹H NMR against a standard in the tube. */
  internalStandard?: { species: Word; concentration?: Quantity; protons?: ProtonCount; span: Span };
  /** `window 6.59 to 6.95 min on channel 2`: where a gas's peak is integrated in a GC trace that has no peak table. */
  window?: { from: Quantity; to: Quantity; channel?: Word; span: Span };
  span: Span;
  bodySpan: Span;
}

/** `(3 H)`: the protons under an integrated ¹H NMR peak. */
export interface ProtonCount {
  count: number;
  span: Span;
}

/** `NH3-N absorbance 0.099 by nessler`, `NO2- 2.1 mg/L by ion chromatography`, `H2 300 ppm by GC at 18 mL/min`. */
export interface ResultReading {
  analyte: Word;
  /** The word naming the reading, e.g. `absorbance`, when the value has no unit. */
  readingKind?: Word;
  value: Quantity;
  /** `vs 1.0`: the integral of the internal standard the value is relative to (¹H NMR; 1 when not written). */
  standardIntegral?: NumberLit;
  /** `(3 H)`: the protons under the integrated peak (¹H NMR). */
  protons?: ProtonCount;
  /** After `by`: the calibration a response is read through, or the method of a concentration (`ion chromatography`: its words joined by a space). */
  method?: Word;
  flow?: Quantity;
  /** The line, or this product's part of a line that reads several (`H2 300 ppm, CO 120 ppm by GC at 18 mL/min`). */
  span: Span;
}

/**
 * `H2, CO by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min`: one product of a line whose
 * values are read from GC exports, one per injection, instead of written.
 */
export interface GcFileReading {
  analyte: Word;
  /** After `by`: a gas calibration the peak areas are read through, or the method (`GC`) whose calibrated concentrations the files carry. */
  method?: Word;
  /** The file pattern: `{E}` expands over the result's potential, `{n}` over the injection numbers on disk. */
  data: StringLit;
  flow?: Quantity;
  /** A value written on a product of such a line (it is an error: the values come from the files). */
  strayValue?: Span;
  span: Span;
}

export function isGcFileReading(r: ResultReading | GcFileReading): r is GcFileReading {
  return 'data' in r;
}

export interface ResultBlock {
  kind: 'result';
  name?: Word;
  potential?: Potential;
  /** `at 3.2 V cell voltage`: the voltage between the two electrodes (MEA, two-electrode cell), on no reference scale. */
  cellVoltage?: Quantity;
  /** `vs RHE cell voltage` in `at 3.2 V vs RHE cell voltage`: a scale written with a cell voltage (an error). */
  cellVoltageScale?: Span;
  /** `at 200 mA/cm2` (or `at 100 mA`): the constant current density or current the result was run at. */
  setCurrent?: Quantity;
  duration?: Quantity;
  /** `… for 2 h in H2 {`: the cell the result was measured in, when its run does not tell. */
  cell?: Word;
  charge?: Quantity;
  current?: Quantity;
  data?: StringLit;
  readings: (ResultReading | GcFileReading)[];
  /** `yield in µg/h/mg`: units the chemist wants the yield rates in. */
  yieldUnits: Word[];
  /** `double layer 20, 60 mV/s -> 0.1, 0.3 mA/cm2`: Δj against scan rate for Cdl. */
  doubleLayer?: { rates: Quantity; currents: Quantity; span: Span };
  /** `specific capacitance 0.035 mF/cm2` for the ECSA. */
  specificCapacitance?: Quantity;
  span: Span;
  bodySpan: Span;
}

export interface PlanBlock {
  kind: 'plan';
  name?: Word;
  potential?: Potential;
  duration?: Quantity;
  /** `… for 2 h in H {`: the cell the plan is for. */
  cell?: Word;
  currentDensity?: Quantity;
  current?: Quantity;
  /** `expect FE NH3 95 % by nessler`: `calibration` names the calibration the expected reading is for. */
  expectedFE: { product: Word; value: Quantity; calibration?: Word; span: Span }[];
  span: Span;
  bodySpan: Span;
}

// ── Crystallography ─────────────────────────────────────────────────────────

export interface CrystalBlock {
  kind: 'crystal';
  name?: Word;
  formula?: Word;
  formulaWeight?: NumberLit;
  temperature?: Quantity;
  wavelength?: Quantity;
  system?: Word;
  spaceGroup?: Word;
  /** a, b, c, alpha, beta, gamma as written. */
  cell: Partial<Record<'a' | 'b' | 'c' | 'alpha' | 'beta' | 'gamma', Quantity>>;
  volume?: Quantity;
  z?: Quantity;
  density?: Quantity;
  f000?: NumberLit;
  absorption?: Quantity;
  reflections?: { collected?: NumberLit; independent?: NumberLit; completeness?: Quantity; span: Span };
  restraints?: NumberLit;
  parameters?: NumberLit;
  goodnessOfFit?: NumberLit;
  rObserved?: { r1?: NumberLit; wr2?: NumberLit; span: Span };
  rAll?: { r1?: NumberLit; wr2?: NumberLit; span: Span };
  span: Span;
  bodySpan: Span;
}

export type BlockNode =
  | SynthesisBlock
  | InkBlock
  | ElectrolyteBlock
  | ElectrodeBlock
  | CellBlock
  | RunBlock
  | CalibrationBlock
  | ResultBlock
  | PlanBlock
  | CrystalBlock;

export type TopLevelNode = ProtocolDecl | ImportDecl | Setting | SpeciesDecl | ReferenceDecl | ReactionDecl | BlockNode;

export interface SyntaxProblem {
  code: string;
  message: string;
  span: Span;
  severity: 'error' | 'warning';
}

export interface Document {
  statements: TopLevelNode[];
  comments: Comment[];
  /** Span of every statement line and block, for folding, formatting and outline. */
  span: Span;
}
