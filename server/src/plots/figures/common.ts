// What every figure shares: the Figure shape, the spec header, downsampled
// series and the tests that sort data files by technique.
import type { Dataset } from '../../analysis/context';
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
