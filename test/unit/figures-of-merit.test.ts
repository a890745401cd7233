// Figures of merit of a sweep: the equilibrium potential computed from the
// reaction, the overpotential at a current density, the Tafel slope with its
// exchange current density, mass activity and turnover frequency. The OER
// sample's sweep is synthetic (samples/data/generate.ts): Butler–Volmer with
// j0 = 1e-4 mA/cm², ba = 60 mV/dec, bc = 120 mV/dec, plus Cdl·v = 0.01 mA/cm²,
// E_eq = 2 × 237129 J/mol / (4F) = 1.228834 V vs RHE, on 0.196 cm²; the fits must
// recover those parameters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { equilibriumPotential, STANDARD_NERNST_SLOPE, type ReactionSide } from '../../server/src/electrochem/equilibrium-potential';
import { parseFormula, hillFormula } from '../../server/src/chemistry/formula';
import { buildFigures } from '../../server/src/plots/figures';

const root = path.resolve(__dirname, '..', '..');
const samplePath = path.join(root, 'samples', 'oer-figures-of-merit.faraday');
const sample = readFileSync(samplePath, 'utf8');
const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
const run = (text = sample): Analysis => analyze(text, { fileName: samplePath, readFile: read });
const F = 96485.33212;
const values = (a: Analysis, kind: string) => a.values.filter((v) => v.kind === kind);
const one = (a: Analysis, kind: string) => {
  const found = values(a, kind);
  assert.equal(found.length, 1, `one ${kind}: ${found.map((v) => v.label).join('; ')}`);
  return found[0]!;
};
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);
const LSV_LINE = /LSV from 1\.0 V .*\n/;
const lsvWith = (clauses: string) => sample.replace(LSV_LINE, `LSV from 1.0 V to 1.6 V vs RHE at 10 mV/s, data "data/lsv-oer-ruo2.txt", ${clauses}\n`);

/** The model of the synthetic sweep, in mA/cm² at E vs RHE. */
const E_EQ = (2 * 237129) / (4 * F);
const model = (e: number) => 1e-4 * (10 ** ((e - E_EQ) / 0.06) - 10 ** (-(e - E_EQ) / 0.12)) + 0.01;

function sides(text: string): ReactionSide[] {
  return text.split(' + ').map((term) => {
    const m = /^(\d+(?:\.\d+)?)?\s*(.+)$/.exec(term.trim())!;
    const parsed = parseFormula(m[2]!);
    if (!('formula' in parsed)) throw new Error(m[2]);
    return { coefficient: m[1] ? Number(m[1]) : 1, text: m[2]!, hill: hillFormula(parsed.formula.composition), charge: parsed.formula.charge };
  });
}
const equilibrium = (reaction: string, pH?: number) => {
  const [l, r] = reaction.split(' -> ');
  return equilibriumPotential(sides(l!), sides(r!), pH);
};
const vsRHE = (reaction: string, pH?: number) => {
  const e = equilibrium(reaction, pH);
  if (!('vsRHE' in e)) throw new Error(JSON.stringify(e));
  return e.vsRHE;
};

test('equilibrium potentials vs RHE from ΔfG° (NBS tables), by hand', () => {
  // O2/H2O: 2 × 237.129 kJ/mol / 4F = 1.228834 V, written as acid OER, alkaline OER or alkaline ORR.
  const oer = (2 * 237129) / (4 * F);
  assert.ok(Math.abs(vsRHE('2 H2O -> O2 + 4 H+ + 4 e-') - oer) < 1e-9);
  assert.ok(Math.abs(vsRHE('4 OH- -> O2 + 2 H2O + 4 e-') - oer) < 1e-9);
  assert.ok(Math.abs(vsRHE('O2 + 2 H2O + 4 e- -> 4 OH-') - oer) < 1e-9);
  assert.ok(Math.abs(oer - 1.228834) < 1e-6);
  assert.equal(vsRHE('2 H+ + 2 e- -> H2'), 0);
  assert.ok(Math.abs(vsRHE('2 H2O + 2 e- -> H2 + 2 OH-')) < 1e-12);
  // CO2 + 2 H+ + 2 e- -> CO + H2O: ΔG = −137.168 − 237.129 + 394.359 = 20.062 kJ/mol; E = −20062/(2F) = −0.10396 V.
  assert.ok(Math.abs(vsRHE('CO2 + 2 H+ + 2 e- -> CO + H2O') - -20062 / (2 * F)) < 1e-9);
  // CH4: ΔG = −50.72 − 2 × 237.129 + 394.359 = −130.619 kJ/mol over 8 e-: 0.16922 V (Kuhl 2012: 0.17).
  assert.ok(Math.abs(vsRHE('CO2 + 8 H+ + 8 e- -> CH4 + 2 H2O') - 130619 / (8 * F)) < 1e-9);
  // C2H4: ΔG = 68.15 − 4 × 237.129 + 2 × 394.359 = −91.648 kJ/mol over 12 e-: 0.07915 V (Kuhl 2012: 0.08).
  assert.ok(Math.abs(vsRHE('2 CO2 + 12 H+ + 12 e- -> C2H4 + 4 H2O') - 91648 / (12 * F)) < 1e-9);
  // Formate takes one proton for two electrons: E° = −(−351.0 + 394.359)/(2F) = −0.22470 V vs SHE, and vs RHE
  // it moves by s/2 per pH: at pH 7, −0.22470 + 0.05916 × 7 / 2 = −0.01764 V (the "−0.02 V" of neutral-pH tables).
  const formate = equilibrium('CO2 + H+ + 2 e- -> HCOO-', 7);
  assert.ok('vsRHE' in formate && formate.pHDependent);
  assert.ok(Math.abs(formate.vsRHE - (-43359 / (2 * F) + (STANDARD_NERNST_SLOPE * 7) / 2)) < 1e-9);
  assert.deepEqual(equilibrium('CO2 + H+ + 2 e- -> HCOO-'), { error: 'the equilibrium potential of this couple vs RHE depends on the pH, which is unknown' });
  assert.deepEqual(equilibrium('C3H8 + 6 H2O -> 3 CO2 + 20 H+ + 20 e-'), { missing: ['C3H8'] });
});

test('OER sample: the overpotential at 10 mA/cm² is the model\'s 299.97 mV', () => {
  const a = run();
  const eta = one(a, 'overpotential');
  // Kinetic part 10 − 0.01 (capacitive) = 9.99 mA/cm² (the cathodic term, 1e-4 × 10^(−0.3/0.12) = 3e-7, is negligible):
  // η = 0.060 × log10(9.99 / 1e-4) = 0.060 × 4.999565 = 0.2999739 V. The file keeps 5 figures of the current,
  // and linear interpolation over 1 mV of an exponential errs by < 0.01 mV: ±0.05 mV.
  assert.ok(Math.abs((eta.value as number) - 299.9739) < 0.05, `${eta.value}`);
  assert.equal(eta.unit, 'mV');
  assert.ok(Math.abs((eta.extra!.equilibrium as number) - 1.228834) < 1e-6);
  assert.equal(eta.hint?.text, 'η 300 mV');
  assert.match(eta.detail!, /computed from reaction O2/);
});

test('OER sample: the Tafel fit over 1–10 mA/cm² recovers b = 60 mV/dec and j0 = 1e-4 mA/cm²', () => {
  const a = run();
  const b = one(a, 'tafelSlope');
  // The capacitive 0.01 mA/cm² makes d log j_measured / d log j_kinetic = j_k/(j_k + 0.01), between 0.990 (1 mA/cm²)
  // and 0.999 (10 mA/cm²): the fitted slope lies between 60.06 and 60.6 mV/dec.
  assert.ok((b.value as number) > 60.06 && (b.value as number) < 60.6, `${b.value}`);
  assert.equal(b.unit, 'mV/dec');
  assert.ok((b.extra!.r2 as number) > 0.9999);
  // 1 mV steps from η(1 mA/cm²) = 0.2400 V to η(10) = 0.3000 V: 60 points.
  assert.equal(b.extra!.points, 60);
  const j0 = one(a, 'exchangeCurrentDensity');
  // A slope error under 1 % extrapolated over five decades moves log10 j0 by under 0.05: j0 within 12 % of 1e-4.
  assert.ok(Math.abs((j0.value as number) / 1e-4 - 1) < 0.12, `${j0.value}`);
  // The same fit over the potentials of that range (1.469 to 1.529 V vs RHE) gives the same slope.
  const byPotential = run(lsvWith('tafel from 1.469 to 1.529 V vs RHE'));
  assert.ok(Math.abs((one(byPotential, 'tafelSlope').value as number) - (b.value as number)) < 0.05);
});

test('OER sample: mass activity at 1.55 V vs RHE per catalyst and per Ru, by hand', () => {
  const a = run();
  // 1.55 V is a point of the sweep: j = model(1.55) = 22.53 mA/cm², × 0.196 cm² = 4.416 mA; catalyst 5 mg × 10 µL / 1000 µL = 0.05 mg.
  const i = (model(1.55) * 0.196) / 1000;
  const massActivity = one(a, 'massActivity');
  assert.ok(Math.abs((massActivity.value as number) / (i / 5e-5) - 1) < 1e-4, `${massActivity.value} vs ${i / 5e-5}`);
  assert.equal(massActivity.unit, 'A/g');
  // Ru in RuO2: 101.07 / (101.07 + 2 × 15.999) = 75.95 %.
  const ru = 101.07 / (101.07 + 2 * 15.999);
  assert.ok(Math.abs((one(a, 'metalMassActivity').value as number) / (i / (5e-5 * ru)) - 1) < 1e-3);
});

test('OER sample: TOF at 300 mV overpotential, every Ru atom a site (a lower bound, said), or the stated sites', () => {
  const a = run();
  const tof = one(a, 'turnoverFrequency');
  // E = 1.228834 + 0.300 V, between two 1 mV points: linear interpolation of the exponential errs by < 2e-4 relative.
  const i = (model(E_EQ + 0.3) * 0.196) / 1000;
  const ru = (5e-5 * (101.07 / (101.07 + 2 * 15.999))) / 101.07; // mol Ru on the electrode: 375.7 nmol
  assert.ok(Math.abs((tof.value as number) / (i / (4 * F * ru)) - 1) < 5e-4, `${tof.value}`);
  assert.equal(tof.extra!.sites, 'metal atoms');
  assert.match(tof.label, /lower bound/);
  assert.ok(codes(a).includes('FD0581'));
  const stated = run(sample.replace('  area 0.196 cm2\n', '  area 0.196 cm2\n  sites 1.2e-8 mol\n'));
  const tof2 = one(stated, 'turnoverFrequency');
  // 1.962 mA / (4 × 96485 C/mol × 12 nmol) = 0.4236 s⁻¹.
  assert.ok(Math.abs((tof2.value as number) / (i / (4 * F * 1.2e-8)) - 1) < 5e-4, `${tof2.value}`);
  assert.equal(tof2.extra!.sites, 'stated');
  assert.ok(!codes(stated).includes('FD0581'));
  // Sites per area: 5 nmol/cm² × 0.196 cm² = 0.98 nmol.
  const perArea = run(sample.replace('  area 0.196 cm2\n', '  area 0.196 cm2\n  sites 5 nmol/cm2\n'));
  assert.ok(Math.abs((one(perArea, 'sites').value as number) - 0.98) < 1e-9);
  assert.ok(codes(run(sample.replace('  area 0.196 cm2\n', '  area 0.196 cm2\n  sites 5\n'))).includes('FD0582'));
});

test('a figure of merit says why it is absent: no reaction, unknown reaction, no ΔfG°, no pH, out of the sweep', () => {
  const noReaction = run(sample.replace(/^reaction O2 .*\n/m, ''));
  assert.ok(codes(noReaction).includes('FD0570'));
  assert.equal(values(noReaction, 'overpotential').length, 0);
  // The Tafel slope needs no reaction: it is then fitted against E.
  assert.ok(values(noReaction, 'tafelSlope').length === 1);
  const unknown = run(lsvWith('reaction OER, overpotential at 10 mA/cm2'));
  assert.ok(codes(unknown).includes('FD0571'));
  const twoReactions = run(sample.replace(/^(reaction O2 .*)$/m, '$1\nreaction H2 : 2 H2O + 2 e- -> H2 + 2 OH-'));
  assert.ok(codes(twoReactions).includes('FD0570'));
  assert.equal(values(run(sample.replace(/^(reaction O2 .*)$/m, '$1\nreaction H2 : 2 H2O + 2 e- -> H2 + 2 OH-').replace('data "data/lsv-oer-ruo2.txt",', 'data "data/lsv-oer-ruo2.txt", reaction O2,')), 'overpotential').length, 1);
  // A species without ΔfG°: stated equilibrium potentials take over.
  const glycerol = sample.replace(/^reaction O2 .*$/m, 'reaction HCOOH : C3H8O3 + 3 H2O -> 3 HCOOH + 8 H+ + 8 e-');
  assert.ok(codes(run(glycerol)).includes('FD0572'));
  const stated = run(glycerol.replace('overpotential at 10 mA/cm2', 'equilibrium 0.1 V vs RHE, overpotential at 10 mA/cm2'));
  // η = E(10 mA/cm²) − 0.1 V, E = 1.228834 + 0.2999739 V.
  assert.ok(Math.abs((one(stated, 'overpotential').value as number) - (1228.834 + 299.9739 - 100)) < 0.05);
  const noPH = run(sample.replace('  pH 14.0 measured\n', '').replace('1 M KOH in water', ''));
  assert.ok(codes(noPH).includes('FD0573'));
  assert.ok(codes(run(lsvWith('overpotential at 500 mA/cm2'))).includes('FD0574'));
  assert.ok(codes(run(lsvWith('mass activity at 1.8 V vs RHE'))).includes('FD0575'));
});

test('Tafel ranges: mixed kinds, too few points and a range that is not straight are said', () => {
  assert.ok(codes(run(lsvWith('tafel from 1 mA/cm2 to 1.6 V vs RHE'))).includes('FD0576'));
  const few = run(lsvWith('tafel from 1 to 1.1 mA/cm2'));
  assert.ok(codes(few).includes('FD0577'));
  assert.equal(values(few, 'tafelSlope').length, 0);
  // From 0.005 mA/cm² the capacitive plateau (0.01 mA/cm²) bends the plot: R² < 0.99, still reported.
  const bent = run(lsvWith('tafel from 0.005 to 100 mA/cm2'));
  assert.ok(codes(bent).includes('FD0578'));
  assert.ok((one(bent, 'tafelSlope').extra!.r2 as number) < 0.99);
  // Potentials need their scale; a unit of neither kind is a unit error at the end that carries it.
  assert.ok(codes(run(lsvWith('tafel from 1 to 10 mV'))).includes('FD0110'));
  const kg = run(lsvWith('tafel from 1 to 10 kg'));
  const unit = kg.diagnostics.find((d) => d.code === 'FD0402')!;
  assert.equal(kg.text.slice(unit.span.start, unit.span.end), '10 kg');
});

test('mass activity and TOF need a catalyst mass and sites', () => {
  const bare = sample.replace(/electrode wRuO2 \{[^}]*\}/, 'electrode wRuO2 {\n  catalyst RuO2\n  area 0.196 cm2\n}');
  const a = run(bare);
  assert.ok(codes(a).includes('FD0579'));
  assert.ok(codes(a).includes('FD0580'));
  assert.equal(values(a, 'massActivity').length, 0);
  assert.equal(values(a, 'turnoverFrequency').length, 0);
});

test('the Tafel plot: every point of the sweep, the fitted ones, and the line', () => {
  const figure = buildFigures(run()).find((f) => f.id === 'tafel')!;
  const layers = figure.spec.layer as { data: { values: { logJ: number; y: number }[] } }[];
  const fitted = layers[1]!.data.values;
  assert.equal(fitted.length, 60);
  // The dashed line has the fitted slope: 60.2 mV/dec.
  const [p, q] = layers[2]!.data.values;
  assert.ok(Math.abs(((q!.y - p!.y) / (q!.logJ - p!.logJ)) * 1000 - 60.2) < 0.1);
  assert.match(JSON.stringify(figure.spec.title), /b = 60\.2 mV\/dec/);
});

test('random edits of the OER sample, with its records read, never give a non-finite number or break a figure', async () => {
  const fc = (await import('fast-check')).default;
  const snippets = ['tafel from 1 to 1 mA/cm2', 'overpotential at 0 mA/cm2', 'mass activity at 0 mV overpotential', 'TOF at 1.6 V vs RHE', ', window 0 min', 'sites 0 mol', 'area 0 cm2', 'for 0 h', 'equilibrium 9 V vs RHE', 'koutecky-levich at 1 V vs RHE', 'at 0 rpm', 'CP stability at 0 mA/cm2', '{j}', '{rpm}', ', reaction O2'];
  fc.assert(
    fc.property(fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat({ max: 20 }), insert: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 3 })) }), { minLength: 1, maxLength: 3 }), (edits) => {
      let text = sample;
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
      }
      const a = run(text);
      for (const v of a.values) assert.ok(typeof v.value !== 'number' || Number.isFinite(v.value), `${v.kind} ${v.value}`);
      for (const f of buildFigures(a)) assert.ok(!/\b(NaN|Infinity)\b|null/.test(JSON.stringify(f.spec).replace(/"legend":null|"title":null/g, '')), `${f.id} holds a non-finite number`);
    }),
    { numRuns: 40, seed: 20261202 },
  );
});

test('figures of merit read the iR-corrected potential when the cell states a compensation', () => {
  // lsv-oer-ruo2-5ohm.txt is the same sweep recorded through 5 Ω: E(file) = E + i·5 Ω. At 10 mA/cm², i = 1.96 mA: +9.8 mV.
  const uncorrected = sample.replace('data/lsv-oer-ruo2.txt', 'data/lsv-oer-ruo2-5ohm.txt');
  const raw = run(uncorrected);
  assert.ok(Math.abs((one(raw, 'overpotential').value as number) - (299.9739 + 9.8)) < 0.1, `${one(raw, 'overpotential').value}`);
  // Uncorrected, the ohmic drop adds i·R to each point: the apparent slope grows (1.96 − 0.196 mA × 5 Ω = 8.8 mV over the decade).
  assert.ok((one(raw, 'tafelSlope').value as number) > 68);
  const corrected = run(uncorrected.replace('  stir 1600 rpm\n', '  stir 1600 rpm\n  iR 100 % of 5 ohm\n'));
  const eta = one(corrected, 'overpotential');
  assert.ok(Math.abs((eta.value as number) - 299.9739) < 0.05, `${eta.value}`);
  assert.match(eta.detail!, /iR-corrected \(100 %\)/);
  const b = one(corrected, 'tafelSlope').value as number;
  assert.ok(b > 60.06 && b < 60.6, `${b}`);
  // Mass activity at 1.55 V vs RHE: the corrected potentials put the model's current there again.
  assert.ok(Math.abs((one(corrected, 'massActivity').value as number) / (one(run(), 'massActivity').value as number) - 1) < 1e-3);
});

test('a current density without an electrode area is said, not read on 1 cm²', () => {
  const a = run(sample.replace('  area 0.196 cm2\n', ''));
  assert.equal(values(a, 'overpotential').length, 0);
  assert.ok(a.diagnostics.some((d) => d.code === 'FD0533' && /overpotential at 10 mA\/cm2/.test(d.message)));
});
