// Requests of the Faraday protocol beyond LSP, shared by the server and the
// extension (type-only on the client side).
import type { Figure } from '../plots/figures';
import type { PreviewFigure } from '../plots/preview-spec';
import type { MethodsFormat } from '../methods/document';

/** `faraday/figures`: the preview's figures for an open document. */
export const FIGURES_REQUEST = 'faraday/figures';

export interface FiguresParams {
  uri: string;
  /** `vega`: compiled for the preview panel (its layout, Vega specs); default: the Vega-Lite specs. */
  format?: 'vega-lite' | 'vega';
  /** With `vega`: keys of figures the caller already holds; those are left out of `figures` (still listed in `order`). */
  known?: string[];
}

export interface FiguresResult {
  uri: string;
  version: number;
  figures: Figure[];
}

/** The answer to `format: 'vega'`. */
export interface PreviewFiguresResult {
  uri: string;
  version: number;
  /** Every figure of the document, in order, with its key (plots/figure-key.ts). */
  order: { id: string; key: string }[];
  /** The figures of `order` whose key was not among the request's `known`, compiled. */
  figures: PreviewFigure[];
  /** Where the answer's time went, for the preview's breakdown. */
  timing?: FiguresTiming;
}

/** Wall-clock ms (Date.now()) of the request's arrival and answer in the engine, and what it spent on. */
export interface FiguresTiming {
  receivedAt: number;
  answeredAt: number;
  /** 0 when the analysis of the current version was already made. */
  analysisMs: number;
  /** Figures built and keyed. */
  figuresMs: number;
  /** Vega-Lite to Vega of the figures not known, with the compiler's first load. */
  compileMs: number;
}

/** `faraday/methods`: the experimental section written from an open document. */
export const METHODS_REQUEST = 'faraday/methods';

export interface MethodsParams {
  uri: string;
  format?: MethodsFormat;
}

export interface MethodsResult {
  uri: string;
  version: number;
  format: MethodsFormat;
  text: string;
  /** What the text leaves out and why (FD09xx), with LSP ranges. */
  notes: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}
