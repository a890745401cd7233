// A data line repeated many times in one run block (found by the fuzzer: `CA stability at 1.55 V vs RHE for
// 50 h, data "…"` 1591 times made the preview's figures request take 2.2-2.5 s of CPU). Each line keeps its
// own values and diagnostics, the same as the single line's; what the lines share (the record's drift or
// retention, its curve, a Tafel fit) is one result, and the figures draw it once.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, AnalysisSession, type Analysis } from '../../server/src/analysis/analyze';
import { buildFigures, MAX_FIGURES } from '../../server/src/plots/figures';
import { readBytesBounded, readProtocolText } from '../../server/src/instruments/read-bytes';

const samples = path.resolve(__dirname, '..', '..', 'samples');
const sample = path.join(samples, 'au28cu12-si.faraday');
const original = readFileSync(sample, 'utf8');
const options = { fileName: sample, readFile: readProtocolText, readBytes: readBytesBounded, workspaceRoot: samples };

/** The sample with `lines` at the top of its `run in H` block. */
function withLines(lines: string[]): string {
  return original.replace('run in H {\n', `run in H {\n${lines.join('\n')}\n`);
}

/** Values of a kind whose span lies in the added lines, without their spans (each line's is its own). */
function valuesOf(a: Analysis, text: string, kind: string, added: number) {
  const end = text.indexOf('run in H {\n') + 'run in H {\n'.length + added;
  return a.values.filter((v) => v.kind === kind && v.span.start < end && v.span.start > text.indexOf('run in H {')).map(({ span: _, ...v }) => v);
}

function diagnosticsOf(a: Analysis, code: string) {
  return a.diagnostics.filter((d) => d.code === code).map((d) => d.message);
}

const STABILITY = '  CA stability at 1.55 V vs RHE for 50 h, data "data/it-au28cu12--0.8.txt"';

test('a CA stability line repeated 1591 times: every line has the single line\'s values and warning; one run computed, one figure', () => {
  const onceText = withLines([STABILITY]);
  const manyText = withLines(Array(1591).fill(STABILITY));
  const once = analyze(onceText, options);
  const many = analyze(manyText, options);
  const added = (lines: number) => lines * (STABILITY.length + 1);
  for (const kind of ['dataFile', 'charge', 'meanCurrent', 'currentRetention']) {
    const single = valuesOf(once, onceText, kind, added(1));
    assert.equal(single.length, 1, kind);
    assert.deepEqual(valuesOf(many, manyText, kind, added(1591)), Array(1591).fill(single[0]), kind);
  }
  // The record is 2 h long, the line says 50 h: said on every line.
  assert.equal(diagnosticsOf(once, 'FD0750').length, 1);
  assert.deepEqual(diagnosticsOf(many, 'FD0750'), Array(1591).fill(diagnosticsOf(once, 'FD0750')[0]));
  // Every other diagnostic is the single line's.
  assert.deepEqual(many.diagnostics.filter((d) => d.code !== 'FD0750').map((d) => d.message), once.diagnostics.filter((d) => d.code !== 'FD0750').map((d) => d.message));
  // One run per line, all one object: the retention and the curve were computed once.
  assert.equal(many.facts.stabilityRuns.length, 1591);
  assert.equal(new Set(many.facts.stabilityRuns).size, 1);
  // The figures are the single line's: one stability plot.
  const figures = buildFigures(many);
  assert.equal(figures.filter((f) => f.id.startsWith('stability')).length, 1);
  assert.deepEqual(figures, buildFigures(once));
});

test('a CP stability line, an i-t line and a sweep with its onset repeated: values of every line as the single line\'s, figures as the single line\'s', () => {
  const lines = [
    '  CP stability at 10 mA/cm2 for 100 h, data "data/cp-stability-ruo2.mpt"',
    '  CA at -0.8 V vs RHE for 2 h, data "data/it-au28cu12--0.8.txt"',
    '  LSV from -0.15 V to -1.15 V vs RHE at 10 mV/s, data "data/lsv-au28cu12.txt", onset at 5 mA/cm2',
  ];
  for (const line of lines) {
    const onceText = withLines([line]);
    const manyText = withLines(Array(200).fill(line));
    const once = analyze(onceText, options);
    const many = analyze(manyText, options);
    for (const kind of ['dataFile', 'potentialDrift', 'charge', 'onsetPotential']) {
      const single = valuesOf(once, onceText, kind, line.length + 1);
      assert.deepEqual(valuesOf(many, manyText, kind, 200 * (line.length + 1)), Array(200 * single.length).fill(single[0]), `${line}: ${kind}`);
    }
    assert.deepEqual(buildFigures(many), buildFigures(once), line);
  }
});

test('a line naming a missing file repeated 1591 times: each line says so, and nothing is drawn for it', () => {
  const line = '  CA stability at 1.55 V vs RHE for 50 h, data "data/no-such-file.txt"';
  const many = analyze(withLines(Array(1591).fill(line)), options);
  const missing = many.diagnostics.filter((d) => d.code === 'FD0707');
  assert.equal(missing.length, 1591);
  assert.equal(new Set(missing.map((d) => d.span.start)).size, 1591, 'one at each line');
  assert.match(missing[0]!.message, /^cannot find the data file `data\/no-such-file\.txt`/);
  assert.deepEqual(buildFigures(many).map((f) => f.id), buildFigures(analyze(original, options)).map((f) => f.id));
});

test('stability lines that differ in their window: each its own retention and plot, one curve shared, 64 figures with the count', () => {
  const lines = Array.from({ length: 70 }, (_, k) => `  CA stability at 1.55 V vs RHE for 50 h, window ${1 + k} min, data "data/it-au28cu12--0.8.txt"`);
  const text = withLines(lines);
  const a = analyze(text, options);
  const retained = valuesOf(a, text, 'currentRetention', lines.join('\n').length + 1);
  assert.equal(retained.length, 70);
  // Each line's value is what that line alone gives.
  for (const k of [0, 29, 69]) {
    const alone = withLines([lines[k]!]);
    assert.deepEqual(retained[k], valuesOf(analyze(alone, options), alone, 'currentRetention', lines[k]!.length + 1)[0]);
  }
  assert.equal(new Set(a.facts.stabilityRuns).size, 70);
  assert.equal(new Set(a.facts.stabilityRuns.map((r) => r.values)).size, 1, 'one curve in display units');
  const figures = buildFigures(a);
  assert.equal(figures.length, MAX_FIGURES);
  const total = buildFigures(analyze(original, options)).length + 70;
  assert.ok(figures[MAX_FIGURES - 1]!.title.endsWith(`(the first ${MAX_FIGURES} of ${total} figures are shown)`), figures[MAX_FIGURES - 1]!.title);
});

test('a CV ecsa line over five files repeated: each line\'s Cdl is the single line\'s, and one Cdl plot', () => {
  const line = '  CV ecsa from 0.10 V to 0.30 V vs RHE at 20, 60, 100, 140, 180 mV/s, data "data/cv-ecsa-{rate}.txt"';
  const onceText = withLines([line]);
  const manyText = withLines(Array(100).fill(line));
  const once = analyze(onceText, options);
  const many = analyze(manyText, options);
  const single = valuesOf(once, onceText, 'cdl', line.length + 1);
  assert.equal(single.length, 1);
  assert.deepEqual(valuesOf(many, manyText, 'cdl', 100 * (line.length + 1)), Array(100).fill(single[0]));
  // One fit per line (and the sample's own ecsa line), drawn once.
  assert.equal(many.facts.cdlFits.length, once.facts.cdlFits.length + 99);
  assert.deepEqual(buildFigures(many), buildFigures(once));
});

test('an analysis session over repeated stability lines says what a fresh analysis says after editing one line\'s window', () => {
  const manyText = withLines(Array(50).fill(STABILITY));
  const session = new AnalysisSession();
  session.analyze(manyText, options);
  const at = manyText.indexOf(STABILITY) + 10 * (STABILITY.length + 1);
  const edited = manyText.slice(0, at) + STABILITY.replace('for 50 h,', 'for 50 h, window 20 min,') + manyText.slice(at + STABILITY.length);
  const plain = (a: Analysis) => JSON.parse(JSON.stringify({ d: a.diagnostics, v: a.values, s: a.facts.stabilityRuns.map((r) => r.summary) }));
  assert.deepEqual(plain(session.analyze(edited, options)), plain(analyze(edited, options)));
  assert.equal(new Set(analyze(edited, options).facts.stabilityRuns).size, 2);
  assert.equal(buildFigures(analyze(edited, options)).filter((f) => f.id.startsWith('stability')).length, 2);
});

test('window means read only the windows of times in order, and give the means of the scan of every point to the last bit', async () => {
  const fc = (await import('fast-check')).default;
  const { windowMeans } = await import('../../server/src/electrochem/stability');
  /** The scan of every point, as windowMeans was before it bisected. */
  const reference = (time: ArrayLike<number>, values: ArrayLike<number>, windowS: number) => {
    const n = Math.min(time.length, values.length);
    const mean = (from: number, to: number) => {
      let st = 0;
      let sv = 0;
      let k = 0;
      for (let i = 0; i < n; i++) {
        const t = time[i]!;
        if (t < from || t > to) continue;
        st += t;
        sv += Math.abs(values[i]!);
        k++;
      }
      return { t: st / k, value: sv / k, points: k, from, to };
    };
    return { start: mean(time[0]!, time[0]! + windowS), end: mean(time[n - 1]! - windowS, time[n - 1]!) };
  };
  const number = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  fc.assert(
    fc.property(fc.array(fc.tuple(number, number), { minLength: 2, maxLength: 60 }), fc.boolean(), fc.oneof(number, fc.constant(Number.NaN)), fc.boolean(), (points, sort, windowS, nan) => {
      const times = points.map((p) => p[0]);
      if (sort) times.sort((a, b) => a - b);
      if (nan) times[Math.floor(times.length / 2)] = Number.NaN;
      // Times repeated and runs of equal times, as instruments write them at a coarse resolution.
      const time = Float64Array.from(times, (t) => (Number.isNaN(t) ? t : Math.round(t / 1000) * 1000));
      const values = Float64Array.from(points, (p) => p[1]);
      const got = windowMeans(time, values, windowS, Math.abs);
      const want = time[time.length - 1]! > time[0]! ? reference(time, values, windowS) : undefined;
      assert.deepEqual(got, want);
      // The same arrays asked again (the order is kept per column) answer alike.
      assert.deepEqual(windowMeans(time, values, windowS, Math.abs), want);
    }),
    { numRuns: 500, seed: 20261202 },
  );
});

test('a file named on 200 lines is compared with its kept import once per analysis, not once per line', () => {
  // Each analysis reads the bytes afresh (readBytesBounded), and the import kept from the last one is reused
  // when they are the same: one comparison of the whole file, after which the lines find the very same bytes.
  const text = withLines(Array(200).fill(STABILITY));
  analyze(text, options);
  const equals = mock.method(Buffer.prototype, 'equals');
  let a: Analysis;
  try {
    a = analyze(text, options);
  } finally {
    equals.mock.restore();
  }
  assert.equal(valuesOf(a, text, 'dataFile', 200 * (STABILITY.length + 1)).length, 200);
  const file = readFileSync(path.join(samples, 'data', 'it-au28cu12--0.8.txt'));
  assert.equal(equals.mock.calls.filter((c: { this: unknown }) => Buffer.compare(c.this as Buffer, file) === 0).length, 1);
});
