// What the preview's page script leaves out of vega, shared by the build and the
// test that renders every figure through the same slimmed runtime.
import * as chromatic from 'd3-scale-chromatic';

// vega-scale takes only the categorical colour schemes from d3-scale-chromatic, whose
// single-file build also carries every continuous ramp; the webview gets those arrays,
// read from the installed package at build time.
const categoricalSchemes = {
  name: 'categorical-schemes',
  setup(build) {
    build.onResolve({ filter: /^d3-scale-chromatic$/ }, () => ({ path: 'd3-scale-chromatic', namespace: 'categorical-schemes' }));
    build.onLoad({ filter: /.*/, namespace: 'categorical-schemes' }, () => ({
      contents: Object.entries(chromatic).filter(([k, v]) => k.startsWith('scheme') && Array.isArray(v) && typeof v[0] === 'string')
        .map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`).join('\n'),
      loader: 'js',
    }));
  },
};

/** esbuild options for code that imports client/src/webview/vega-runtime.ts. */
export function webviewBundleOptions(alias = {}) {
  const noMaps = new URL('../client/src/webview/no-maps.ts', import.meta.url).pathname;
  return {
    charset: 'utf8',
    plugins: [categoricalSchemes],
    // Maps are never drawn: d3-geo and topojson-client give way to a stub.
    alias: { ...alias, 'd3-geo': noMaps, 'topojson-client': noMaps },
  };
}
