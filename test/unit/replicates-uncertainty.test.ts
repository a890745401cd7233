// Replicate readings (mean ± sample standard deviation, n stated) and the standard
// error of a calibration carried into concentrations, faradaic efficiencies and
// partial current densities. Every expected number is worked out by hand in the comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { hoverAt } from '../../server/src/lsp/hover';
import { inlayHints } from '../../server/src/lsp/inlay-hints';
import { toJsonReport } from '../../server/src/cli/report-json';
import { concentrationStandardError, fitCalibration } from '../../server/src/electrochem/calibration';
import { replicates } from '../../server/src/electrochem/replicates';
import { formatPlusMinus } from '../../server/src/units/format-uncertainty';

const F = 96485.33212;

/**
 * A calibration that is not an exact line, so that its scatter is known by hand:
 *   x (mg/L NH3):  0      1      2      3        x̄ = 1.5, Σ(x − x̄)² = 5
 *   y (abs.):      0.000  0.110  0.190  0.300    ȳ = 0.15, Σ(x − x̄)(y − ȳ) = 0.49
 *   b = 0.49/5 = 0.098 per mg/L, a = 0.15 − 0.098 × 1.5 = 0.003
 *   residuals −0.003, 0.009, −0.009, 0.003: SSE = 1.8e-4, s(y/x) = √(1.8e-4/2) = 0.00948683
 */
function protocol(reading: string, extra = ''): string {
  return `reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O
electrolyte e {
  0.05 M H2SO4 + 0.5 M KNO3 in water
  pH 1.0 measured
}
electrode w {
  catalyst 1 mg Au
  area 2 cm2
}
cell H {
  working w
  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE
  catholyte e 30 mL
}
calibration cal {
  analyte NH3
  standards mg/L -> absorbance { 0 -> 0.000; 1 -> 0.110; 2 -> 0.190; 3 -> 0.300 }
}
result X at -0.8 V vs RHE for 1 h {
  charge 3 C
  ${reading}
}
${extra}`;
}

const near = (a: number | undefined, b: number, rel: number, what: string) =>
  assert.ok(a !== undefined && Math.abs(a - b) <= rel * Math.abs(b), `${what}: got ${a}, expected ${b}`);

function found(a: Analysis, kind: string, subject: string) {
  return a.values.find((x) => x.kind === kind && x.subject === subject);
}

function valueOf(a: Analysis, kind: string, subject: string): number | undefined {
  const v = found(a, kind, subject);
  return typeof v?.value === 'number' ? v.value : undefined;
}

test('replicate readings are averaged, not cut to the first value', () => {
  // 0.140, 0.150, 0.160: mean 0.150 (the first value alone would read (0.140 − 0.003)/0.098 = 1.39796 mg/L).
  // c = (0.150 − 0.003)/0.098 = 1.5 mg/L NH3.
  const a = analyze(protocol('NH3 absorbance 0.140, 0.150, 0.160 by cal'));
  near(valueOf(a, 'concentration', 'X/NH3'), 1.5, 1e-9, 'mean reading');
  assert.equal(found(a, 'concentration', 'X/NH3')!.extra?.n, 3);
  // FE = 8 F × (1.5e-3 g/L / 17.031 g/mol × 0.030 L) / 3 C = 8 × 96485.33212 × 2.642240e-6 / 3 = 67.9833 %.
  near(valueOf(a, 'faradaicEfficiency', 'X/NH3'), (100 * 8 * F * (1.5e-3 / 17.031) * 0.030) / 3, 1e-9, 'FE of the mean');
});

// s(y/x) = √(1.8e-4 / 2) = 0.00948683; s(y/x)/b = 0.00948683 / 0.098 = 0.0968044 mg/L.
const SYX_OVER_B = Math.sqrt(1.8e-4 / 2) / 0.098;
const FE_15 = (100 * 8 * F * (1.5e-3 / 17.031) * 0.030) / 3; // 67.9833 %, see above

test('mean and sample standard deviation of replicates (n − 1)', () => {
  // 9, 10, 11: mean 10, Σ(v − mean)² = 2, SD = √(2/2) = 1.
  assert.deepEqual(replicates([9, 10, 11]), { mean: 10, sd: 1, n: 3 });
  // 0.140, 0.150, 0.160: SD = √((0.01² + 0 + 0.01²)/2) = 0.01.
  const r = replicates([0.14, 0.15, 0.16]);
  assert.ok(Math.abs(r.sd! - 0.01) < 1e-12 && Math.abs(r.mean - 0.15) < 1e-12, JSON.stringify(r));
  // One reading has no standard deviation.
  assert.deepEqual(replicates([0.099]), { mean: 0.099, n: 1 });
});

test('s_x0 of ISO 8466-1 / Miller & Miller, by hand', () => {
  const fit = fitCalibration([{ x: 0, y: 0 }, { x: 1, y: 0.11 }, { x: 2, y: 0.19 }, { x: 3, y: 0.3 }])!;
  assert.ok(Math.abs(fit.slope - 0.098) < 1e-12 && Math.abs(fit.intercept - 0.003) < 1e-12);
  assert.ok(Math.abs(fit.sxx - 5) < 1e-12 && Math.abs(fit.meanReading - 0.15) < 1e-12);
  // Three readings at ȳ0 = ȳ = 0.15: s_x0 = 0.0968044 × √(1/3 + 1/4 + 0) = 0.0968044 × 0.763763 = 0.0739356 mg/L.
  const atMean = concentrationStandardError(fit, 0.15, 3)!;
  assert.ok(Math.abs(atMean - 0.0739356) < 1e-6, `${atMean}`);
  assert.ok(Math.abs(atMean - SYX_OVER_B * Math.sqrt(1 / 3 + 1 / 4)) < 1e-12);
  // One reading at 0.250: (ȳ0 − ȳ)² / (b² Σ(x − x̄)²) = 0.01 / (0.009604 × 5) = 0.208247;
  // s_x0 = 0.0968044 × √(1 + 1/4 + 0.208247) = 0.0968044 × 1.207579 = 0.116899 mg/L.
  const single = concentrationStandardError(fit, 0.25, 1)!;
  assert.ok(Math.abs(single - 0.116899) < 1e-6, `${single}`);
  // Two standards leave no residual scatter to count: no standard error rather than a false zero.
  assert.equal(concentrationStandardError(fitCalibration([{ x: 0, y: 0 }, { x: 1, y: 0.1 }])!, 0.05, 1), undefined);
});

test('the calibration standard error propagates into the concentration and the FE', () => {
  const a = analyze(protocol('NH3 absorbance 0.140, 0.150, 0.160 by cal'));
  const c = found(a, 'concentration', 'X/NH3')!;
  // u(c) = s_x0 = 0.0739356 mg/L (NH3 basis, no dilution: the unit of the standards is the report's).
  near(c.extra?.uncertainty as number, SYX_OVER_B * Math.sqrt(1 / 3 + 1 / 4), 1e-9, 'u(c)');
  // u(FE) = FE × u(c)/c = 67.9833 % × 0.0739356 / 1.5 = 3.35093 %.
  const fe = found(a, 'faradaicEfficiency', 'X/NH3')!;
  near(fe.extra?.uncertainty as number, (FE_15 * SYX_OVER_B * Math.sqrt(1 / 3 + 1 / 4)) / 1.5, 1e-9, 'u(FE)');
  assert.equal(fe.extra?.n, 3);
  // Shown as analytical chemists write it: the uncertainty to two figures, the value to the same place.
  assert.equal(fe.hint?.text, 'FE 68.0 ± 3.4 % (n = 3)');
  assert.equal(fe.label, 'FE(NH3) 68.0 ± 3.4 % (n = 3)');
  assert.equal(c.label, '1.500 ± 0.074 mg/L NH3 (n = 3)');
  assert.match(c.detail!, /s_x0/);
  assert.match(c.detail!, /m = 3 readings, n = 4 standards/);
});

test('replicates of a concentration measured directly: mean ± sample SD', () => {
  // 9, 10, 11 mg/L NH3: 10 ± 1 mg/L; FE = 8 F × (10e-3/17.031 × 0.030) / 3 C = 453.222 %, u = 10 % of it = 45.3222 %.
  const a = analyze(protocol('NH3 9, 10, 11 mg/L by ion chromatography'));
  const c = found(a, 'concentration', 'X/NH3')!;
  near(c.value as number, 10, 1e-12, 'mean');
  near(c.extra?.uncertainty as number, 1, 1e-12, 'SD');
  const fe = found(a, 'faradaicEfficiency', 'X/NH3')!;
  const expected = (100 * 8 * F * (10e-3 / 17.031) * 0.030) / 3;
  near(fe.value as number, expected, 1e-9, 'FE');
  near(fe.extra?.uncertainty as number, expected * 0.1, 1e-9, 'u(FE) = FE × SD/mean');
});

test('partial current density j = FE · |I| / A, with its uncertainty', () => {
  // I = Q/t = 3 C / 3600 s = 0.833333 mA; A = 2 cm²: j = 0.679833 × 0.833333 / 2 = 0.283264 mA/cm².
  const a = analyze(protocol('NH3 absorbance 0.140, 0.150, 0.160 by cal'));
  const j = found(a, 'partialCurrentDensity', 'X/NH3')!;
  assert.equal(j.unit, 'mA/cm2');
  near(j.value as number, ((FE_15 / 100) * (3 / 3600) * 1000) / 2, 1e-9, 'j');
  near(j.value as number, 0.283264, 1e-5, 'j by hand');
  near(j.extra?.uncertainty as number, (j.value as number) * (SYX_OVER_B * Math.sqrt(1 / 3 + 1 / 4)) / 1.5, 1e-9, 'u(j)');
  // Without the electrode area there is no partial current density.
  const noArea = analyze(protocol('NH3 absorbance 0.150 by cal').replace('  area 2 cm2\n', ''));
  assert.equal(found(noArea, 'partialCurrentDensity', 'X/NH3'), undefined);
});

test('hover and inlay show FE ± u (n); the JSON report carries uncertainty and n', () => {
  const text = protocol('NH3 absorbance 0.140, 0.150, 0.160 by cal');
  const a = analyze(text);
  const at = text.indexOf('NH3 absorbance');
  const hover = (hoverAt(a, at + 2)!.contents as { value: string }).value;
  assert.match(hover, /FE\(NH3\) 68\.0 ± 3\.4 % \(n = 3\)/);
  assert.match(hover, /propagated from the concentration \(s_x0 .* = 0\.0739 mg\/L/);
  // The value itself: the replicates, their mean and SD.
  const onValue = (hoverAt(a, text.indexOf('0.140') + 1)!.contents as { value: string }).value;
  assert.match(onValue, /Replicates 0\.14, 0\.15, 0\.16: mean 0\.150 ± 0\.010 \(sample SD, n = 3\)/);
  const hints = inlayHints(a, { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } }, () => true).map((h) => h.label);
  assert.ok(hints.includes('FE 68.0 ± 3.4 % (n = 3)'), hints.join(' | '));
  const json = toJsonReport('x.faraday', a).values.find((v) => v.kind === 'faradaicEfficiency')!;
  assert.equal(json.n, 3);
  near(json.uncertainty as number, (FE_15 * SYX_OVER_B * Math.sqrt(1 / 3 + 1 / 4)) / 1.5, 1e-9, 'JSON uncertainty');
});

test('the FE sum: a warning above 105 %, nothing between 80 and 105 %, a note below 80 % naming what is missing', () => {
  // FE(NH3) at c = 1.5 mg/L is 67.9833 % with 3 C; the sum scales as 1/Q.
  const sum = (charge: string, extra = '') => {
    const a = analyze(protocol('NH3 absorbance 0.150 by cal', extra).replace('charge 3 C', `charge ${charge}`));
    return { a, value: valueOf(a, 'faradaicEfficiencySum', 'X'), codes: a.diagnostics.map((d) => d.code) };
  };
  // 3 C × 67.9833 / 104 = 1.96106 C gives 104 %: inside the 5 % allowance, no warning.
  const within = sum('1.96106 C');
  near(within.value, 104, 1e-4, '104 %');
  assert.ok(!within.codes.includes('FD0508') && !within.codes.includes('FD0550'), within.codes.join(' '));
  // 1.9 C: 67.9833 × 3 / 1.9 = 107.342 %, above 105 %.
  assert.ok(sum('1.9 C').codes.includes('FD0508'));
  // 3 C: 67.98 %, below 80 %: a note that names the products of the reactions not read, and H2.
  const low = sum('3 C', 'reaction NO2 : NO3- + 2 H+ + 2 e- -> NO2- + H2O');
  const note = low.a.diagnostics.find((d) => d.code === 'FD0550')!;
  assert.equal(note.severity, 'information');
  assert.match(note.message, /68\.0 %/);
  assert.match(note.message, /NO2-/);
  assert.match(note.message, /H2/);
  assert.doesNotMatch(note.message, /NH3/);
});

test('formatPlusMinus: two figures of the uncertainty, the value to the same decimal place', () => {
  assert.equal(formatPlusMinus(57.891, 1.234, { decimals: 2 }), '57.9 ± 1.2');
  assert.equal(formatPlusMinus(0.34208, 0.011775, { significant: 4 }), '0.342 ± 0.012');
  assert.equal(formatPlusMinus(342.08, 11.78, { significant: 4 }), '342 ± 12');
  assert.equal(formatPlusMinus(12345, 123, { significant: 4 }), '12350 ± 120');
  assert.equal(formatPlusMinus(-0.8123, 0.0456, { decimals: 3 }), '-0.812 ± 0.046');
  assert.equal(formatPlusMinus(57.891, undefined, { decimals: 2 }), '57.89');
  assert.equal(formatPlusMinus(57.891, 0, { decimals: 2 }), '57.89');
});

test('replicate runs: the mean FE over runs at one potential, ± the SD of the runs, in the report and the figure', async () => {
  // Three runs at -0.8 V, 300 C each, reading 10, 11 and 12 mg/L NH3 directly:
  // FE(c) = 8 F × (c × 1e-3 / 17.031 × 0.030) / 300 C is linear in c, so the mean is FE(11 mg/L) = 4.98544 %
  // and the sample SD of the runs is FE(1 mg/L) = 0.453222 % (the SD of 10, 11, 12 is 1).
  const FE = (c: number) => (100 * 8 * F * ((c * 1e-3) / 17.031) * 0.030) / 300;
  const run = (c: number) => `result X at -0.8 V vs RHE for 1 h {\n  charge 300 C\n  NH3 ${c} mg/L by IC\n}\n`;
  const text = protocol('NH3 10 mg/L by IC', run(11) + run(12)).replace('charge 3 C', 'charge 300 C');
  const a = analyze(text);
  const mean = found(a, 'faradaicEfficiencyMean', 'X/NH3')!;
  near(mean.value as number, FE(11), 1e-12, 'mean of the runs');
  near(mean.value as number, 4.98544, 1e-5, 'mean by hand');
  near(mean.extra?.uncertainty as number, FE(1), 1e-9, 'SD of the runs');
  assert.equal(mean.extra?.n, 3);
  assert.equal(mean.label, 'FE(NH3) 4.99 ± 0.45 % (n = 3 runs)');
  // One bar, at the mean, with the SD of the runs as its error bar.
  const { buildFigures } = await import('../../server/src/plots/figures');
  const fe = buildFigures(a).find((f) => f.id === 'fe')!;
  const layer = (fe.spec.layer as { layer: { data: { values: Record<string, number | string>[] } }[] }[])[0]!.layer;
  assert.equal(layer[0]!.data.values.length, 1);
  near(layer[0]!.data.values[0]!.fe as number, FE(11), 1e-12, 'bar');
  near(layer[1]!.data.values[0]!.high as number, FE(11) + FE(1), 1e-9, 'error bar');
  // A run at another potential is not a replicate.
  const other = analyze(protocol('NH3 10 mg/L by IC', run(11).replace('-0.8 V', '-0.9 V')).replace('charge 3 C', 'charge 300 C'));
  assert.equal(found(other, 'faradaicEfficiencyMean', 'X/NH3'), undefined);
});
