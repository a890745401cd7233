// What the user downloads and waits for: the webview's scripts (target ≤ 400 KB),
// the bundles, the VSIX, the time to load the extension's bundle, the preview's
// figures compiled for the webview, and the real VS Code figures of the last
// e2e run (command → first figure ≤ 500 ms, all figures ≤ 1 s, activation ≤ 200 ms).
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../server/src/analysis/analyze';
import { buildFigures } from '../server/src/plots/figures';
import { forgetCompiledShapes, previewFigures } from '../server/src/plots/preview-spec';
import { packFigure, unpackFigure } from '../server/src/plots/packed-rows';
import { replaceData } from '../client/src/webview/replace-data';

type Breakdown = { extension: Record<string, number>; webview: Record<string, number>; server?: Record<string, number> };
type E2eTiming = {
  commandToRenderMs: number; commandToFirstMs?: number; webviewRenderMs: number; figures: number; activationMs?: number; serverStartMs?: number; editRerenderMs?: number;
  breakdown?: Breakdown; editBreakdown?: Breakdown; emptyWebview?: { documentStart: number; messageReceived: number };
  reopen?: { commandToRenderMs: number; commandToFirstMs: number; breakdown?: Breakdown };
  reshow?: { commandToRenderMs: number; breakdown?: Breakdown };
};

/** Each side's steps as `name ms`, in the order they happened. */
function breakdownLines(b: Breakdown): string[] {
  const steps = (marks: Record<string, number>) => Object.entries(marks).sort((x, y) => x[1] - y[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [`  extension: ${steps(b.extension)}`, `  webview: ${steps(b.webview)}`];
  if (b.server) lines.push(`  server: received ${b.server.received}, answered ${b.server.answered} (analysis ${b.server.analysisMs} ms, figures ${b.server.figuresMs} ms, Vega compile ${b.server.compileMs} ms)`);
  return lines;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const verdict = (ok: boolean) => (ok ? 'meets the target' : 'MISSES the target');

export async function run(): Promise<string> {
  const root = process.cwd();
  const out: string[] = ['## Bundles (production)'];
  const page = statSync(path.join(root, 'dist/webview/preview.js')).size;
  const runtime = statSync(path.join(root, 'dist/webview/vega.js')).size;
  out.push(`webview scripts: page dist/webview/preview.js ${kb(page)} + vega runtime dist/webview/vega.js ${kb(runtime)} = ${kb(page + runtime)} (target ≤ 400 KB: ${verdict(page + runtime <= 400 * 1024)})`);
  for (const f of ['extension.js', 'server.js', 'analysis-worker.js', 'cli.js']) out.push(`dist/${f}: ${kb(statSync(path.join(root, 'dist', f)).size)}`);

  // The extension's bundle loaded in a fresh node with a stand-in for the vscode module (module evaluation only).
  const load = spawnSync(process.execPath, ['-e', `
    const Module = require('module'); const orig = Module._load;
    Module._load = function (request, ...rest) { return request === 'vscode' ? new Proxy({}, { get: () => new Proxy(function () {}, { get: () => ({}) }) }) : orig.call(this, request, ...rest); };
    const t0 = performance.now(); require(${JSON.stringify(path.join(root, 'dist/extension.js'))}); console.log(performance.now() - t0);`], { encoding: 'utf8' });
  out.push(load.status === 0 ? `extension bundle load (module evaluation, stubbed vscode): ${Number(load.stdout).toFixed(1)} ms` : `extension bundle load failed: ${load.stderr.split('\n')[0]}`);

  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-vsix-'));
  const vsix = path.join(dir, 'faraday.vsix');
  const pack = spawnSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: root, encoding: 'utf8' });
  out.push(pack.status === 0 && existsSync(vsix) ? `VSIX (vsce package): ${kb(statSync(vsix).size)}` : `VSIX: vsce package failed: ${(pack.stderr || pack.stdout).split('\n')[0]}`);

  out.push('', '## Preview figures compiled for the webview (sample)');
  const sample = path.join(root, 'samples', 'au28cu12-si.faraday');
  const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
  const figures = buildFigures(analyze(readFileSync(sample, 'utf8'), { fileName: sample, readFile: read }));
  await previewFigures(figures.slice(0, 1)); // the compiler's first load, as on the preview's first request
  // Compiled anew (no shape kept, as on a file's first preview), and again with every shape kept (a reopened preview).
  const timeCompile = async (keep: boolean) => {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      if (!keep) forgetCompiledShapes();
      const t0 = performance.now();
      const compiled = await previewFigures(figures);
      ms.push(performance.now() - t0);
      // As the language server sends them: long series packed by column (plots/packed-rows.ts).
      bytes = JSON.stringify(compiled.map(packFigure)).length;
    }
    ms.sort((a, b) => a - b);
    return { median: ms[2]!, bytes };
  };
  const anew = await timeCompile(false);
  const kept = await timeCompile(true);
  out.push(`${figures.length} figures → Vega in the language server: ${anew.median.toFixed(1)} ms median of 5, ${kept.median.toFixed(1)} ms with every shape compiled before (a reopened preview, an edit of data); message to the webview ${kb(anew.bytes)}`);

  // The message as rows and as sent (long series packed by column): what packing costs the server and
  // unpacking the page, against what each serialisation or parse of the message costs on its way
  // (the server writes it, the extension host reads and writes it, the page reads it).
  const compiled = await previewFigures(figures);
  const medianOf31 = (f: () => unknown) => {
    const ms: number[] = [];
    for (let i = 0; i < 31; i++) {
      const t0 = performance.now();
      f();
      ms.push(performance.now() - t0);
    }
    return ms.sort((a, b) => a - b)[15]!.toFixed(1);
  };
  const packed = compiled.map(packFigure);
  const [rowsJson, packedJson] = [JSON.stringify(compiled), JSON.stringify(packed)];
  const arrived = JSON.parse(packedJson) as typeof packed;
  out.push(`the message as rows ${kb(rowsJson.length)}, packed ${kb(packedJson.length)} (medians of 31): packing ${medianOf31(() => compiled.map(packFigure))} ms, unpacking ${medianOf31(() => arrived.map(unpackFigure))} ms; JSON.stringify ${medianOf31(() => JSON.stringify(compiled))} → ${medianOf31(() => JSON.stringify(packed))} ms, JSON.parse ${medianOf31(() => JSON.parse(rowsJson))} → ${medianOf31(() => JSON.parse(packedJson))} ms`);

  // The page's redraw of the FE figure after an edited reading (same shape): a new view against the
  // drawn view given the new data. Headless (all of vega in node, SVG), the nearest to the webview here.
  const vega = await import('vega');
  const { expressionInterpreter } = await import('vega-interpreter');
  const fe = async (text: string) => (await previewFigures(buildFigures(analyze(text, { fileName: sample, readFile: read })))).find((f) => f.id === 'fe')!;
  const original = readFileSync(sample, 'utf8');
  const before = await fe(original);
  const after = await fe(original.replace('NH3-N absorbance 0.099', 'NH3-N absorbance 0.120'));
  const newView = async (spec: object) => {
    const v = new vega.View(vega.parse(spec as never, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter } as never);
    await v.runAsync();
    return v;
  };
  const freshMs: number[] = [];
  const replacedMs: number[] = [];
  for (let i = 0; i < 11; i++) {
    const drawn = await newView(before.vega);
    let t0 = performance.now();
    await (await newView(after.vega)).toSVG();
    freshMs.push(performance.now() - t0);
    t0 = performance.now();
    await replaceData(drawn, after.vega);
    await drawn.toSVG();
    replacedMs.push(performance.now() - t0);
  }
  const median = (ms: number[]) => [...ms].sort((x, y) => x - y)[ms.length >> 1]!.toFixed(1);
  out.push(`FE figure redrawn after an edited reading (headless vega, SVG, median of 11): new view ${median(freshMs)} ms, drawn view given the new data ${median(replacedMs)} ms`);

  const e2e = path.join(root, 'dist', 'e2e-preview-timing.json');
  if (existsSync(e2e)) {
    const t = JSON.parse(readFileSync(e2e, 'utf8')) as E2eTiming;
    out.push('', '## Real VS Code (code-server, last e2e run)');
    if (t.commandToFirstMs !== undefined) out.push(`command → first figure on screen: ${t.commandToFirstMs} ms (target ≤ 500 ms: ${verdict(t.commandToFirstMs <= 500)})`);
    out.push(`command → all ${t.figures} figures: ${t.commandToRenderMs} ms (target ≤ 1000 ms: ${verdict(t.commandToRenderMs <= 1000)}); drawing alone ${t.webviewRenderMs.toFixed(0)} ms`);
    if (t.breakdown) out.push('where it goes (ms after the command; the first webview of the session):', ...breakdownLines(t.breakdown));
    if (t.emptyWebview) out.push(`empty webview, the workbench's floor (a page that posts one message, opened after the preview): page loads at ${t.emptyWebview.documentStart} ms, message received at ${t.emptyWebview.messageReceived} ms`);
    if (t.reopen) {
      out.push(`preview closed and opened again: first figure ${t.reopen.commandToFirstMs} ms (target ≤ 500 ms: ${verdict(t.reopen.commandToFirstMs <= 500)}), all ${t.reopen.commandToRenderMs} ms (target ≤ 1000 ms: ${verdict(t.reopen.commandToRenderMs <= 1000)})`);
      if (t.reopen.breakdown) out.push(...breakdownLines(t.reopen.breakdown));
    }
    if (t.reshow) out.push(`preview hidden behind another editor and shown again: figures drawn ${t.reshow.commandToRenderMs} ms after the command`, ...(t.reshow.breakdown ? breakdownLines(t.reshow.breakdown) : []));
    if (t.editRerenderMs !== undefined) out.push(`re-render after an edit (request after the preview's 300 ms debounce → figures drawn): ${t.editRerenderMs} ms (target ≤ 100 ms: ${verdict(t.editRerenderMs <= 100)})`);
    if (t.editBreakdown) out.push(...breakdownLines(t.editBreakdown));
    if (t.activationMs !== undefined) out.push(`extension activation (activate() returned): ${t.activationMs} ms (target ≤ 200 ms: ${verdict(t.activationMs <= 200)})`);
    if (t.serverStartMs !== undefined) out.push(`language server started (after activation began, not waited for by it): ${t.serverStartMs} ms`);
  } else out.push('', 'real VS Code: run the e2e suite (npm test) to measure the preview and the activation');
  return out.join('\n');
}
