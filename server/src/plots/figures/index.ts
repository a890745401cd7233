// The paper's figures as Vega-Lite specs, built from one analysis: LSV
// overlays on the RHE scale, i-t curves, FE and yield rate per potential,
// calibration fits with their readings, the Cdl fit, Nyquist plots and UV-vis
// spectra with a photon-energy axis; Tafel, Koutecký–Levich and stability plots. A pure function of the analysis; the
// preview webview and `faraday plot` render the same specs.
import type { Analysis } from '../../analysis/analyze';
import type { Dataset } from '../../analysis/context';
import { distinctDatasets, isCA, isEIS, isLSV, isUV, type Figure, type FigureOptions } from './common';
import { lsvFigure, lsvOnsets } from './lsv';
import { itFigure } from './chronoamperometry';
import { feFigure } from './faradaic-efficiency';
import { calibrationFigures, cdlFigures } from './fits';
import { nyquistFigure } from './nyquist';
import { uvvisFigure } from './uv-vis';
import { tafelFigures } from './tafel';
import { stabilityFigures } from './stability';
import { kouteckyLevichFigures } from './koutecky-levich';
import { keptFigure } from './kept-figures';

export type { Figure, FigureOptions, VegaLiteSpec } from './common';

/** Every figure the analysed protocol can show, in the order of the paper. */
export function buildFigures(analysis: Analysis, options: FigureOptions = {}): Figure[] {
  const max = options.maxPointsPerSeries ?? 1500;
  // Figures of the data files alone: kept between calls when the caller says it changes none.
  const fromFiles = (kind: string, files: Dataset[], build: (s: Dataset[]) => Figure | undefined, alsoDrawn?: unknown) =>
    options.reuse ? keptFigure(kind, files, max, () => overlay(files, build), alsoDrawn) : overlay(files, build);
  const onsets = lsvOnsets(analysis);
  // A file named on many lines alike is one curve.
  const sets = distinctDatasets(analysis.facts.datasets);
  // Figures that may be absent (an overlay without files), then one figure per input (each fit or run), built when kept.
  const maybe = (build: () => Figure | undefined): Pending => ({ build });
  const each = (builds: (() => Figure)[]): Pending[] => builds.map((build) => ({ build, always: true }));
  const figures = atMost([
    maybe(() => fromFiles('uvvis', sets.filter(isUV), (s) => uvvisFigure(s, max))),
    maybe(() => fromFiles('lsv', sets.filter(isLSV), (s) => lsvFigure(s, max, onsets), onsets)),
    ...each(tafelFigures(analysis, max)),
    ...each(kouteckyLevichFigures(analysis)),
    // Stability runs have their own curve, with their windows.
    maybe(() => fromFiles('it', sets.filter((d) => isCA(d) && !/ stability$/i.test(d.line)), (s) => itFigure(s, max))),
    ...each(stabilityFigures(analysis, max)),
    maybe(() => feFigure(analysis)),
    ...each(calibrationFigures(analysis)),
    ...each(cdlFigures(analysis)),
    maybe(() => fromFiles('nyquist', sets.filter(isEIS), (s) => nyquistFigure(s, max))),
  ]);
  return figures.map(onOneLine);
}

/** Each figure kept on one line, once per figure object: a kept figure is walked once. */
const oneLined = new WeakMap<Figure, Figure>();
function onOneLine(f: Figure): Figure {
  let out = oneLined.get(f);
  // A walk over each spec's strings finds the rare separator; only such a spec is copied string by string.
  if (!out) oneLined.set(f, (out = SEPARATORS.test(f.title) || hasSeparator(f.spec) ? { ...f, title: oneLine(f.title), spec: oneLine(f.spec) } : f));
  return out;
}

/** A figure to build; `always` when it gives one whatever the data (a figure per input), so that past the limit it is counted unbuilt. */
interface Pending {
  build: () => Figure | undefined;
  always?: boolean;
}

/**
 * Curves overlaid in one figure: at most 64 files, and the title says how many were left out. A
 * fuzzed line repeated 2000 times named 8000 sweeps, whose 1500 points each made a 520 MB spec.
 */
const MAX_CURVES = 64;
function overlay(sets: Dataset[], build: (sets: Dataset[]) => Figure | undefined): Figure | undefined {
  if (sets.length <= MAX_CURVES) return build(sets);
  const figure = build(sets.slice(0, MAX_CURVES));
  if (!figure) return undefined;
  return noted(figure, `the first ${MAX_CURVES} of ${sets.length} files`);
}

/**
 * Figures of one protocol at most; the last one kept says how many there were. Found by `npm run
 * fuzz` (seed 20261206, edit 13174): a Tafel line repeated 930 times made 930 Tafel plots, which
 * took 2.8 s to compile for the preview.
 */
export const MAX_FIGURES = 64;
/** The first 64 figures, built; the rest are counted for the note, and built only when that is the way to know whether they exist. */
function atMost(pending: Pending[]): Figure[] {
  const kept: Figure[] = [];
  let total = 0;
  for (const p of pending) {
    if (kept.length < MAX_FIGURES) {
      const figure = p.build();
      if (!figure) continue;
      kept.push(figure);
      total++;
    } else if (p.always || p.build()) total++;
  }
  if (total > MAX_FIGURES) kept[MAX_FIGURES - 1] = noted(kept[MAX_FIGURES - 1]!, `the first ${MAX_FIGURES} of ${total} figures are shown`);
  return kept;
}

/** A figure with a note in its title and its spec's subtitle. */
function noted(figure: Figure, note: string): Figure {
  const title = figure.spec.title as string | { text: string; subtitle?: string } | undefined;
  const spec = { ...figure.spec, title: typeof title === 'object' && title ? { ...title, subtitle: title.subtitle ? `${title.subtitle}; ${note}` : note } : { text: title ?? figure.title, subtitle: note } };
  return { ...figure, title: `${figure.title} (${note})`, spec };
}

/**
 * Names from the protocol reach the specs as titles, data values and sort orders, which Vega-Lite
 * writes into expression string literals: a line or paragraph separator (U+2028, U+2029, which
 * JSON leaves as they are) ends such a literal and vega's expression parser throws. Every string of
 * a spec is kept on one line (found by `npm run fuzz`: `at -0.9 V \u2028vs RHE`).
 */
function oneLine<T>(node: T): T {
  if (typeof node === 'string') return (SEPARATORS.test(node) ? node.replace(SEPARATORS_ALL, ' ') : node) as T;
  if (Array.isArray(node)) return node.map(oneLine) as T;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[oneLine(k)] = typeof v === 'number' ? v : oneLine(v);
    return out as T;
  }
  return node;
}
/**
 * Whether a separator sits in any string of a spec, keys included. Walked, not serialised: JSON.stringify
 * of every spec was 6 of the 9 ms that building the sample's nine figures took after each edit.
 */
function hasSeparator(node: unknown): boolean {
  if (typeof node === 'string') return SEPARATORS.test(node);
  if (Array.isArray(node)) {
    for (const x of node) if (hasSeparator(x)) return true;
    return false;
  }
  if (node && typeof node === 'object') {
    for (const k of Object.keys(node)) if (SEPARATORS.test(k) || hasSeparator((node as Record<string, unknown>)[k])) return true;
  }
  return false;
}
const SEPARATORS = /[\u2028\u2029]/;
const SEPARATORS_ALL = /[\u2028\u2029]/g;
