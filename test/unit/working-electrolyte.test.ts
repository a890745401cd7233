// The RHE conversion, the product volume and the substrate come from the
// electrolyte the working electrode sits in: the anolyte of an OER cell, the
// one electrolyte of a single-compartment cell, the catholyte of a reduction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { parseFaraday } from '../../server/src/syntax/parse';
import { writeMethods } from '../../server/src/methods/assemble';

const near = (a: number | string | undefined, b: number, tol: number, what = '') => assert.ok(typeof a === 'number' && Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);
/** The set-point of the first number of the CA line. */
const caSetpoint = (a: Analysis) => a.values.find((v) => v.kind === 'setpoint' && v.span.start > a.text.indexOf('CA at'))?.value;

// Set-point of 1.6 V vs RHE against Hg/HgO (1 M KOH, +0.098 V vs SHE) with the stated slope 0.059 V:
//   at pH 14.0 (1 M KOH): 1.6 − 0.059 × 14.0 − 0.098 = 0.676 V
//   at pH 13.0 (0.1 M KOH): 1.6 − 0.059 × 13.0 − 0.098 = 0.735 V
const oer = (compartments: string, extra = '', working = 'working wIr') => `nernst slope 0.059 V
electrolyte koh1 {
  1 M KOH in water
  pH 14.0 measured
}
electrolyte koh01 {
  0.1 M KOH in water
  pH 13.0 measured
}
electrode wIr {
  catalyst 1 mg IrO2
  area 1 cm2
}
cell oer {
  ${working}
  reference Hg/HgO (1 M KOH)
  counter Pt
${compartments}
}
run in oer {
  CA at 1.6 V vs RHE for 1 h
}
${extra}`;

test('an OER cell with only an anolyte converts with the anolyte\'s pH (no "pH of the catholyte")', () => {
  const a = analyze(oer('  anolyte koh1 30 mL'));
  assert.ok(!codes(a).includes('FD0503'), a.diagnostics.map((d) => d.message).join('\n'));
  near(caSetpoint(a), 0.676, 1e-9, '1.6 − 0.826 − 0.098');
});

test('a single-compartment cell states `electrolyte X`', () => {
  const a = analyze(oer('  electrolyte koh01 30 mL'));
  assert.ok(!codes(a).includes('FD0503'));
  near(caSetpoint(a), 0.735, 1e-9, 'pH 13');
  assert.ok(!a.diagnostics.some((d) => d.code === 'FD0203' && /koh01/.test(d.message)), 'the electrolyte is used');
});

test('with a catholyte and an anolyte, an oxidation puts the working electrode in the anolyte; a statement overrides', () => {
  const both = '  catholyte koh01 30 mL\n  anolyte koh1 30 mL';
  const oxidation = 'reaction O2 : 4 OH- -> O2 + 2 H2O + 4 e-\n';
  near(caSetpoint(analyze(oer(both, oxidation))), 0.676, 1e-9, 'anolyte pH 14 from the reaction');
  const reduction = 'reaction H2 : 2 H2O + 2 e- -> H2 + 2 OH-\n';
  near(caSetpoint(analyze(oer(both, reduction))), 0.735, 1e-9, 'catholyte pH 13 from the reaction');
  near(caSetpoint(analyze(oer(both, reduction, 'working wIr in anolyte'))), 0.676, 1e-9, 'stated');
});

test('undecidable: a warning on the working line, no conversion, and fixes whose text parses', () => {
  const text = oer('  catholyte koh01 30 mL\n  anolyte koh1 30 mL');
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === 'FD0532')!;
  assert.ok(d, 'unknown compartment');
  assert.equal(a.text.slice(d.span.start, d.span.end), 'wIr');
  assert.match(d.message, /does not say which electrolyte its working electrode sits in/);
  assert.equal(caSetpoint(a), undefined, 'no pH, no set-point');
  assert.ok(a.diagnostics.some((x) => x.code === 'FD0503' && /does not say which that is/.test(x.message)));
  const fix = d.fixes!.find((f) => f.title.includes('anolyte'))!;
  const e = fix.edits[0]!;
  const fixed = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
  assert.ok(fixed.includes('  working wIr in anolyte\n'));
  assert.deepEqual(parseFaraday(fixed).problems, []);
  near(caSetpoint(analyze(fixed)), 0.676, 1e-9, 'after the fix');
});

test('a result in an OER cell takes the anolyte\'s volume', () => {
  const result = 'result IrO2 at 1.6 V vs RHE for 1 h {\n  charge 10 C\n}\n';
  const a = analyze(oer('  anolyte koh1 45 mL', result));
  const cell = a.values.find((v) => v.kind === 'cell')!;
  assert.equal(cell.value, 'oer');
  assert.match(cell.detail!, /anolyte koh1 45 mL \(pH 14\.00\)/);
});

test('completion offers the compartments after `working w in` and the electrolytes after `electrolyte` in a cell', async () => {
  const { completions } = await import('../../server/src/features/completion');
  const vocabulary = { species: [], referenceElectrodes: [], unitsFor: () => [] };
  const text = oer('  electrolyte koh1 30 mL', '', 'working wIr in ');
  const a = analyze(text);
  assert.deepEqual(completions(a, text.indexOf('in \n') + 3, vocabulary).map((c) => c.label), ['catholyte', 'anolyte']);
  const labels = completions(a, text.indexOf('koh1 30 mL'), vocabulary).map((c) => c.label);
  assert.deepEqual(labels, ['koh1', 'koh01']);
});

test('the Methods section writes the RHE offset of the electrolyte the working electrode sits in, named by its compartment', () => {
  const both = '  catholyte koh01 30 mL\n  anolyte koh1 30 mL';
  const oxidation = 'reaction O2 : 4 OH- -> O2 + 2 H2O + 4 e-\n';
  const text = writeMethods(analyze(oer(both, oxidation)), 'md').text.replace(/\\([\\`*_[\]<>~|#])/g, '$1').replace(/−/g, '-');
  // Hg/HgO (1 M KOH) 0.098 V vs SHE; anolyte koh1 at pH 14.0: 0.098 + 0.059 × 14.0 = 0.924 V (the catholyte's 13.0 would give 0.865 V).
  assert.match(text, /koh1 anolyte \(pH 14\.0, measured\), E\(RHE\) = E\(Hg\/HgO\) \+ 0\.924 V/);
  assert.doesNotMatch(text, /koh01 catholyte/);
  // A single-compartment cell names its electrolyte as such: 0.098 + 0.059 × 13.0 = 0.865 V.
  const single = writeMethods(analyze(oer('  electrolyte koh01 30 mL')), 'md').text.replace(/\\([\\`*_[\]<>~|#])/g, '$1');
  assert.match(single, /koh01 electrolyte \(pH 13\.0, measured\), E\(RHE\) = E\(Hg\/HgO\) \+ 0\.865 V/);
});
