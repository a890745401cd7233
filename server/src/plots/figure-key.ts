// A figure's key: a digest of everything the preview draws from it (id, title,
// Vega-Lite spec with its data, point counts). Two figures with one key draw
// the same, so the preview neither compiles, sends nor redraws a figure whose
// key the webview already holds.
import { createHash } from 'node:crypto';
import type { Figure } from './figures';

/** Keys by figure object: a figure is never changed once built, and a kept one (kept-figures.ts) is hashed once. */
const keys = new WeakMap<Figure, string>();

export function figureKey(figure: Figure): string {
  let key = keys.get(figure);
  if (key === undefined) keys.set(figure, (key = createHash('sha1').update(JSON.stringify(figure)).digest('base64url')));
  return key;
}
