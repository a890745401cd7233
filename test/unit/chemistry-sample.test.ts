// REFERENCE-VALUES.md, "Molar masses" and "Amounts and yields", from the sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { sampleText, fixedSample, value, close } from './sample-helpers';

const a = analyze(fixedSample);

test('molar masses of the declared clusters and reagents', () => {
  close(value(a, 'molarMass', 'Au28Cu12'), 11908.41, 2, 'Au28Cu12');
  close(value(a, 'molarMass', 'Cu28'), 4640.02, 2, 'Cu28');
  close(value(a, 'molarMass', 'Au28'), 8820.54, 2, 'Au28');
  close(value(a, 'molarMass', 'Au25'), 7861.03, 2, 'Au25');
  close(value(a, 'molarMass', 'PPh3BPh3'), 504.42, 2, 'Ph3P·BPh3');
  close(value(a, 'molarMass', 'PET-H'), 138.228, 3, 'PET-H');
  close(value(a, 'molarMass', 'CHT-H'), 116.222, 3, 'CHT-H');
  close(value(a, 'molarMass', 'TBBT-H'), 166.282, 3, 'TBBT-H');
});

test('Au28Cu12 synthesis: amounts, equivalents against Me2SAuCl, yield limited by Au', () => {
  close(value(a, 'amount', 'Au28Cu12/CuCl'), 0.2020, 4, 'CuCl');
  close(value(a, 'equivalents', 'Au28Cu12/CuCl'), 2.20, 2, 'CuCl eq');
  close(value(a, 'amount', 'Au28Cu12/PPh3BPh3'), 0.0634, 4, 'PPh3BPh3');
  close(value(a, 'equivalents', 'Au28Cu12/PPh3BPh3'), 0.692, 3, 'PPh3BPh3 eq');
  close(value(a, 'amount', 'Au28Cu12/Me2SAuCl'), 0.0917, 4, 'Me2SAuCl');
  close(value(a, 'equivalents', 'Au28Cu12/Me2SAuCl'), 1, 6, 'basis');
  close(value(a, 'amount', 'Au28Cu12/NaBH4'), 0.793, 3, 'NaBH4');
  close(value(a, 'equivalents', 'Au28Cu12/NaBH4'), 8.65, 2, 'NaBH4 eq');
  close(value(a, 'theoreticalYield', 'Au28Cu12'), 38.99, 2, 'yield');
  assert.equal(value(a, 'limiting', 'Au28Cu12'), 'Au');
  assert.ok(!a.values.some((v) => v.subject === 'Au28Cu12/DCBT-H'), 'DCBT-H has no amount without a density');
  const d = a.diagnostics.find((x) => x.code === 'FD0303');
  assert.ok(d, 'the volume without density is reported');
  assert.equal(fixedSample.slice(d.span.start, d.span.end), '30 µL');
  assert.match(d.message, /add `density … g\/mL` to `reagent DCBT-H`/);
});

test('Au25, Au28 and Cu28 syntheses', () => {
  close(value(a, 'amount', 'Au25/HAuCl4·4H2O'), 1.214, 3);
  close(value(a, 'amount', 'Au25/TOAB'), 1.234, 3);
  close(value(a, 'amount', 'Au25/PET-H'), 7.615, 3);
  close(value(a, 'equivalents', 'Au25/PET-H'), 6.27, 2);
  close(value(a, 'amount', 'Au25/NaBH4'), 14.22, 2);
  close(value(a, 'equivalents', 'Au25/NaBH4'), 11.7, 1);
  close(value(a, 'theoreticalYield', 'Au25'), 381.8, 1);
  close(value(a, 'theoreticalYield', 'Au28'), 10.02, 2);
  assert.equal(value(a, 'limiting', 'Au28'), 'Au');
  close(value(a, 'amount', 'Au28/TBBT-H'), 2.974, 3);
  close(value(a, 'amount', 'Cu28/Cu(MeCN)4BF4'), 0.3179, 4);
  close(value(a, 'amount', 'Cu28/PPh3'), 0.3050, 4);
  close(value(a, 'amount', 'Cu28/CHT-H'), 0.2452, 4);
  close(value(a, 'amount', 'Cu28/NaBH4'), 2.643, 3);
  close(value(a, 'theoreticalYield', 'Cu28'), 52.7, 1);
  assert.equal(value(a, 'limiting', 'Cu28'), 'Cu');
});

test('the sample as written flags Me2SAu and offers Me2SAuCl', () => {
  const raw = analyze(sampleText);
  const d = raw.diagnostics.find((x) => x.code === 'FD0301');
  assert.ok(d);
  assert.equal(sampleText.slice(d.span.start, d.span.end), 'Me2SAu');
  assert.equal(d.message, 'unknown species `Me2SAu`; did you mean `Me2SAuCl`?');
  assert.equal(d.fixes?.[0]?.edits[0]?.newText, 'Me2SAuCl');
  assert.ok(!raw.values.some((v) => v.kind === 'theoreticalYield' && v.subject === 'Au28Cu12'), 'no yield while a reagent is unknown');
});

test('electrons per product from the four reactions', () => {
  assert.equal(value(a, 'electronsPerProduct', 'NH3'), 8);
  assert.equal(value(a, 'electronsPerProduct', 'NO2'), 2);
  assert.equal(value(a, 'electronsPerProduct', 'N2H4'), 14);
  assert.equal(value(a, 'electronsPerProduct', 'H2'), 2);
  assert.equal(a.diagnostics.filter((d) => d.code === 'FD0306').length, 0);
});

test('an element of the product that no reagent supplies is flagged', () => {
  const text = 'cluster Au25 = [Au25(PET)18](TOA)\nligand PET = SCH2CH2C6H5\nsynthesis X {\n  product Au25\n  dissolve 10 mg CuCl in 5 mL THF\n}\n';
  const d = analyze(text).diagnostics.filter((x) => x.code === 'FD0305').map((x) => x.message);
  assert.ok(d.some((m) => m.includes('contains Au')));
  assert.ok(d.some((m) => m.includes('contains S')));
  assert.ok(!d.some((m) => m.includes('contains C,')), 'THF supplies carbon');
});
