// Bundles bench/run.ts for production (no tsx wrappers, minified like the
// VSIX) into dist/bench.js and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['bench/run.ts'], outfile: 'dist/bench.js', bundle: true, platform: 'node', format: 'cjs', minify: true,
  define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning',
  // As in the CLI bundle: vega's canvas shim for browsers, resvg from node_modules.
  alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' }, external: ['@resvg/resvg-js'],
});
// The language server under test is the production bundle, as shipped in the VSIX.
process.argv.push('--production');
await import('./build.mjs');
// `npm run bench -- lsp`: the benchmarks named after `--` only.
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const r = spawnSync(process.execPath, ['dist/bench.js', ...only], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
