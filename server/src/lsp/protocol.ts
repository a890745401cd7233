// Requests of the Faraday protocol beyond LSP, shared by the server and the
// extension (type-only on the client side).
import type { Figure } from '../plots/figures';
import type { PreviewFigure } from '../plots/preview-spec';

/** `faraday/figures`: the preview's figures for an open document. */
export const FIGURES_REQUEST = 'faraday/figures';

export interface FiguresParams {
  uri: string;
  /** `vega`: compiled for the preview panel (its layout, Vega specs); default: the Vega-Lite specs. */
  format?: 'vega-lite' | 'vega';
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
  figures: PreviewFigure[];
}
