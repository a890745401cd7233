// Results that read their gases from GC files:
// `H2, CO by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min`.
// The injections are real exports of one Cu CO2-reduction run at 10 mA (yadg's
// test data, see test/fixtures/instrument-exports/SOURCES.md): 14:10:58.301 Z
// (the full export) and 14:17:06.467 Z (its peak tables), and a real EZChrom
// trace. Crafted copies say so where they are made. Constants: F = 96485.33212
// C/mol, R = 8.314462618 J/(mol K); 25 °C and 101.325 kPa unless said.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { readBytesBounded } from '../../server/src/instruments/read-bytes';
import { listDirectory } from '../../server/src/instruments/list-directory';
import { paperTables } from '../../server/src/analysis/tables';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'instrument-exports');
const fixture = (f: string) => readFileSync(path.join(fixtures, f), 'utf8');
const FIRST = fixture('fusion-gc-cu-co2rr.fusion-data');
const SECOND = fixture('fusion-gc-cu-co2rr-2-peaks.fusion-data');
const EZCHROM = fixture('ezchrom-gc.dat.asc');
const readText = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };

const near = (a: number | undefined, b: number, rel: number, what: string) =>
  assert.ok(a !== undefined && Math.abs(a - b) <= rel * Math.abs(b), `${what}: got ${a}, expected ${b}`);

/** A workspace with the protocol and its files; analysed as the CLI does (bytes, folder listing). */
function run(files: Record<string, string>, protocol: string, options: { list?: boolean } = {}): Analysis {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-gc-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return analyze(protocol, { fileName: path.join(dir, 'p.faraday'), readFile: readText, readBytes: readBytesBounded, ...(options.list === false ? {} : { listDirectory }), workspaceRoot: dir });
}

function protocol(result: string, blocks = '', header = 'at -1.0 V vs RHE for 1 h'): string {
  return `temperature 25 °C
pressure 101.325 kPa
reaction H2 : 2 H2O + 2 e- -> H2 + 2 OH-
reaction CO : CO2 + H2O + 2 e- -> CO + 2 OH-
reaction C2H4 : 2 CO2 + 8 H2O + 12 e- -> C2H4 + 12 OH-
electrolyte bicarbonate {
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
result Cu ${header} {
${result}
}
`;
}

const found = (a: Analysis, kind: string, subject: string) => a.values.find((v) => v.kind === kind && v.subject === subject);
const value = (a: Analysis, kind: string, subject: string) => found(a, kind, subject)?.value as number | undefined;
const messages = (a: Analysis, code: string) => a.diagnostics.filter((d) => d.code === code).map((d) => d.message);
const at = (a: Analysis, code: string) => a.diagnostics.filter((d) => d.code === code).map((d) => a.text.slice(d.span.start, d.span.end));

const TWO_INJECTIONS = { 'gc/run--1.0-1.fusion-data': FIRST, 'gc/run--1.0-2.fusion-data': SECOND, 'gc/run--0.8-1.fusion-data': FIRST };

test('the instrument\'s concentrations per injection, their mean, and the FE from a stated charge', () => {
  const a = run(TWO_INJECTIONS, protocol('  charge 36 C\n  H2, CO, C2H4 by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min'));
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
  // `{E}` is -1.0 as written: the −0.8 V file is not read. Per injection, the files' `concentration` in % by volume:
  //   H2   0.07965441630924582 %  and 0.022820781119114293 % → 796.5441630924582 and 228.20781119114293 ppm
  //   CO   0.10866000627830139 %  and 0.0291153945069387 %   → 1086.6000627830139 and 291.153945069387 ppm
  //   C2H4 0.002442860628430798 % and 0 %                     → 24.42860628430798 and 0 ppm
  // Means: H2 (796.5441630924582 + 228.20781119114293)/2 = 512.3759871418006 ppm;
  //        CO (1086.6000627830139 + 291.153945069387)/2 = 688.8770039262005 ppm; C2H4 12.21430314215399 ppm.
  // Sample SD of two values = |a − b|/√2: H2 568.3363519013153/√2 = 401.874488424244 ppm.
  const rows = a.facts.gcInjections.filter((r) => r.product === 'H2');
  assert.deepEqual(rows.map((r) => [r.file, r.time, r.used]), [['gc/run--1.0-1.fusion-data', '2022-06-08T14:10:58.301Z', true], ['gc/run--1.0-2.fusion-data', '2022-06-08T14:17:06.467Z', true]]);
  near(rows[0]!.fraction, 796.5441630924582e-6, 1e-12, 'H2, injection 1');
  near(rows[1]!.fraction, 228.20781119114293e-6, 1e-12, 'H2, injection 2');
  near(value(a, 'gasFraction', 'Cu/H2'), 512.3759871418006, 1e-12, 'mean H2');
  near(found(a, 'gasFraction', 'Cu/H2')!.extra!.uncertainty as number, 401.874488424244, 1e-9, 'SD of H2');
  near(value(a, 'gasFraction', 'Cu/CO'), 688.8770039262005, 1e-12, 'mean CO');
  near(value(a, 'gasFraction', 'Cu/C2H4'), 12.21430314215399, 1e-12, 'mean C2H4');
  assert.equal(found(a, 'gasFraction', 'Cu/H2')!.label, '510 ± 400 ppm H2 (n = 2)'); // both rounded to the SD's second figure
  // FE = n·F·x·(p·Q/(R·T))·t / Q_charge, with Q = 20 mL/min = 3.3333e-7 m³/s, t = 1 h = 3600 s, Q_charge = 36 C:
  //   p·Q = 101325 Pa × 3.33333e-7 m³/s = 0.033775 J/s;  R·T = 8.314462618 × 298.15 = 2478.9570295567 J/mol
  //   gas flow p·Q/(R·T) = 1.3624681508109811e-5 mol/s
  //   H2: x·flow·t = 5.123759871418006e-4 × 1.3624681508109811e-5 × 3600 = 2.5131454693957447e-5 mol
  //       FE = 2 × 96485.33212 × 2.5131454693957447e-5 / 36 = 0.1347120418 → 13.47120418 %
  //   CO: 6.888770039262005e-4 × … × 3600 = 3.378862719631941e-5 mol → FE = 2 × F × that / 36 = 18.11170509 %
  //   C2H4: 1.221430314215399e-5 × … × 3600 = 5.990975645592709e-7 mol → FE = 12 × F × that / 36 = 1.92680425 %
  near(value(a, 'faradaicEfficiency', 'Cu/H2'), 13.47120418225121, 1e-9, 'FE H2');
  near(value(a, 'faradaicEfficiency', 'Cu/CO'), 18.11170509397635, 1e-9, 'FE CO');
  near(value(a, 'faradaicEfficiency', 'Cu/C2H4'), 1.9268042496261466, 1e-9, 'FE C2H4');
  // The ± of an FE is the same formula applied to the SD of the fraction: H2 2 × F × 4.01874488e-4 × … / 36 = 10.56593873 %.
  near(found(a, 'faradaicEfficiency', 'Cu/H2')!.extra!.uncertainty as number, 10.56593873456151, 1e-9, 'u(FE H2)');
  // Partial current density j = FE × |I| / A, |I| = 36 C / 3600 s = 10 mA on 1 cm²: j(H2) = 0.1347120418 × 10 = 1.347120418 mA/cm².
  near(value(a, 'partialCurrentDensity', 'Cu/H2'), 1.347120418225121, 1e-9, 'j H2');
  // ΣFE = 13.47120418 + 18.11170509 + 1.92680425 = 33.50971352 %.
  near(value(a, 'faradaicEfficiencySum', 'Cu'), 33.50971352585372, 1e-9, 'ΣFE');
  // The hover says what was averaged.
  assert.match(found(a, 'gasFraction', 'Cu/H2')!.detail!, /From 2 injections of `gc\/run-\{E\}-\{n\}\.fusion-data`: injection 1 \(`gc\/run--1\.0-1\.fusion-data`, 2022-06-08T14:10:58\.301Z\) at t = 0 s: 796\.5 ppm; injection 2 \(`gc\/run--1\.0-2\.fusion-data`, 2022-06-08T14:17:06\.467Z\) at t = 6\.14 min: 228\.2 ppm\. t = 0 is the first injection\./);
});

test('the per-injection table of the report', () => {
  const a = run(TWO_INJECTIONS, protocol('  current 10 mA\n  H2, CO by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min'));
  const table = paperTables(a).find((t) => t.id === 'gc')!;
  assert.deepEqual(table.header, ['result', 'file', 'injection time', 't (min)', 'averaged', 'H2 (ppm)', 'CO (ppm)']);
  // t: 0 and 368.166 s = 6.14 min after the first injection.
  assert.deepEqual(table.rows, [
    ['Cu', 'gc/run--1.0-1.fusion-data', '2022-06-08T14:10:58.301Z', '0.00', 'yes', '796.5', '1087'],
    ['Cu', 'gc/run--1.0-2.fusion-data', '2022-06-08T14:17:06.467Z', '6.14', 'yes', '228.2', '291.2'],
  ]);
});

test('an injection outside the electrolysis is warned at the data string and left out of the mean', () => {
  // A crafted copy of the first injection, timed 15:30:00 Z: 4741.699 s = 79.0 min after the first, after the 1 h run.
  const late = FIRST.replace('"runTimeStamp":"2022-06-08T14:10:58.301Z"', '"runTimeStamp":"2022-06-08T15:30:00.000Z"');
  assert.notEqual(late, FIRST);
  const a = run({ ...TWO_INJECTIONS, 'gc/run--1.0-3.fusion-data': late }, protocol('  current 10 mA\n  H2, CO by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min'));
  assert.deepEqual(messages(a, 'FD0790'), ['injection 3 (`gc/run--1.0-3.fusion-data`, 2022-06-08T15:30:00.000Z) was taken 79 min after the first injection, when the 1 h electrolysis had ended: its gas is not of this run, so it is left out of the mean; remove its file from the pattern\'s folder or correct the duration']);
  assert.deepEqual(at(a, 'FD0790'), ['"gc/run-{E}-{n}.fusion-data"']);
  // Once per line, not per product; the mean is that of injections 1 and 2 (512.3759871418006 ppm H2).
  near(value(a, 'gasFraction', 'Cu/H2'), 512.3759871418006, 1e-12, 'mean H2 without the late injection');
  assert.equal(found(a, 'gasFraction', 'Cu/H2')!.extra!.n, 2);
  assert.deepEqual(a.facts.gcInjections.filter((r) => r.product === 'H2').map((r) => r.used), [true, true, false]);
  // The real second injection (6.14 min after the first) is outside a 5 min electrolysis: only the first is used.
  const short = run(TWO_INJECTIONS, protocol('  current 10 mA\n  H2 by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min', '', 'at -1.0 V vs RHE for 5 min'));
  assert.match(messages(short, 'FD0790')[0]!, /^injection 2 \(`gc\/run--1\.0-2\.fusion-data`, 2022-06-08T14:17:06\.467Z\) was taken 6\.14 min after the first injection, when the 5 min electrolysis had ended/);
  near(value(short, 'gasFraction', 'Cu/H2'), 796.5441630924582, 1e-12, 'H2 of the first injection alone');
});

test('the start of the electrolysis from its i-t file, on the same clock as the GC or not', () => {
  // The sample's i-t file (600 C in 2 h) with its date set to 16:30:00 on the day of the EZChrom injection,
  // which was taken at 3/24/2023 5:01:47 PM: 31 min 47 s = 31.8 min after the start (both wall clocks).
  const it = readFileSync(path.resolve(__dirname, '..', '..', 'samples', 'data', 'it-au28cu12--0.8.txt'), 'utf8').replace('Nov. 24, 2026   10:00:00', 'Mar. 24, 2023   16:30:00');
  const files = { 'data/it.txt': it, 'gc/ez.dat.asc': EZCHROM, ...TWO_INJECTIONS };
  const cal = 'calibration fid-C2H4 {\n  gas C2H4\n  response factor 0.002 ppm per area\n  window 6.5 to 7.5 min on channel 2\n}';
  const line = '  data "data/it.txt"\n  C2H4 by fid-C2H4 data "gc/ez.dat.asc" at 20 mL/min';
  const inside = run(files, protocol(line, cal, 'at -1.0 V vs RHE for 2 h'));
  assert.deepEqual(messages(inside, 'FD0790'), []);
  assert.deepEqual(inside.facts.gcInjections.map((r) => [r.offsetS, r.used]), [[1907, true]]);
  const outside = run(files, protocol(line, cal, 'at -1.0 V vs RHE for 30 min'));
  assert.deepEqual(messages(outside, 'FD0790'), ['injection 1 (`gc/ez.dat.asc`, 3/24/2023 5:01:47 PM) was taken 31.8 min after the start of `data/it.txt` (Mar. 24, 2023   16:30:00), when the 30 min electrolysis had ended: its gas is not of this run, so it is left out of the mean; remove its file from the pattern\'s folder or correct the duration']);
  assert.equal(found(outside, 'gasFraction', 'Cu/C2H4'), undefined, 'no injection left: no value');
  // The Fusion files write UTC (`…Z`); the i-t file the computer's wall clock: the first injection stands for the start.
  const fusion = run(files, protocol('  data "data/it.txt"\n  H2 by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min', '', 'at -1.0 V vs RHE for 2 h'));
  assert.deepEqual(messages(fusion, 'FD0941'), ['`data/it.txt` writes its start (Mar. 24, 2023   16:30:00) on the computer\'s wall clock, the GC its injections on a clock with a zone; they cannot be compared, so the first injection stands for the start of the electrolysis']);
  assert.equal(found(fusion, 'gasFraction', 'Cu/H2')!.extra!.n, 2);
});

test('a product the file does not have, a peak the instrument does not calibrate', () => {
  const a = run(TWO_INJECTIONS, protocol('  current 10 mA\n  H2, N2O by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min\n  O2 by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min'));
  assert.deepEqual(messages(a, 'FD0791'), ['injection 1 (`gc/run--1.0-1.fusion-data`, 2022-06-08T14:10:58.301Z) has no peak of N2O; it has H2, O2, N2, CH4, CO, CO2, C2H4, C2H6, C3H6, C3H8, CH3OH (MeOH), CH3CHO (Acetaldehyde), C2H5OH (EtOH), C2H5CHO (Propionaldehyde), CH3COCH3 (Acetone), C3H7OH (1-propanol)']);
  assert.deepEqual(at(a, 'FD0791'), ['N2O']);
  assert.equal(found(a, 'faradaicEfficiency', 'Cu/N2O'), undefined);
  assert.ok(found(a, 'faradaicEfficiency', 'Cu/H2'), 'H2 of the same line is still read');
  // O2 has a peak (area 1021.93) but the method calibrates no O2.
  assert.deepEqual(messages(a, 'FD0793'), ['the O2 peak of injection 1 (`gc/run--1.0-1.fusion-data`, 2022-06-08T14:10:58.301Z) has an area (1021.93) but no calibrated concentration: the instrument\'s method does not calibrate O2; name a gas calibration of O2 whose standards are peak areas (`O2 by <calibration> data …`)']);
  // Instrument names go through the table: a method that calls the peak `Hydrogen` is read for H2.
  const named = run({ 'gc/a.fusion-data': FIRST.replace('"label":"H2"', '"label":"Hydrogen"') }, protocol('  current 10 mA\n  H2 by GC data "gc/a.fusion-data" at 20 mL/min'));
  near(value(named, 'gasFraction', 'Cu/H2'), 796.5441630924582, 1e-12, 'Hydrogen is H2');
});

test('the Fusion method\'s own H2 standards as a Faraday calibration read the instrument\'s areas', () => {
  // The file's method (AS_Cal_20220204) calibrates H2 with six standards, % ↔ area: 4.88 ↔ 346141, 0.9028 ↔ 64002,
  // 0.18056 ↔ 12729, 0.0492 ↔ 3527, 0.016433 ↔ 1152, 0.004969 ↔ 328. Least squares of area on % with an intercept:
  // slope 70934.31686515662 per %, intercept −22.662076719032484. The instrument's areas 5649.79 and 1618.65 read
  // (5649.79 + 22.662)/70934.317 = 0.0799677 % and (1618.65 + 22.662)/70934.317 = 0.0231385 %; through their mean
  // area 3634.22: (3634.22 + 22.662076719032484)/70934.31686515662 = 0.05155322 % = 515.5322 ppm, within 0.7 % of the
  // instrument's own (forced through zero) 512.376 ppm.
  const cal = 'calibration tcd-H2 {\n  gas H2\n  standards % -> area { 4.88 -> 346141; 0.9028 -> 64002; 0.18056 -> 12729; 0.0492 -> 3527; 0.016433 -> 1152; 0.004969 -> 328 }\n}';
  const a = run(TWO_INJECTIONS, protocol('  current 10 mA\n  H2 by tcd-H2 data "gc/run-{E}-{n}.fusion-data" at 20 mL/min', cal));
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.message), []);
  const rows = a.facts.gcInjections;
  assert.deepEqual(rows.map((r) => r.area), [5649.79, 1618.65]);
  near(rows[0]!.fraction, ((5649.79 + 22.662076719032484) / 70934.31686515662) / 100, 1e-9, 'injection 1 through the standards');
  near(value(a, 'gasFraction', 'Cu/H2'), (((5649.79 + 1618.65) / 2 + 22.662076719032484) / 70934.31686515662) * 1e4, 1e-9, 'mean area through the standards');
  near(value(a, 'gasFraction', 'Cu/H2'), 512.3759871418006, 0.007, 'close to the instrument\'s concentrations');
});

test('an EZChrom trace integrated over the calibration\'s window', () => {
  // Channel 2 of the real EZChrom export, 20 Hz: the window 6.5–7.5 min is samples 7800 to 9000. Its readings there
  // (first 109230, last 114635 counts, the peak at 51701133) × the Y multiplier 0.000130208, trapezoids of 0.05 s above the
  // line between the two ends: 551599572.675 counts·s × 0.000130208 = 71822.67715886641 (computed independently from the
  // file's readings). Through 0.002 ppm per area: 143.6453543 ppm C2H4; FE = 12 × F × 143.6453543e-6 × 1.3624681508e-5 mol/s / 10 mA.
  const cal = 'calibration fid-C2H4 {\n  gas C2H4\n  response factor 0.002 ppm per area\n  window 6.5 to 7.5 min on channel 2\n}';
  const a = run({ 'gc/ez.dat.asc': EZCHROM }, protocol('  current 10 mA\n  C2H4 by fid-C2H4 data "gc/ez.dat.asc" at 20 mL/min', cal));
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.message), []);
  near(a.facts.gcInjections[0]!.area, 71822.67715886641, 1e-9, 'area of the channel 2 peak');
  near(value(a, 'gasFraction', 'Cu/C2H4'), 0.002 * 71822.67715886641, 1e-9, 'C2H4 ppm');
  near(value(a, 'faradaicEfficiency', 'Cu/C2H4'), (12 * 96485.33212 * 0.002 * 71822.67715886641e-6 * 1.3624681508109811e-5 / 0.01) * 100, 1e-9, 'FE C2H4');
  assert.match(found(a, 'gasFraction', 'Cu/C2H4')!.detail!, /area 71823 \(trace over 6\.5 to 7\.5 min on channel 2\)/);
  // Without a window, on no named channel, or read by the instrument's (absent) calibration.
  const noWindow = run({ 'gc/ez.dat.asc': EZCHROM }, protocol('  current 10 mA\n  C2H4 by fid-C2H4 data "gc/ez.dat.asc" at 20 mL/min', cal.replace('  window 6.5 to 7.5 min on channel 2\n', '')));
  assert.match(messages(noWindow, 'FD0794')[0]!, /has no peak table, only detector traces, and calibration fid-C2H4 gives no window to integrate C2H4 over: add one to it, as in `window 6\.59 to 6\.95 min on channel 1`/);
  const noChannel = run({ 'gc/ez.dat.asc': EZCHROM }, protocol('  current 10 mA\n  C2H4 by fid-C2H4 data "gc/ez.dat.asc" at 20 mL/min', cal.replace(' on channel 2', '')));
  assert.match(messages(noChannel, 'FD0795')[0]!, /the file has 2 traces \(`channel 1`, `channel 2`\): name one after the window, as in `on channel 1`/);
  const byGC = run({ 'gc/ez.dat.asc': EZCHROM }, protocol('  current 10 mA\n  C2H4 by GC data "gc/ez.dat.asc" at 20 mL/min'));
  assert.match(messages(byGC, 'FD0791')[0]!, /has no peak of C2H4; it has no named peaks, only the detector traces `channel 1`, `channel 2`: read C2H4 through a gas calibration with a peak window/);
});

test('patterns that cannot be read, values and flows that do not belong, files that are no chromatograms', () => {
  const none = run(TWO_INJECTIONS, protocol('  current 10 mA\n  H2 by GC data "gc/inj-{n}.fusion-data" at 20 mL/min'));
  assert.deepEqual(messages(none, 'FD0792'), ['no file in `gc` matches `inj-{n}.fusion-data` (`{n}` stands for an injection number, as in `inj-1.fusion-data`): correct the pattern or the file names']);
  const folder = run(TWO_INJECTIONS, protocol('  current 10 mA\n  H2 by GC data "gc/{n}/run.fusion-data" at 20 mL/min'));
  assert.match(messages(folder, 'FD0796')[0]!, /`\{n\}` stands for the injection number in the file name, but here it is in the folder `gc\/\{n\}`/);
  const noLister = run(TWO_INJECTIONS, protocol('  current 10 mA\n  H2 by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min'), { list: false });
  assert.match(messages(noLister, 'FD0796')[0]!, /which this reader cannot do/);
  const stray = run(TWO_INJECTIONS, protocol('  current 10 mA\n  H2 300 ppm by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min'));
  assert.deepEqual(at(stray, 'FD0799'), ['300 ppm']);
  near(value(stray, 'gasFraction', 'Cu/H2'), 512.3759871418006, 1e-12, 'the files, not the written value');
  const noFlow = run(TWO_INJECTIONS, protocol('  current 10 mA\n  H2 by GC data "gc/run-{E}-{n}.fusion-data"'));
  assert.deepEqual(at(noFlow, 'FD0551'), ['"gc/run-{E}-{n}.fusion-data"']);
  const it = readFileSync(path.resolve(__dirname, '..', '..', 'samples', 'data', 'it-au28cu12--0.8.txt'), 'utf8');
  const notGc = run({ 'data/it.txt': it }, protocol('  current 10 mA\n  H2 by GC data "data/it.txt" at 20 mL/min'));
  assert.deepEqual(messages(notGc, 'FD0798'), ['`data/it.txt` holds Amperometric i-t Curve data, not a gas chromatogram: name the GC exports of the run']);
  const window = run({}, protocol('  current 10 mA', 'calibration c {\n  gas H2\n  response factor 0.1 ppm per area\n  window 7.5 to 6.5 min\n}'));
  assert.match(messages(window, 'FD0940')[0]!, /must start at a retention time of zero or more and end after it starts/);
  // A GC line is still a line of products: an unnamed second product, or no files and no value, are syntax errors.
  const bare = run({}, protocol('  current 10 mA\n  H2, CO by GC at 20 mL/min'));
  assert.ok(bare.diagnostics.some((d) => /expected the reading of H2, as in `H2 absorbance 0\.099 by nessler`, or the GC files it is read from/.test(d.message)));
});

test('hover of the data string lists the injections; completion offers the GC line, `GC` and the files', async () => {
  const { hoverAt } = await import('../../server/src/lsp/hover');
  const { completions } = await import('../../server/src/features/completion');
  const late = FIRST.replace('"runTimeStamp":"2022-06-08T14:10:58.301Z"', '"runTimeStamp":"2022-06-08T15:30:00.000Z"');
  const a = run({ ...TWO_INJECTIONS, 'gc/run--1.0-3.fusion-data': late }, protocol('  current 10 mA\n  H2, CO by GC data "gc/run-{E}-{n}.fusion-data" at 20 mL/min'));
  const injections = found(a, 'gcInjections', 'Cu/gc/run-{E}-{n}.fusion-data')!;
  assert.deepEqual([injections.value, injections.label], [2, '2 of 3 GC injections averaged']);
  const hover = hoverAt(a, a.text.indexOf('gc/run-{E}') + 3)!;
  const markdown = (hover.contents as { value: string }).value;
  assert.match(markdown, /\*\*2 of 3 GC injections averaged\*\*/);
  assert.match(markdown, /injection 3 \(`gc\/run--1\.0-3\.fusion-data`, 2022-06-08T15:30:00\.000Z\), t = 79 min: outside the electrolysis, left out/);
  assert.match(markdown, /t = 0 is the first injection; the electrolysis lasts 1 h\./);
  assert.match(markdown, /Compounds: H2, O2, N2, CH4, CO, CO2, C2H4/);
  // The product's hover has its injections and mean.
  const h2 = (hoverAt(a, a.text.indexOf('H2, CO by') + 1)!.contents as { value: string }).value;
  assert.match(h2, /From 2 injections of `gc\/run-\{E\}-\{n\}\.fusion-data`/);
  assert.match(h2, /Left out \(outside the electrolysis\): injection 3/);

  const vocabulary = { species: [], referenceElectrodes: [], unitsFor: () => [] };
  const text = protocol('  current 10 mA\n  \n', 'calibration tcd-H2 {\n  gas H2\n  \n}');
  const parsed = analyze(text);
  const lineStart = completions(parsed, text.indexOf('  \n\n}') + 2, vocabulary);
  const reading = lineStart.find((c) => c.label === 'H2, CO by GC data')!;
  assert.equal(reading.snippet, '${1:H2}, ${2:CO} by ${3:GC} data "${4:gc/run-{E\\}-{n\\}.fusion-data}" at ${5:20} mL/min');
  const calibrationLine = completions(parsed, text.indexOf('gas H2\n  ') + 'gas H2\n  '.length, vocabulary).map((c) => c.label);
  assert.ok(calibrationLine.includes('window'));
  const afterBy = 'result Cu at -1.0 V vs RHE for 1 h {\n  H2 by \n}\ncalibration tcd-H2 { gas H2; response factor 0.1 ppm per area }\n';
  assert.deepEqual(completions(analyze(afterBy), afterBy.indexOf('by ') + 3, vocabulary).map((c) => c.label), ['tcd-H2', 'GC']);
  const afterMethod = 'result Cu at -1.0 V vs RHE for 1 h {\n  H2 by GC \n}\n';
  const files = completions(analyze(afterMethod), afterMethod.indexOf('GC ') + 3, vocabulary);
  assert.deepEqual(files.map((c) => c.label), ['data', 'at']);
  assert.equal(files[0]!.snippet, 'data "${1:gc/run-{E\\}-{n\\}.fusion-data}" at ${2:20} mL/min');
});
