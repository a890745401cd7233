// `npm run fuzz [-- --edits N --format-runs N --lines N --seed S --only lsp,format,memory]`:
// builds the bundles (the language server under test is dist/server.js, as shipped) and runs
// the long hostile-input checks of test/fuzz/run.ts. Separate from `npm test`, which runs short versions.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync(process.execPath, ['--conditions=import', '--import', 'tsx', 'test/fuzz/run.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
