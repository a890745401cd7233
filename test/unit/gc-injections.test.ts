// The pieces that turn GC injections into per-product readings: peak areas
// from a detector trace, the compound names of instruments, the times
// instruments write, and whether an injection was taken during the electrolysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importInstrumentFile } from '../../server/src/instruments/detect';
import { peakArea } from '../../server/src/instruments/peak-area';
import { findPeak, gcCompound, namedCompounds, sameGcCompound } from '../../server/src/instruments/gc-peaks';
import { parseInstrumentTime } from '../../server/src/instruments/instrument-time';
import { placeInjections } from '../../server/src/instruments/injection-window';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'instrument-exports');
const load = (f: string) => importInstrumentFile(new Uint8Array(readFileSync(path.join(fixtures, f))), f);
const area = (trace: number[], rate: number, from: number, to: number) => {
  const r = peakArea(Float64Array.from(trace), rate, from, to);
  assert.ok(!('error' in r), JSON.stringify(r));
  return r;
};

test('peak area by hand: trapezoids above a flat and a sloped baseline, window ends between samples', () => {
  // 1 Hz, t = 0…6 s. Window 1–5 s: signal 1, 3, 5, 3, 1 over a baseline of 1 → 0, 2, 4, 2, 0;
  // trapezoids (0+2)/2 + (2+4)/2 + (4+2)/2 + (2+0)/2 = 1 + 3 + 3 + 1 = 8.
  const flat = area([1, 1, 3, 5, 3, 1, 1], 1, 1, 5);
  assert.deepEqual([flat.area, flat.baselineStart, flat.baselineEnd, flat.samples], [8, 1, 1, 3]);
  // Window 0.5–4.5 s: the ends are interpolated, y(0.5) = 1, y(4.5) = (3 + 1)/2 = 2; baseline 1 + 0.25·(t − 0.5).
  // Points t = 0.5, 1, 2, 3, 4, 4.5: signal 1, 1, 3, 5, 3, 2; baseline 1, 1.125, 1.375, 1.625, 1.875, 2;
  // above it 0, −0.125, 1.625, 3.375, 1.125, 0. Trapezoids: 0.5·(0 − 0.125)/2 = −0.03125, (−0.125 + 1.625)/2 = 0.75,
  // (1.625 + 3.375)/2 = 2.5, (3.375 + 1.125)/2 = 2.25, 0.5·(1.125 + 0)/2 = 0.28125; sum 5.75.
  assert.equal(area([1, 1, 3, 5, 3, 1, 1], 1, 0.5, 4.5).area, 5.75);
  // Sloped baseline, 2 Hz (t = 0, 0.5, …, 3 s), window 0.5–2.5 s: signal 2, 5, 8, 5, 4 over 2 → 4, i.e. 2, 2.5, 3, 3.5, 4;
  // above it 0, 2.5, 5, 1.5, 0; trapezoids × 0.5 s: (0+2.5)/4 + (2.5+5)/4 + (5+1.5)/4 + (1.5+0)/4 = 0.625 + 1.875 + 1.625 + 0.375 = 4.5.
  const sloped = area([2, 2, 5, 8, 5, 4, 4], 2, 0.5, 2.5);
  assert.deepEqual([sloped.area, sloped.baselineStart, sloped.baselineEnd], [4.5, 2, 4]);
  assert.deepEqual(peakArea(Float64Array.from([1, 2, 3]), 1, 1, 3), { error: 'the window lies outside the trace, which runs from 0 to 2 s' });
  assert.deepEqual(peakArea(Float64Array.from([1, 2, 3]), 1, 1.5, 1), { error: 'the window ends before it starts' });
});

test('the integration reproduces the Fusion instrument\'s own areas from its trace, within 1 %', () => {
  // The real Fusion export carries both the 50 Hz traces and the instrument's peak table with start and end
  // times; the drop-line baseline between the window's ends gives the instrument's areas to within 0.6 %
  // (the instrument fits its baseline points a little differently): H2 5649.79, C2H4 193.23 (counts·s).
  const [injection] = load('fusion-gc-cu-co2rr.fusion-data').chromatograms!;
  const [a, b] = injection!.channels;
  const h2 = area([...a!.trace!], 50, 50.62, 54.58);
  assert.ok(Math.abs(h2.area - 5649.79) / 5649.79 < 0.01, `${h2.area}`);
  const c2h4 = area([...b!.trace!], 50, 38.26, 41.04);
  assert.ok(Math.abs(c2h4.area - 193.23) / 193.23 < 0.015, `${c2h4.area}`);
});

test('compound names: instruments\' names and formulas meet in the table', () => {
  assert.equal(gcCompound('Carbon monoxide')!.formula, 'CO');
  assert.equal(gcCompound('carbon-monoxide')!.formula, 'CO');
  assert.equal(gcCompound('MeOH')!.formula, 'CH3OH');
  assert.ok(sameGcCompound('Hydrogen', 'H2'));
  assert.ok(sameGcCompound('Ethylene', 'C2H4'));
  assert.ok(sameGcCompound('EtOH', 'C2H5OH'));
  assert.ok(!sameGcCompound('Ethane', 'C2H4'));
  assert.ok(sameGcCompound('C4H10', 'c4h10'), 'a compound the table does not know matches when written alike');
  const [injection] = load('fusion-gc-cu-co2rr.fusion-data').chromatograms!;
  assert.deepEqual(namedCompounds(injection!), ['H2', 'O2', 'N2', 'CH4', 'CO', 'CO2', 'C2H4', 'C2H6', 'C3H6', 'C3H8', 'CH3OH (MeOH)', 'CH3CHO (Acetaldehyde)', 'C2H5OH (EtOH)', 'C2H5CHO (Propionaldehyde)', 'CH3COCH3 (Acetone)', 'C3H7OH (1-propanol)']);
  // The CO peak of module A: area 670.91, 0.10866000627830139 % by volume.
  const co = findPeak(injection!, 'CO')!;
  assert.deepEqual([co.channel.name, co.peak.area, co.peak.volumeFraction], ['moduleA:tcd', 670.91, 0.10866000627830139 / 100]);
  assert.equal(findPeak(injection!, 'CH3OH')!.peak.name, 'MeOH');
  assert.equal(findPeak(injection!, 'C4H10'), undefined);
});

test('instrument times: instants with a zone, wall clocks without', () => {
  assert.deepEqual(parseInstrumentTime('2022-06-08T14:10:58.301Z'), { ms: Date.UTC(2022, 5, 8, 14, 10, 58, 301), zoned: true });
  assert.deepEqual(parseInstrumentTime('2022-06-08T16:10:58+02:00'), { ms: Date.UTC(2022, 5, 8, 14, 10, 58), zoned: true });
  assert.deepEqual(parseInstrumentTime('3/24/2023 5:01:47 PM'), { ms: Date.UTC(2023, 2, 24, 17, 1, 47), zoned: false });
  assert.deepEqual(parseInstrumentTime('3/24/2023 12:01:47 AM'), { ms: Date.UTC(2023, 2, 24, 0, 1, 47), zoned: false });
  assert.deepEqual(parseInstrumentTime('04/29/2019 15:43:07.000'), { ms: Date.UTC(2019, 3, 29, 15, 43, 7), zoned: false });
  assert.deepEqual(parseInstrumentTime('Feb. 20, 2020   15:55:08'), { ms: Date.UTC(2020, 1, 20, 15, 55, 8), zoned: false });
  assert.deepEqual(parseInstrumentTime('3/10/2019 12:00:00'), { ms: Date.UTC(2019, 2, 10, 12, 0, 0), zoned: false });
  assert.equal(parseInstrumentTime('2/31/2019 12:00:00'), undefined);
  assert.equal(parseInstrumentTime('yesterday'), undefined);
  assert.equal(parseInstrumentTime(undefined), undefined);
});

test('injections in and out of the electrolysis window', () => {
  const t = (iso: string) => parseInstrumentTime(iso)!;
  // The two real injections of the Cu run, 14:10:58.301 and 14:17:06.467 UTC (368.166 s apart), and one at 15:30:00.
  const times = [t('2022-06-08T14:10:58.301Z'), t('2022-06-08T14:17:06.467Z'), t('2022-06-08T15:30:00.000Z')];
  const firstAsStart = placeInjections(times, undefined, 3600);
  assert.equal(firstAsStart.origin, 'first injection');
  assert.deepEqual(firstAsStart.placements.map((p) => [p.offsetS, p.inside, p.side]), [[0, true, undefined], [368.166, true, undefined], [4741.699, false, 'after']]);
  // A start on the same clock: 14:12 UTC; the first injection came 61.699 s before it.
  const fromStart = placeInjections(times, t('2022-06-08T14:12:00Z'), 3600);
  assert.equal(fromStart.origin, 'start');
  assert.deepEqual(fromStart.placements.map((p) => [p.inside, p.side]), [[false, 'before'], [true, undefined], [false, 'after']]);
  // A wall-clock start (a potentiostat's header) cannot be set against instants: the first injection stands for it.
  const otherClock = placeInjections(times, t('6/8/2022 16:12:00'), 3600);
  assert.deepEqual([otherClock.origin, otherClock.clockMismatch], ['first injection', true]);
  // Without a duration, or with an injection without a time, nothing can be checked.
  assert.equal(placeInjections(times, undefined, undefined).origin, 'none');
  assert.equal(placeInjections([times[0], undefined], undefined, 3600).origin, 'none');
});
