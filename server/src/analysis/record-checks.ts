// Cross-checks of a record against its line, beyond technique, scan rate and
// Init E: a record shorter than the stated duration, a CP record whose current
// is not the set-point, an impedance amplitude that differs from the header,
// and data patterns whose list the line lacks.
import type { TechniqueLine } from '../syntax/ast';
import type { AnalysisContext } from './context';
import type { DataFile } from './passes/data';
import { column } from '../instruments/series';
import { InstrumentCodes } from '../instruments/codes';
import { parseUnit } from '../units/parse-unit';
import { toSI } from '../units/convert';
import { sameDimension, SLOTS } from '../units/dimension';
import { checkedQuantity, siOf } from './quantities';
import { formatExact, formatNumber } from '../units/format';

/** A record may be this much shorter than its line says before it is flagged. */
export const DURATION_TOLERANCE = 0.05;
export const SET_CURRENT_TOLERANCE = 0.02;
export const AMPLITUDE_TOLERANCE = 0.05;

/** Patterns and the list each expands over. */
const PATTERNS: { token: string; list: (t: TechniqueLine) => unknown; needs: string }[] = [
  { token: '{E}', list: (t) => t.at, needs: 'potentials (`at -0.7, -0.8 V vs RHE`)' },
  { token: '{rate}', list: (t) => t.rates, needs: 'scan rates (`at 20, 60, 100 mV/s`)' },
  { token: '{rpm}', list: (t) => t.rotation, needs: 'rotation rates (`at 400, 900, 1600 rpm`)' },
  { token: '{j}', list: (t) => t.setCurrents, needs: 'CP set-points (`CP at 10, 50 mA/cm2`)' },
  { token: '{I}', list: (t) => t.setCurrents, needs: 'CP set-points (`CP at 5, 10 mA`)' },
];

/** Why a data pattern cannot expand on this line, or undefined. */
export function listPatternProblem(pattern: string, t: TechniqueLine): string | undefined {
  for (const p of PATTERNS) {
    if (pattern.includes(p.token) && !p.list(t)) return `\`${p.token}\` in \`${pattern}\` expands over the line's ${p.needs}, and the line has none; add the list or write the file name`;
  }
  return undefined;
}

function durationSI(t: TechniqueLine, index: number): number | undefined {
  const q = t.duration;
  if (!q?.unit) return undefined;
  const u = parseUnit(q.unit.text);
  if (!('unit' in u) || !sameDimension(u.unit.dimension, SLOTS.time.dimension)) return undefined;
  const value = q.values[q.values.length > 1 ? index : 0];
  return value === undefined ? undefined : toSI(value.value, u.unit);
}

const hours = (s: number) => (s >= 3600 ? `${formatNumber(s / 3600, { significant: 3 })} h` : s >= 60 ? `${formatNumber(s / 60, { significant: 3 })} min` : `${formatNumber(s, { significant: 3 })} s`);

/** A timed record (CA, CP, OCP) that covers less than its line's duration. */
export function checkRecordDuration(ctx: AnalysisContext, t: TechniqueLine, file: DataFile, index: number): void {
  const stated = durationSI(t, index);
  const tech = file.data?.technique;
  if (stated === undefined || !(tech === 'CA' || tech === 'CP' || tech === 'OCP')) return;
  const time = column(file.data!, /^Time$/i);
  if (!time || time.values.length < 2) return;
  const span = time.values[time.values.length - 1]! - time.values[0]!;
  if (span < (1 - DURATION_TOLERANCE) * stated) {
    ctx.report(InstrumentCodes.recordShorterThanStated, 'warning', `\`${file.path}\` covers ${hours(span)}, but the line says ${hours(stated)}: the run stopped early or the file holds part of it; values from the file cover the recorded ${hours(span)}`, file.span);
  }
}

/** The mean current of a CP record against its set-point (× the electrode area for a current density). */
export function checkSetCurrent(ctx: AnalysisContext, t: TechniqueLine, file: DataFile, index: number, areaCm2: number | undefined): void {
  const q = t.setCurrents!;
  const c = checkedQuantity(ctx, q);
  const current = column(file.data!, /^Current$/i);
  if (!c || !current || current.values.length === 0 || file.data!.technique !== 'CP') return;
  const density = c.kind === 'currentDensity';
  if (density && areaCm2 === undefined) return;
  const setpoint = Math.abs(c.si[index]!) * (density ? areaCm2! * 1e-4 : 1);
  let sum = 0;
  for (const i of current.values) sum += i;
  const mean = Math.abs(sum / current.values.length);
  if (setpoint > 0 && Math.abs(mean - setpoint) > SET_CURRENT_TOLERANCE * setpoint) {
    ctx.report(InstrumentCodes.setCurrentMismatch, 'warning', `\`${file.path}\` was run at a mean ${formatNumber(mean * 1000, { significant: 3 })} mA, but the set-point ${q.values[index]!.text} ${q.unit!.text} is ${formatNumber(setpoint * 1000, { significant: 3 })} mA${density ? ` on ${formatExact(areaCm2!)} cm²` : ''}: name the file of this set-point, or check the electrode area`, file.span);
  }
}

/** Header fields that hold the impedance amplitude, by format (CH Instruments `Amplitude (V)`; others when their unit is a potential). */
const AMPLITUDE_FIELDS = ['Amplitude', 'VAC', 'Va'];

export function checkAmplitude(ctx: AnalysisContext, t: TechniqueLine, file: DataFile): void {
  if (!t.amplitude || file.data?.technique !== 'EIS') return;
  const want = siOf(ctx, t.amplitude);
  if (want === undefined) return;
  for (const key of AMPLITUDE_FIELDS) {
    const field = file.data.metadata[key];
    if (!field || typeof field.value !== 'number' || !field.unit) continue;
    const u = parseUnit(field.unit);
    if (!('unit' in u) || !sameDimension(u.unit.dimension, SLOTS.potential.dimension)) continue;
    const got = toSI(field.value, u.unit);
    if (Math.abs(got - want) > AMPLITUDE_TOLERANCE * want) {
      ctx.report(InstrumentCodes.amplitudeMismatch, 'warning', `\`${file.path}\` was recorded with an amplitude of ${formatNumber(got * 1000, { significant: 3 })} mV, but the line says ${ctx.textOf(t.amplitude.span)}`, file.span);
    }
    return;
  }
}
