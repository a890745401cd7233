// The same extension-host suite under @vscode/test-electron, for machines that
// can download a VS Code build (these cannot: they reach only the npm registry,
// so .ci/run uses test/e2e/run.mjs with code-server instead).
//   node scripts/build.mjs && node test/e2e/run-electron.mjs
import * as path from 'node:path';
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(new URL('.', import.meta.url).pathname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'faraday-electron-'));
const suite = path.join(tmp, 'extension-host.test.js');
await build({ entryPoints: [path.join(root, 'test/e2e/suite/extension-host.test.ts')], outfile: suite, bundle: true, platform: 'node', format: 'cjs', external: ['vscode'] });
// The index @vscode/test-electron loads: run the suite with mocha and report failures.
const index = path.join(tmp, 'index.js');
writeFileSync(index, `exports.run = () => new Promise((resolve, reject) => {
  const loaded = require(${JSON.stringify(path.join(root, 'node_modules/mocha'))});
  const Mocha = loaded.Mocha || loaded.default || loaded;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000 });
  mocha.addFile(${JSON.stringify(suite)});
  mocha.run((failures) => (failures ? reject(new Error(failures + ' failed')) : resolve()));
});\n`);
const workspace = path.join(tmp, 'workspace');
cpSync(path.join(root, 'samples'), workspace, { recursive: true });
await runTests({ extensionDevelopmentPath: root, extensionTestsPath: index, launchArgs: [workspace, '--disable-extensions'] });
