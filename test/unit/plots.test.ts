// Figures of the sample: Vega-Lite specs valid against the schema, with the
// computed data in them; LTTB downsampling; headless SVG renders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyze } from '../../server/src/analysis/analyze';
import { buildFigures, type Figure } from '../../server/src/plots/figures';
import { lttbIndices } from '../../server/src/plots/lttb';
import { renderSvg } from '../../server/src/plots/render';
import { previewFigures } from '../../server/src/plots/preview-spec';

const root = path.resolve(__dirname, '..', '..');
const samplePath = path.join(root, 'samples', 'au28cu12-si.faraday');
const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
const analysis = analyze(readFileSync(samplePath, 'utf8'), { fileName: samplePath, readFile: read });
const figures = buildFigures(analysis);
const figure = (id: string) => figures.find((f) => f.id === id)!;
/** The figures of merit of the OER and ORR samples (Tafel, stability, Koutecký–Levich), named apart from the main sample's. */
const meritFigures = ['oer-figures-of-merit', 'orr-rde-pt'].flatMap((name) => {
  const file = path.join(root, 'samples', `${name}.faraday`);
  return buildFigures(analyze(readFileSync(file, 'utf8'), { fileName: file, readFile: read })).map((f) => ({ ...f, id: `${name}/${f.id}` }));
});
type Rows = Record<string, number | string>[];
const layerRows = (f: Figure, i: number) => ((f.spec.layer as { data: { values: Rows } }[])[i]!.data.values);

/**
 * Validates with ajv in a plain node process: tsx's module hook mangles ajv's
 * JSON requires. Returns the first errors of each spec, or null when valid.
 */
function validateSpecs(specs: unknown[]): (unknown[] | null)[] {
  const script = `
    const Ajv = require('ajv');
    const schema = JSON.parse(require('fs').readFileSync('node_modules/vega-lite/build/vega-lite-schema.json', 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    const specs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify(specs.map((s) => (validate(s) ? null : validate.errors.slice(0, 3)))));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, input: JSON.stringify(specs), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('every figure is a valid Vega-Lite spec (the vega-lite package\'s own JSON schema)', () => {
  assert.equal(figures.length, 9);
  const errors = validateSpecs([...figures.map((f) => f.spec), { mark: 'lines', data: { values: [] } }]);
  figures.forEach((f, i) => assert.equal(errors[i], null, `${f.id}: ${JSON.stringify(errors[i])}`));
  // A broken spec is caught, so the check can fail.
  assert.notEqual(errors[figures.length], null);
});

test('the figures of merit are valid Vega-Lite specs too: Tafel, stability and Koutecký–Levich plots', () => {
  assert.deepEqual(meritFigures.map((f) => f.id), [
    'oer-figures-of-merit/lsv', 'oer-figures-of-merit/tafel', 'oer-figures-of-merit/stability', 'oer-figures-of-merit/stability-2', 'oer-figures-of-merit/nyquist',
    'orr-rde-pt/lsv', 'orr-rde-pt/koutecky-levich',
  ]);
  const errors = validateSpecs(meritFigures.map((f) => f.spec));
  meritFigures.forEach((f, i) => assert.equal(errors[i], null, `${f.id}: ${JSON.stringify(errors[i])}`));
});

test('LSV on the RHE scale: each file through its own cell\'s pH, the onset at 10 mA/cm² as a rule', () => {
  const lsv = figure('lsv');
  const all = layerRows(lsv, 0);
  const nitrate = all.filter((r) => r.series === 'Au28Cu12 in nitrate');
  const blank = all.filter((r) => r.series === 'Au28Cu12 in blank');
  assert.deepEqual([nitrate.length, blank.length], [1001, 1001]);
  // The nitrate file starts at −0.407 V vs Ag/AgCl; E(RHE) = E(Ag/AgCl) + 0.198 + 0.059 × pH 1.0 (measured).
  assert.ok(Math.abs((nitrate[0]!.E as number) - -0.15) < 1e-9);
  assert.ok(Math.abs((nitrate[1000]!.E as number) - -1.15) < 1e-9);
  // The blank file (−0.421 V vs Ag/AgCl) goes through the estimated pH 1.24 of 0.05 M H2SO4: + 0.198 + 0.059 × 1.24.
  assert.ok(Math.abs((blank[0]!.E as number) - (-0.421 + 0.198 + 0.059 * 1.24)) < 2e-4, `${blank[0]!.E}`);
  // Without nitrate only hydrogen evolves: at −0.8 V vs RHE, 5 mA/cm² against about 65 in nitrate.
  const at = (rows: typeof all, e: number) => rows.reduce((best, r) => (Math.abs((r.E as number) - e) < Math.abs((best.E as number) - e) ? r : best));
  assert.ok(Math.abs((at(blank, -0.8).j as number) - -5.01) < 0.1, `${at(blank, -0.8).j}`);
  assert.ok((at(nitrate, -0.8).j as number) < -60);
  assert.equal(((lsv.spec.layer as { encoding: { x: { title: string } } }[])[0]!.encoding.x.title), 'E (V vs RHE)');
  const onset = layerRows(lsv, 1)[0]!.E as number;
  // The generator's model (Tafel b = 0.20 V/dec, i = 0.09 A at −0.8 V, ilim = 0.25 A, 10 µA capacitive) reaches 10 mA at −0.6126 V.
  assert.ok(Math.abs(onset - -0.6126) < 0.0005, `${onset}`);
});

test('i-t: five potentials, each series downsampled to 1500 points for display', () => {
  const it = figure('it');
  assert.equal(it.pointsRead, 5 * 7201);
  assert.equal(it.pointsDrawn, 5 * 1500);
  const rows = (it.spec.data as { values: Rows }).values;
  assert.deepEqual([...new Set(rows.map((r) => r.potential))], ['-0.7 V vs RHE', '-0.8 V vs RHE', '-0.9 V vs RHE', '-1.0 V vs RHE', '-1.1 V vs RHE']);
  // Time in hours: the last point of each run is at 2 h.
  assert.equal(Math.max(...rows.map((r) => r.t as number)), 2);
});

test('FE per potential: stacked bars per product in potential order, the NH3 yield rate as a line', () => {
  const fe = figure('fe');
  // The FE bars and their error bars share one y axis: a layer of their own.
  const feLayer = (fe.spec.layer as { layer: Figure['spec'][] }[])[0]!.layer as { data: { values: Rows } }[];
  const bars = feLayer[0]!.data.values;
  assert.deepEqual([...new Set(bars.map((b) => b.potential))], ['-0.7 V vs RHE', '-0.8 V vs RHE', '-0.9 V vs RHE']);
  const nh3 = bars.find((b) => b.potential === '-0.8 V vs RHE' && b.product === 'NH3')!.fe as number;
  // Hand check: 342.1 mg/L NH3-N × 0.030 L / 14.007 g/mol = 0.7327 mmol; FE = 8 × 96485 × 0.7327e-3 / 600 = 94.25 %.
  assert.ok(Math.abs(nh3 - 94.25) < 0.01, `${nh3}`);
  // Error bars at the top of each stacked segment (NH3 below NO2- below H2): NH3 and NO2- carry the standard
  // error of their calibrations (H2, one GC reading, has none). At -0.8 V: NH3 spans 94.25 ± u(FE NH3),
  // NO2- spans (94.25 + 1.997) ± u(FE NO2-).
  const errors = feLayer[1]!.data.values;
  assert.equal(errors.length, 6);
  const at08 = (p: string) => errors.find((e) => e.potential === '-0.8 V vs RHE' && e.product === p)!;
  const no2 = bars.find((b) => b.potential === '-0.8 V vs RHE' && b.product === 'NO2-')!;
  assert.ok(Math.abs((at08('NH3').high as number) - (nh3 + (at08('NH3').u as number))) < 1e-9);
  assert.ok(Math.abs((at08('NO2-').low as number) - (nh3 + (no2.fe as number) - (no2.u as number))) < 1e-9);
  assert.ok((at08('NH3').u as number) > 3 && (at08('NH3').u as number) < 3.5, `${at08('NH3').u}`);
  const yields = layerRows(fe, 1);
  assert.equal(yields.length, 3);
  assert.ok(Math.abs((yields.find((y) => y.potential === '-0.8 V vs RHE')!.rate as number) - 6239) < 1);
});

test('calibration: the standards, the fitted line and the readings placed on it', () => {
  const c = figure('calibration-nessler');
  const [line, standards, readings] = [layerRows(c, 0), layerRows(c, 1), layerRows(c, 2)];
  assert.equal(standards.length, 5);
  const slope = ((line[1]!.y as number) - (line[0]!.y as number)) / ((line[1]!.x as number) - (line[0]!.x as number));
  // REFERENCE-VALUES.md: nessler slope 0.26387 per mg/L.
  assert.ok(Math.abs(slope - 0.26387) < 0.00001, `${slope}`);
  // Three results read NH3-N with nessler: 0.062, 0.099, 0.118.
  assert.deepEqual(readings.map((r) => r.y).sort(), [0.062, 0.099, 0.118]);
  const at099 = readings.find((r) => r.y === 0.099)!.x as number;
  assert.ok(Math.abs(at099 - 0.3421) < 0.0005, `${at099}`);
});

test('Cdl: Δj against scan rate recovers the 2.5 mF the CVs were generated with', () => {
  const cdl = figure('cdl');
  const points = layerRows(cdl, 1);
  assert.deepEqual(points.map((p) => p.x), [20, 60, 100, 140, 180]);
  // Δj = 2·Cdl·v: at 100 mV/s, 2 × 2.5 mF × 0.1 V/s = 0.5 mA on 1 cm².
  assert.ok(Math.abs((points[2]!.y as number) - 0.5) < 1e-6);
  assert.match(JSON.stringify(cdl.spec.title), /Cdl = 2\.500 mF cm⁻²/);
});

test('Nyquist: −Z" against Z\' on equal axes', () => {
  const n = figure('nyquist');
  const enc = n.spec.encoding as { x: { scale: { domain: number[] } }; y: { scale: { domain: number[] } } };
  assert.deepEqual(enc.x.scale.domain, enc.y.scale.domain);
  assert.equal(n.spec.width, n.spec.height);
  const rows = (n.spec.data as { values: Rows }).values;
  assert.equal(rows.length, 71);
  // Highest frequency: Z' → Rs = 8 Ω.
  assert.ok(Math.abs((rows[0]!.re as number) - 8) < 0.5);
});

test('UV-vis: photon energy E = hc/λ and the intensity times the Jacobian λ²/hc', () => {
  const rows = (figure('uvvis').spec.data as { values: Rows }).values;
  const r = rows.find((x) => x.lambda === 500 && x.sample === 'Au28')!;
  assert.ok(Math.abs((r.E as number) - 2.4797) < 1e-4);
  assert.ok(Math.abs((r.AE as number) - ((r.A as number) * 500 * 500) / 1239.841984) < 1e-9);
  assert.deepEqual([...new Set(rows.map((x) => x.sample))], ['Au28', 'Cu28']);
});

test('LTTB keeps the ends, the requested count and a lone spike', () => {
  const n = 10000;
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = Float64Array.from({ length: n }, (_, i) => (i === 4321 ? 100 : Math.sin(i / 500)));
  const kept = lttbIndices(x, y, 200);
  assert.equal(kept.length, 200);
  assert.equal(kept[0], 0);
  assert.equal(kept[199], n - 1);
  assert.ok(kept.includes(4321));
  assert.deepEqual(lttbIndices(x.subarray(0, 5), y.subarray(0, 5), 200), [0, 1, 2, 3, 4]);
});

test('headless SVG renders hold the expected marks', async () => {
  const fe = await renderSvg(figure('fe').spec);
  // Nine bars (three products at three potentials), their error bars and the yield-rate line.
  assert.equal((fe.match(/<path [^>]*aria-roledescription="bar"/g) ?? []).length, 9);
  assert.match(fe, /class="mark-rule role-mark/);
  assert.match(fe, /class="mark-line role-mark/);
  const lsv = await renderSvg(figure('lsv').spec);
  assert.match(lsv, /class="mark-rule role-mark/);
  assert.match(lsv, />E \(V vs RHE\)</);
});

test('the preview\'s slimmed vega runtime draws every figure exactly as all of vega does', async () => {
  // The figures as the preview receives them: laid out for the panel and compiled to Vega.
  const every = [...figures, ...meritFigures];
  const compiled = await previewFigures(every);
  assert.deepEqual(compiled.map((f) => f.id), every.map((f) => f.id));
  // The panel's lines carry no ARIA description (vega-interpreter built one per point); bars and points keep theirs.
  const marks = (node: { type?: string; marks?: unknown[]; encode?: Record<string, Record<string, unknown>> }, out: typeof node[] = []): typeof node[] => {
    out.push(node);
    for (const m of (node.marks ?? []) as (typeof node)[]) marks(m, out);
    return out;
  };
  const described = (m: { encode?: Record<string, Record<string, unknown>> }) => Object.values(m.encode ?? {}).some((e) => 'description' in e);
  let lines = 0;
  for (const f of compiled) {
    for (const m of marks(f.vega as never)) {
      if (m.type === 'line' || m.type === 'area' || m.type === 'trail') {
        lines++;
        assert.equal(described(m), false, `${f.id}: a ${m.type} describes its points`);
      }
    }
  }
  assert.ok(lines >= 5, `the figures hold lines (${lines})`);
  assert.ok(compiled.some((f) => marks(f.vega as never).some((m) => m.type === 'rect' && described(m))), 'the FE bars keep their descriptions');
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-runtime-'));
  const input = path.join(dir, 'figures.json');
  writeFileSync(input, JSON.stringify(compiled));
  const { webviewBundleOptions } = await import('../../scripts/webview-bundle.mjs');
  const esbuild = await import('esbuild');
  const canvas = path.join(root, 'node_modules/vega-canvas/build/vega-canvas.browser.js');
  const render = async (runtime: string, slim: boolean) => {
    const outfile = path.join(dir, `${slim ? 'slim' : 'full'}.js`);
    const options = slim ? webviewBundleOptions({ 'vega-canvas': canvas }) : { alias: { 'vega-canvas': canvas } };
    await esbuild.build({
      entryPoints: [path.join(root, 'test/unit/fixtures/render-vega.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error',
      ...options, alias: { ...options.alias, RUNTIME: runtime },
    });
    const r = spawnSync(process.execPath, [outfile, input], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as { id: string; svg?: string; error?: string }[];
  };
  const slim = await render(path.join(root, 'client/src/webview/vega-runtime.ts'), true);
  const full = await render('vega', false);
  assert.deepEqual(slim.filter((f) => f.error), []);
  for (const [i, f] of slim.entries()) {
    assert.ok(f.svg!.length > 1000, `${f.id} drew nothing`);
    assert.equal(f.svg, full[i]!.svg, `${f.id}: the preview's runtime draws it differently from vega`);
  }
  // Marks the paper's figures need: nine FE bars, the LSV's onset rule, the calibration points.
  const svg = (id: string) => slim.find((f) => f.id === id)!.svg!;
  assert.equal((svg('fe').match(/<path [^>]*aria-roledescription="bar"/g) ?? []).length, 9);
  assert.match(svg('lsv'), /class="mark-rule role-mark/);
  assert.match(svg('calibration-nessler'), /aria-roledescription="point"/);
  // The stability windows are rules; the Tafel and Koutecký–Levich fits are dashed lines over their points.
  assert.match(svg('oer-figures-of-merit/stability'), /class="mark-rule role-mark/);
  assert.match(svg('oer-figures-of-merit/tafel'), /stroke-dasharray="5,3"/);
  assert.match(svg('orr-rde-pt/koutecky-levich'), /aria-roledescription="point"/);
});
