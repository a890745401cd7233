// The preview's figures, compiled to Vega on the server: the webview then ships
// only vega's runtime (no Vega-Lite compiler, no vega-embed), which keeps its
// script small and its first figure fast. The panel beside the editor is narrow,
// so single views fill its width and side-by-side views are stacked.
import { createHash } from 'node:crypto';
import type { Figure, VegaLiteSpec } from './figures';
import { NAMED_DATA_PREFIX } from './named-data';
import { BoundedMemo } from '../common/bounded-memo';

/** A Vega spec (the output of the Vega-Lite compiler), as JSON. */
export type VegaSpec = Record<string, unknown>;

export interface PreviewFigure extends Omit<Figure, 'spec'> {
  vega: VegaSpec;
  /**
   * A digest of the compiled spec without its data (its named sources, named-data.ts): two figures of one shape
   * differ only in those sources' values, so the preview redraws by replacing them in the drawn view.
   */
  shape: string;
}

/**
 * Lines and areas go without ARIA in the preview: vega-interpreter built their description for every point
 * (a 7500-point i-t overlay drew in about two thirds of the time without them), and a drawn path reads out
 * one point's. Bars and points keep theirs (an exported FE figure names each bar), as do axes, legends and
 * titles; `faraday plot` keeps every one.
 */
const NO_PATH_ARIA = ['line', 'area', 'trail'] as const;

/** The layout the narrow panel needs, applied to a Vega-Lite spec before compiling. */
export function panelLayout(spec: VegaLiteSpec): VegaLiteSpec {
  const { hconcat, ...rest } = spec as { hconcat?: unknown[] };
  const config = (spec as { config?: Record<string, object | undefined> }).config;
  const withConfig = { config: { ...config, ...Object.fromEntries(NO_PATH_ARIA.map((mark) => [mark, { ...config?.[mark], aria: false }])) } };
  if (hconcat) return { ...rest, vconcat: hconcat, ...withConfig } as VegaLiteSpec;
  return { ...spec, width: 'container', autosize: { type: 'fit-x', contains: 'padding' }, ...withConfig } as VegaLiteSpec;
}

/**
 * Compiled specs by the Vega-Lite spec with its data taken out (JSON of each): an edit of a reading or a
 * data file changes a figure's data, not its shape, and a preview opened again asks for every figure
 * anew, so most requests compile nothing. Kept as JSON, parsed for each use: the data is put into the
 * copy. At most 64 shapes (a protocol shows at most 64 figures), the oldest dropped first.
 */
const compiledByShape = new BoundedMemo<string, { json: string; shape: string }>(64);
const counts = { compiled: 0, reused: 0 };

/** How many figures were compiled and how many taken from an earlier compile of the same shape (tests). */
export function compileCounts(): { compiled: number; reused: number } {
  return { ...counts };
}

/** Forgets every compiled shape (tests). */
export function forgetCompiledShapes(): void {
  compiledByShape.clear();
}

/**
 * Inline data are swapped for named data sources before compiling and put back
 * into the compiled spec: the compiler then never copies the long series.
 */
function compileWithNamedData(compile: (spec: never) => { spec: unknown }, spec: VegaLiteSpec): { vega: VegaSpec; shape: string } {
  const values = new Map<string, unknown[]>();
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      const data = v as { values?: unknown };
      if (k === 'data' && data && typeof data === 'object' && Array.isArray(data.values) && Object.keys(data).length === 1) {
        const name = `${NAMED_DATA_PREFIX}${values.size}`;
        values.set(name, data.values);
        out[k] = { name };
      } else out[k] = strip(v);
    }
    return out;
  };
  const shape = strip(spec);
  // A number JSON cannot hold (NaN, ±Infinity) keeps its own key, not null's.
  const key = JSON.stringify(shape, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}` : v));
  const compiledBefore = counts.compiled;
  const compiled = compiledByShape.get(key, () => {
    counts.compiled++;
    const json = JSON.stringify(compile(shape as never).spec);
    return { json, shape: createHash('sha1').update(json).digest('base64url') };
  });
  if (counts.compiled === compiledBefore) counts.reused++;
  const vega = JSON.parse(compiled.json) as { data?: { name: string; values?: unknown[] }[] };
  for (const d of vega.data ?? []) if (values.has(d.name)) d.values = values.get(d.name);
  return { vega: vega as VegaSpec, shape: compiled.shape };
}

/** vega-lite imports vega, which is ESM with a top-level await: loaded with import(), once. */
export async function previewFigures(figures: Figure[]): Promise<PreviewFigure[]> {
  const { compile } = await import('vega-lite');
  return figures.map(({ spec, ...rest }) => ({ ...rest, ...compileWithNamedData(compile as never, panelLayout(spec)) }));
}
