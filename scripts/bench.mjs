// Bundles bench/run.ts for production (no tsx wrappers, minified like the
// VSIX) into dist/bench.js and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['bench/run.ts'], outfile: 'dist/bench.js', bundle: true, platform: 'node', format: 'cjs', minify: true,
  define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning',
});
await import('./build.mjs');
const r = spawnSync(process.execPath, ['dist/bench.js'], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
