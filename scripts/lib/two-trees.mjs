// The same code of two trees in one process: another commit (checked out in a temporary git
// worktree) and this working tree, each bundled for production with the exports both have.
// Used by bench-ab.mjs (time) and parse-diff.mjs (sameness).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export const root = new URL('../..', import.meta.url).pathname;

const EXPORTS = [
  ['parseFaraday', 'server/src/syntax/parse'],
  ['analyze, AnalysisSession', 'server/src/analysis/analyze'],
  ['generateLines, generateProtocol', 'bench/generate-protocol'],
  ['buildFigures', 'server/src/plots/figures'],
  ['previewFigures', 'server/src/plots/preview-spec'],
];

async function bundle(tree, outfile) {
  await build({
    stdin: { contents: EXPORTS.map(([names, file]) => `export { ${names} } from ${JSON.stringify(join(tree, file))};`).join('\n'), resolveDir: tree, loader: 'ts' },
    outfile, bundle: true, platform: 'node', format: 'cjs', minify: true, logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'vega-canvas': join(root, 'node_modules/vega-canvas/build/vega-canvas.browser.js') }, external: ['@resvg/resvg-js'],
  });
}

/**
 * Calls `use(other, here, commit)` with the two trees' modules loaded; the worktree is removed after.
 * Each bundle sits in its tree's dist/: the protocol generator reads the sample beside it (../samples).
 */
export async function withTwoTrees(ref, name, use) {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const work = mkdtempSync(join(tmpdir(), `faraday-${name}-`));
  const other = join(work, 'tree');
  try {
    git('worktree', 'add', '--detach', '--quiet', other, commit);
    symlinkSync(join(root, 'node_modules'), join(other, 'node_modules'));
    const [a, b] = [join(other, 'dist', `${name}.cjs`), join(root, 'dist', `${name}.cjs`)];
    await bundle(other, a);
    await bundle(root, b);
    const require = createRequire(import.meta.url);
    return await use(require(a), require(b), commit);
  } finally {
    try {
      git('worktree', 'remove', '--force', other);
    } catch {
      // already gone
    }
    rmSync(work, { recursive: true, force: true });
  }
}
