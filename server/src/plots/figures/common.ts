// What every figure shares: the Figure shape, the spec header, downsampled
// series and the tests that sort data files by technique.
import type { Dataset } from '../../analysis/context';
import type { ImportedData } from '../../instruments/series';
import { lttbIndices } from '../lttb';

export type VegaLiteSpec = Record<string, unknown>;

export interface Figure {
  /** Stable id, also the file name of `faraday plot`: `lsv`, `it`, `fe`, `calibration-nessler`, … */
  id: string;
  title: string;
  spec: VegaLiteSpec;
  /** Points read from the files, and points drawn after downsampling. */
  pointsRead: number;
  pointsDrawn: number;
}

export interface FigureOptions {
  /** Largest number of points drawn per series (LTTB); computations use all of them. */
  maxPointsPerSeries?: number;
  /**
   * Figures drawn from data files alone are kept between calls and given again while their files and
   * lines are unchanged (kept-figures.ts). Only for a caller that never changes a figure it is given.
   */
  reuse?: boolean;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** hc in eV·nm: E(eV) = 1239.84 / λ(nm). */
export const HC_EV_NM = 1239.841984;

export function base(title: string, subtitle?: string): VegaLiteSpec {
  return { $schema: SCHEMA, title: subtitle ? { text: title, subtitle } : title, width: 420, height: 260 };
}

/** Rows of a series after downsampling, with the counts for the footnote. */
export function series(x: ArrayLike<number>, y: ArrayLike<number>, max: number, row: (x: number, y: number) => Record<string, number | string>) {
  const keep = lttbIndices(x, y, max);
  return { rows: keep.map((i) => row(x[i]!, y[i]!)), read: x.length, drawn: keep.length };
}

export const isLSV = (d: Dataset) => /^LSV\b/i.test(d.line) && d.data.technique === 'LSV';
export const isCA = (d: Dataset) => d.data.technique === 'CA';
export const isEIS = (d: Dataset) => d.data.technique === 'EIS';
export const isUV = (d: Dataset) => d.data.technique === 'UV-vis';

/**
 * Figure inputs drawn once each: a protocol that repeats a line gives the analysis the same input
 * (one object, shared by `onData`) once per line, and the same figure drawn again shows nothing new.
 * Found by the fuzzer: a run block repeating `CA stability …, data "…"` 1591 times built 1591 alike
 * stability plots.
 */
export function distinct<T extends object>(inputs: readonly T[]): T[] {
  const seen = new Set<T>();
  return inputs.filter((x) => !seen.has(x) && !!seen.add(x));
}

/** Inputs drawn once per content: small ones (fits of a few points), compared by their JSON. */
export function distinctByContent<T extends object>(inputs: readonly T[]): T[] {
  const seen = new Set<string>();
  return inputs.filter((x) => {
    const key = JSON.stringify(x, exactNumbers);
    return !seen.has(key) && !!seen.add(key);
  });
}

/** Numbers as their exact text, so that NaN and Infinity stay apart from null and from each other. */
export function exactNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' ? `${value}` : value;
}

/**
 * Files that draw alike (one import, and every other field the same: path, line, potential, scale,
 * area, correction, rotation) drawn once in an overlay: a copy lies on its original.
 */
export function distinctDatasets(sets: readonly Dataset[]): Dataset[] {
  const seen = new Map<ImportedData, Set<string>>();
  return sets.filter((d) => {
    const { data, ...rest } = d;
    const key = JSON.stringify(rest, exactNumbers);
    let keys = seen.get(data);
    if (!keys) seen.set(data, (keys = new Set()));
    return !keys.has(key) && !!keys.add(key);
  });
}
