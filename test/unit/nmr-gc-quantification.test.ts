// Quantification beyond colorimetry: ¹H NMR against an internal standard and GC of
// several gases at once, each through its own calibration or response factor.
// Every expected number is worked out by hand in the comments (F = 96485.33212 C/mol,
// R = 8.314462618 J/(mol K), 25 °C, 101.325 kPa).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { hoverAt } from '../../server/src/lsp/hover';
import { internalStandardConcentration, defaultProtons } from '../../server/src/electrochem/nmr';

const F = 96485.33212;

const near = (a: number | undefined, b: number, rel: number, what: string) =>
  assert.ok(a !== undefined && Math.abs(a - b) <= rel * Math.abs(b), `${what}: got ${a}, expected ${b}`);

function found(a: Analysis, kind: string, subject: string) {
  return a.values.find((x) => x.kind === kind && x.subject === subject);
}
function valueOf(a: Analysis, kind: string, subject: string): number | undefined {
  const v = found(a, kind, subject);
  return typeof v?.value === 'number' ? v.value : undefined;
}
const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

const REACTIONS = `reaction HCOO- : CO2 + H2O + 2 e- -> HCOO- + OH-
reaction CH3OH : CO2 + 5 H2O + 6 e- -> CH3OH + 6 OH-
reaction C2H5OH : 2 CO2 + 9 H2O + 12 e- -> C2H5OH + 12 OH-
reaction H2 : 2 H2O + 2 e- -> H2 + 2 OH-
reaction CO : CO2 + H2O + 2 e- -> CO + 2 OH-
reaction CH4 : CO2 + 6 H2O + 8 e- -> CH4 + 8 OH-
reaction C2H4 : 2 CO2 + 8 H2O + 12 e- -> C2H4 + 12 OH-
`;

function protocol(blocks: string, result: string): string {
  return `temperature 25 °C
${REACTIONS}electrolyte bicarbonate {
  0.1 M KHCO3 in water
  pH 6.8 measured
}
electrode cu {
  catalyst 1 mg Cu
  area 1 cm2
}
cell H {
  working cu
  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE
  catholyte bicarbonate 30 mL
}
${blocks}
result Cu at -1.0 V vs RHE for 1 h {
${result}
}
`;
}

const QNMR = `calibration qnmr {
  method 1H NMR
  internal standard DMSO 10 mM
  dilute 500 µL to 600 µL
}`;

test('c_X = (I_X / I_std) × (N_std / N_X) × c_std', () => {
  // 0.42 × (6 / 1) × 10 mM = 25.2 mM; 1.3/2.0 × (6 / 3) × 10 mM = 13 mM.
  assert.equal(internalStandardConcentration(0.42, 1, 6, 10), 0.42 * 6 * 10);
  near(internalStandardConcentration(1.3 / 2.0, 3, 6, 10), 13, 1e-12, 'methanol');
  // Defaults only where one peak is integrated: formate 1 H, methanol 3 H, ethanol's CH3 3 H, DMSO 6 H, NH4+ 4 H.
  const protons = (name: string) => {
    const d = defaultProtons(name);
    return 'error' in d ? d.error : d.protons;
  };
  assert.deepEqual(['HCOO-', 'HCOOH', 'CH3OH', 'C2H5OH', 'CH3COO-', 'DMSO', 'maleic acid', 'DSS', 'NH4+'].map(protons), [1, 1, 3, 3, 3, 6, 2, 9, 4]);
  assert.match(String(protons('phenol')), /several peaks/);
  assert.match(String(protons('C6H12O6')), /not known/);
});

test('¹H NMR against DMSO: formate, methanol against a stated standard integral, ethanol in triplicate', () => {
  const text = protocol(QNMR, `  charge 600 C
  HCOO- integral 0.42 (1 H) by qnmr
  CH3OH integral 1.3 vs 2.0 (3 H) by qnmr
  C2H5OH integral 0.15, 0.16, 0.14 by qnmr`);
  const a = analyze(text);
  assert.deepEqual(errors(a), []);
  // HCOO-: 25.2 mM in the tube, × 600/500 = 30.24 mM in the catholyte; × 45.017 g/mol = 1361.31 mg/L;
  // 30.24e-3 mol/L × 0.030 L = 9.072e-4 mol; FE = 2 F × 9.072e-4 / 600 C = 29.1772 %.
  near(valueOf(a, 'concentration', 'Cu/HCOO-'), 30.24e-3 * 45.017 * 1000, 1e-9, 'mg/L formate');
  near(found(a, 'concentration', 'Cu/HCOO-')!.extra?.measured as number, 25.2, 1e-12, 'mM in the tube');
  near(valueOf(a, 'faradaicEfficiency', 'Cu/HCOO-'), 29.1772, 1e-5, 'FE formate');
  // CH3OH: 13 mM × 1.2 = 15.6 mM; 4.68e-4 mol; FE = 6 F × 4.68e-4 / 600 C = 45.1551 %.
  near(valueOf(a, 'faradaicEfficiency', 'Cu/CH3OH'), 45.1551, 1e-5, 'FE methanol');
  // C2H5OH (default CH3, 3 H): mean ratio 0.15 ± 0.01 → 0.15 × 2 × 10 mM = 3 mM × 1.2 = 3.6 mM; 1.08e-4 mol;
  // FE = 12 F × 1.08e-4 / 600 C = 20.8408 %, u = 20.8408 × 0.01 / 0.15 = 1.38939 %.
  const fe = found(a, 'faradaicEfficiency', 'Cu/C2H5OH')!;
  near(fe.value as number, 20.8408, 1e-5, 'FE ethanol');
  near(fe.extra?.uncertainty as number, (20.840831737920002 * 0.01) / 0.15, 1e-6, 'u(FE) ethanol');
  assert.equal(fe.hint?.text, 'FE 20.8 ± 1.4 % (n = 3)');
  // ΣFE = 29.1772 + 45.1551 + 20.8408 = 95.1731 %: between 80 and 105 %, no note.
  near(valueOf(a, 'faradaicEfficiencySum', 'Cu'), 95.1731, 1e-5, 'ΣFE');
  assert.ok(!a.diagnostics.some((d) => d.code === 'FD0508' || d.code === 'FD0550'));
  // The hover explains the formula with the numbers.
  const hover = (hoverAt(a, text.indexOf('0.42') + 1)!.contents as { value: string }).value;
  assert.match(hover, /c = \(I \/ I_std\) × \(N_std \/ N\) × c_std = \(0\.42 \/ 1\) × \(6 H \/ 1 H\) × 10 mM = 25\.2 mM in the tube, × 1\.2 dilution = 30\.24 mM in the electrolyte/);
  const methanol = (hoverAt(a, text.indexOf('1.3 vs') + 1)!.contents as { value: string }).value;
  assert.match(methanol, /\(1\.3 \/ 2\.0\) × \(6 H \/ 3 H\) × 10 mM = 13 mM in the tube/);
  const ethanol = (hoverAt(a, text.indexOf('0.15,') + 1)!.contents as { value: string }).value;
  assert.match(ethanol, /3 H: the CH3 peak of ethanol at 1\.17 ppm/);
});

test('an internal standard in mg/L converts through its molar mass; phenol needs the count of its peak', () => {
  // Maleic acid C4H4O4: 4 × 12.011 + 4 × 1.008 + 4 × 15.999 = 116.072 g/mol; 580.36 mg/L = 5 mM, 2 H.
  // Formate 0.5 × (2 / 1) × 5 mM = 5 mM in the tube (no dilution).
  const maleic = analyze(protocol('calibration q { internal standard maleic acid 580.36 mg/L }', '  charge 100 C\n  HCOO- integral 0.5 by q'));
  assert.deepEqual(errors(maleic), []);
  near(found(maleic, 'concentration', 'Cu/HCOO-')!.extra?.measured as number, 5, 1e-9, 'mM formate');
  near(valueOf(maleic, 'internalStandard', 'q'), 5, 1e-9, 'mM maleic acid');
  const phenolText = protocol('calibration q { internal standard phenol 50 mM }', '  charge 100 C\n  HCOO- integral 0.5 by q');
  const phenol = analyze(phenolText);
  const d = phenol.diagnostics.find((x) => x.code === 'FD0552')!;
  assert.equal(d.severity, 'error');
  assert.equal(phenolText.slice(d.span.start, d.span.end), 'phenol');
  assert.match(d.message, /ortho CH 2 H/);
  assert.match(d.message, /\(2 H\)/);
  assert.equal(valueOf(phenol, 'faradaicEfficiency', 'Cu/HCOO-'), undefined);
  // With the count stated (and written `, 2 H` as well as `(2 H)`): 0.5 × (2 / 1) × 50 mM = 50 mM.
  for (const written of ['phenol 50 mM (2 H)', 'phenol 50 mM, 2 H']) {
    const ok = analyze(protocol(`calibration q {\n  internal standard ${written}\n}`, '  charge 100 C\n  HCOO- integral 0.5 by q'));
    assert.deepEqual(errors(ok), [], written);
    near(found(ok, 'concentration', 'Cu/HCOO-')!.extra?.measured as number, 50, 1e-9, written);
  }
});

test('a product whose peak is not known needs its count; an integral must be a bare number', () => {
  const unknownText = protocol(QNMR, '  charge 600 C\n  C3H6O3 integral 0.2 by qnmr');
  const unknown = analyze(unknownText);
  const d = unknown.diagnostics.find((x) => x.code === 'FD0552')!;
  assert.equal(unknownText.slice(d.span.start, d.span.end), 'C3H6O3');
  assert.match(d.message, /C3H6O3 integral 0\.2 \(2 H\) by qnmr/);
  const withUnit = analyze(protocol(QNMR, '  charge 600 C\n  HCOO- integral 0.2 mM by qnmr'));
  assert.ok(withUnit.diagnostics.some((x) => x.code === 'FD0522'), errors(withUnit).join('\n'));
});

const GC = `calibration tcd-H2 {
  gas H2
  method GC TCD
  standards ppm -> area { 0 -> 0; 1000 -> 15000; 5000 -> 75000; 10000 -> 150000 }
}
calibration fid-CO {
  gas CO
  method GC FID
  response factor 0.05 ppm per area
}`;

// Vm = R T / p = 8.314462618 × 298.15 / 101325 = 0.0244654 m³/mol; 20 mL/min = 3.33333e-7 m³/s;
// a fraction x gives x × 3.33333e-7 / 0.0244654 mol/s; FE = n F × that / 10 mA.
const gasFE = (ppm: number, n: number) => (100 * n * F * ((ppm * 1e-6 * (20e-6 / 60)) / ((8.314462618 * 298.15) / 101325))) / 0.010;

test('GC: several gases on one line, each through its own calibration or response factor', () => {
  const text = protocol(GC, `  current 10 mA
  H2 area 30000 by tcd-H2, CO area 4000 by fid-CO at 20 mL/min
  CH4 100 ppm, C2H4 200 ppm by GC at 20 mL/min`);
  const a = analyze(text);
  assert.deepEqual(errors(a), []);
  // H2: 30000 / 15 per ppm = 2000 ppm; 2.72494e-8 mol/s; FE = 2 F × 2.72494e-8 / 0.010 A = 52.5833 %.
  near(valueOf(a, 'gasFraction', 'Cu/H2'), 2000, 1e-12, 'ppm H2');
  near(valueOf(a, 'faradaicEfficiency', 'Cu/H2'), 52.5833, 1e-5, 'FE H2');
  // CO: 0.05 ppm per area × 4000 = 200 ppm: FE = 2 F × 2.72494e-9 / 0.010 = 5.25833 %.
  near(valueOf(a, 'gasFraction', 'Cu/CO'), 200, 1e-12, 'ppm CO');
  near(valueOf(a, 'faradaicEfficiency', 'Cu/CO'), 5.25833, 1e-5, 'FE CO');
  // CH4 100 ppm, 8 e-: 10.5167 %; C2H4 200 ppm, 12 e-: 31.5500 %.
  near(valueOf(a, 'faradaicEfficiency', 'Cu/CH4'), 10.5167, 1e-5, 'FE CH4');
  near(valueOf(a, 'faradaicEfficiency', 'Cu/C2H4'), gasFE(200, 12), 1e-12, 'FE C2H4');
  near(valueOf(a, 'faradaicEfficiency', 'Cu/C2H4'), 31.5500, 1e-5, 'FE C2H4 by hand');
  // j(H2) = 52.5833 % × 10 mA / 1 cm² = 5.25833 mA/cm².
  near(valueOf(a, 'partialCurrentDensity', 'Cu/H2'), 5.25833, 1e-5, 'j H2');
  // ΣFE = 52.5833 + 5.2583 + 10.5167 + 31.5500 = 99.9083 %.
  near(valueOf(a, 'faradaicEfficiencySum', 'Cu'), gasFE(2000, 2) + gasFE(200, 2) + gasFE(100, 8) + gasFE(200, 12), 1e-12, 'ΣFE');
  // Each product's values sit on its own part of the line.
  const co = found(a, 'faradaicEfficiency', 'Cu/CO')!;
  assert.equal(text.slice(co.span.start, co.span.end), 'CO area 4000 by fid-CO at 20 mL/min');
  const h2 = found(a, 'faradaicEfficiency', 'Cu/H2')!;
  assert.equal(text.slice(h2.span.start, h2.span.end), 'H2 area 30000 by tcd-H2');
});

test('GC: the same gases on separate lines give the same numbers; replicate injections give mean ± SD', () => {
  const oneLine = analyze(protocol(GC, '  current 10 mA\n  CH4 100 ppm, C2H4 200 ppm by GC at 20 mL/min'));
  const twoLines = analyze(protocol(GC, '  current 10 mA\n  CH4 100 ppm by GC at 20 mL/min\n  C2H4 200 ppm by GC at 20 mL/min'));
  for (const p of ['CH4', 'C2H4']) assert.equal(valueOf(oneLine, 'faradaicEfficiency', `Cu/${p}`), valueOf(twoLines, 'faradaicEfficiency', `Cu/${p}`), p);
  // Areas 30000, 31500, 28500: mean 30000, SD 1500 → 2000 ± 100 ppm (exact line: s(y/x) = 0, no calibration term);
  // the line's standards are exact, so s_x0 = 0 and the ± is 0 ppm: no uncertainty is shown.
  const rf = analyze(protocol(GC, '  current 10 mA\n  CO area 4000, 4200, 3800 by fid-CO at 20 mL/min'));
  // Through the response factor: 0.05 × (4000 ± 200) = 200 ± 10 ppm; FE 5.25833 ± 0.262917 %.
  const co = found(rf, 'faradaicEfficiency', 'Cu/CO')!;
  near(co.value as number, gasFE(200, 2), 1e-12, 'FE CO');
  near(co.extra?.uncertainty as number, gasFE(10, 2), 1e-9, 'u(FE CO)');
  assert.equal(co.extra?.n, 3);
  near(found(rf, 'gasFraction', 'Cu/CO')!.extra?.uncertainty as number, 10, 1e-9, 'u(ppm)');
});

test('GC: the existing `H2 300 ppm by GC at 18 mL/min` still reads as before', () => {
  // 300 ppm × 18 mL/min = 300e-6 × 3e-7 m³/s / 0.0244654 = 3.67866e-9 mol/s; with 10 mA: FE = 2 F × that / 0.010 = 7.09874 %.
  const a = analyze(protocol('', '  current 10 mA\n  H2 300 ppm by GC at 18 mL/min'));
  assert.deepEqual(errors(a), []);
  near(valueOf(a, 'faradaicEfficiency', 'Cu/H2'), (100 * 2 * F * ((300e-6 * 3e-7) / ((8.314462618 * 298.15) / 101325))) / 0.010, 1e-12, 'FE H2');
});

test('GC: what cannot be read is said where it is written', () => {
  const check = (blocks: string, line: string, code: string, at: string) => {
    const text = protocol(blocks, `  current 10 mA\n  ${line}`);
    const a = analyze(text);
    const d = a.diagnostics.find((x) => x.code === code);
    assert.ok(d, `${line}: ${a.diagnostics.map((x) => `${x.code} ${x.message}`).join('; ')}`);
    assert.equal(text.slice(d.span.start, d.span.end), at, line);
    assert.equal(a.values.filter((v) => v.kind === 'faradaicEfficiency').length, 0, `${line}: no FE`);
    return d;
  };
  // A gas calibration without the carrier flow.
  assert.match(check(GC, 'H2 area 30000 by tcd-H2', 'FD0551', '30000').message, /at 18 mL\/min/);
  // A gas through a calibration of a dissolved analyte.
  check(`${GC}\ncalibration nessler { analyte NH3-N; standards mg/L -> absorbance { 0 -> 0; 1 -> 0.27; 2 -> 0.54 } }`, 'H2 area 30000 by nessler at 20 mL/min', 'FD0556', 'nessler');
  // Gas standards that are not volume fractions.
  check('calibration tcd { gas H2; standards mg/L -> area { 0 -> 0; 1 -> 10; 2 -> 20 } }', 'H2 area 15 by tcd at 20 mL/min', 'FD0555', 'mg/L');
  // Two ways in one calibration.
  check('calibration tcd {\n  gas H2\n  response factor 0.05 ppm per area\n  standards ppm -> area { 0 -> 0; 1 -> 10; 2 -> 20 }\n}', 'H2 area 15 by tcd at 20 mL/min', 'FD0554', 'standards ppm -> area { 0 -> 0; 1 -> 10; 2 -> 20 }');
});

test('the Methods section describes NMR with its internal standard and GC response factors, without asking them for standards', async () => {
  const { writeMethods } = await import('../../server/src/methods/assemble');
  const a = analyze(protocol(`${QNMR}\n${GC}`, '  current 10 mA\n  HCOO- integral 0.042 (1 H) by qnmr\n  H2 area 30000 by tcd-H2, CO area 4000 by fid-CO at 20 mL/min'));
  const { text, problems } = writeMethods(a, 'md');
  assert.match(text, /quantified by ¹H NMR: a 500 µL aliquot of the catholyte was diluted to 600 µL \(×1\.2\), and DMSO \(10 mM in the NMR tube\) served as internal standard/);
  assert.match(text, /CO was determined by the GC FID method: the area was converted with a response factor of 0\.05 ppm per area/);
  assert.match(text, /H₂ was determined by the GC TCD method/);
  assert.deepEqual(problems.filter((p) => p.code === 'FD0904').map((p) => p.message), []);
});

test('a method shared by several products of a line is one occurrence of the calibration (rename edits it once)', async () => {
  const { occurrences } = await import('../../server/src/features/navigation');
  const text = protocol(`${GC}\ncalibration gc { gas CH4; response factor 0.05 ppm per area }`, '  current 10 mA\n  CH4 area 2000, CH4 area 2100 by gc at 20 mL/min');
  const a = analyze(text);
  const decl = a.symbols.decls.find((d) => d.kind === 'calibration' && d.name === 'gc')!;
  const spans = occurrences(a, decl).map((o) => `${o.span.start}-${o.span.end}`);
  assert.equal(spans.length, new Set(spans).size, spans.join(' '));
  assert.equal(spans.length, 2, 'the declaration and the one `by gc`');
});

test('completion offers the internal standards after `internal standard`, and the new calibration statements', async () => {
  const { completions } = await import('../../server/src/features/completion');
  const text = 'calibration q {\n  internal standard \n}\n';
  const at = text.indexOf('standard ') + 'standard '.length;
  const vocabulary = { species: [], referenceElectrodes: [], unitsFor: () => [] };
  const labels = completions(analyze(text), at, vocabulary);
  assert.deepEqual(labels.map((c) => c.label), ['DMSO', 'maleic acid', 'DSS', 'TMSP', 'phenol']);
  assert.match(labels.find((c) => c.label === 'phenol')!.detail!, /write the protons/);
  assert.match(labels.find((c) => c.label === 'DMSO')!.detail!, /6 H at 2\.71 ppm/);
  const empty = 'calibration q {\n  \n}\n';
  const statements = completions(analyze(empty), empty.indexOf('  \n') + 2, vocabulary).map((c) => c.label);
  for (const s of ['gas', 'response factor', 'internal standard']) assert.ok(statements.includes(s), s);
});
