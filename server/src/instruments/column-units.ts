// Column headers of instrument exports carry their unit (`<I>/mA`, `Im` with
// `A` on the units row). Values are converted to SI here, once, and the
// columns the analysis computes with get the names it looks for: `Time`,
// `Potential`, `Current`, `Freq`, `Z'`, `Z"`, `Z`, `Phase`, `Cycle`, `Charge`. A
// column only takes such a name when its unit has the right dimension, so a
// `control/mA` column never becomes a potential.
import { parseUnit } from '../units/parse-unit';
import { sameDimension } from '../units/dimension';
import type { Column } from './series';

/** SI units a converted column can end up in; angles and percentages stay as written (deg, %), as in CH Instruments exports. */
const SI_SYMBOLS = ['V', 'A', 's', 'Hz', 'ohm', 'S', 'C', 'F', 'W', 'J', 'Pa', 'K', 'V/s', 'A/m2'];
const SI = SI_SYMBOLS.map((symbol) => {
  const p = parseUnit(symbol);
  if ('error' in p) throw new Error(`SI unit ${symbol}: ${p.error}`);
  return { symbol, dimension: p.unit.dimension };
});
const DEGREE = (() => {
  const p = parseUnit('deg');
  if ('error' in p) throw new Error(p.error);
  return p.unit;
})();

export interface SiConversion {
  unit: string;
  /** value_SI = value × mantissa × 10^exponent + offset */
  mantissa: number;
  exponent: number;
  offset: number;
}

const AS_WRITTEN = (unit: string): SiConversion => ({ unit, mantissa: 1, exponent: 0, offset: 0 });

/** How to bring values in `unitText` to SI; the unit as written (unchanged values) when it has no SI form here. */
export function siConversion(unitText: string): SiConversion {
  const text = unitText.trim();
  if (text === '' || text === '#') return AS_WRITTEN('');
  const p = parseUnit(text);
  if ('error' in p) return AS_WRITTEN(text);
  if (sameDimension(p.unit.dimension, DEGREE.dimension) && p.unit.factor.mantissa === DEGREE.factor.mantissa && p.unit.factor.exponent === DEGREE.factor.exponent) return AS_WRITTEN('deg');
  const target = SI.find((s) => sameDimension(s.dimension, p.unit.dimension));
  if (!target) return AS_WRITTEN(text);
  return { unit: target.symbol, mantissa: p.unit.factor.mantissa, exponent: p.unit.factor.exponent, offset: p.unit.offset ?? 0 };
}

/**
 * Converts in place. A decimal prefix is one division or multiplication by an
 * exact power of ten (10^k is exact up to 10^22), which rounds once:
 * -1.235983972946997E-006 mA becomes -1.235983972946997e-9 A, or its
 * neighbouring double in rare cases, never further.
 */
export function applyConversion(values: Float64Array, c: SiConversion): void {
  if (c.mantissa === 1 && c.exponent === 0 && c.offset === 0) return;
  const power = 10 ** Math.abs(c.exponent);
  const { mantissa, offset } = c;
  if (c.exponent < 0) for (let i = 0; i < values.length; i++) values[i] = (values[i]! * mantissa) / power + offset;
  else for (let i = 0; i < values.length; i++) values[i] = values[i]! * mantissa * power + offset;
}

/** One value to SI (header fields). */
export function toSiValue(value: number, c: SiConversion): number {
  const power = 10 ** Math.abs(c.exponent);
  return (c.exponent < 0 ? (value * c.mantissa) / power : value * c.mantissa * power) + c.offset;
}

/** The names the analysis computes with, the instruments' spellings of each (first present wins), and the SI unit it needs. */
const CANONICAL: { name: string; unit: string; spellings: string[]; negate?: string[] }[] = [
  { name: 'Time', unit: 's', spellings: ['time', 'T', 'Time'] },
  { name: 'Potential', unit: 'V', spellings: ['Ewe', '<Ewe>', 'Vf'] },
  { name: 'Current', unit: 'A', spellings: ['I', '<I>', 'Im'] },
  { name: 'Freq', unit: 'Hz', spellings: ['freq', 'Freq'] },
  { name: "Z'", unit: 'ohm', spellings: ['Re(Z)', 'Zreal'] },
  // EC-Lab writes −Im(Z); Z" keeps the sign of the imaginary part (negative for a capacitor), as CH Instruments and Gamry do.
  { name: 'Z"', unit: 'ohm', spellings: ['-Im(Z)', 'Zimag'], negate: ['-Im(Z)'] },
  { name: 'Z', unit: 'ohm', spellings: ['|Z|', 'Zmod'] },
  { name: 'Phase', unit: 'deg', spellings: ['Phase(Z)', 'Zphz'] },
  { name: 'Cycle', unit: '', spellings: ['cycle number'] },
  // The instrument's own integral of the current since the start (EC-Lab `(Q-Qo)`), at its acquisition rate.
  { name: 'Charge', unit: 'C', spellings: ['(Q-Qo)'] },
];

/**
 * Renames the columns the analysis uses and flips −Im(Z) to Z". Columns
 * arrive in SI with their instrument names; `label` keeps the header as written.
 */
export function nameColumns(columns: Column[]): void {
  for (const c of CANONICAL) {
    if (columns.some((col) => col.name === c.name)) continue;
    for (const spelling of c.spellings) {
      const col = columns.find((k) => k.name === spelling && k.unit === c.unit);
      if (!col) continue;
      if (c.negate?.includes(spelling)) for (let i = 0; i < col.values.length; i++) col.values[i] = -col.values[i]!;
      col.name = c.name;
      break;
    }
  }
}
