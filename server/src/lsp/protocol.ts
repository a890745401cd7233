// Requests of the Faraday protocol beyond LSP, shared by the server and the
// extension (type-only on the client side).
import type { Figure } from '../plots/figures';

/** `faraday/figures`: the preview's figures for an open document. */
export const FIGURES_REQUEST = 'faraday/figures';

export interface FiguresParams {
  uri: string;
}

export interface FiguresResult {
  uri: string;
  version: number;
  figures: Figure[];
}
