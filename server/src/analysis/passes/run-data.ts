// The data pass: the files that synthesis steps and run lines name (read by
// passes/data.ts; patterns `{E}`, `{rate}`, `{rpm}` and `{j}` expand over the
// line's lists), checked against their lines, with what they give. Its work is
// done in units (incremental/units.ts), so that an edit elsewhere replays it:
// each block's files are read first (`LoadedBlock`); then, once every impedance
// file is read and each cell's iR correction is known (found whole, between
// the two), a second unit per run whose lines need the correction corrects its
// records and computes what needs them (corrected-data.ts). The datasets are
// published whole, in document order.
import type { RunBlock, SynthesisBlock, TechniqueLine, TopLevelNode } from '../../syntax/ast';
import type { AnalysisContext, Dataset } from '../context';
import type { Deferred, LoadedBlock } from '../loaded-data';
import { checkInitE, checkScanRate, checkTechnique, loadDataFile, patternWithinLimit, type DataFile } from './data';
import { middleBranchDifference } from '../../instruments/derived';
import { siOf } from '../quantities';
import { fitCalibration } from '../../electrochem/calibration';
import { column } from '../../instruments/series';
import { InstrumentCodes } from '../../instruments/codes';
import { formatExact, formatNumber } from '../../units/format';
import { highFrequencyIntercept } from '../../instruments/impedance';
import { resolveIR, type Impedance, type ResolvedIR } from '../ir-resolution';
import { isStabilityLine } from '../stability-run';
import { angularRate } from '../../electrochem/koutecky-levich';
import { checkAmplitude, checkRecordDuration, checkSetCurrent, listPatternProblem } from '../record-checks';
import { reportNoRunArea } from '../electrode-area-missing';
import { correctLoaded } from '../corrected-data';
import { unchanging } from '../incremental/snapshot';

/** Runs after the electrochemistry pass: it needs the set-points. */
export function dataPass(ctx: AnalysisContext): void {
  new DataPass(ctx).run();
}

const namesData = (s: TopLevelNode): s is SynthesisBlock | RunBlock =>
  (s.kind === 'synthesis' && s.steps.some((step) => step.data)) || (s.kind === 'run' && s.techniques.some((t) => t.data));

class DataPass {
  /** What each block's files gave, by the block's start offset. */
  private readonly loaded = new Map<number, LoadedBlock>();
  /** Each cell's iR correction, by name. */
  private readonly corrections = new Map<string, ResolvedIR>();
  /** The datasets of each run with work on its cell's correction, corrected, by the run's start offset. */
  private readonly corrected = new Map<number, readonly Dataset[]>();

  constructor(private readonly ctx: AnalysisContext) {}

  run(): void {
    const ctx = this.ctx;
    const blocks = ctx.document.statements.filter(namesData);
    ctx.trackState(this, 'data');
    for (const s of blocks) {
      ctx.stopIfCancelled();
      ctx.unit(s, 'data', () => this.keep(s, s.kind === 'synthesis' ? readSynthesis(ctx, s) : readRun(ctx, s)));
    }
    // Impedance files of a cell may come after its sweeps, in another run: every file is read first.
    this.correctCells();
    for (const s of blocks) {
      // Only a run with work left for after has a second unit: the others' datasets are published as read.
      if (s.kind !== 'run' || !this.loaded.get(s.span.start)?.deferred.length) continue;
      ctx.stopIfCancelled();
      ctx.unit(s, 'dataCorrected', () => {
        const loaded = this.loaded.get(s.span.start)!;
        const correction = s.cell ? this.corrections.get(s.cell.text) ?? {} : {};
        this.corrected.set(s.span.start, unchanging(correctLoaded(ctx, s, loaded, correction)));
      });
    }
    // Whole, in document order: a block's datasets as they were read, or as its correction left them.
    for (const s of blocks) {
      const datasets = this.corrected.get(s.span.start) ?? this.loaded.get(s.span.start)?.datasets;
      if (datasets?.length) ctx.facts.datasets.push(...datasets);
    }
  }

  private keep(s: TopLevelNode, loaded: LoadedBlock): void {
    // Never changed once kept: the units that read it compare it by identity, not field by field.
    if (loaded.datasets.length > 0 || loaded.impedances.length > 0 || loaded.deferred.length > 0) this.loaded.set(s.span.start, unchanging(loaded));
  }

  /** Every cell's correction, from its impedance files in document order; a correction that cannot be made is reported even with no sweep to correct. */
  private correctCells(): void {
    const impedances = new Map<string, Impedance[]>();
    for (const run of this.ctx.statementsOf('run')) {
      const found = run.cell ? this.loaded.get(run.span.start)?.impedances : undefined;
      if (!found?.length) continue;
      const ofCell = impedances.get(run.cell!.text);
      if (ofCell) ofCell.push(...found);
      else impedances.set(run.cell!.text, [...found]);
    }
    for (const name of this.ctx.facts.cells.keys()) this.corrections.set(name, resolveIR(this.ctx, name, impedances.get(name) ?? []));
  }
}

/** `measure UV-vis in DCM, data "…"`: spectra of the product. */
function readSynthesis(ctx: AnalysisContext, s: SynthesisBlock): LoadedBlock {
  const datasets: Dataset[] = [];
  for (const step of s.steps) {
    if (!step.data) continue;
    const file = loadDataFile(ctx, step.data.value, step.data);
    if (file?.data) datasets.push({ path: file.path, data: file.data, line: step.manner.map((w) => w.text).join(' ') || step.verb.text, subject: s.product?.name?.text ?? s.name?.text });
  }
  return { datasets, impedances: [], deferred: [] };
}

/** The files of a run's lines, checked against them, with what needs the cell's iR correction left for after. */
function readRun(ctx: AnalysisContext, s: RunBlock): LoadedBlock {
  const loaded: LoadedBlock = { datasets: [], impedances: [], deferred: [] };
  // As the electrochemistry pass: the cell the run names, and nothing when it names none.
  const cellName = s.cell?.text;
  const cell = cellName === undefined ? undefined : ctx.facts.cells.get(cellName);
  const { toRHE, label } = cell ?? {};
  const area = cell?.areaCm2;
  const addDataset = (t: TechniqueLine, file: DataFile, extra: Partial<Dataset> = {}): number =>
    loaded.datasets.push({ path: file.path, data: file.data!, line: `${t.technique.text}${t.label ? ' ' + t.label.text : ''}`, toRHE, areaCm2: area, label, cell: cellName, ...extra }) - 1;
  s.techniques.forEach((t, technique) => {
    if (!t.data) return;
    const later = (work: Deferred['work'], datasets: number[]) => loaded.deferred.push({ work, technique, datasets });
    const isLSV = t.technique.text.toUpperCase() === 'LSV';
    const pattern = t.data.value;
    const patternProblem = listPatternProblem(pattern, t);
    if (patternProblem) {
      ctx.report(InstrumentCodes.patternWithoutList, 'error', patternProblem, t.data.span);
      return;
    }
    if (pattern.includes('{rpm}') && t.rotation) {
      if (!patternWithinLimit(ctx, t.data, t.rotation.values.length)) return;
      // A rotating-disk series: one file per rotation rate.
      const series: number[] = [];
      t.rotation.values.forEach((n, i) => {
        const file = loadDataFile(ctx, pattern.replace(/\{rpm\}/g, n.text), t.data!);
        if (!file?.data) return;
        checkTechnique(ctx, t, file);
        checkScanRate(ctx, file, siOf(ctx, t.rates, 0));
        const rate = siOf(ctx, t.rotation, i);
        const dataset = addDataset(t, file, { scanRateVs: siOf(ctx, t.rates, 0), rotation: rate === undefined ? undefined : { text: `${n.text} ${t.rotation!.unit?.text ?? ''}`.trim(), omega: angularRate(rate) } });
        series.push(dataset);
        // Each sweep of the series has the onset and figures of merit its line asks for, as a single sweep has.
        if (isLSV || t.onset) later('sweep', [dataset]);
        if (isLSV) later('merits', [dataset]);
      });
      if (t.kouteckyLevich) later('kouteckyLevich', series);
    } else if ((pattern.includes('{j}') || pattern.includes('{I}')) && t.setCurrents) {
      if (!patternWithinLimit(ctx, t.data, t.setCurrents.values.length)) return;
      // A CP at several set-points: one file per set-point.
      t.setCurrents.values.forEach((n, i) => {
        const file = loadDataFile(ctx, pattern.replace(/\{j\}|\{I\}/g, n.text), t.data!);
        if (!file?.data) return;
        checkTechnique(ctx, t, file);
        checkRecordDuration(ctx, t, file, i);
        checkSetCurrent(ctx, t, file, i, area);
        const dataset = addDataset(t, file);
        if (isStabilityLine(t)) later('stability', [dataset]);
      });
    } else if (pattern.includes('{E}') && t.at) {
      if (!patternWithinLimit(ctx, t.data, t.at.quantity.values.length)) return;
      t.at.quantity.values.forEach((n, i) => {
        const file = loadDataFile(ctx, pattern.replace(/\{E\}/g, n.text), t.data!);
        if (!file?.data) return;
        checkTechnique(ctx, t, file);
        const written = siOf(ctx, t.at!.quantity, i);
        const dataset = addDataset(t, file, { potential: written === undefined ? undefined : { value: written, text: `${n.text} ${t.at!.quantity.unit?.text ?? ''}`.trim(), scale: t.at!.scale?.text } });
        if (isStabilityLine(t)) later('stability', [dataset]);
        const setpoint = () => ctx.facts.runSetpoints.get(s.span.start)?.get(n.span.start - s.span.start);
        if (written !== undefined) checkInitE(ctx, file, `${n.text} ${t.at!.quantity.unit?.text ?? ''} vs ${t.at!.scale?.text ?? ''}`.trim(), written, setpoint);
        checkRecordDuration(ctx, t, file, i);
      });
    } else if (pattern.includes('{rate}') && t.rates) {
      if (!patternWithinLimit(ctx, t.data, t.rates.values.length)) return;
      const points: { x: number; y: number }[] = [];
      t.rates.values.forEach((n, i) => {
        const file = loadDataFile(ctx, pattern.replace(/\{rate\}/g, n.text), t.data!);
        if (!file?.data) return;
        checkTechnique(ctx, t, file);
        const rate = siOf(ctx, t.rates, i);
        checkScanRate(ctx, file, rate);
        addDataset(t, file, { scanRateVs: rate });
        // Δi at the middle of the window, for the double-layer capacitance.
        const e = column(file.data, /^Potential$/i);
        const i_ = column(file.data, /^Current$/i);
        if (!e || !i_ || rate === undefined || file.data.technique !== 'CV') return;
        const di = middleBranchDifference(e.values, i_.values); // kept per column pair (derived.ts)
        if (di !== undefined) points.push({ x: rate, y: di });
      });
      if (points.length >= 2) doubleLayerFromFiles(ctx, s, t, points, area);
    } else {
      const file = loadDataFile(ctx, pattern, t.data);
      if (!file?.data) return;
      checkTechnique(ctx, t, file);
      checkScanRate(ctx, file, siOf(ctx, t.rates, 0));
      checkRecordDuration(ctx, t, file, 0);
      checkAmplitude(ctx, t, file);
      if (t.setCurrents) checkSetCurrent(ctx, t, file, 0, area);
      const rate = t.rotation && t.rotation.values.length === 1 ? siOf(ctx, t.rotation, 0) : undefined;
      const dataset = addDataset(t, file, { scanRateVs: siOf(ctx, t.rates, 0), rotation: rate === undefined ? undefined : { text: ctx.textOf(t.rotation!.span), omega: angularRate(rate) } });
      if (file.data.technique === 'EIS' && s.cell) {
        const found = impedance(file);
        if (found) loaded.impedances.push(found);
      }
      if (isLSV || t.onset) later('sweep', [dataset]);
      // Figures of merit read the potentials through the cell's iR correction: after every file of the run is read.
      if (isLSV) later('merits', [dataset]);
      if (isStabilityLine(t)) later('stability', [dataset]);
      if (t.kouteckyLevich) later('kouteckyLevich', [dataset]);
      if (t.technique.text.toUpperCase() === 'OCP') later('openCircuit', [dataset]);
    }
  });
  return loaded;
}

/** The high-frequency intercept of an impedance file: the resistance of its cell's iR correction. */
function impedance(file: DataFile): Impedance | undefined {
  const re = column(file.data!, /^Z'$/);
  const im = column(file.data!, /^Z"$|^Z''$/);
  const freq = column(file.data!, /^Freq/i);
  if (!re || !im) return undefined;
  const found = highFrequencyIntercept(re.values, im.values, freq?.values);
  return found && { path: file.path, ohm: found.ohm, how: found.how };
}

/** Cdl = slope/2 of Δj against scan rate, from the CV files of one line; per cm² of the working electrode. */
function doubleLayerFromFiles(ctx: AnalysisContext, run: RunBlock, t: TechniqueLine, points: { x: number; y: number }[], areaCm2: number | undefined): void {
  const fit = fitCalibration(points);
  if (!fit) return;
  if (areaCm2 === undefined) {
    reportNoRunArea(ctx, run, 'the double-layer capacitance per cm²', t.data!.span);
    return;
  }
  const area = areaCm2;
  const cdl = ((fit.slope / 2) * 1000) / area; // mF per cm²
  // Never changed once made: a replay pushes the very object again.
  ctx.facts.cdlFits.push(unchanging({ subject: `${t.technique.text}${t.label ? ' ' + t.label.text : ''}`, points, slope: fit.slope, intercept: fit.intercept, r2: fit.r2, areaCm2: area }));
  ctx.value({
    kind: 'cdl', subject: `${t.technique.text}${t.label ? ' ' + t.label.text : ''}`, value: cdl, unit: 'mF/cm2', span: t.data!.span,
    label: `Cdl ${formatNumber(cdl, { significant: 4 })} mF/cm²`,
    detail: `From ${points.length} CV files: Δi between the anodic and cathodic branches at the middle of the window against scan rate, slope ${formatNumber(fit.slope * 1000, { significant: 4 })} mF (R² ${formatNumber(fit.r2, { decimals: 4 })}); Cdl = slope/2 over ${formatExact(area)} cm².`,
    hint: { text: `Cdl ${formatNumber(cdl, { significant: 4 })} mF/cm²`, category: 'results' },
  });
}
