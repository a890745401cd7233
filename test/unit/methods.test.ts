// The Methods-section writer: precision of the numbers, the RHE conversion and
// calibration written with hand-checked numbers, LaTeX escapes, clean Markdown
// on every sample and on broken input, and the FD09xx notes for what is left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import { methodsDocument, renderMethods, writeMethods } from '../../server/src/methods/assemble';
import { METHODS_FORMATS } from '../../server/src/methods/document';
import { formulaRuns, spaceGroupRuns, unicodeText, unitRuns } from '../../server/src/methods/typography';
import { diagnosticCatalogue } from '../../server/src/analysis/catalogue';

const root = path.resolve(__dirname, '..', '..');
const readIfExists = (f: string) => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return undefined;
  }
};
const analyzeFile = (file: string) => analyze(readFileSync(file, 'utf8'), { fileName: file, readFile: readIfExists, workspaceRoot: path.dirname(file) });
const sample = path.join(root, 'samples/au28cu12-si.faraday');
const md = (text: string) => writeMethods(analyze(text), 'md');
const unescape = (s: string) => s.replace(/\\([\\`*_[\]<>~|#])/g, '$1').replace(/−/g, '-');

test('amounts carry the figures of the written quantity, as the editor shows them (at least four)', () => {
  const text = unescape(renderMethods(methodsDocument(analyzeFile(sample)), 'md'));
  // CuCl: 20 mg / 98.999 g/mol = 0.20202 mmol; "20" has one figure, the floor of four applies.
  assert.match(text, /CuCl \(20 mg, 0\.2020 mmol\)/);
  // PET-H: 1020 µL × 1.032 g/mL = 1.05264 g / 138.23 g/mol = 7.6152 mmol.
  assert.match(text, /1020 µL, 7\.615 mmol/);
  // CHT-H: 30 µL × 0.95 g/mL = 0.0285 g / 116.22 g/mol = 0.24522 mmol.
  assert.match(text, /30 µL, 0\.2452 mmol/);
  // Au25 used in the Au28 synthesis: 10 mg / 7861.03 g/mol = 0.0012721 mmol.
  assert.match(text, /\(10 mg, 0\.001272 mmol\), prepared as described above/);
  // The same numbers as the analysis's amount labels (hovers, inlay hints).
  const a = analyzeFile(sample);
  for (const label of a.values.filter((v) => v.kind === 'amount').map((v) => v.label)) assert.ok(text.includes(label), label);
});

test('the RHE conversion is written with the protocol\'s numbers and the offset for each catholyte', () => {
  const text = unescape(renderMethods(methodsDocument(analyzeFile(sample)), 'md'));
  assert.match(text, /^E\(RHE\) = E\(Ag\/AgCl\) \+ 0\.198 V \+ 0\.059 × pH$/m);
  // nitrate, pH 1.0 measured: 0.198 + 0.059 × 1.0 = 0.257 V.
  assert.match(text, /nitrate catholyte \(pH 1\.0, measured\), E\(RHE\) = E\(Ag\/AgCl\) \+ 0\.257 V/);
  // blank, pH estimated 1.24: 0.198 + 0.059 × 1.24 = 0.271 V.
  assert.match(text, /blank catholyte \(pH 1\.24, estimated from the composition\), E\(RHE\) = E\(Ag\/AgCl\) \+ 0\.271 V/);
});

test('without a stated slope the conversion uses 2.303RT/F at the protocol temperature', () => {
  const text = unescape(md(`temperature 25 °C
electrolyte e { 0.5 M KNO3 in water; pH 7.0 measured }
electrode w { catalyst 1 mg Au; area 1 cm2 }
cell c { working w; reference SCE; counter Pt; catholyte e 20 mL }
run in c { CA at -0.5 V vs RHE for 1 h }
`).text);
  // 2.303RT/F at 298.15 K = ln(10) × 8.314462618 × 298.15 / 96485.33212 = 0.05916 V; SCE 0.241 V (table).
  assert.match(text, /E\(RHE\) = E\(SCE\) \+ 0\.241 V \+ 0\.05916 × pH/);
  // 0.241 + 0.05916 × 7.0 = 0.655 V.
  assert.match(text, /E\(RHE\) = E\(SCE\) \+ 0\.655 V/);
});

test('a Nernst slope from the editor settings is the one written, not 2.303RT/F', () => {
  const { text } = writeMethods(analyze(`electrolyte e { 0.5 M KNO3 in water; pH 7.0 measured }
cell c { working w; reference SCE; counter Pt; catholyte e 20 mL }
run in c { CA at -0.5 V vs RHE for 1 h }
`, { nernstSlope: 0.06 }), 'md');
  // 0.241 + 0.06 × 7.0 = 0.661 V.
  assert.match(unescape(text), /E\(RHE\) = E\(SCE\) \+ 0\.241 V \+ 0\.06 × pH/);
  assert.match(unescape(text), /settings \(faraday\.nernstSlope\)/);
  assert.match(unescape(text), /E\(RHE\) = E\(SCE\) \+ 0\.661 V/);
});

test('the calibration line is y = a·x + b from the standards, with R² and LOD (hand-computed least squares)', () => {
  const text = unescape(renderMethods(methodsDocument(analyzeFile(sample)), 'md'));
  // Nessler standards: mean x 0.74, mean y 0.204, Sxx 2.552, Sxy 0.6734 → a = 0.263871, b = 0.204 − 0.263871 × 0.74 = 0.008735.
  assert.match(text, /y = 0\.26387·x \+ 0\.00874/);
  assert.match(text, /R² = 0\.99987; limit of detection 0\.0346 mg\/L/);
  assert.match(text, /diluted to 5 mL \(×1000\)/);
});

test('the FE formula names n from the reactions, F, and the catholyte volume', () => {
  const text = unescape(renderMethods(methodsDocument(analyzeFile(sample)), 'md'));
  assert.match(text, /^FE = n·F·c·V \/ \(M·Q\)$/m);
  assert.match(text, /F = 96485 C\/mol/);
  assert.match(text, /V = 30 mL the catholyte volume/);
  assert.match(text, /n = 8 for NH₃ \(NO₃⁻ \+ 9 H⁺ \+ 8 e⁻ → NH₃ \+ 3 H₂O\)/);
  // Vm = RT/p = 8.314462618 × 298.15 / 101325 m³/mol = 24.47 L/mol.
  assert.match(text, /Vₘ = RT\/p = 24\.47 L\/mol/);
});

test('formulas, units and space groups get their sub- and superscripts', () => {
  const u = (s: string) => unicodeText(formulaRuns(s));
  assert.deepEqual(['HAuCl4·4H2O', 'NO3-', 'SO4^2-', 'Fe3+', 'NH3-N', '[Au25(PET)18]-', 'e-'].map(u), ['HAuCl₄·4H₂O', 'NO₃⁻', 'SO₄²⁻', 'Fe³⁺', 'NH₃-N', '[Au₂₅(PET)₁₈]⁻', 'e⁻']);
  assert.deepEqual(['cm2', 'Å3', 'mm-1', 'Mg/m3', 'uL', 'degC'].map((x) => unicodeText(unitRuns(x))), ['cm²', 'Å³', 'mm⁻¹', 'Mg/m³', 'µL', '°C']);
  assert.deepEqual(['P21/n', 'P-1', 'P212121', 'P63/mmc', 'P321'].map((x) => unicodeText(spaceGroupRuns(x))), ['P2₁/n', 'P1̄', 'P2₁2₁2₁', 'P6₃/mmc', 'P321']);
});

test('tex output escapes %, _, µ and ° and sets formulas with \\textsubscript', () => {
  const { text } = writeMethods(analyze(`temperature 25 °C
synthesis S {
  product X
  add 30 µL CHT-H in 5 mL water, "stock_2 at 50 %"
  react 2 h at 80 °C
}
electrode w { catalyst 1 mg Au; support "PTFE_treated carbon paper"; area 1 cm2 }
cell c { membrane "Nafion_117"; working w; reference SCE; counter Pt; catholyte e 20 mL; iR 85 % of 5 ohm }
electrolyte e { 0.5 M KNO3 in water; pH 7.0 measured }
crystal X { formula C6H12S; temperature 296(2) K; wavelength 0.71073 Å; cell alpha 90°, beta 91.2°, gamma 90°; reflections 100 collected, completeness 99.4 % }
`), 'tex');
  // Outside math, no raw special character may remain.
  const outsideMath = text.replace(/\\\[[\s\S]*?\\\]/g, '').replace(/\$[^$]*\$/g, '');
  assert.doesNotMatch(outsideMath, /(?<!\\)%/);
  assert.doesNotMatch(outsideMath, /(?<!\\)_/);
  assert.doesNotMatch(text, /[µμ°]/);
  assert.match(text, /stock\\_2 at 50 \\%/);
  assert.match(text, /Nafion\\_117/);
  assert.match(text, /30~\\textmu\{\}L/);
  assert.match(text, /80~\\textdegree\{\}C/);
  assert.match(text, /85~\\%/);
  assert.match(text, /90\\textdegree\{\}/);
  assert.match(text, /C\\textsubscript\{6\}H\\textsubscript\{12\}S/);
});

test('docx-ready Markdown uses Pandoc sub/superscripts and TeX math', () => {
  const { text } = writeMethods(analyzeFile(sample), 'docx-ready-md');
  assert.match(text, /NaBH~4~ \(30 mg, 0\.7930 mmol\)/);
  assert.match(text, /1 cm\^2\^/);
  assert.match(text, /\$\$E_\{\\mathrm\{RHE\}\} = E_\{\\mathrm\{Ag\/AgCl\}\} \+ 0\.198\\,\\mathrm\{V\} \+ 0\.059 \\times \\mathrm\{pH\}\$\$/);
  assert.match(text, /^Table: Crystal data and structure refinement$/m);
});

const BROKEN = [
  '',
  'temperature 25 °C\n',
  'synthesis {\n  frobnicate 3 mg X\n}\nligand SR SC6H3Cl2\n"unclosed\n@\n}\nreaction A : B C\ncell H {\n  working nowhere\n}\n',
  'synthesis A {\n  add 5 mgg CuCl\n  add mg\n  dissolve in\n  stir until\n  react at\n}\n',
  'calibration c { analyte NH3-N; method Nessler at 420 nm; standards mg/L -> absorbance { 1 -> 0.2 } }\nresult X at -0.8 V vs RHE for 2 h { NH3-N absorbance 0.1 by c }\n',
  'cell H { working w; catholyte e }\nrun in H { CV from to at ; LSV at mV/s; CA at V vs RHE for; EIS from 1 to }\n',
  'crystal X { wavelength 0.7749 Å; temperature K; cell a Å }\n',
];

test('Markdown of every sample and of broken input has no NaN, undefined or [object Object], in every format', () => {
  const samples = readdirSync(path.join(root, 'samples')).filter((f) => f.endsWith('.faraday')).map((f) => analyzeFile(path.join(root, 'samples', f)));
  for (const a of [...samples, ...BROKEN.map((t) => analyze(t))]) {
    for (const format of METHODS_FORMATS) {
      const { text } = writeMethods(a, format);
      assert.doesNotMatch(text, /NaN|undefined|\[object Object\]|Infinity/, `${format} of ${a.text.slice(0, 40)}`);
    }
  }
});

test('every note the writer gives has a catalogued FD09xx code', () => {
  const known = new Set(diagnosticCatalogue.map((c) => c.code));
  const all = [analyzeFile(sample), ...BROKEN.map((t) => analyze(t))].flatMap((a) => methodsDocument(a).problems);
  assert.ok(all.length > 0);
  for (const p of all) {
    assert.ok(known.has(p.code), `${p.code} is not catalogued`);
    assert.match(p.code, /^FD09(0\d|1\d)$/);
  }
});

test('a missing number is reported with the reason, never left out silently', () => {
  const problems = methodsDocument(analyzeFile(sample)).problems;
  const dcbt = problems.find((p) => p.code === 'FD0901' && p.message.includes('30 µL DCBT-H'));
  assert.ok(dcbt, 'the volume of DCBT-H without density');
  assert.match(dcbt.message, /density/);
  assert.ok(problems.some((p) => p.code === 'FD0902'), 'the sample keeps its deliberate error (Me2SAu)');

  const noReference = md('electrolyte e { 0.5 M KNO3 in water; pH 7 measured }\ncell H { working w; counter Pt; catholyte e 20 mL }\nrun in H { CA at -0.5 V vs RHE for 1 h }\n');
  assert.ok(noReference.problems.some((p) => p.code === 'FD0903'));
  const noFit = md('calibration c { analyte NH3-N; method Nessler at 420 nm }\n');
  assert.ok(noFit.problems.some((p) => p.code === 'FD0904'));
  assert.doesNotMatch(noFit.text, /y =/);
  const noVolume = md('reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O\ncalibration c { analyte NH3-N; method Nessler at 420 nm; standards mg/L -> absorbance { 0 -> 0.01; 1 -> 0.27; 2 -> 0.53 } }\nelectrolyte e { 0.5 M KNO3 in water }\ncell H { catholyte e }\nresult X at -0.8 V vs RHE for 2 h { charge 100 C; NH3-N absorbance 0.1 by c }\n');
  assert.ok(noVolume.problems.some((p) => p.code === 'FD0905'));
  assert.match(unescape(noVolume.text), /V the catholyte volume/);
  assert.ok(md('temperature 25 °C\n').problems.some((p) => p.code === 'FD0906'));
  const synchrotron = md('crystal X { wavelength 0.7749 Å; temperature 100(2) K }\n');
  assert.ok(synchrotron.problems.some((p) => p.code === 'FD0907'));
  assert.match(unescape(synchrotron.text), /with X-rays \(λ = 0\.7749 Å\) at 100\(2\) K/);
});

test('a cell whose electrolyte volume cannot be read leaves V out with a note, instead of failing (found by npm run fuzz, seed 20261213)', () => {
  const file = path.join(root, 'samples', 'co2-reduction-cobalt.faraday');
  const text = readFileSync(file, 'utf8').replace('  electrolyte bicarbonate 10 mL', '  electrolyte bicarbonate 10 mCO2');
  assert.ok(text.includes('10 mCO2'));
  const a = analyze(text, { fileName: file, readFile: readIfExists, workspaceRoot: path.dirname(file) });
  const { text: md, problems } = writeMethods(a, 'md');
  assert.ok(md.length > 500, 'the section is written');
  assert.ok(problems.some((p) => /electrolyte volume of cell sealed cannot be read/.test(p.message)), problems.map((p) => p.message).join('\n'));
});
