// Names that are markup or code: data-file paths, catalyst and calibration
// names holding `<script>`, `<img onerror>`, `'+alert(1)+'`, a Vega
// expression or a `javascript:` link must reach the figures as text. The
// SVG of `faraday plot` holds them escaped, never as elements; in the
// compiled preview specs they appear in Vega expressions only as string
// literals (parsed with vega's own expression parser); and `faraday plot`
// writes only into the folder it was given, whatever a figure's name.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync, copyFileSync } from 'node:fs';
import * as path from 'node:path';
import { tmpdir } from 'node:os';
import { analyze } from '../../server/src/analysis/analyze';
import { buildFigures, type Figure } from '../../server/src/plots/figures';
import { previewFigures } from '../../server/src/plots/preview-spec';
import { runPlot } from '../../server/src/cli/plot';
import { readBytesBounded, readProtocolText } from '../../server/src/instruments/read-bytes';

const SCRIPT = 'data/<script>alert(1)</script>.txt';
const IMG = 'data/<img src=x onerror=alert(1)>.txt';
const QUOTE = "data/'+alert(1)+' datum.x)+alert(2)+(datum javascript:alert(3).txt";
// A backslash before the closing quote of a string literal would open it up to the next name.
const BACKSLASH = 'data/x\\';
const AFTER = 'data/+alert(4)+.txt';
let file: string;

before(() => {
  const ws = mkdtempSync(path.join(tmpdir(), 'faraday-markup-'));
  const samples = path.resolve(__dirname, '..', '..', 'samples');
  cpSync(path.join(samples, 'data'), path.join(ws, 'data'), { recursive: true });
  cpSync(path.join(samples, 'shared'), path.join(ws, 'shared'), { recursive: true });
  renameSync(path.join(ws, 'data', 'lsv-au28cu12.txt'), path.join(ws, IMG));
  // `</script>` holds a slash: a folder `<script>alert(1)<` with a file `script>.txt` in it.
  mkdirSync(path.join(ws, 'data', '<script>alert(1)<'));
  copyFileSync(path.join(ws, 'data', 'it-au28cu12--0.8.txt'), path.join(ws, SCRIPT));
  copyFileSync(path.join(ws, 'data', 'it-au28cu12--0.9.txt'), path.join(ws, QUOTE));
  copyFileSync(path.join(ws, 'data', 'it-au28cu12--1.0.txt'), path.join(ws, BACKSLASH));
  copyFileSync(path.join(ws, 'data', 'it-au28cu12--1.1.txt'), path.join(ws, AFTER));
  const text = readFileSync(path.join(samples, 'au28cu12-si.faraday'), 'utf8')
    .replace('data "data/lsv-au28cu12.txt"', `data "${IMG}"`)
    .replace('  EIS at 0 V vs RHE', `  CA at -0.75 V vs RHE for 2 h, data "${SCRIPT}"\n  CA at -0.85 V vs RHE for 2 h, data "${QUOTE}"\n  CA at -0.95 V vs RHE for 2 h, data "${BACKSLASH}"\n  CA at -1.05 V vs RHE for 2 h, data "${AFTER}"\n  EIS at 0 V vs RHE`)
    // A catalyst name with a quote (the FE figure's labels and sort order), a calibration name with slashes (a figure id).
    .replace('result Au28Cu12 at -0.7 V', "result Au28Cu12' at -0.7 V")
    .replace(/griess/g, 'gri/ess/x');
  file = path.join(ws, 'p.faraday');
  writeFileSync(file, text);
});

const analysis = () => analyze(readFileSync(file, 'utf8'), { fileName: file, readFile: readProtocolText, readBytes: readBytesBounded, workspaceRoot: path.dirname(file) });

test('faraday plot writes only into the folder it is given, whatever a figure is named', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'faraday-markup-out-'));
  const { written } = await runPlot(file, out, 'json');
  assert.deepEqual(written.filter((w) => path.dirname(w) !== out), [], 'every file directly in the output folder');
  assert.deepEqual(readdirSync(out).sort(), written.map((w) => path.basename(w)).sort(), 'nothing else written');
  // `calibration gri/ess/x` made the file calibration-gri/ess/x.svg: a folder that does not exist, and a crash.
  assert.ok(written.some((w) => path.basename(w) === 'calibration-gri_ess_x.json'), written.map((w) => path.basename(w)).join(' '));
});

test('the SVG of faraday plot holds the names as escaped text, never as elements or attributes', async () => {
  const { renderSvg } = await import('../../server/src/plots/render');
  // The figures that carry a name from the protocol (the others draw numbers only).
  const named = buildFigures(analysis()).filter((f) => /alert|Au28Cu12'|gri\/ess/.test(JSON.stringify(f.spec)));
  assert.deepEqual(named.map((f) => f.id).sort(), ['calibration-gri/ess/x', 'calibration-nessler', 'fe', 'it', 'lsv']);
  const svgs = new Map<string, string>();
  for (const f of named) svgs.set(f.id, await renderSvg(f.spec));
  for (const [id, svg] of svgs) {
    // Text and attribute values escape `<`, `>` and `"`: every raw `<` opens a real element.
    for (const tag of svg.match(/<[^>]*>/g) ?? []) {
      const element = /^<\/?([\w:-]+)/.exec(tag)?.[1] ?? '';
      assert.ok(!/^(script|img|image|iframe|foreignObject|a|use|object|embed)$/i.test(element), `${id}: ${tag.slice(0, 200)}`);
      const attributes = [...tag.replace(/"[^"]*"/g, '""').matchAll(/\s([\w:-]+)=/g)].map((m) => m[1]!);
      assert.ok(!attributes.some((a) => /^on/i.test(a) || /href$/i.test(a)), `${id} ${element}: ${attributes.join(' ')}`);
    }
  }
  // The legend of the i-t figure names the files without potential labels: escaped, not dropped.
  assert.ok(svgs.get('it')!.includes('data/&lt;script&gt;alert(1)&lt;/script&gt;.txt'), 'the <script> path is shown as text');
  assert.ok(svgs.get('lsv')!.includes('data/&lt;img src=x onerror=alert(1)&gt;.txt'), 'the <img> path is shown as text');
});

/** Every Vega expression string of a compiled spec, with where it is. */
function expressions(node: unknown, where = '', out: { where: string; expr: string }[] = []): { where: string; expr: string }[] {
  if (Array.isArray(node)) node.forEach((x, i) => expressions(x, `${where}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && ['expr', 'signal', 'update', 'test', 'init', 'calculate', 'filter'].includes(k)) out.push({ where: `${where}.${k}`, expr: v });
      else expressions(v, `${where}.${k}`, out);
    }
  }
  return out;
}

test('preview specs: hostile names reach Vega expressions only as string literals', async () => {
  const { parseExpression } = await import('vega');
  const figures = await previewFigures(buildFigures(analysis()));
  const literals: string[] = [];
  let count = 0;
  for (const f of figures) {
    for (const { where, expr } of expressions(f.vega)) {
      count++;
      const identifiers: string[] = [];
      const walk = (n: unknown): void => {
        if (!n || typeof n !== 'object') return;
        const node = n as { type?: string; name?: string; value?: unknown };
        if (node.type === 'Identifier') identifiers.push(node.name!);
        if (node.type === 'Literal' && typeof node.value === 'string') literals.push(node.value);
        for (const v of Object.values(n)) if (v && typeof v === 'object') Array.isArray(v) ? v.forEach(walk) : walk(v);
      };
      walk(parseExpression(expr));
      assert.ok(!identifiers.includes('alert'), `${f.id}${where}: ${expr}`);
    }
  }
  assert.ok(count > 0);
  // The i-t figure sorts its series by the file names, the FE figure by catalyst and potential: both as literals.
  assert.ok(literals.some((l) => l.includes("'+alert(1)+'")), 'the quote path is a string literal of a sort expression');
  assert.ok(literals.some((l) => l.includes("Au28Cu12'")), "the catalyst name with a quote is a string literal");
  assert.ok(literals.includes(BACKSLASH), 'the path ending in a backslash is one literal, closed where it should be');
});

test('a line separator (U+2028) in a result header: the preview compiles, and the FE figure labels keep the words on one line', async () => {
  // Found by `npm run fuzz` (seed 20261205, edit 1194): `result Au28Cu12 at -0.9 V \u2028vs RHE` put U+2028 into a
  // sort-order string literal of the FE figure; vega's expression parser threw "Unexpected token ILLEGAL".
  const samples = path.resolve(__dirname, '..', '..', 'samples');
  const sample = path.join(samples, 'au28cu12-si.faraday');
  const text = readFileSync(sample, 'utf8').replace('result Au28Cu12 at -0.9 V vs RHE', 'result Au28Cu12 at -0.9 V \u2028vs RHE');
  assert.ok(text.includes('\u2028'));
  const a = analyze(text, { fileName: sample, readFile: readProtocolText, readBytes: readBytesBounded, workspaceRoot: samples });
  const figures = buildFigures(a);
  assert.ok(figures.some((f) => f.id === 'fe'));
  assert.ok(!/[\u2028\u2029]/.test(JSON.stringify(figures)), 'no separator left in any spec');
  const compiled = await previewFigures(figures);
  assert.deepEqual(compiled.map((f) => f.id), figures.map((f) => f.id));
});

test('LSV lines of 70 files: the figure overlays the first 64 and says so', () => {
  // Shrunk from `npm run fuzz` (seed 20261205, edit 30328): a sweep line repeated 2000 times named 8000 files, and
  // the LSV figure's spec of 1500 points per file took 23 s to build (520 MB). A line repeated alike is now one
  // curve (below); lines that differ (here the scan rate each states) are as many curves, at most 64.
  const samples = path.resolve(__dirname, '..', '..', 'samples');
  const sample = path.join(samples, 'au28cu12-si.faraday');
  const line = '  LSV from -0.15 V to -1.15 V vs RHE at 10 mV/s, data "data/lsv-au28cu12-blank.txt"\n';
  const lsvOf = (times: number) => {
    const lines = Array.from({ length: times }, (_, k) => line.replace('at 10 mV/s', `at ${10 + k} mV/s`)).join('');
    const text = readFileSync(sample, 'utf8').replace(line, lines);
    const a = analyze(text, { fileName: sample, readFile: readProtocolText, readBytes: readBytesBounded, workspaceRoot: samples });
    return buildFigures(a).find((f) => f.id === 'lsv')!;
  };
  // The sample's own sweep with nitrate, then 70 blank ones: 71 files, 64 drawn.
  const lsv = lsvOf(70);
  assert.equal(lsv.title, 'LSV (the first 64 of 71 files)');
  assert.match((lsv.spec.title as { subtitle: string }).subtitle, /; the first 64 of 71 files$/);
  // Exactly the rows of a protocol with 64 files (the nitrate sweep and 63 blank ones), which has no note.
  const rowsOf = (f: typeof lsv) => (f.spec.layer as { data?: { values: unknown[] } }[])[0]!.data!.values.length;
  const sixtyFour = lsvOf(63);
  assert.equal(sixtyFour.title, 'LSV');
  assert.equal(rowsOf(lsv), rowsOf(sixtyFour));
  assert.ok(rowsOf(lsv) > rowsOf(lsvOf(62)));
});

test('an LSV line repeated 70 times alike: one curve, the figure of the single line', () => {
  const samples = path.resolve(__dirname, '..', '..', 'samples');
  const sample = path.join(samples, 'au28cu12-si.faraday');
  const line = '  LSV from -0.15 V to -1.15 V vs RHE at 10 mV/s, data "data/lsv-au28cu12-blank.txt"\n';
  const analysed = (times: number) => analyze(readFileSync(sample, 'utf8').replace(line, line.repeat(times)), { fileName: sample, readFile: readProtocolText, readBytes: readBytesBounded, workspaceRoot: samples });
  const once = analysed(1);
  const repeated = analysed(70);
  // Every line is read, and each has its file's value; the figure draws the file once.
  const files = (a: typeof once) => a.values.filter((v) => v.kind === 'dataFile' && v.subject === 'data/lsv-au28cu12-blank.txt');
  assert.equal(files(repeated).length, 70);
  assert.deepEqual(files(repeated).map((v) => v.value), Array(70).fill(files(once)[0]!.value));
  const lsv = (a: typeof once) => buildFigures(a).find((f) => f.id === 'lsv')!;
  assert.deepEqual(lsv(repeated), lsv(once));
  assert.equal(lsv(repeated).title, 'LSV');
});

test('Tafel lines with 70 ranges: the preview keeps 64 figures, and the last says how many there were', () => {
  // Shrunk from `npm run fuzz` (seed 20261206, edit 13174): a sweep line with a Tafel range repeated 930 times made
  // 930 Tafel plots, 2.8 s of Vega-Lite compiling for one preview request. A line repeated alike is now one plot
  // (below); lines that fit differently (here each its own range) have a plot each, 64 figures at most.
  const samples = path.resolve(__dirname, '..', '..', 'samples');
  const sample = path.join(samples, 'oer-figures-of-merit.faraday');
  const original = readFileSync(sample, 'utf8');
  const line = original.split('\n').find((l) => /^\s*LSV .*tafel from 1 to 10 mA\/cm2/.test(l))! + '\n';
  const figuresOf = (times: number) => {
    const lines = Array.from({ length: times }, (_, k) => line.replace('tafel from 1 to 10 mA/cm2', `tafel from 1 to ${(10 + k / 100).toFixed(2)} mA/cm2`)).join('');
    const text = original.replace(line, lines);
    return buildFigures(analyze(text, { fileName: sample, readFile: readProtocolText, readBytes: readBytesBounded, workspaceRoot: samples }));
  };
  const once = figuresOf(1);
  const tafels = (f: Figure[]) => f.filter((x) => /^tafel/.test(x.id)).length;
  assert.equal(tafels(once), 1);
  // Each line has its own Tafel plot: the others of the sample plus 70 make more than 64.
  const total = once.length - 1 + 70;
  assert.equal(tafels(figuresOf(10)), 10);
  const capped = figuresOf(70);
  assert.equal(capped.length, 64);
  assert.equal(capped[63]!.title.endsWith(`(the first 64 of ${total} figures are shown)`), true, capped[63]!.title);
  assert.match((capped[63]!.spec.title as { subtitle: string }).subtitle, new RegExp(`the first 64 of ${total} figures are shown$`));
  // Below the limit nothing is noted.
  assert.ok(figuresOf(10).every((f) => !/figures are shown/.test(f.title)));
});

test('a Tafel line repeated 70 times alike: 70 slopes, each the single line\'s, and one Tafel plot', () => {
  const samples = path.resolve(__dirname, '..', '..', 'samples');
  const sample = path.join(samples, 'oer-figures-of-merit.faraday');
  const original = readFileSync(sample, 'utf8');
  const line = original.split('\n').find((l) => /^\s*LSV .*tafel from 1 to 10 mA\/cm2/.test(l))! + '\n';
  const analysed = (times: number) => analyze(original.replace(line, line.repeat(times)), { fileName: sample, readFile: readProtocolText, readBytes: readBytesBounded, workspaceRoot: samples });
  const once = analysed(1);
  const repeated = analysed(70);
  const slopes = (a: typeof once) => a.values.filter((v) => v.kind === 'tafelSlope').map(({ span: _, ...v }) => v);
  assert.equal(slopes(once).length, 1);
  assert.deepEqual(slopes(repeated), Array(70).fill(slopes(once)[0]));
  assert.deepEqual(buildFigures(repeated), buildFigures(once));
});

test('a Tafel fit over 300 000 points draws its line over their range without overflowing the call stack', async () => {
  // The fitted range's ends were Math.min(...) and Math.max(...) of every fitted point: arguments beyond about
  // 10⁵ overflow the stack (RangeError), as `Math.min(...series)` did for CV files of 200 000 points.
  const { tafelFigures } = await import('../../server/src/plots/figures/tafel');
  const n = 300_000;
  const points = Array.from({ length: n }, (_, i) => ({ logJ: -2 + (3 * i) / (n - 1), y: 0.3 + 0.06 * (-2 + (3 * i) / (n - 1)) }));
  const fit = { subject: 'NiFe', points, fitted: points.map((_, i) => i), slope: 0.06, intercept: 0.3, r2: 1, jUnit: 'mA cm⁻²', yTitle: 'η (V)' };
  const [make] = tafelFigures({ facts: { tafelFits: [fit] } } as never, 500);
  const figure = make!();
  const layers = figure.spec.layer as { data: { values: { logJ: number }[] } }[];
  const line = layers[2]!.data.values.map((p) => p.logJ);
  // From 15 % of the range below the first fitted point to 15 % above the last: −2.45 and 1.45.
  assert.deepEqual(line.map((x) => Number(x.toFixed(12))), [-2.45, 1.45]);
});
