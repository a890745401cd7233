// Quick fixes for a quantity whose unit is missing or of the wrong kind for
// its place: add the unit the place usually takes, add the missing `/s` of a
// rate, or convert between a current and a current density through the
// working electrode's area.
import { SLOTS, sameDimension, type SlotName } from './dimension';
import { parseUnit, type Unit } from './parse-unit';
import { fromSI, toSI } from './convert';
import { formatNumber } from './format';

export interface QuantityText {
  values: number[];
  unitText?: string;
  span: { start: number; end: number };
  unitSpan?: { start: number; end: number };
}

export interface UnitFix {
  title: string;
  span: { start: number; end: number };
  newText: string;
}

/** The unit of the slot's example: `50 mV/s` → `mV/s`. */
export function exampleUnit(slot: SlotName): string | undefined {
  const example = /`([^`]+)`/.exec(SLOTS[slot].description)?.[1];
  const unit = example?.replace(/^[-−]?[\d.,()]+(?:[eE][-+]?\d+)?\s*/, '');
  return unit && unit !== example ? unit : undefined;
}

export function missingUnitFixes(q: QuantityText, slot: SlotName): UnitFix[] {
  const u = exampleUnit(slot);
  return u ? [{ title: `Add the unit \`${u}\``, span: { start: q.span.end, end: q.span.end }, newText: ` ${u}` }] : [];
}

const TIME = 2; // index of time in a dimension vector

function perTime(unit: Unit, slot: SlotName): boolean {
  const d = [...unit.dimension];
  d[TIME] = d[TIME]! - 1;
  return sameDimension(d as unknown as typeof unit.dimension, SLOTS[slot].dimension);
}

/** Six significant digits without trailing zeros: `-500`, `0.0125`. */
const plain = (x: number) => formatNumber(x, { significant: 6, trim: true });

export function wrongDimensionFixes(q: QuantityText, unit: Unit, slot: SlotName, context: { areaCm2?: number }): UnitFix[] {
  const fixes: UnitFix[] = [];
  if (q.unitSpan && perTime(unit, slot)) {
    // `at 50 mV` where a scan rate is needed: the `/s` is missing.
    const per = slot === 'flowRate' ? 'min' : 's';
    fixes.push({ title: `Change to \`${q.unitText}/${per}\``, span: q.unitSpan, newText: `${q.unitText}/${per}` });
  }
  const area = context.areaCm2;
  const single = q.values.length === 1;
  if (area && single && slot === 'currentDensity' && sameDimension(unit.dimension, SLOTS.current.dimension)) {
    const target = parseUnit(`${q.unitText}/cm2`);
    if ('unit' in target) {
      const value = fromSI(toSI(q.values[0]!, unit) / (area * 1e-4), target.unit);
      const text = `${plain(value)} ${q.unitText}/cm2`;
      fixes.push({ title: `Convert to \`${text}\` over the ${area} cm² electrode`, span: q.span, newText: text });
    }
  }
  if (area && single && slot === 'current' && sameDimension(unit.dimension, SLOTS.currentDensity.dimension)) {
    const bare = q.unitText?.replace(/\/\s*\(?cm(2|²|\^2)\)?$/, '');
    const target = bare && parseUnit(bare);
    if (target && 'unit' in target) {
      const value = fromSI(toSI(q.values[0]!, unit) * area * 1e-4, target.unit);
      const text = `${plain(value)} ${bare}`;
      fixes.push({ title: `Convert to \`${text}\` on the ${area} cm² electrode`, span: q.span, newText: text });
    }
  }
  return fixes;
}
