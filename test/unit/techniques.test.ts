// Technique lines: CP at current set-points with their durations, OCP, EIS at the
// open circuit with its amplitude, rotation rates, the figures-of-merit clauses,
// and the cross-checks of their records (set-point current, amplitude, duration,
// patterns without their list).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseFaraday } from '../../server/src/syntax/parse';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import type { RunBlock } from '../../server/src/syntax/ast';

const root = path.resolve(__dirname, '..', '..');
const samplePath = path.join(root, 'samples', 'oer-figures-of-merit.faraday');
const sample = readFileSync(samplePath, 'utf8');
const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
const run = (text = sample): Analysis => analyze(text, { fileName: samplePath, readFile: read });
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);

function techniques(body: string) {
  const parsed = parseFaraday(`run in H {\n${body}\n}\n`);
  assert.deepEqual(parsed.problems, []);
  return (parsed.document.statements[0] as RunBlock).techniques;
}

test('technique lines read set-points, durations, the open circuit, amplitudes, rotation rates and the figures of merit', () => {
  const [cp, ocp, eis, lsv, rde] = techniques([
    'CP at 10, 50, 100 mA/cm2 for 1 h each, data "cp-{j}.mpt"',
    'OCP for 30 min',
    'EIS at OCP from 100 kHz to 0.1 Hz, amplitude 10 mV',
    'LSV from 1.0 V to 1.6 V vs RHE at 10 mV/s, reaction O2, overpotential at 10 mA/cm2, tafel from 1 to 10 mA/cm2, mass activity at 300 mV overpotential, TOF at 1.55 V vs RHE, equilibrium 1.23 V vs RHE',
    'LSV from 1.1 V to 0.2 V vs RHE at 10 mV/s at 400, 900, 1600 rpm, koutecky-levich at 0.8, 0.85 V vs RHE',
  ].join('\n'));
  assert.deepEqual(cp!.setCurrents!.values.map((v) => v.value), [10, 50, 100]);
  assert.equal(cp!.setCurrents!.unit!.text, 'mA/cm2');
  assert.equal(cp!.durationEach!.text, 'each');
  assert.equal(cp!.at, undefined);
  assert.equal(ocp!.duration!.values[0]!.value, 30);
  assert.equal(eis!.atOCP!.text, 'OCP');
  assert.equal(eis!.amplitude!.unit!.text, 'mV');
  assert.equal(eis!.from!.quantity.unit!.text, 'kHz');
  assert.equal(lsv!.label, undefined);
  assert.equal(lsv!.reaction!.text, 'O2');
  assert.equal(lsv!.overpotential!.values[0]!.value, 10);
  // `from 1 to 10 mA/cm2`: the first end takes the unit of the second (the same word, where it is written).
  assert.deepEqual([lsv!.tafel!.from.quantity.values[0]!.value, lsv!.tafel!.from.quantity.unit, lsv!.tafel!.to.quantity.unit!.text], [1, lsv!.tafel!.to.quantity.unit, 'mA/cm2']);
  assert.equal(lsv!.massActivity!.overpotential!.text, 'overpotential');
  assert.equal(lsv!.tof!.at.scale!.text, 'RHE');
  assert.equal(lsv!.tof!.overpotential, undefined);
  assert.equal(lsv!.equilibrium!.quantity.values[0]!.value, 1.23);
  assert.equal(lsv!.rates!.unit!.text, 'mV/s');
  assert.deepEqual(rde!.rotation!.values.map((v) => v.value), [400, 900, 1600]);
  assert.deepEqual(rde!.kouteckyLevich!.at.quantity.values.map((v) => v.value), [0.8, 0.85]);
  // A label is a name, never a clause: `CP stability` is labelled, `LSV overpotential at …` is not.
  assert.equal(techniques('CP stability at 10 mA/cm2 for 100 h')[0]!.label!.text, 'stability');
  assert.equal(techniques('LSV tafel from 1 to 10 mA/cm2')[0]!.label, undefined);
});

test('CP set-points: the current each applies on the electrode, one duration per set-point', () => {
  const a = run();
  const applied = a.values.filter((v) => v.kind === 'setCurrent' && v.span.start > sample.indexOf('CP at 10, 50'));
  // 10, 50, 100 mA/cm² × 0.196 cm² = 1.96, 9.80, 19.6 mA.
  assert.deepEqual(applied.slice(0, 3).map((v) => Number((v.value as number).toFixed(6))), [1.96, 9.8, 19.6]);
  assert.equal(applied[0]!.hint!.text, '≙ 1.96 mA');
  // Three files read through `{j}`, each checked against its set-point: no mismatch.
  assert.deepEqual(a.values.filter((v) => v.kind === 'dataFile' && /cp-ruo2-/.test(v.subject)).map((v) => v.subject), ['data/cp-ruo2-10.mpt', 'data/cp-ruo2-50.mpt', 'data/cp-ruo2-100.mpt']);
  assert.ok(!codes(a).includes('FD0752'));
  assert.ok(codes(run(sample.replace('for 1 h each', 'for 1, 2 h'))).includes('FD0587'));
  assert.ok(!codes(run(sample.replace('for 1 h each', 'for 1, 1, 2 h'))).includes('FD0587'));
  // A current set-point belongs to CP.
  assert.ok(codes(run(sample.replace('CA stability at 1.55 V vs RHE', 'CA stability at 10 mA/cm2'))).includes('FD0588'));
});

test('a CP record run at another current than its set-point is flagged', () => {
  // The 10 mA/cm² file (1.96 mA) named for 20 mA/cm² (3.92 mA on 0.196 cm²).
  const a = run(sample.replace('CP at 10, 50, 100 mA/cm2 for 1 h each, data "data/cp-ruo2-{j}.mpt"', 'CP at 20 mA/cm2 for 1 h, data "data/cp-ruo2-10.mpt"'));
  const d = a.diagnostics.find((x) => x.code === 'FD0752')!;
  assert.match(d.message, /mean 1\.96 mA, but the set-point 20 mA\/cm2 is 3\.92 mA on 0\.196 cm²/);
});

test('EIS at OCP: the amplitude is checked against the file header', () => {
  assert.ok(!codes(run()).includes('FD0751'));
  const a = run(sample.replace('amplitude 10 mV', 'amplitude 5 mV'));
  const d = a.diagnostics.find((x) => x.code === 'FD0751')!;
  assert.match(d.message, /amplitude of 10\.0 mV, but the line says 5 mV/);
  assert.ok(codes(run(sample.replace('amplitude 10 mV', 'amplitude 10 mA'))).includes('FD0402'));
});

test('a data pattern without its list reads nothing and says which list it needs', () => {
  const a = run(sample.replace('CP at 10, 50, 100 mA/cm2 for 1 h each, data "data/cp-ruo2-{j}.mpt"', 'OCP for 1 h, data "data/cp-ruo2-{j}.mpt"'));
  const d = a.diagnostics.find((x) => x.code === 'FD0753')!;
  assert.match(d.message, /`\{j\}`.*CP set-points/);
  assert.ok(!codes(a).includes('FD0707'));
});

test('a record without the column a value needs says so', () => {
  // An i-t file (time and current) named on an OCP line: no potential to read.
  const a = run(sample.replace('OCP for 30 min, data "data/ocp-ruo2.txt"', 'OCP for 30 min, data "data/ca-stability-ruo2.txt"'));
  assert.ok(codes(a).includes('FD0754'));
  assert.ok(codes(a).includes('FD0708'));
  assert.equal(a.values.filter((v) => v.kind === 'openCircuitPotential').length, 0);
});

test('completion offers the new clauses, reaction names after `reaction`, and the units each slot takes', async () => {
  const { completions } = await import('../../server/src/features/completion');
  // `unitsFor` echoes the slot it is asked for, so the test sees which slot completion chose.
  const vocabulary = { species: [], referenceElectrodes: [], unitsFor: (slot: string) => [`<${slot}>`] };
  const at = (text: string, marker: string) => completions(analyze(text.replace(marker, '')), text.indexOf(marker), vocabulary).map((c) => c.label);
  const afterComma = at(sample.replace('overpotential at 10 mA/cm2,', 'overpotential at 10 mA/cm2, |'), '|');
  for (const clause of ['overpotential at', 'tafel from', 'mass activity at', 'TOF at', 'koutecky-levich at', 'reaction', 'equilibrium', 'amplitude', 'window']) assert.ok(afterComma.includes(clause), clause);
  assert.deepEqual(at(sample.replace('data "data/lsv-oer-ruo2.txt",', 'data "data/lsv-oer-ruo2.txt", reaction |'), '|'), ['O2']);
  assert.deepEqual(at(sample.replace('overpotential at 10 mA/cm2', 'overpotential at 10 |'), '|'), ['<currentDensity>']);
  assert.deepEqual(at(sample.replace('  area 0.196 cm2\n', '  area 0.196 cm2\n  sites 1.2e-8 |\n'), '|'), ['<amount>']);
  assert.deepEqual(at(sample.replace('  pH 14.0 measured\n', '  pH 14.0 measured\n  solubility O2 1.2e-6 |\n'), '|'), ['<molarConcentration>']);
  assert.deepEqual(at(sample.replace('  pH 14.0 measured\n', '  pH 14.0 measured\n  viscosity 0.01 |\n'), '|'), ['<kinematicViscosity>']);
  assert.deepEqual(at(sample.replace('amplitude 10 mV', 'amplitude 10 |'), '|'), ['<potential>']);
  const electrolyteWords = at(sample.replace('  pH 14.0 measured\n', '  pH 14.0 measured\n  |\n'), '|');
  assert.ok(['solubility', 'diffusivity', 'viscosity'].every((w) => electrolyteWords.includes(w)));
  assert.ok(at(sample.replace('  area 0.196 cm2\n', '  area 0.196 cm2\n  |\n'), '|').includes('sites'));
});
