// A figure's key: a digest of everything the preview draws from it (id, title,
// Vega-Lite spec with its data, point counts). Two figures with one key draw
// the same, so the preview neither compiles, sends nor redraws a figure whose
// key the webview already holds.
import { createHash } from 'node:crypto';
import type { Figure } from './figures';

export function figureKey(figure: Figure): string {
  return createHash('sha1').update(JSON.stringify(figure)).digest('base64url');
}
