// "No silent wrong numbers": every place of the language that takes a number is
// fed a quantity of every other dimension and a value outside its range; each
// must give an error on that quantity and no number from it. The places come
// from the table itself (units/places.ts), so a new place fails here until the
// protocol below writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { PLACES, type PlaceName, type Range } from '../../server/src/units/places';
import { SLOTS, sameDimension, type SlotName } from '../../server/src/units/dimension';
import { exampleUnit } from '../../server/src/units/slot-fixes';
import { fromSI, unit } from '../../server/src/units/convert';
import { quantitiesOf } from '../../server/src/analysis/quantities';
import { parseFaraday } from '../../server/src/syntax/parse';
import { fixedSample } from './sample-helpers';

/**
 * One protocol that writes every place once, as `⟦place:valid quantity⟧`. The
 * other positions of the same place are written plainly.
 */
const PROTOCOL = `protocol "every place"
temperature ⟦temperatureSetting:30 °C⟧
pressure ⟦pressureSetting:100 kPa⟧
nernst slope ⟦nernstSlope:0.059 V⟧
reference Ag/AgCl (sat. KCl) at ⟦referencePotential:0.198 V⟧ vs SHE
ligand TBBT = SC6H4C(CH3)3
reagent TBBT-H = C10H14S density ⟦reagentDensity:0.989 g/mL⟧
cluster Au28 = Au28(TBBT)20

synthesis S {
  product Au28
  add ⟦stepAmount:100 mg⟧ HAuCl4·4H2O
  add 500 µL TBBT-H in ⟦stepSolvent:5 mL⟧ toluene
  add ⟦stepSolution:2 mL⟧ of 0.1 M NaBH4
  react for ⟦stepDuration:2 h⟧ at ⟦stepTemperature:80 °C⟧
}

electrolyte nitrate {
  ⟦electrolyteComponent:0.5 M⟧ KNO3 + 0.05 M H2SO4 in water
  purge Ar ⟦purge:30 min⟧
  saturated with Ar at ⟦gasPartialPressure:1 atm⟧
  pH ⟦electrolytePH:1.0⟧ measured
  solubility O2 ⟦solubility:1.2e-6 mol/cm3⟧
  diffusivity O2 ⟦diffusivity:1.9e-5 cm2/s⟧
  viscosity ⟦viscosity:0.01 cm2/s⟧
}
electrode w {
  catalyst ⟦catalystLoading:1 mg⟧ Au28 ⟦catalystMetalFraction:20 wt%⟧, drop-cast from ⟦castVolume:500 µL⟧ DCM
  area ⟦electrodeArea:1 cm2⟧
  loading ⟦statedLoading:1 mg/cm2⟧
  sites ⟦activeSites:1.2e-8 mol⟧
}
ink I {
  catalyst ⟦inkCatalyst:5 mg⟧ Pt/C ⟦inkMassFraction:20 wt%⟧
  additive ⟦inkAdditive:1 mg⟧ XC-72
  solvent ⟦inkSolvent:480 µL⟧ isopropanol + 480 µL water
  ionomer ⟦inkIonomer:40 µL⟧ Nafion 5 wt%
  sonicate for ⟦inkSonication:30 min⟧
}
electrode w2 {
  drop-cast ⟦inkCastVolume:10 µL⟧ of ink I
  area 0.196 cm2
}
cell H {
  working w
  reference Ag/AgCl (sat. KCl)
  catholyte nitrate ⟦cellElectrolyteVolume:30 mL⟧
  stir ⟦stirRate:600 rpm⟧
  purge Ar 18 mL/min
  iR ⟦iRFraction:85 %⟧ of ⟦iRResistance:5 ohm⟧
}
cell F {
  type flow cell
  working w2
  catholyte nitrate 30 mL at ⟦electrolyteFlowRate:10 mL/min⟧
  feed CO2 ⟦gasFeedFlow:20 mL/min⟧
  liquid products ⟦liquidProductVolume:10 mL⟧
}
run in H {
  LSV from ⟦sweepLimit:-0.15 V⟧ to -1.15 V vs RHE at ⟦sweepAt:10 mV/s⟧, onset at ⟦onset:10 mA/cm2⟧, overpotential at ⟦overpotentialCriterion:10 mA/cm2⟧, tafel from 1 to ⟦tafelLimit:10 mA/cm2⟧, mass activity at ⟦meritPotential:-0.5 V⟧ vs RHE, reaction NH3, equilibrium ⟦equilibriumPotential:0.69 V⟧ vs RHE
  LSV orr from 1.0 V to 0.2 V vs RHE at 10 mV/s at 1600 rpm, KL at ⟦kouteckyLevichPotential:0.3 V⟧ vs RHE
  CA at ⟦techniqueAt:-0.8 V⟧ vs RHE for ⟦techniqueDuration:2 h⟧
  EIS at 0 V vs RHE from ⟦eisFrequency:100 kHz⟧ to 10 mHz, amplitude ⟦eisAmplitude:10 mV⟧
  CP ⟦techniqueCurrent:-10 mA⟧ for 1 h
  CP stability at 10 mA/cm2 for 10 h, window ⟦stabilityWindow:30 min⟧
}
reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O
reaction H2 : 2 H+ + 2 e- -> H2
reaction HCOO- : CO2 + H2O + 2 e- -> HCOO- + OH-
calibration qnmr {
  method 1H NMR
  internal standard DMSO ⟦internalStandardConcentration:10 mM⟧
}
calibration tcd {
  gas H2
  response factor ⟦responseFactor:0.05 ppm⟧ per area
  window 6.59 to ⟦gcWindow:6.95 min⟧
}
calibration nessler {
  analyte NH3-N
  method Nessler at ⟦methodWavelength:420 nm⟧, read after ⟦readAfter:10 min⟧
  dilute ⟦dilutionVolume:5 µL⟧ to 5 mL
  standards mg/L -> absorbance { 0.0 -> 0.012; 0.2 -> 0.061; 0.5 -> 0.138; 1.0 -> 0.271; 2.0 -> 0.538 }
}
result Au28 at ⟦resultAt:-0.8 V⟧ vs RHE for ⟦conditionDuration:2 h⟧ in H {
  charge ⟦resultCharge:600 C⟧
  NH3-N absorbance ⟦dissolvedReading:0.099⟧ by nessler
  H2 ⟦gasReading:300 ppm⟧ by GC at ⟦carrierFlow:18 mL/min⟧
  double layer ⟦doubleLayerRates:20, 60, 100 mV/s⟧ -> ⟦doubleLayerCurrents:0.10, 0.30, 0.50 mA/cm2⟧
  specific capacitance ⟦specificCapacitance:0.035 mF/cm2⟧
}
result Au28 at -0.9 V vs RHE for 2 h in H {
  current ⟦resultCurrent:-80 mA⟧
  H2 area 4000 by tcd at 18 mL/min
  HCOO- integral 0.42 (1 H) by qnmr
}
plan Au28 at ⟦conditionPotential:-1.0 V⟧ vs RHE for 2 h in H {
  expect current density ⟦plannedCurrentDensity:-50 mA/cm2⟧
  expect FE NH3 ⟦expectedFE:95 %⟧
}
plan Au28 at -1.1 V vs RHE for 2 h in H {
  expect current ⟦plannedCurrent:-50 mA⟧
  expect FE NH3 90 %
}
crystal Au28 {
  formula C200H260Au28S20
  temperature ⟦crystalTemperature:296(2) K⟧
  wavelength ⟦crystalWavelength:0.71073 Å⟧
  system triclinic
  space group P-1
  cell a ⟦cellEdge:22.0728(13) Å⟧, b 27.5087(14) Å, c 27.5493(15) Å
  cell alpha ⟦cellAngle:86.596(2)°⟧, beta 78.050(2)°, gamma 88.550(2)°
  volume ⟦cellVolume:16334.9(16) Å3⟧
  Z ⟦formulaUnits:2⟧
  density ⟦crystalDensity:0.7546 Mg/m3⟧
  absorption coefficient ⟦absorptionCoefficient:13.884 mm-1⟧
  reflections 119291 collected, 57407 independent, completeness ⟦completeness:99.4 %⟧
}
`;

const MARK = /⟦(\w+):([^⟧]*)⟧/g;
const marked = new Map([...PROTOCOL.matchAll(MARK)].map((m) => [m[1] as PlaceName, m[2]!]));

/** The protocol with every place at its valid quantity, except `place` written as `written`. */
function protocolWith(place?: PlaceName, written?: string): { text: string; start: number } {
  let start = -1;
  let text = '';
  let last = 0;
  for (const m of PROTOCOL.matchAll(MARK)) {
    text += PROTOCOL.slice(last, m.index);
    if (m[1] === place) start = text.length;
    text += m[1] === place ? written! : m[2]!;
    last = m.index! + m[0].length;
  }
  return { text: text + PROTOCOL.slice(last), start };
}

type Value = Analysis['values'][number];
const valid = analyze(protocolWith().text);
/** What a value is: its kind, subject and unit, and the line it is shown on (lines do not move when a quantity is rewritten). */
const key = (a: Analysis, v: Value) => `${v.kind} | ${v.subject} | ${v.unit} | line ${a.text.slice(0, v.span.start).split('\n').length}`;
const numberOf = (v: Value) => (typeof v.value === 'number' ? String(Number(v.value.toPrecision(12))) : v.value);
const numbered = (v: Value) => `${v.kind} | ${v.subject} | ${v.unit} | ${numberOf(v)}`;
const validValues = new Set(valid.values.map(numbered));

/** Every value by what it is: key → its numbers. */
function byKey(a: Analysis): Map<string, string> {
  const m = new Map<string, string[]>();
  for (const v of a.values) m.set(key(a, v), [...(m.get(key(a, v)) ?? []), numberOf(v)]);
  return new Map([...m].map(([k, xs]) => [k, xs.sort().join(', ')]));
}

/** The same quantity with other valid numbers: ×0.97 (a GC window still ends after it starts), or one more for a count. */
function perturbed(place: PlaceName, text: string): string {
  const numbers = /^[-−\d.,\s()]+/.exec(text)![0];
  const whole = (PLACES[place] as { range?: Range }).range === 'wholePositive';
  const next = numbers.replace(/(\([^)]*\))|(-?\d+(?:\.\d+)?)/g, (m, esd: string | undefined) => esd ?? String(whole ? Number(m) + 1 : Number((Number(m) * 0.97).toPrecision(6))));
  return next + text.slice(numbers.length);
}

/** What depends on a place: the values that change when its quantity changes (or appear with it). */
const dependents = new Map<PlaceName, Set<string>>();
function dependentsOf(place: PlaceName): Set<string> {
  if (!dependents.has(place)) {
    const one = byKey(valid);
    const other = byKey(analyze(protocolWith(place, perturbed(place, marked.get(place)!)).text));
    dependents.set(place, new Set([...one.keys(), ...other.keys()].filter((k) => one.get(k) !== other.get(k))));
  }
  return dependents.get(place)!;
}

/** An example of each dimension (one kind per dimension vector), and a bare number. */
const EXAMPLES: { kind: SlotName; text: string }[] = [];
for (const [name, slot] of Object.entries(SLOTS) as [SlotName, (typeof SLOTS)[SlotName]][]) {
  const bare = (slot as { bare?: true }).bare === true;
  if (EXAMPLES.some((e) => sameDimension(SLOTS[e.kind].dimension, slot.dimension) && ((SLOTS[e.kind] as { bare?: true }).bare === true) === bare)) continue;
  EXAMPLES.push({ kind: name, text: /`([^`]+)`/.exec(slot.description)![1]! });
}

function takes(place: PlaceName, kind: SlotName): boolean {
  const bare = (SLOTS[kind] as { bare?: true }).bare === true;
  return PLACES[place].kinds.some((k) => ((SLOTS[k] as { bare?: true }).bare === true) === bare && sameDimension(SLOTS[k].dimension, SLOTS[kind].dimension));
}

/** The error on the fed quantity: it must be there, inside its range. */
function errorOn(a: Analysis, start: number, end: number, what: string, code?: string): void {
  const errors = a.diagnostics.filter((d) => d.severity === 'error' && d.span.start >= start && d.span.end <= end && d.span.end > d.span.start);
  assert.ok(errors.length > 0, `${what}: no error on the quantity; got ${JSON.stringify(a.diagnostics.filter((d) => d.span.end >= start && d.span.start <= end).map((d) => `${d.code} ${d.message}`))}`);
  if (code) assert.ok(errors.some((d) => d.code === code), `${what}: expected ${code}, got ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  // A value about the quantity itself (a set-point on its number, a concentration on a reading) must be gone.
  assert.deepEqual(a.values.filter((v) => v.span.start >= start && v.span.end <= end).map((v) => v.label), [], `${what}: values shown on it`);
}

/**
 * Feeds `written` at `place` in the whole protocol: an error on that quantity; no value shown on
 * it; none of the values that depend on the place (they change with it); and no number the valid
 * protocol does not give (a default or a partial sum put in its stead).
 */
function assertRejected(place: PlaceName, written: string, code?: string): void {
  const { text, start } = protocolWith(place, written);
  const a = analyze(text);
  const what = `${place} ← \`${written}\``;
  errorOn(a, start, start + written.length, what, code);
  const depending = dependentsOf(place);
  assert.deepEqual(a.values.filter((v) => depending.has(key(a, v))).map((v) => `${key(a, v)}: ${v.label}`), [], `${what}: values that depend on it`);
  const invented = a.values.filter((v) => !validValues.has(numbered(v)));
  assert.deepEqual(invented.map((v) => `${numbered(v)}: ${v.label}`), [], `${what}: numbers the valid protocol does not give, so computed from something else`);
}

/** Only the line of the place inside its block header: enough for the error, quicker than the whole protocol. */
function lineWith(place: PlaceName, written: string): { text: string; start: number } {
  const { text, start } = protocolWith(place, written);
  const lines = text.split('\n');
  const row = text.slice(0, start).split('\n').length - 1;
  let header = '';
  if (/^\s/.test(lines[row]!)) {
    for (let r = row - 1; r >= 0; r--) if (/^\S.*\{\s*$/.test(lines[r]!)) { header = lines[r]! + '\n'; break; }
  }
  const column = start - text.lastIndexOf('\n', start - 1) - 1;
  return { text: `${header}${lines[row]}\n${header ? '}\n' : ''}`, start: header.length + column };
}

test('the protocol writes every place of the table, and at their valid quantities it has no error', () => {
  assert.deepEqual([...marked.keys()].sort(), Object.keys(PLACES).sort(), 'add the new place to PROTOCOL with a valid quantity');
  assert.deepEqual(valid.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`), []);
  for (const place of marked.keys()) {
    const other = analyze(protocolWith(place, perturbed(place, marked.get(place)!)).text);
    assert.deepEqual(other.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], `${place} at ${perturbed(place, marked.get(place)!)}`);
  }
  // The valid protocol computes the numbers these places feed, so their absence below means something.
  for (const kind of ['faradaicEfficiency', 'yieldRate', 'setpoint', 'cellVolume', 'density', 'F000', 'expectedCharge', 'ecsa', 'theoreticalYield', 'pH', 'loading', 'metalLoading', 'inkConcentration']) {
    assert.ok(valid.values.some((v) => v.kind === kind), `the valid protocol computes ${kind}`);
  }
});

test('every quantity the builder reads is tagged with a place of the table, here and in every sample', () => {
  const samples = readdirSync(path.resolve(__dirname, '../../samples')).filter((f) => f.endsWith('.faraday'));
  assert.ok(samples.length >= 4);
  for (const text of [protocolWith().text, fixedSample, ...samples.map((f) => readFileSync(path.resolve(__dirname, '../../samples', f), 'utf8'))]) {
    const quantities = quantitiesOf(parseFaraday(text).document);
    assert.ok(quantities.length > 10);
    for (const q of quantities) assert.ok(q.place in PLACES, `${text.slice(q.span.start, q.span.end)} has place ${q.place}`);
  }
});

for (const place of Object.keys(PLACES) as PlaceName[]) {
  test(`${place}: a quantity of every other dimension is an error there, and gives no number`, () => {
    const foreign = EXAMPLES.filter((e) => !takes(place, e.kind));
    assert.ok(foreign.length >= 10, `${place}: ${foreign.length} foreign kinds`);
    for (const e of foreign) {
      const { text, start } = lineWith(place, e.text);
      errorOn(analyze(text), start, start + e.text.length, `${place} ← \`${e.text}\` (its line alone)`);
    }
    // Every kind is rejected by the same path; in the whole protocol, one of another dimension and a bare number.
    for (const e of [foreign.find((x) => !(SLOTS[x.kind] as { bare?: true }).bare), foreign.find((x) => (SLOTS[x.kind] as { bare?: true }).bare)]) {
      if (e) assertRejected(place, e.text);
    }
  });
}

/** Values outside a range, in the unit of the place's own example. */
function outside(range: Range, kind: SlotName): string[] {
  const u = exampleUnit(kind);
  const w = (x: number) => (u ? `${x} ${u}` : String(x));
  const inUnit = (si: number) => (u ? Number(fromSI(si, unit(u)).toPrecision(6)) : si);
  if (Array.isArray(range)) return [w(inUnit(range[0]) - 1), w(inUnit(range[1]) + 1)];
  switch (range) {
    case 'positive': return [w(0), w(-1)];
    case 'nonNegative': return [w(-1)];
    case 'nonZero': return [w(0)];
    case 'absoluteTemperature': return [w(inUnit(0)), w(inUnit(0) - 5), '-5 K'];
    case 'wholePositive': return [w(0), w(-2), w(2.5)];
    case 'cellAngle': return [w(0), w(180), w(200)];
  }
  return [];
}

for (const [place, spec] of Object.entries(PLACES) as [PlaceName, (typeof PLACES)[PlaceName]][]) {
  const { range, kindRanges } = spec as { range?: Range; kindRanges?: Partial<Record<SlotName, Range>> };
  const ranges: [Range, SlotName][] = [...(range ? [[range, spec.kinds[0]!] as [Range, SlotName]] : []), ...(Object.entries(kindRanges ?? {}) as [SlotName, Range][]).map(([k, r]) => [r, k] as [Range, SlotName])];
  for (const [r, kind] of ranges) {
    test(`${place}: a ${kind} outside ${JSON.stringify(r)} is FD0410 there, and gives no number`, () => {
      for (const written of outside(r, kind)) assertRejected(place, written, 'FD0410');
    });
  }
}

test('no pass reads the number of a quantity: only analysis/quantities.ts converts them', () => {
  const root = path.resolve(__dirname, '../../server/src');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const full = path.join(dir, f);
      if (statSync(full).isDirectory()) walk(full);
      else if (f.endsWith('.ts')) files.push(full);
    }
  };
  walk(root);
  const offenders = files
    .filter((f) => !f.endsWith(path.join('analysis', 'quantities.ts')))
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })))
    // `q.values[0]!.value`, `x.quantity.values.map((v) => v.value)`, `c.z.value`: a written number read raw.
    .filter(({ line }) => /\.values\[[^\]]*\][!?]?\.(value|uncertainty)\b|\.values\.map\(\(\w+\) => \w+\.value\)/.test(line));
  assert.deepEqual(offenders.map(({ f, i, line }) => `${path.relative(root, f)}:${i + 1}: ${line.trim()}`), []);
});
