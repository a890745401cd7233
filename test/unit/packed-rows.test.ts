// The preview's long series travel packed by column (server/src/plots/packed-rows.ts): the
// webview gets the same rows back, numbers to six significant digits, and the sample's
// figures draw the same to a thousandth of a pixel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { buildFigures } from '../../server/src/plots/figures';
import { previewFigures, type PreviewFigure } from '../../server/src/plots/preview-spec';
import { PACK_MIN_ROWS, packFigure, packRows, toDisplayDigits, unpackFigure, unpackRows } from '../../server/src/plots/packed-rows';

const root = path.resolve(__dirname, '..', '..');
const samplePath = path.join(root, 'samples', 'au28cu12-si.faraday');
const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
const compiled = previewFigures(buildFigures(analyze(readFileSync(samplePath, 'utf8'), { fileName: samplePath, readFile: read })));

type Source = { name: string; values?: Record<string, unknown>[]; packed?: unknown };
const sources = (f: PreviewFigure) => (f.vega.data as Source[] | undefined) ?? [];

test('numbers keep six significant digits, spelled with no more', () => {
  const cases: [number, number][] = [
    [0.0011111111111111111, 0.00111111], [-284.2, -284.2], [1.379134576195773, 1.37913], [-0.15099999999999997, -0.151],
    [123456789, 123457000], [999999.5, 1000000], [9.9999996, 10], [1000, 1000], [0.001, 0.001], [-4.693378087767674, -4.69338],
    [2.5e-9, 2.5e-9], [6.02214076e23, 6.02214076e23], [1e-30, 1e-30], [0, 0],
  ];
  for (const [x, expected] of cases) assert.equal(toDisplayDigits(x), expected, String(x));
  assert.ok(Number.isNaN(toDisplayDigits(NaN)));
  assert.equal(toDisplayDigits(-Infinity), -Infinity);
  // Within the powers of ten a double holds exactly (|x| from about 1e-16); a number beyond is left as it is (1e-30 above).
  fc.assert(fc.property(fc.double({ min: -1e20, max: 1e20, noNaN: true }).filter((x) => Math.abs(x) >= 1e-16), (x) => {
    const y = toDisplayDigits(x);
    const digits = y.toExponential().split('e')[0]!.replace(/[-.]/g, '');
    return Math.abs(y - x) <= 5.000001e-6 * Math.abs(x) && digits.length <= 6;
  }), { numRuns: 2000 });
});

test('rows pack by column and unpack to the same rows, texts kept once each', () => {
  const rows = Array.from({ length: 300 }, (_, i) => ({ t: i / 3600, j: -284.2 + i / 7, potential: i < 150 ? '-0.7 V vs RHE' : '-0.8 V, "quoted"' }));
  const packed = packRows(rows)!;
  assert.equal(packed.rows, 300);
  assert.deepEqual(packed.columns.map((c) => c.field), ['t', 'j', 'potential']);
  const texts = packed.columns[2]!;
  assert.ok('texts' in texts);
  assert.deepEqual(texts.texts, ['-0.7 V vs RHE', '-0.8 V, "quoted"']);
  const back = unpackRows(JSON.parse(JSON.stringify(packed)))!;
  assert.deepEqual(back, rows.map((r) => ({ t: toDisplayDigits(r.t), j: toDisplayDigits(r.j), potential: r.potential })));
  assert.deepEqual(Object.keys(back[0]!), ['t', 'j', 'potential']);
  // A number JSON cannot carry is null, as JSON would have sent it.
  const odd = rows.map((r, i) => ({ ...r, j: i === 5 ? NaN : i === 6 ? Infinity : r.j }));
  const oddBack = unpackRows(JSON.parse(JSON.stringify(packRows(odd))))!;
  assert.equal(oddBack[5]!.j, null);
  assert.equal(oddBack[6]!.j, null);
});

test('rows that do not pack travel as they are', () => {
  const row = (i: number) => ({ x: i, y: i * 2, label: 'a' });
  assert.equal(packRows(Array.from({ length: PACK_MIN_ROWS - 1 }, (_, i) => row(i))), undefined, 'too few to gain');
  const many = Array.from({ length: PACK_MIN_ROWS }, (_, i) => row(i));
  assert.ok(packRows(many));
  assert.equal(packRows(many.map((r, i) => (i === 100 ? { ...r, extra: 1 } : r))), undefined, 'a row with another field');
  assert.equal(packRows(many.map((r, i) => (i === 100 ? { x: r.x, y: r.y } : r))), undefined, 'a row without one');
  assert.equal(packRows(many.map((r, i) => (i === 100 ? { ...r, y: '2' } : r))), undefined, 'a text among numbers');
  assert.equal(packRows(many.map((r, i) => (i === 100 ? { ...r, label: null } : r))), undefined, 'no text among texts');
  assert.equal(packRows(many.map((r) => ({ ...r, flag: true }))), undefined, 'a field neither number nor text');
  assert.equal(packRows(many.map((r, i) => (i === 100 ? new Map(Object.entries(r)) : r))), undefined, 'a row that is no plain object');
});

test('a packing that is not whole unpacks to nothing', () => {
  const good = JSON.parse(JSON.stringify(packRows(Array.from({ length: 300 }, (_, i) => ({ x: i, s: i % 2 ? 'a' : 'b' })))!)) as { rows: number; columns: Record<string, unknown>[] };
  assert.ok(unpackRows(good));
  const broken = (change: (p: typeof good) => void) => {
    const p = JSON.parse(JSON.stringify(good)) as typeof good;
    change(p);
    return unpackRows(p);
  };
  assert.equal(broken((p) => (p.rows = 301)), undefined, 'more rows than values');
  assert.equal(broken((p) => (p.rows = -1)), undefined);
  assert.equal(broken((p) => ((p.columns[0]!.numbers as unknown[])[3] = 'x')), undefined, 'a text among the numbers');
  assert.equal(broken((p) => ((p.columns[1]!.codes as number[])[3] = 2)), undefined, 'a code past the texts');
  assert.equal(broken((p) => ((p.columns[1]!.codes as number[])[3] = 0.5)), undefined);
  assert.equal(broken((p) => ((p.columns[1]!.texts as unknown[])[0] = 7)), undefined, 'a text that is not one');
  assert.equal(broken((p) => p.columns.push({ ...p.columns[0]! })), undefined, 'a field twice');
  assert.equal(broken((p) => p.columns.push({ field: 'z' })), undefined, 'a column with no values');
  assert.equal(unpackRows(null), undefined);
  assert.equal(unpackRows([1, 2]), undefined);
  assert.equal(unpackRows({ rows: 0, columns: [] })?.length, 0);
});

test("the sample's preview message shrinks by two thirds, and every figure unpacks to what was compiled", async () => {
  const figures = await compiled;
  const packed = figures.map(packFigure);
  const before = JSON.stringify(figures).length;
  const after = JSON.stringify(packed).length;
  assert.ok(after < before / 3, `${before} → ${after} characters`);
  for (const [i, f] of figures.entries()) {
    const p = packed[i]!;
    // The figure given is not changed; short sources (FE bars, calibration points) stay rows.
    assert.ok(sources(f).every((d) => d.packed === undefined));
    for (const [k, d] of sources(p).entries()) {
      const original = sources(f)[k]!;
      assert.equal(d.packed !== undefined, (original.values?.length ?? 0) >= PACK_MIN_ROWS, `${f.id} ${d.name}`);
    }
    const back = unpackFigure(JSON.parse(JSON.stringify(p)) as PreviewFigure)!;
    const round = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? toDisplayDigits(v) : v])));
    for (const [k, d] of sources(back).entries()) {
      const original = sources(f)[k]!;
      if (original.values && original.values.length >= PACK_MIN_ROWS) assert.deepEqual(d.values, round(original.values));
      else assert.deepEqual(d, JSON.parse(JSON.stringify(original)));
    }
    assert.deepEqual({ ...back, vega: { ...back.vega, data: undefined } }, { ...JSON.parse(JSON.stringify(f)), vega: { ...JSON.parse(JSON.stringify(f.vega)), data: undefined } });
  }
  const it = sources(packed.find((f) => f.id === 'it')!)[0]!;
  assert.ok(it.packed && JSON.stringify(it.packed).length < 160_000, 'the 7500 i-t rows');
  assert.equal(unpackFigure({ ...packed[0]!, vega: { ...packed[0]!.vega, data: [{ name: 'faraday_data_0', packed: { rows: 2, columns: [] } }] } })?.id, packed[0]!.id, 'no columns: rows without fields');
  assert.equal(unpackFigure({ ...packed[0]!, vega: { ...packed[0]!.vega, data: [{ name: 'faraday_data_0', packed: { rows: 2 } }] } }), undefined);
});

test('every figure draws from its unpacked data as from the compiled one, to a thousandth of a pixel', async () => {
  const vega = await import('vega');
  const { expressionInterpreter } = await import('vega-interpreter');
  const svg = async (spec: unknown) => {
    const view = new vega.View(vega.parse(spec as never, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter as never });
    await view.runAsync();
    return view.toSVG();
  };
  const numbers = (s: string) => (s.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  for (const f of await compiled) {
    const a = await svg(f.vega);
    const b = await svg(unpackFigure(JSON.parse(JSON.stringify(packFigure(f))) as PreviewFigure)!.vega);
    assert.equal(a.replace(/-?\d+(\.\d+)?(e-?\d+)?/g, '#'), b.replace(/-?\d+(\.\d+)?(e-?\d+)?/g, '#'), `${f.id}: the same marks`);
    const [x, y] = [numbers(a), numbers(b)];
    const worst = Math.max(0, ...x.map((v, i) => Math.abs(v - y[i]!)));
    assert.ok(worst <= 0.002, `${f.id}: coordinates differ by ${worst}`);
  }
});
