// Follow-ups of the calibration rework: electrons and calibrations are found across
// the forms of one compound (NH3 / NH4+, HCOOH / HCOO-), and a reading may go
// through a calibration declared in an imported file. Hand calculations in the comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { completions } from '../../server/src/features/completion';

const F = 96485.33212;

const near = (a: number | undefined, b: number, rel: number, what: string) =>
  assert.ok(a !== undefined && Math.abs(a - b) <= rel * Math.abs(b), `${what}: got ${a}, expected ${b}`);

function valueOf(a: Analysis, kind: string, subject: string): number | undefined {
  const v = a.values.find((x) => x.kind === kind && x.subject === subject);
  return typeof v?.value === 'number' ? v.value : undefined;
}

const codes = (a: Analysis) => a.diagnostics.map((d) => `${d.code} ${d.message}`);

const CELL = `electrolyte e {
  0.05 M H2SO4 + 0.5 M KNO3 in water
  pH 1.0 measured
}
electrode w {
  catalyst 1 mg Au
  area 1 cm2
}
cell H {
  working w
  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE
  catholyte e 30 mL
}
`;

/** Standards on an exact line: absorbance = 0.010 + 1.000 × c (mg/L). */
const CALIBRATION = `calibration cal {
  analyte NH4+
  standards mg/L -> absorbance { 0 -> 0.010; 0.5 -> 0.510; 1.0 -> 1.010 }
}
`;

test('a reading of NH4+ takes the electrons of the reaction written for NH3', () => {
  // 0.5 mg/L NH4+ (18.039 g/mol) in 30 mL: 0.5e-3/18.039 × 0.030 = 8.31532e-7 mol;
  // FE = 8 F N / Q = 8 × 96485.33212 × 8.31532e-7 / 0.1 C = 6.41845 → 641.8 % ... with Q = 1 C: 64.1845 %.
  const text = `reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O
${CELL}${CALIBRATION}result X at -0.8 V vs RHE for 1 h {
  charge 1 C
  NH4+ absorbance 0.51 by cal
}
`;
  const a = analyze(text);
  assert.ok(!codes(a).some((c) => c.startsWith('FD0510')), codes(a).join('\n'));
  near(valueOf(a, 'faradaicEfficiency', 'X/NH4+'), (100 * 8 * F * (0.5e-3 / 18.039) * 0.030) / 1, 1e-9, 'FE of NH4+');
  near(valueOf(a, 'faradaicEfficiency', 'X/NH4+'), 64.1845, 1e-5, 'FE by hand');
});

test('a reading of HCOOH takes the electrons of the reaction written for formate', () => {
  // 46.03 mg/L HCOOH (46.025 g/mol) = 1.00011 mM; in 30 mL 3.00033e-5 mol; FE = 2 F N / 10 C = 57.8975 %.
  const text = `reaction HCOO- : CO2 + H2O + 2 e- -> HCOO- + OH-
${CELL}result X at -0.8 V vs RHE for 1 h {
  charge 10 C
  HCOOH 46.03 mg/L by HPLC
}
`;
  const a = analyze(text);
  assert.ok(!codes(a).some((c) => c.startsWith('FD0510')), codes(a).join('\n'));
  near(valueOf(a, 'faradaicEfficiency', 'X/HCOOH'), (100 * 2 * F * (46.03e-3 / 46.025) * 0.030) / 10, 1e-9, 'FE of HCOOH');
});

test('a plan expecting FE NH3 finds a calibration of NH4+', () => {
  // 0.5 mA × 2 h = 3.6 C; 90 % of it to NH3: N = 0.9 × 3.6 / (8 F) = 4.19753e-6 mol; in 30 mL: 1.39918e-4 mol/L
  // = 2.52398 mg/L NH4+ (× 18.039 g/mol); the calibration would read absorbance 0.010 + 2.52398 = 2.53398.
  const text = `reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O
${CELL}${CALIBRATION}plan X at -0.8 V vs RHE for 2 h {
  expect current -0.5 mA
  expect FE NH3 90 %
}
`;
  const a = analyze(text);
  const mol = (0.9 * 0.5e-3 * 7200) / (8 * F);
  near(valueOf(a, 'expectedConcentration', 'X/NH4+'), (mol / 0.030) * 18.039 * 1000, 1e-9, 'mg/L NH4+');
  near(valueOf(a, 'expectedReading', 'X/cal'), 0.010 + (mol / 0.030) * 18.039 * 1000, 1e-9, 'absorbance');
  assert.ok(codes(a).some((c) => c.startsWith('FD0511')), 'outside the standards (0 to 1 mg/L): said so');
});

test('a plan with two calibrations of its product names one after `by`; without it none is chosen, and the line says so', () => {
  // As above, 0.5 mA × 2 h at 90 % to NH3 in 30 mL: 2.52398 mg/L NH4+. The second calibration reads absorbance
  // 0.020 + 0.500 × c: 0.020 + 0.5 × 2.52398 = 1.28199.
  const second = CALIBRATION.replace('calibration cal', 'calibration indophenol').replace('0 -> 0.010; 0.5 -> 0.510; 1.0 -> 1.010', '0 -> 0.020; 2 -> 1.020; 4 -> 2.020');
  const plan = (line: string) => `reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O
${CELL}${CALIBRATION}${second}plan X at -0.8 V vs RHE for 2 h {
  expect current -0.5 mA
  ${line}
}
`;
  const mgPerL = ((0.9 * 0.5e-3 * 7200) / (8 * F) / 0.030) * 18.039 * 1000;
  const unnamed = analyze(plan('expect FE NH3 90 %'));
  const ambiguous = unnamed.diagnostics.filter((d) => d.code === 'FD0592');
  assert.equal(ambiguous.length, 1, codes(unnamed).join('\n'));
  assert.equal(ambiguous[0]!.severity, 'information');
  assert.match(ambiguous[0]!.message, /2 calibrations read NH3 \(cal, indophenol\)/);
  assert.equal(unnamed.values.filter((v) => v.kind === 'expectedReading' || v.kind === 'expectedConcentration').length, 0, 'no reading from a guessed calibration');
  // The quick fix names a calibration, and the line then reads with it.
  const fixed = plan(`expect FE NH3 90 %${ambiguous[0]!.fixes![1]!.edits[0]!.newText}`);
  assert.match(fixed, /90 % by indophenol/);
  near(valueOf(analyze(fixed), 'expectedReading', 'X/indophenol'), 0.020 + 0.5 * mgPerL, 1e-9, 'absorbance by indophenol');
  near(valueOf(analyze(plan('expect FE NH3 90 % by cal')), 'expectedReading', 'X/cal'), 0.010 + mgPerL, 1e-9, 'absorbance by cal');

  // A calibration of another compound is not read as one of the product.
  const griess = `calibration griess {\n  analyte NO2-N\n  standards mg/L -> absorbance { 0 -> 0.004; 0.1 -> 0.105; 0.2 -> 0.203 }\n}\n`;
  const wrong = analyze(plan('expect FE NH3 90 % by griess').replace('plan X', `${griess}plan X`));
  assert.deepEqual(wrong.diagnostics.filter((d) => d.code === 'FD0591').map((d) => d.message), ['`griess` reads NO2-N, not NH3, so it gives no expected reading for this line; name a calibration of NH3 after `by`']);
  assert.equal(valueOf(wrong, 'expectedReading', 'X/griess'), undefined);
  // Completion after `by` offers the calibrations.
  const typing = plan('expect FE NH3 90 % by ');
  const at = typing.indexOf('% by ') + '% by '.length;
  const offered = completions(analyze(typing), at, { species: [], referenceElectrodes: [], unitsFor: () => [] }).map((c) => c.label);
  assert.deepEqual(offered.filter((l) => l === 'cal' || l === 'indophenol'), ['cal', 'indophenol'], offered.join(', '));
  // An unknown name is an unknown calibration, with a suggestion.
  const unknown = analyze(plan('expect FE NH3 90 % by indofenol'));
  assert.ok(unknown.diagnostics.some((d) => /unknown calibration `indofenol`; did you mean `indophenol`\?/.test(d.message)), codes(unknown).join('\n'));
});

test('a reading goes through a calibration declared in an imported file', () => {
  const dir = path.resolve('/virtual/protocols');
  const files: Record<string, string> = {
    [path.join(dir, 'calibrations.faraday')]: CALIBRATION,
  };
  const text = `import "calibrations.faraday"
reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O
${CELL}result X at -0.8 V vs RHE for 1 h {
  charge 1 C
  NH3 absorbance 0.51 by cal
}
`;
  const a = analyze(text, { fileName: path.join(dir, 'main.faraday'), readFile: (f) => files[f] });
  assert.ok(!codes(a).some((c) => /FD0515|FD05[0-9][0-9] .*error/.test(c)), codes(a).join('\n'));
  // 0.5 mg/L NH4+ read as NH3: 0.5 × 17.031 / 18.039 = 0.472061 mg/L NH3; FE as for NH4+ above.
  near(valueOf(a, 'concentration', 'X/NH3'), (0.5 * 17.031) / 18.039, 1e-9, 'mg/L NH3');
  near(valueOf(a, 'faradaicEfficiency', 'X/NH3'), 64.1845, 1e-5, 'FE');
  // The imported calibration's own values stay with its file: nothing is placed in this one.
  assert.equal(a.values.filter((v) => v.kind.startsWith('calibration')).length, 0);
  // A broken imported calibration reads nothing, and the line does not pretend otherwise.
  files[path.join(dir, 'calibrations.faraday')] = CALIBRATION.replace('mg/L ->', 'mL ->');
  const broken = analyze(text, { fileName: path.join(dir, 'main.faraday'), readFile: (f) => files[f] });
  assert.equal(valueOf(broken, 'faradaicEfficiency', 'X/NH3'), undefined);
  assert.equal(broken.diagnostics.filter((d) => d.code === 'FD0520').length, 0, 'its problems are reported in its own file');
  const said = broken.diagnostics.find((d) => d.code === 'FD0515')!;
  assert.match(said.message, /imported from .*calibrations\.faraday/);
  assert.equal(text.slice(said.span.start, said.span.end), '0.51');
});
