// The one place where a quantity of the protocol becomes a number. Every
// quantity carries its place (units/places.ts); this pass checks each against
// the kinds and the range its place allows, reports what is wrong at the
// quantity, and keeps the SI values of those that pass. The other passes ask
// `siOf`/`checkedQuantity` and never read a written number themselves, so a
// quantity that is wrong is absent downstream, not silently used.
import type { Document, Quantity, Span, TopLevelNode } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { PLACES, type Place, type Range } from '../units/places';
import { SLOTS, sameDimension, type SlotName } from '../units/dimension';
import { parseUnit, type Unit } from '../units/parse-unit';
import { describeKinds, fromSI, kindMismatch, toSI } from '../units/convert';
import { UnitCodes } from '../units/codes';
import { formatNumber } from '../units/format';
import { missingUnitFixes, wrongDimensionFixes, type QuantityText, type UnitFix } from '../units/slot-fixes';
import type { AnalysisDiagnostic, QuickFix } from './model';

export interface CheckedQuantity {
  /** The kind the unit matched, among those the place takes. */
  kind: SlotName;
  /** Undefined for a bare number (pH, Z). */
  unit?: Unit;
  /** Every value of the list, in coherent SI units. */
  si: number[];
  /** The same numbers as written (in `unit`), for showing them back, never for computing. */
  written: number[];
  /** Standard uncertainties in SI (0 when none was written). */
  esd: number[];
}

export interface QuantityProblem {
  code: string;
  message: string;
  span: Span;
  fixes: UnitFix[];
  /** The unit as read, for a quantity of the wrong kind. */
  unit?: Unit;
}

/** What a quantity is worth at its place: its SI values, or why it has none. */
export type Assessment = { ok: CheckedQuantity } | { problem: QuantityProblem } | { unitReadBy: string };

/** A checked quantity; `written` for a place whose reader reads the unit (no problem here); null for one with a problem. */
type Checked = CheckedQuantity | 'written' | null;

const checked = new WeakMap<AnalysisContext, Map<Quantity, Checked>>();
/** The diagnostic of a quantity of the wrong kind, for the fixes that need its result's or plan's electrode. */
const wrongKind = new WeakMap<AnalysisContext, Map<Quantity, { diagnostic: AnalysisDiagnostic; unit: Unit }>>();

function memo(ctx: AnalysisContext): Map<Quantity, Checked> {
  let m = checked.get(ctx);
  if (!m) checked.set(ctx, (m = new Map()));
  return m;
}

/**
 * Per statement, its quantities that have a problem at their place. Whether a quantity has one is a
 * function of its node and the text under it, so a statement kept from the previous analysis (the
 * same node) checks only those again, to report them: the others are checked when a pass asks.
 */
const quantitiesWithProblems = new WeakMap<TopLevelNode, Quantity[]>();

/** Checks every quantity of the document against its place, reporting each problem once. */
export function quantitiesPass(ctx: AnalysisContext): void {
  const keep = keptForEdits(ctx);
  const m = memo(ctx);
  for (const s of ctx.document.statements) {
    const known = keep ? quantitiesWithProblems.get(s) : undefined;
    if (known) {
      for (const q of known) check(ctx, q, true);
      continue;
    }
    const problems: Quantity[] = [];
    for (const q of quantitiesOfStatement(s, keep)) {
      check(ctx, q, true);
      if (m.get(q) === null) problems.push(q);
    }
    if (keep) quantitiesWithProblems.set(s, problems);
  }
}

/**
 * Whether what is learnt of a node is kept with it for the next version of the text: in an analysis
 * session, whose next analysis shares the unchanged nodes. A one-shot analysis (the CLI, `analyze`)
 * never sees its nodes again, and 100 000 quantities in WeakMaps cost it time and garbage collection.
 */
function keptForEdits(ctx: AnalysisContext): boolean {
  return ctx.units !== undefined;
}

/**
 * The checked quantity, or undefined when it is missing, wrong or impossible
 * (already reported). A quantity from an imported file is checked silently:
 * its own analysis reports it.
 */
export function checkedQuantity(ctx: AnalysisContext, q: Quantity | undefined): CheckedQuantity | undefined {
  if (!q) return undefined;
  return check(ctx, q, false);
}

/** One value of a quantity in SI units, or undefined when the quantity is not usable. */
export function siOf(ctx: AnalysisContext, q: Quantity | undefined, index = 0): number | undefined {
  return checkedQuantity(ctx, q)?.si[index];
}

/**
 * The numbers as written, for a place whose unit its reader interprets (`unitReadBy`
 * in the table: a reading means what its calibration says). Undefined when one is
 * impossible at the place (reported by the quantities pass).
 */
export function writtenValues(ctx: AnalysisContext, q: Quantity): number[] | undefined {
  if (!('unitReadBy' in PLACES[q.place])) throw new Error(`the unit of ${q.place} is checked here: ask siOf`);
  const m = memo(ctx);
  if (!m.has(q)) check(ctx, q, false);
  return m.get(q) === 'written' ? q.values.map((v) => v.value) : undefined;
}

export function writtenValue(ctx: AnalysisContext, q: Quantity): number | undefined {
  return writtenValues(ctx, q)?.[0];
}

/** The checked values of a quantity for a view of a finished analysis (tables, Methods): no diagnostics. */
export function checkedValues(q: Quantity | undefined, text = ''): CheckedQuantity | undefined {
  if (!q) return undefined;
  const a = assessQuantity(q, text);
  return 'ok' in a ? a.ok : undefined;
}

/**
 * Each statement's quantities, in source order. A statement of a chunk that an
 * edit did not touch is the same object in the next parse (its spans move with
 * it), so its list is found once, not on every keystroke.
 */
const quantitiesByStatement = new WeakMap<object, Quantity[]>();

/** Every quantity node of a document, in source order: the builder tagged each with its place. */
export function quantitiesOf(doc: Document, keep = true): Quantity[] {
  const out: Quantity[] = [];
  for (const s of doc.statements) for (const q of quantitiesOfStatement(s, keep)) out.push(q);
  return out;
}

function quantitiesOfStatement(s: TopLevelNode, keep: boolean): Quantity[] {
  let list = keep ? quantitiesByStatement.get(s) : undefined;
  if (!list) {
    list = quantitiesIn(s);
    if (keep) quantitiesByStatement.set(s, list);
  }
  return list;
}

function quantitiesIn(statement: unknown): Quantity[] {
  const out: Quantity[] = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const y of x) visit(y);
      return;
    }
    if (x === null || typeof x !== 'object') return;
    if ((x as { kind?: unknown }).kind === 'quantity') {
      out.push(x as Quantity);
      return;
    }
    // The tree is plain objects: `for … in` reads their own keys without building an entries array per node.
    for (const key in x) if (key !== 'span') visit((x as Record<string, unknown>)[key]);
  };
  visit(statement);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Assessments without a problem, by quantity node. They hold no span, and a
 * node is the same object only while the text it was parsed from is unchanged,
 * so the answer for a node never changes; a problem (it carries spans and
 * messages quoting the text) is assessed anew each time.
 */
const assessedWithoutProblem = new WeakMap<Quantity, Assessment>();

function assessOnce(q: Quantity, text: string, keep: boolean): Assessment {
  if (!keep) return assessQuantity(q, text);
  const kept = assessedWithoutProblem.get(q);
  if (kept) return kept;
  const a = assessQuantity(q, text);
  if (!('problem' in a)) assessedWithoutProblem.set(q, a);
  return a;
}

function check(ctx: AnalysisContext, q: Quantity, report: boolean): CheckedQuantity | undefined {
  const m = memo(ctx);
  const known = (r: Checked | undefined) => (r && r !== 'written' ? r : undefined);
  if (m.has(q)) return known(m.get(q));
  m.set(q, null); // a quantity is never its own input (the area a quick fix reads may be this one)
  const a = assessOnce(q, ctx.text, keptForEdits(ctx));
  // A unit borrowed from the next quantity (`from 1 to 10 mA/cm2`) is that quantity's to report.
  const borrowed = q.unit !== undefined && (q.unit.span.start < q.span.start || q.unit.span.end > q.span.end);
  const ownProblem = 'problem' in a && !(borrowed && a.problem.code !== UnitCodes.impossibleValue);
  if ('problem' in a && report && ownProblem) {
    const fixes: QuickFix[] = a.problem.fixes.map((f, i) => ({ title: f.title, edits: [{ span: f.span, newText: f.newText }], preferred: i === 0 }));
    ctx.report(a.problem.code, 'error', a.problem.message, a.problem.span, { fixes });
    if (a.problem.unit) {
      if (!wrongKind.has(ctx)) wrongKind.set(ctx, new Map());
      wrongKind.get(ctx)!.set(q, { diagnostic: ctx.diagnostics[ctx.diagnostics.length - 1]!, unit: a.problem.unit });
    }
  }
  const result: Checked = 'ok' in a ? a.ok : 'unitReadBy' in a ? 'written' : null;
  m.set(q, result);
  return known(result);
}

/**
 * Checks a quantity against its place: a unit is there (or absent for a bare
 * number), known, of a kind the place takes, and every value is possible.
 * `text` is the document the quantity's spans point into.
 */
export function assessQuantity(q: Quantity, text: string): Assessment {
  const place: Place = PLACES[q.place];
  const textOf = (s: Span) => text.slice(s.start, s.end);
  const problem = (code: string, message: string, span: Span, fixes: UnitFix[] = [], unit?: Unit): Assessment => ({ problem: { code, message, span, fixes, unit } });
  if (place.unitReadBy) {
    // The unit is its reader's to judge; a number's sign is not, whatever the unit.
    const sign = place.range === 'positive' || place.range === 'nonNegative' || place.range === 'nonZero' ? place.range : undefined;
    for (const v of q.values) {
      const why = outOfRange(v.value, sign);
      if (why) return problem(UnitCodes.impossibleValue, `\`${q.values.length === 1 ? textOf(q.span) : v.text}\` is not a possible ${place.label}: ${why}${place.reason ? ` (${place.reason})` : ''}; correct the value`, q.values.length === 1 ? q.span : v.span);
    }
    return { unitReadBy: place.unitReadBy };
  }
  // What the fixes rewrite: made only on the paths that offer fixes.
  const written = (): QuantityText => ({ values: q.values.map((v) => v.value), unitText: q.unit?.text, span: q.span, unitSpan: q.unit?.span });
  const bare = place.kinds.find((k) => (SLOTS[k] as { bare?: true }).bare);
  let kind: SlotName;
  let unit: Unit | undefined;
  if (!q.unit) {
    if (!bare) return problem(place.missingUnitCode ?? UnitCodes.missingUnit, `a unit is missing: write ${describeKinds(place.kinds)}`, q.span, missingUnitFixes(written(), place.kinds[0]!));
    kind = bare;
  } else {
    const parsed = parseUnit(q.unit.text);
    if ('error' in parsed) {
      const fixes = parsed.suggestions.slice(0, 3).map((s) => ({ title: `Change to \`${s}\``, span: q.unit!.span, newText: s }));
      return problem(UnitCodes.unknownUnit, parsed.error, q.unit.span, fixes);
    }
    unit = parsed.unit;
    const match = place.kinds.find((k) => !(SLOTS[k] as { bare?: true }).bare && sameDimension(SLOTS[k].dimension, parsed.unit.dimension));
    if (!match) {
      const code = place.wrongKindCode ?? UnitCodes.wrongDimension;
      if (bare && place.kinds.length === 1) {
        const numberEnd = q.values[q.values.length - 1]!.span.end;
        return problem(code, `${capitalise(place.label)} is a number without a unit (${SLOTS[bare].description}); delete \`${q.unit.text}\``, q.span, [
          { title: `Delete \`${q.unit.text}\``, span: { start: numberEnd, end: q.unit.span.end }, newText: '' },
        ]);
      }
      // Fixes over an electrode's area come from the pass that knows the electrode (offerAreaFixes).
      const fixes = place.kinds.flatMap((k) => wrongDimensionFixes(written(), parsed.unit, k, {}));
      return problem(code, kindMismatch(parsed.unit, place.label, place.kinds, textOf(q.span))!, q.span, fixes, parsed.unit);
    }
    kind = match;
  }
  const si = q.values.map((v) => (unit ? toSI(v.value, unit) : v.value));
  const esd = q.values.map((v) => (v.uncertainty === undefined ? 0 : unit ? Math.abs(toSI(v.uncertainty, unit) - toSI(0, unit)) : v.uncertainty));
  for (let i = 0; i < si.length; i++) {
    const range = place.kindRanges?.[kind] ?? place.range;
    const why = outOfRange(si[i]!, range);
    if (!why) continue;
    const single = q.values.length === 1;
    const valueText = single ? textOf(q.span) : `${q.values[i]!.text}${q.unit ? ' ' + q.unit.text : ''}`;
    const rule = why === 'between' ? `it must lie between ${boundsText(range as readonly [number, number], unit)}` : why;
    return problem(UnitCodes.impossibleValue, `\`${valueText}\` is not a possible ${place.label}: ${rule}${place.reason ? ` (${place.reason})` : ''}; correct the value`, single ? q.span : q.values[i]!.span);
  }
  return { ok: { kind, unit, si, written: q.values.map((v) => v.value), esd } };
}

/** Why a value is impossible under a range, or undefined when it is possible. */
function outOfRange(x: number, range: Range | undefined): string | undefined {
  if (!Number.isFinite(x)) return 'it is not a finite number';
  if (range === undefined) return undefined;
  if (Array.isArray(range)) return x < range[0] || x > range[1] ? 'between' : undefined;
  switch (range) {
    case 'positive':
      return x > 0 ? undefined : 'it must be greater than zero';
    case 'nonNegative':
      return x >= 0 ? undefined : 'it cannot be negative';
    case 'nonZero':
      return x !== 0 ? undefined : 'it cannot be zero';
    case 'absoluteTemperature':
      return x > 0 ? undefined : 'it must be above absolute zero (0 K = −273.15 °C)';
    case 'wholePositive':
      return Number.isInteger(x) && x >= 1 ? undefined : 'it must be a whole number, at least 1';
    case 'cellAngle':
      return x > 0 && x < Math.PI ? undefined : 'it must lie strictly between 0° and 180°';
  }
  return undefined;
}

/** `−2 and 16`, `0 and 100 %`: the bounds in the unit the chemist wrote. */
function boundsText([min, max]: readonly [number, number], unit: Unit | undefined): string {
  const show = (x: number) => formatNumber(unit ? fromSI(x, unit) : x, { significant: 6, trim: true, unicodeMinus: true });
  return `${show(min)} and ${show(max)}${unit ? ' ' + unit.text : ''}`;
}

/**
 * Adds to a quantity of the wrong kind the fixes that convert a current to a current density (and
 * back) over an electrode's area: the pass that binds a result or plan to its cell knows which one.
 */
export function offerAreaFixes(ctx: AnalysisContext, q: Quantity | undefined, areaCm2: number | undefined): void {
  const wrong = q && wrongKind.get(ctx)?.get(q);
  if (!q || !wrong || areaCm2 === undefined) return;
  const written: QuantityText = { values: q.values.map((v) => v.value), unitText: q.unit?.text, span: q.span, unitSpan: q.unit?.span };
  const place = PLACES[q.place];
  const without = new Set(place.kinds.flatMap((k) => wrongDimensionFixes(written, wrong.unit, k, {})).map((f) => f.title));
  const fixes = place.kinds.flatMap((k) => wrongDimensionFixes(written, wrong.unit, k, { areaCm2 })).filter((f) => !without.has(f.title));
  // The diagnostic is the quantities pass's, made anew each analysis: the unit adding to it is never replayed.
  ctx.changesOtherPasses();
  const d = wrong.diagnostic;
  d.fixes = [...(d.fixes ?? []), ...fixes.map((f) => ({ title: f.title, edits: [{ span: f.span, newText: f.newText }], preferred: !d.fixes?.length }))];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
