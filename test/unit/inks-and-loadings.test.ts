// Catalyst inks, electrode loadings and metal loadings, checked by hand
// (the calculation is written next to each number).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { hoverAt } from '../../server/src/lsp/hover';
import { inlayHints } from '../../server/src/lsp/inlay-hints';
import { completionItems } from '../../server/src/lsp/completion';
import { metalMassFraction } from '../../server/src/chemistry/metal-content';
import { parseFormula } from '../../server/src/chemistry/formula';
import { lookupMaterial } from '../../server/src/chemistry/species-library';
import { MATERIALS } from '../../server/src/data/materials';

const near = (a: number | string | undefined, b: number, tol: number, what = '') => assert.ok(typeof a === 'number' && Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

function value(a: Analysis, kind: string, subject: string): number | string | undefined {
  return a.values.find((v) => v.kind === kind && v.subject === subject)?.value;
}

function diagnostic(a: Analysis, code: string) {
  return a.diagnostics.find((d) => d.code === code);
}

const ptInk = [
  'ink PtC {',
  '  catalyst 5 mg Pt/C 20 wt%',
  '  solvent 480 µL isopropanol + 480 µL water',
  '  ionomer 40 µL Nafion 5 wt%',
  '  sonicate 30 min',
  '}',
].join('\n');

const electrode = (...lines: string[]) => `electrode w {\n${lines.map((l) => `  ${l}\n`).join('')}}\n`;

test('5 mg Pt/C 20 wt% in 1000 µL, 10 µL on 0.196 cm² → 0.255 mg/cm² and 51.0 µg Pt/cm²', () => {
  const text = `${ptInk}\n${electrode('drop-cast 10 µL of ink PtC', 'area 0.196 cm2')}`;
  const a = analyze(text);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
  // Ink volume: 480 + 480 + 40 µL (the Nafion solution counts) = 1000 µL; 5 mg / 1.000 mL = 5.000 mg/mL
  near(value(a, 'inkConcentration', 'PtC'), 5, 1e-9, 'ink');
  // Cast: 5 mg × 10 µL / 1000 µL = 0.0500 mg; / 0.196 cm² = 0.25510 mg/cm²
  near(value(a, 'loading', 'w'), 0.05 / 0.196, 1e-9, 'loading');
  // Pt: 0.25510 mg/cm² × 0.20 × 1000 µg/mg = 51.020 µg/cm²
  near(value(a, 'metalLoading', 'w'), 51.0204, 1e-3, 'Pt loading');
  assert.equal(a.values.find((v) => v.kind === 'metalLoading')!.extra!.metal, 'Pt');
  // The mass on the electrode feeds the yields per mass: 0.0500 mg
  near(a.facts.electrodes.get('w')!.catalystMassG, 5e-5, 1e-15, 'mass on the electrode');
  // The ink's hover names the ionomer mass: 40 µL × 0.874 g/mL × 5 % = 1.748 mg Nafion
  assert.match(a.values.find((v) => v.kind === 'inkConcentration')!.detail!, /1\.748 mg of Nafion/);
});

test('the Nafion solution counts in the ink volume', () => {
  // Without the ionomer: 960 µL; 10 µL carry 5 × 10 / 960 = 0.052083 mg; / 0.196 = 0.26573 mg/cm²
  const noNafion = ptInk.replace('  ionomer 40 µL Nafion 5 wt%\n', '');
  near(value(analyze(`${noNafion}\n${electrode('drop-cast 10 µL of ink PtC', 'area 0.196 cm2')}`), 'loading', 'w'), (5 * 10) / 960 / 0.196, 1e-9, 'without Nafion');
});

test('the three ways to cast, and several casts adding up', () => {
  // `catalyst 10 µL ink PtC`, `spray 10 µL of ink PtC`, `drop-cast 10 µL PtC`: all 0.0500 mg
  for (const line of ['catalyst 10 µL ink PtC', 'catalyst 10 µL of ink PtC', 'spray 10 µL of ink PtC', 'drop-cast 10 µL PtC']) {
    near(value(analyze(`${ptInk}\n${electrode(line, 'area 1 cm2')}`), 'loading', 'w'), 0.05, 1e-12, line);
  }
  // Two layers of 5 µL: 2 × 0.025 mg = 0.050 mg on 1 cm²
  near(value(analyze(`${ptInk}\n${electrode('drop-cast 5 µL of ink PtC', 'drop-cast 5 µL of ink PtC', 'area 1 cm2')}`), 'loading', 'w'), 0.05, 1e-12, 'two layers');
});

test('a stated loading is checked against the recipe: 6.97 mg/cm² stated where the recipe gives 0.070', () => {
  // 1.4 mg in 1000 µL, 10 µL cast: 0.014 mg on 0.2 cm² = 0.0700 mg/cm²; stated 6.97 is 99.6 times as much
  const ink = 'ink A {\n  catalyst 1.4 mg RuO2\n  solvent 1000 µL water\n}\n';
  const text = `${ink}${electrode('drop-cast 10 µL of ink A', 'area 0.2 cm2', 'loading 6.97 mg/cm2')}`;
  const a = analyze(text);
  const d = diagnostic(a, 'FD0540')!;
  assert.equal(d.severity, 'warning');
  assert.equal(text.slice(d.span.start, d.span.end), '6.97 mg/cm2');
  assert.match(d.message, /6\.97 mg\/cm2.*0\.0700 mg\/cm²/);
  near(value(a, 'loading', 'w'), 0.07, 1e-12, 'the recipe is used');
  // Within 5 %: 0.072 is 2.9 % above 0.0700, no warning
  assert.equal(diagnostic(analyze(`${ink}${electrode('drop-cast 10 µL of ink A', 'area 0.2 cm2', 'loading 0.072 mg/cm2')}`), 'FD0540'), undefined);
  // 0.074 is 5.7 % above: a warning
  assert.ok(diagnostic(analyze(`${ink}${electrode('drop-cast 10 µL of ink A', 'area 0.2 cm2', 'loading 0.074 mg/cm2')}`), 'FD0540'));
});

test('binder-free electrodes state their loading, which gives the catalyst mass on the electrode', () => {
  const a = analyze(electrode('catalyst RuO2', 'loading 2.1 mg/cm2', 'area 0.5 cm2'));
  near(value(a, 'loading', 'w'), 2.1, 1e-12, 'stated');
  assert.equal(a.values.find((v) => v.kind === 'loading')!.extra!.source, 'stated');
  // 2.1 mg/cm² × 0.5 cm² = 1.05 mg on the electrode
  near(a.facts.electrodes.get('w')!.catalystMassG, 1.05e-3, 1e-15, 'mass');
  // Ru in RuO2: 101.07 / (101.07 + 2 × 15.999) = 101.07 / 133.068 = 0.759536; 2.1 mg/cm² × 0.759536 = 1595.03 µg/cm²
  near(value(a, 'metalLoading', 'w'), 2.1 * 1000 * 101.07 / 133.068, 1e-6, 'Ru');
  assert.equal(a.values.find((v) => v.kind === 'metalLoading')!.label, '1595 µg Ru/cm²');
});

test('the weighed catalyst of the Au28Cu12 sample still gives its loading', () => {
  const text = readFileSync(new URL('../../samples/au28cu12-si.faraday', import.meta.url), 'utf8');
  const a = analyze(text);
  // catalyst 1 mg Au28Cu12 on area 1 cm2 → 1 mg/cm²
  near(value(a, 'loading', 'wAu28Cu12'), 1, 1e-12, 'loading');
  near(a.facts.electrodes.get('wAu28Cu12')!.catalystMassG, 1e-3, 1e-15, 'mass');
});

test('what an ink or a cast lacks is reported where it is missing', () => {
  const cases: [string, string, string][] = [
    // A cast larger than the ink
    [`${ptInk}\n${electrode('drop-cast 2 mL of ink PtC', 'area 1 cm2')}`, 'FD0542', '2 mL'],
    // No area
    [`${ptInk}\n${electrode('drop-cast 10 µL of ink PtC')}`, 'FD0541', 'drop-cast 10 µL of ink PtC'],
    // An ink without catalyst: the ink says so, the cast says why it has no loading
    [`ink A {\n  solvent 1 mL water\n}\n${electrode('drop-cast 10 µL of ink A', 'area 1 cm2')}`, 'FD0335', 'A'],
    [`ink A {\n  solvent 1 mL water\n}\n${electrode('drop-cast 10 µL of ink A', 'area 1 cm2')}`, 'FD0543', 'drop-cast 10 µL of ink A'],
    // A solvent weighed instead of measured: the ink volume is unknown
    ['ink A {\n  catalyst 5 mg RuO2\n  solvent 1 g water\n}\n', 'FD0336', '1 g'],
    // The catalyst of an ink must be a mass
    ['ink A {\n  catalyst 5 µL RuO2\n  solvent 1 mL water\n}\n', 'FD0340', '5 µL'],
    // A catalyst mass and an ink cast on one electrode
    [`${ptInk}\n${electrode('catalyst 1 mg RuO2', 'drop-cast 10 µL of ink PtC', 'area 1 cm2')}`, 'FD0544', '1 mg RuO2'],
    // An unknown ink, with a suggestion
    [`${ptInk}\n${electrode('drop-cast 10 µL of ink PtX', 'area 1 cm2')}`, 'FD0202', 'PtX'],
    // Assumptions that are said: the library's Pt/C grade, the library's Nafion strength
    ['ink A {\n  catalyst 5 mg Pt/C\n  solvent 1 mL water\n}\n', 'FD0338', '5 mg Pt/C'],
    ['ink A {\n  catalyst 5 mg RuO2\n  solvent 1 mL water\n  ionomer 40 µL Nafion\n}\n', 'FD0337', '40 µL Nafion'],
    // Carbon black carries no metal: no metal loading, and why
    ['ink A {\n  catalyst 5 mg XC-72\n  solvent 1 mL water\n}\n', 'FD0339', '5 mg XC-72'],
    // Not a statement of an ink
    ['ink A {\n  glue 5 mg RuO2\n}\n', 'FD0107', 'glue'],
  ];
  for (const [text, code, at] of cases) {
    const a = analyze(text);
    const d = diagnostic(a, code);
    assert.ok(d, `${code} expected; got ${a.diagnostics.map((x) => `${x.code} ${x.message}`).join('; ')}`);
    assert.equal(text.slice(d.span.start, d.span.end), at, code);
  }
  // The assumed Pt/C grade is still used (and said): 5 mg in 1 mL, 10 µL on 1 cm² → 0.05 mg/cm² × 20 % = 10 µg Pt/cm²
  const assumed = analyze(`ink A {\n  catalyst 5 mg Pt/C\n  solvent 1 mL water\n}\n${electrode('drop-cast 10 µL of ink A', 'area 1 cm2')}`);
  near(value(assumed, 'metalLoading', 'w'), 10, 1e-9, 'library grade');
  assert.equal(value(analyze(`ink A {\n  catalyst 5 mg XC-72\n  solvent 1 mL water\n}\n${electrode('drop-cast 10 µL of ink A', 'area 1 cm2')}`), 'metalLoading', 'w'), undefined);
});

test('a recipe that casts nothing, or an ink without volume, never divides by zero', () => {
  // 0 µL cast and an ink of 0 µL solvent are impossible (FD0410, at the volume): the recipe gives no loading, and
  // the stated loading does not stand in for a recipe with an error
  for (const [recipe, cast] of [['solvent 1 mL water', 'drop-cast 0 µL of ink A'], ['solvent 0 µL water', 'drop-cast 10 µL of ink A']]) {
    const a = analyze(`ink A {\n  catalyst 5 mg RuO2\n  ${recipe}\n}\n${electrode(cast!, 'area 1 cm2', 'loading 1 mg/cm2')}`);
    const impossible = diagnostic(a, 'FD0410')!;
    assert.equal(a.text.slice(impossible.span.start, impossible.span.end), '0 µL');
    assert.equal(diagnostic(a, 'FD0540'), undefined, 'no recipe to disagree with');
    assert.deepEqual(a.values.filter((v) => v.kind === 'loading'), []);
    if (recipe.startsWith('solvent 0')) assert.deepEqual(a.values.filter((v) => v.kind === 'inkConcentration'), [], 'an ink of impossible volume has no concentration');
  }
  // An ink that does not give its total volume (a liquid by mass): the stated loading is used, and the cast says so
  const empty = analyze(`ink A {\n  catalyst 5 mg RuO2\n  solvent 1 g water\n}\n${electrode('drop-cast 10 µL of ink A', 'area 1 cm2', 'loading 1 mg/cm2')}`);
  assert.match(diagnostic(empty, 'FD0543')!.message, /does not give its total volume; the stated loading is used/);
  assert.equal(empty.values.find((v) => v.kind === 'loading')!.extra!.source, 'stated');
  for (const v of empty.values) assert.doesNotMatch(`${v.label} ${v.detail ?? ''}`, /Infinity|NaN/);
});

test('metal fractions: from a formula, a stated grade, a mixture of catalysts', () => {
  const f = metalMassFraction((parseFormula('RuO2') as { formula: { composition: Map<string, number> } }).formula.composition)!;
  near(f.fraction, 101.07 / 133.068, 1e-12, 'RuO2');
  assert.equal(metalMassFraction((parseFormula('C') as { formula: { composition: Map<string, number> } }).formula.composition), undefined);
  // `5 mg 40 wt% Pt/C` written before the name: 0.05 mg/cm² × 0.40 = 20 µg/cm²
  near(value(analyze(`ink A {\n  catalyst 5 mg 40 wt% Pt/C\n  solvent 1 mL water\n}\n${electrode('drop-cast 10 µL of ink A', 'area 1 cm2')}`), 'metalLoading', 'w'), 20, 1e-9, 'stated first');
  // 4 mg RuO2 + 1 mg IrO2: Ru 4 × 0.759536 / 5 + Ir 1 × (192.217 / 224.215) / 5 = 0.607629 + 0.171458 = 0.779087
  const mix = analyze(`ink A {\n  catalyst 4 mg RuO2 + 1 mg IrO2\n  solvent 1 mL water\n}\n${electrode('drop-cast 10 µL of ink A', 'area 1 cm2')}`);
  near(value(mix, 'loading', 'w'), 0.05, 1e-12, 'mixture loading');
  near(value(mix, 'metalLoading', 'w'), 50 * (4 * (101.07 / 133.068) + 192.217 / 224.215) / 5, 1e-9, 'mixture metal');
  assert.equal(mix.values.find((v) => v.kind === 'metalLoading')!.extra!.metal, 'Ru+Ir');
});

test('the material library: Nafion, carbon black, Pt/C, each with its source', () => {
  const nafion = lookupMaterial('Nafion')!;
  assert.equal(nafion.solution!.massFraction, 0.05);
  assert.equal(nafion.solution!.densityGPerML, 0.874);
  assert.equal(lookupMaterial('Pt/C')!.elementFractions!.Pt, 0.2);
  assert.equal(lookupMaterial('vulcan xc-72')!.name, 'carbon black');
  for (const m of MATERIALS) assert.ok(m.source.length > 10, `${m.name} names its source`);
  // A material has no molarity: `0.1 M Nafion` in an electrolyte is an error
  assert.ok(diagnostic(analyze('electrolyte e {\n  0.1 M Nafion in water\n}\n'), 'FD0334'));
});

test('hover, inlay hint and completion of inks and casts', () => {
  const text = `${ptInk}\n${electrode('drop-cast 10 µL of ink PtC', 'area 0.196 cm2')}`;
  const a = analyze(text);
  const castAt = text.indexOf('drop-cast') + 3;
  const hover = hoverAt(a, castAt)!;
  const markdown = (hover.contents as { value: string }).value;
  assert.match(markdown, /Loading of w/);
  assert.match(markdown, /5\.000 mg Pt\/C × 10\.00 µL \/ 1000 µL = 0\.05000 mg/);
  const end = a.parse.lineIndex.position(text.length);
  const hints = inlayHints(a, { start: { line: 0, character: 0 }, end }, () => true).map((h) => h.label);
  assert.ok(hints.includes('= 0.255 mg/cm² · 51.0 µg Pt/cm²'), hints.join(' | '));
  assert.ok(hints.includes('5.000 mg/mL in 1000 µL'), hints.join(' | '));

  const labels = (t: string, at: number) => completionItems(analyze(t), at).map((c) => c.label);
  assert.ok(labels('\n', 0).includes('ink'), 'the ink block snippet at the top level');
  const inInk = 'ink A {\n  \n}\n';
  for (const k of ['catalyst', 'solvent', 'ionomer', 'sonicate', 'additive']) assert.ok(labels(inInk, inInk.indexOf('  \n') + 2).includes(k), k);
  const inElectrode = `${ptInk}\nelectrode w {\n  \n}\n`;
  for (const k of ['drop-cast', 'spray', 'loading']) assert.ok(labels(inElectrode, inElectrode.lastIndexOf('  \n') + 2).includes(k), k);
  const afterInk = `${ptInk}\nelectrode w {\n  drop-cast 10 µL of ink \n}\n`;
  assert.ok(labels(afterInk, afterInk.indexOf('of ink ') + 7).includes('PtC'), 'ink names after `ink`');
  assert.ok(labels(inInk.replace('  \n', '  catalyst 5 mg \n'), inInk.indexOf('  \n') + 16).includes('Nafion'), 'materials among the species');
});

test('the OER ink sample parses without errors and gives the loading of its recipe', () => {
  const text = readFileSync(new URL('../../samples/oer-ink-ruo2.faraday', import.meta.url), 'utf8');
  const a = analyze(text);
  assert.deepEqual(a.parse.problems, []);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.message), []);
  // 5 mg RuO2 in 480 + 480 + 40 = 1000 µL; 32 µL carry 0.160 mg; / 0.196 cm² = 0.81633 mg/cm²,
  // 2.0 % above the stated 0.8 mg/cm² (within 5 %, so no warning)
  near(value(a, 'loading', 'wRuO2'), 0.16 / 0.196, 1e-9, 'loading');
  // Ru: 0.81633 mg/cm² × 101.07 / 133.068 × 1000 = 620.03 µg/cm²
  near(value(a, 'metalLoading', 'wRuO2'), (0.16 / 0.196) * 1000 * 101.07 / 133.068, 1e-6, 'Ru');
});
