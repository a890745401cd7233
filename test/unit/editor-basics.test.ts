// TextMate grammar (with VS Code's own tokenizer), language configuration and the VSIX contents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '..', '..');

async function grammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(path.join(root, 'syntaxes/faraday.tmLanguage.json'), 'utf8'), 'faraday.tmLanguage.json'),
  });
  return (await registry.loadGrammar('source.faraday'))!;
}

function tokenize(g: textmate.IGrammar, text: string): string[] {
  const out: string[] = [];
  let stack = textmate.INITIAL;
  text.split('\n').forEach((line, i) => {
    const r = g.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      const s = line.slice(t.startIndex, t.endIndex);
      if (s.trim()) out.push(`${i + 1}:${t.startIndex + 1} ${JSON.stringify(s)} ${t.scopes.slice(1).join(' ')}`);
    }
    stack = r.ruleStack;
  });
  return out;
}

function scopeOf(tokens: string[], text: string): string {
  const hit = tokens.find((t) => t.includes(` ${JSON.stringify(text)} `) || t.endsWith(` ${JSON.stringify(text)}`));
  return hit ?? '';
}

test('grammar scopes: references, quantities with uncertainty, units, comments, formulas, keywords', async () => {
  const g = await grammar();
  const tokens = tokenize(g, [
    'cell H {',
    '  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE',
    '  CA at -0.8 V vs Ag/AgCl (sat. KCl) for 2 h   # set-point',
    '}',
    'cluster Au28Cu12 = [Au28Cu12(SR)24](PPh4)4',
    '  cell a 22.0728(13) Å, b 27.5087(14) Å',
    'reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O',
  ].join('\n'));
  assert.match(scopeOf(tokens, 'Ag/AgCl'), /support\.constant\.reference-electrode/);
  assert.match(scopeOf(tokens, '22.0728'), /constant\.numeric\.faraday/);
  assert.match(scopeOf(tokens, '(13)'), /constant\.numeric\.uncertainty/);
  assert.match(scopeOf(tokens, 'Å'), /keyword\.other\.unit/);
  assert.match(scopeOf(tokens, '# set-point'), /comment\.line\.number-sign/);
  assert.match(scopeOf(tokens, 'cluster'), /keyword\.control\.block/);
  assert.match(scopeOf(tokens, '->'), /keyword\.operator\.arrow/);
  assert.match(scopeOf(tokens, '[Au28Cu12(SR)24](PPh4)4'), /entity\.name\.type\.formula/);
});

test('grammar scopes of inks: the block keyword and the statements that cast from it', async () => {
  const g = await grammar();
  const tokens = tokenize(g, ['ink RuO2ink {', '  ionomer 40 µL Nafion 5 wt%', '}', 'electrode w {', '  drop-cast 10 µL of ink RuO2ink', '  loading 0.26 mg/cm2', '}'].join('\n'));
  assert.match(scopeOf(tokens, 'ink'), /keyword\.control\.block/);
  assert.match(scopeOf(tokens, 'ionomer'), /variable\.other\.property/);
  assert.match(scopeOf(tokens, 'drop-cast'), /variable\.other\.property/);
  assert.match(scopeOf(tokens, 'loading'), /variable\.other\.property/);
  assert.match(scopeOf(tokens, 'wt%'), /keyword\.other\.unit/);
});

test('grammar snapshots of the samples (UPDATE_SNAPSHOTS=1 rewrites them)', async () => {
  const g = await grammar();
  const dir = path.join(root, 'test/unit/__snapshots__/grammar');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(path.join(root, 'samples')).filter((x) => x.endsWith('.faraday'))) {
    const actual = tokenize(g, readFileSync(path.join(root, 'samples', f), 'utf8')).join('\n') + '\n';
    const snap = path.join(dir, f + '.tokens');
    if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(snap)) writeFileSync(snap, actual);
    assert.equal(actual, readFileSync(snap, 'utf8'), `${f} tokenization changed; rerun with UPDATE_SNAPSHOTS=1 if intended`);
  }
});

test('the word pattern keeps electrodes, formulas and analytes whole', () => {
  const config = JSON.parse(readFileSync(path.join(root, 'language-configuration.json'), 'utf8'));
  const re = new RegExp(config.wordPattern, 'g');
  const words = 'vs Ag/AgCl dissolve HAuCl4·4H2O [Au28Cu12(SR)24](PPh4)4 30 µL DCBT-H, analyte NH3-N; x'.match(re)!;
  for (const w of ['Ag/AgCl', 'HAuCl4·4H2O', '[Au28Cu12(SR)24](PPh4)4', 'DCBT-H', 'NH3-N']) assert.ok(words.includes(w), `${w} in ${words.join(' | ')}`);
  assert.equal(config.comments.lineComment, '#');
});

test('the VSIX holds the bundles and assets, and no node_modules, tests or sources', () => {
  if (!existsSync(path.join(root, 'dist/extension.js')) || !existsSync(path.join(root, 'dist/webview/vega.js'))) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root });
  const listing = execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const needed of ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/analysis-worker.js', 'dist/webview/preview.js', 'dist/webview/vega.js', 'dist/webview/preview.css', 'syntaxes/faraday.tmLanguage.json', 'language-configuration.json', 'images/icon.png']) {
    assert.ok(listing.includes(needed), `${needed} is packaged`);
  }
  for (const f of listing) assert.ok(!/^(node_modules|test|server\/src|client\/src|samples|bench|scripts)\//.test(f), `${f} must not be packaged`);
});

test('the webview scripts can be written into the preview page: no `</script` and no `<!--` in them', () => {
  if (!existsSync(path.join(root, 'dist/webview/vega.js'))) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root });
  // client/src/preview/html.ts writes both into <script> elements; either sequence would change how the page parses.
  for (const name of ['preview.js', 'vega.js']) {
    const text = readFileSync(path.join(root, 'dist/webview', name), 'utf8').toLowerCase();
    assert.ok(text.length > 1000, `dist/webview/${name} is built`);
    assert.equal(text.includes('</script'), false, `dist/webview/${name} holds </script`);
    assert.equal(text.includes('<!--'), false, `dist/webview/${name} holds <!--`);
  }
});
