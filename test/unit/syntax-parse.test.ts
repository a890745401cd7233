// The typed tree of every construct of the sketch, with exact source spans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFaraday } from '../../server/src/syntax/parse';
import { validateGrammar } from '../../server/src/syntax/parser';
import { validateLexer } from '../../server/src/syntax/lexer';
import type { TopLevelNode, Span, SpeciesDecl } from '../../server/src/syntax/ast';
import { sampleText } from './sample-helpers';

const r = parseFaraday(sampleText);
const src = (s: Span) => sampleText.slice(s.start, s.end);
type NodeOf<K extends TopLevelNode['kind']> = K extends SpeciesDecl['kind'] ? SpeciesDecl : Extract<TopLevelNode, { kind: K }>;
const find = <K extends TopLevelNode['kind']>(kind: K, name?: string) =>
  r.document.statements.find((s) => s.kind === kind && (!name || ('name' in s && (s as { name?: { text: string } }).name?.text === name))) as NodeOf<K>;

test('header, settings and declarations', () => {
  assert.equal(find('protocol').title!.value, 'Au28Cu12 nanoclusters for electrocatalytic nitrate reduction to ammonia');
  const settings = r.document.statements.filter((s) => s.kind === 'setting') as Extract<TopLevelNode, { kind: 'setting' }>[];
  assert.deepEqual(settings.map((s) => [s.key.text, s.value && src(s.value.span)]), [['temperature', '25 °C'], ['nernst', '0.059 V']]);
  const cluster = find('cluster', 'Au28Cu12');
  assert.equal(src(cluster.formula!.span), '[Au28Cu12(SR)24](PPh4)4');
  const reagent = find('reagent', 'TBBT-H');
  assert.equal(reagent.density!.values[0]!.value, 0.989);
  assert.equal(reagent.density!.unit!.text, 'g/mL');
  assert.equal(reagent.description!.value, '4-tert-butylbenzenethiol');
  assert.equal(find('reagent', 'PPh3BPh3').formula!.text, 'Ph3P·BPh3');
});

test('synthesis steps: amounts, solvents, manner, conditions', () => {
  const s = find('synthesis', 'Au28Cu12');
  assert.equal(s.product!.name!.text, 'Au28Cu12');
  assert.equal(s.product!.description!.value, 'dark green flake crystals');
  assert.equal(s.basis!.species!.text, 'Me2SAuCl');
  const [dissolve] = s.steps;
  assert.equal(dissolve!.verb.text, 'dissolve');
  assert.deepEqual(dissolve!.amounts.map((a) => src(a.span)), ['20 mg CuCl']);
  assert.deepEqual(dissolve!.solvents.map((a) => src(a.span)), ['10 mL THF', '10 mL DCM']);
  const dropwise = s.steps.find((x) => x.manner.some((m) => m.text === 'dropwise'))!;
  assert.equal(src(dropwise.amounts[0]!.span), '30 mg NaBH4');
  assert.equal(src(dropwise.solvents[0]!.span), '1 mL water');
  const react = s.steps.find((x) => x.verb.text === 'react')!;
  assert.equal(src(react.duration!.span), '4 h');
  assert.deepEqual(react.temperatureWords!.map((w) => w.text), ['room', 'temperature']);
  assert.equal((s.steps.find((x) => x.verb.text === 'wait')!.until as { value: string }).value, 'clear light yellow');
  const au25 = find('synthesis', 'Au25');
  assert.equal(au25.steps[0]!.amounts[0]!.species.text, 'HAuCl4·4H2O');
  assert.equal(src(au25.steps.find((x) => x.verb.text === 'react')!.temperature!.span), '0 °C');
  assert.deepEqual(au25.steps.find((x) => x.verb.text === 'wash')!.with!.map((w) => w.text), ['methanol']);
  assert.equal(find('synthesis', 'Au28').steps[0]!.verb.text, 'use');
});

test('electrolyte, electrode and cell', () => {
  const e = find('electrolyte', 'nitrate');
  assert.deepEqual(e.components.map((c) => src(c.span)), ['0.05 M H2SO4', '0.5 M KNO3']);
  assert.equal(e.solvent!.text, 'water');
  assert.equal(e.pH!.value.values[0]!.value, 1.0);
  assert.equal(e.pH!.value.place, 'electrolytePH');
  assert.equal(e.pH!.measured, true);
  assert.equal(src(e.purge!.duration!.span), '30 min');
  const w = find('electrode', 'wAu28Cu12');
  assert.equal(src(w.catalyst!.span), '1 mg Au28Cu12');
  assert.equal(src(w.castFrom!.span), '500 µL DCM');
  assert.equal(src(w.area!.span), '1 cm2');
  const c = find('cell', 'H');
  assert.equal(c.reference!.electrode!.text, 'Ag/AgCl (sat. KCl)');
  assert.equal(src(c.reference!.offset!.span), '0.198 V vs SHE');
  assert.equal(c.catholyte!.electrolyte.text, 'nitrate');
  assert.equal(src(c.catholyte!.volume!.span), '30 mL');
  assert.equal(src(c.stir!.span), '600 rpm');
  assert.equal(src(c.purge!.flow!.span), '18 mL/min');
});

test('run lines: CV, LSV, CA with a list of potentials, EIS, CV with a list of scan rates', () => {
  const run = find('run');
  assert.equal(run.cell!.text, 'H');
  const [cv, lsv, ca, eis, ecsa] = run.techniques;
  assert.equal(cv!.label!.text, 'activation');
  assert.equal(src(cv!.from!.span), '0.25 V');
  assert.equal(src(cv!.to!.span), '-1.15 V vs RHE');
  assert.equal(cv!.cycles!.value, 50);
  assert.equal(lsv!.data!.value, 'data/lsv-au28cu12.txt');
  assert.deepEqual(ca!.at!.quantity.values.map((v) => v.value), [-0.7, -0.8, -0.9, -1.0, -1.1]);
  assert.equal(ca!.at!.scale!.text, 'RHE');
  assert.equal(src(ca!.duration!.span), '2 h');
  assert.equal(src(eis!.from!.span), '100 kHz');
  assert.equal(src(eis!.to!.span), '10 mHz');
  assert.deepEqual(ecsa!.rates!.values.map((v) => v.value), [20, 60, 100, 140, 180]);
  assert.equal(ecsa!.rates!.unit!.text, 'mV/s');
});

test('reactions, calibrations, result, plan', () => {
  const nh3 = find('reaction', 'NH3');
  assert.deepEqual(nh3.left.map((t) => `${t.coefficient?.value ?? 1} ${t.species.text}`), ['1 NO3-', '9 H+', '8 e-']);
  assert.equal(src(nh3.equationSpan!), 'NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O');
  const nessler = find('calibration', 'nessler');
  assert.equal(nessler.analyte!.text, 'NH3-N');
  assert.equal(nessler.method!.name.text, 'Nessler');
  assert.equal(src(nessler.method!.wavelength!.span), '420 nm');
  assert.equal(src(nessler.dilute!.from.span), '5 µL');
  assert.deepEqual(nessler.standards!.rows.map((x) => [x.concentration.value, x.reading.value]), [[0, 0.012], [0.2, 0.061], [0.5, 0.138], [1, 0.271], [2, 0.538]]);
  assert.equal(find('calibration', 'griess').standards!.rows.length, 4);
  const result = r.document.statements.find((s) => s.kind === 'result') as Extract<TopLevelNode, { kind: 'result' }>;
  assert.equal(src(result.potential!.span), '-0.8 V vs RHE');
  assert.equal(src(result.charge!.span), '600 C');
  assert.deepEqual(result.readings.map((x) => [x.analyte.text, 'value' in x ? x.value.values[0]!.value : undefined, x.method?.text]), [['NH3-N', 0.099, 'nessler'], ['NO2-N', 0.297, 'griess'], ['H2', 300, 'GC']]);
  assert.equal(src(result.readings[2]!.flow!.span), '18 mL/min');
  const plan = r.document.statements.find((s) => s.kind === 'plan') as Extract<TopLevelNode, { kind: 'plan' }>;
  assert.equal(src(plan.currentDensity!.span), '-500 mA/cm2');
  assert.equal(src(plan.expectedFE[0]!.value.span), '95 %');
});

test('crystal fields with standard uncertainties', () => {
  const c = find('crystal', 'Au28Cu12');
  assert.equal(c.cell.a!.values[0]!.value, 22.0728);
  assert.ok(Math.abs(c.cell.a!.values[0]!.uncertainty! - 0.0013) < 1e-12);
  assert.ok(Math.abs(c.volume!.values[0]!.uncertainty! - 1.6) < 1e-12);
  assert.equal(c.temperature!.values[0]!.uncertainty, 2);
  assert.equal(c.cell.gamma!.unit!.text, '°');
  assert.equal(c.spaceGroup!.text, 'P-1');
  assert.equal(c.z!.values[0]!.value, 2);
  assert.equal(c.z!.place, 'formulaUnits');
  assert.equal(c.f000!.value, 10824);
  assert.equal(c.reflections!.independent!.value, 57407);
  assert.equal(c.parameters!.value, 3013);
  assert.equal(c.rObserved!.r1!.value, 0.0907);
  assert.equal(c.rAll!.wr2!.value, 0.2435);
  assert.equal(find('crystal', 'Cu28').spaceGroup!.text, 'P21/n');
});

test('lexical forms: exponents, Unicode minus, unit spellings, references', () => {
  const t = 'run in H {\n  CA at −0.8 V vs Hg/HgO (1 M KOH) for 1e4 s\n  EIS at 0 V vs SCE from 1e5 Hz to 10 mHz\n}\nelectrode w {\n  catalyst 5 μL Au25\n  area 0.5 cm²\n}\n';
  const p = parseFaraday(t);
  assert.deepEqual(p.problems, []);
  const run = p.document.statements[0] as Extract<TopLevelNode, { kind: 'run' }>;
  assert.equal(run.techniques[0]!.at!.quantity.values[0]!.value, -0.8);
  assert.equal(run.techniques[0]!.at!.scale!.text, 'Hg/HgO (1 M KOH)');
  assert.equal(run.techniques[0]!.duration!.values[0]!.value, 10000);
  assert.equal(run.techniques[1]!.at!.scale!.text, 'SCE');
  assert.equal(run.techniques[1]!.from!.quantity.values[0]!.value, 100000);
  const w = p.document.statements[1] as Extract<TopLevelNode, { kind: 'electrode' }>;
  assert.equal(w.catalyst!.quantity.unit!.text, 'μL');
  assert.equal(w.area!.unit!.text, 'cm²');
});

test('the grammar passes chevrotain\'s own validations (ambiguity, left recursion, duplicate productions)', () => {
  // The analysing parser skips these checks (they need Node 22); this keeps the grammar honest.
  assert.doesNotThrow(validateGrammar);
});

test('the lexer passes chevrotain\'s validations and every pattern names its first characters (first-character optimisation on)', () => {
  // `ensureOptimizations` throws when one pattern would make chevrotain try every pattern at every character.
  assert.doesNotThrow(validateLexer);
});
