// Headless rendering of the figures for `faraday plot`: Vega-Lite → Vega →
// SVG with vega's own scenegraph renderer (no browser), and SVG → PNG with
// resvg. The same specs the preview shows. vega is ESM with a top-level await
// in its canvas shim, so it is loaded with import(); the bundle swaps that
// shim for the browser one (text is measured by estimate, no node-canvas).
import type { VegaLiteSpec } from './figures';

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [{ compile }, { parse, View }] = await Promise.all([import('vega-lite'), import('vega')]);
  const vega = compile(spec as never).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** PNG at `scale` × the SVG's size, on a white background (papers are white). */
export async function renderPng(spec: VegaLiteSpec, scale = 2): Promise<Uint8Array> {
  const svg = await renderSvg(spec);
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, { background: 'white', fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}
