// Bundles the extension, the language server and the CLI with esbuild.
//   node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync } from 'node:fs';
import { webviewBundleOptions } from './webview-bundle.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  // vega-canvas's node build awaits node-canvas at top level (not allowed in CJS); the
  // browser build measures text by estimate, which is what a headless render needs.
  // (The server compiles the preview's Vega-Lite specs; the CLI renders them.)
  alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/lsp/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' },
  // resvg is a native module: it stays in node_modules.
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['@resvg/resvg-js'] },
];

// The preview's page script runs in the webview (a browser): vega's runtime (the specs arrive
// compiled, see server/src/plots/preview-spec.ts) and vega-interpreter, without maps.
// Two scripts: the page script (messages, layout) runs and says "ready" before vega's runtime is evaluated.
const webviewCommon = { ...common, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: !production, ...webviewBundleOptions(common.alias) };
const webview = [
  { ...webviewCommon, entryPoints: ['client/src/webview/main.ts'], outfile: 'dist/webview/preview.js' },
  { ...webviewCommon, entryPoints: ['client/src/webview/vega-global.ts'], outfile: 'dist/webview/vega.js' },
];

for (const b of [...builds, ...webview]) {
  const options = webview.includes(b) ? b : { ...common, ...b };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
chmodSync('dist/cli.js', 0o755);
copyFileSync('client/src/webview/preview.css', 'dist/webview/preview.css');
if (!watch) console.log(`built ${[...builds, ...webview].map((b) => b.outfile).join(', ')}${production ? ' (production)' : ''}`);
