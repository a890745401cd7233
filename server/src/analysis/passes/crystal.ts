// Crystallography pass: computes the formula weight, cell volume (with its
// esd), density and F(000) of each crystal table and checks them against the
// reported values, the cluster's formula, the space group and refinement alerts.
import type { CrystalBlock, Quantity, Span } from '../../syntax/ast';
import type { AnalysisContext } from '../context';
import { CrystalCodes } from '../../crystal/codes';
import { cellVolume, cellVolumeEsd, type CellParameters } from '../../crystal/cell-volume';
import { ALTERNATIVE_SETTINGS, SPACE_GROUPS, systemOfNumber, type CrystalSystem } from '../../data/space-groups';
import { formulaOf, declaredSpecies } from '../species-resolver';
import { compositionsEqual, electronCount, hillFormula, molarMass } from '../../chemistry/formula';
import { checkedQuantity, siOf } from '../quantities';
import { cellConstraints, settingName, type CellKey, type CellSetting } from '../../crystal/system-constraints';
import { AVOGADRO } from '../../data/constants';
import { timesPowerOfTen } from '../../units/powers-of-ten';
import { formatExact, formatNumber, formatWithEsd, significantFromInputs } from '../../units/format';
import { closestNames } from '../../text/closest-names';

const SYSTEMS: CrystalSystem[] = ['triclinic', 'monoclinic', 'orthorhombic', 'tetragonal', 'trigonal', 'hexagonal', 'cubic'];

/** Normalises `P2(1)/n`, `P 21/n`, `P2_1/n`, `P1̄` to the ASCII form of the table. */
function normaliseSymbol(s: string): string {
  return s.replace(/\s+/g, '').replace(/_/g, '').replace(/\((\d)\)/g, '$1').replace(/(\d)\u0304/g, '-$1').replace(/bar(\d)/gi, '-$1');
}

export function resolveSpaceGroup(symbol: string): { number: number; system: CrystalSystem; symbol: string } | undefined {
  const s = normaliseSymbol(symbol);
  const g = SPACE_GROUPS.find((x) => x.symbol === s);
  if (g) return g;
  const alt = ALTERNATIVE_SETTINGS[s];
  if (alt) return { number: alt, system: systemOfNumber(alt), symbol: s };
  return undefined;
}

/** A cell parameter in Å or degrees, with its esd. */
interface CellEntry {
  v: number;
  esd: number;
  q: Quantity;
}

/** How far a constrained parameter may stray without an esd: 0.005° for angles, 5 in 10⁵ for edges. */
const ANGLE_TOLERANCE = 0.005;
const EDGE_TOLERANCE = 5e-5;

function cellEntry(ctx: AnalysisContext, q: Quantity | undefined, fromSI: number): CellEntry | undefined {
  const checked = checkedQuantity(ctx, q);
  if (!checked || !q) return undefined;
  return { v: checked.si[0]! * fromSI, esd: checked.esd[0]! * fromSI, q };
}

function isAngle(k: CellKey): boolean {
  return k === 'alpha' || k === 'beta' || k === 'gamma';
}

/** The stated esd, or the small tolerance for a parameter written without one. */
function tolerance(k: CellKey, x: CellEntry, y?: CellEntry): number {
  const esd = y ? Math.hypot(x.esd, y.esd) : x.esd;
  return Math.max(esd, isAngle(k) ? ANGLE_TOLERANCE : EDGE_TOLERANCE * Math.abs(x.v));
}

/** Digits after the point as written, before any `(esd)`: `22.0728(13)` → 4. */
function decimalsOf(text: string): number {
  return /\.(\d+)/.exec(text.split('(')[0]!)?.[1]!.length ?? 0;
}

const LENGTH_A = 1e10; // m → Å
const ANGLE_DEG = 180 / Math.PI; // rad → °

/** Parameters a system fixes may be omitted: a monoclinic table often writes only β. */
function completeCell(setting: CellSetting | undefined, given: Partial<Record<CellKey, { v: number; esd: number }>>) {
  const c = { ...given };
  if (!setting) return c;
  // Fill what the constraints fix, in order, from what is written (a rhombohedral β and γ from α).
  for (const k of cellConstraints(setting)) {
    if (c[k.parameter]) continue;
    if ('value' in k) c[k.parameter] = { v: k.value, esd: 0 };
    else if (c[k.equals]) c[k.parameter] = c[k.equals];
  }
  return c;
}

function compare(ctx: AnalysisContext, what: string, computed: number, reported: { value: number; text: string } | undefined, tolerance: number, span: Span | undefined, digits: number, unit = ''): boolean {
  if (!reported || !span) return true;
  const ok = Math.abs(computed - reported.value) <= tolerance;
  if (!ok) {
    ctx.report(CrystalCodes.mismatch, 'warning', `the reported ${what} ${reported.text} disagrees with the computed ${formatNumber(computed, { decimals: digits })}${unit} (tolerance ±${formatNumber(tolerance, { significant: 2 })}${unit})`, span);
  }
  return ok;
}

function crystalBlock(ctx: AnalysisContext, c: CrystalBlock): void {
  const name = c.name?.text ?? 'crystal';
  const at = c.name?.span ?? c.span;
  // Formula and formula weight.
  let mass: number | undefined;
  let electrons: number | undefined;
  const cluster = c.name ? declaredSpecies(ctx, c.name.text) : undefined;
  if (!c.formula && cluster && cluster.kind === 'cluster') {
    // No formula line: the declared cluster's expanded formula is the formula unit.
    mass = cluster.molarMass;
    electrons = electronCount(cluster.composition, cluster.charge);
    ctx.value({ kind: 'formulaWeight', subject: name, value: mass, unit: 'g/mol', span: at, label: `${formatNumber(mass, { decimals: 2 })} g/mol`, detail: `${hillFormula(cluster.composition)}, the expanded formula of cluster ${name}, with CIAAW 2021 weights.` });
  }
  if (c.formula) {
    const parsed = formulaOf(ctx, c.formula.text);
    if ('formula' in parsed) {
      mass = molarMass(parsed.formula.composition);
      electrons = electronCount(parsed.formula.composition, parsed.formula.charge);
      if (cluster && !compositionsEqual(cluster.composition, parsed.formula.composition)) {
        ctx.report(CrystalCodes.formulaDiffers, 'warning', `the formula ${c.formula.text} differs from the expanded formula of cluster ${name}, ${hillFormula(cluster.composition)}`, c.formula.span);
      }
      // Formula weights from older atomic-weight tables differ by up to ~0.01 %.
      const fwOk = compare(ctx, 'formula weight', mass, c.formulaWeight, Math.max(0.01, mass * 1e-4), c.formulaWeight?.span, 2);
      ctx.value({ kind: 'formulaWeight', subject: name, value: mass, unit: 'g/mol', span: c.formulaWeight?.span ?? c.formula.span, label: `${formatNumber(mass, { decimals: 2 })} g/mol`, hint: c.formulaWeight ? { text: `computed ${formatNumber(mass, { decimals: 2 })}${fwOk ? ' ✓' : ' ✗'}`, category: 'crystal' } : undefined, detail: `${hillFormula(parsed.formula.composition)} with CIAAW 2021 weights; tolerance 0.01 % for older tables.` });
    } else {
      const s = c.formula.span.start + parsed.error.offset;
      ctx.report('FD0302', 'error', `cannot read the formula \`${c.formula.text}\`: ${parsed.error.message}`, { start: s, end: s + Math.max(1, parsed.error.length) });
    }
  }
  // System and space group: the space group implies the system; a `system` line must agree with it.
  let stated: CrystalSystem | undefined;
  if (c.system) {
    const t = c.system.text.toLowerCase();
    if ((SYSTEMS as string[]).includes(t)) stated = t as CrystalSystem;
    else ctx.report(CrystalCodes.systemMismatch, 'error', `\`${c.system.text}\` is not a crystal system; use one of ${SYSTEMS.join(', ')}`, c.system.span);
  }
  let group: ReturnType<typeof resolveSpaceGroup>;
  if (c.spaceGroup) {
    group = resolveSpaceGroup(c.spaceGroup.text);
    if (!group) {
      const suggestions = closestNames(normaliseSymbol(c.spaceGroup.text), [...SPACE_GROUPS.map((x) => x.symbol), ...Object.keys(ALTERNATIVE_SETTINGS)]);
      ctx.report(CrystalCodes.unknownSpaceGroup, 'error', `unknown space group \`${c.spaceGroup.text}\`${suggestions.length ? `; did you mean \`${suggestions[0]}\`?` : ''}`, c.spaceGroup.span, {
        fixes: suggestions.map((s, i) => ({ title: `Change to \`${s}\``, edits: [{ span: c.spaceGroup!.span, newText: s }], preferred: i === 0 })),
      });
    } else if (stated && group.system !== stated) {
      ctx.report(CrystalCodes.systemMismatch, 'error', `space group ${c.spaceGroup.text} (No. ${group.number}) is ${group.system}, but the system is ${stated}; correct the system or the space group`, c.system!.span);
    }
  }
  // Cell.
  const given: Partial<Record<CellKey, CellEntry>> = {
    a: cellEntry(ctx, c.cell.a, LENGTH_A), b: cellEntry(ctx, c.cell.b, LENGTH_A), c: cellEntry(ctx, c.cell.c, LENGTH_A),
    alpha: cellEntry(ctx, c.cell.alpha, ANGLE_DEG), beta: cellEntry(ctx, c.cell.beta, ANGLE_DEG), gamma: cellEntry(ctx, c.cell.gamma, ANGLE_DEG),
  };
  for (const k of Object.keys(given) as CellKey[]) if (!given[k]) delete given[k];
  const source = group ? `space group ${c.spaceGroup!.text}, No. ${group.number}` : stated ? `system ${stated}` : undefined;
  const setting = cellSetting(group, stated, given);
  const fits = setting === undefined || cellFitsSystem(ctx, setting, source!, given, !!group);
  // A cell whose parameters are missing or impossible, or break its system, has no volume.
  const written = (k: 'a' | 'b' | 'c' | 'alpha' | 'beta' | 'gamma') => c.cell[k] !== undefined;
  const rejected = (['a', 'b', 'c', 'alpha', 'beta', 'gamma'] as const).some((k) => written(k) && !given[k]);
  const cell = completeCell(setting, given);
  const keys = ['a', 'b', 'c', 'alpha', 'beta', 'gamma'] as const;
  const z = siOf(ctx, c.z);
  if (!fits || rejected) {
    // The errors at the cell say why; the volume and density would be computed from an impossible cell.
  } else if (!keys.every((k) => cell[k])) {
    if (Object.keys(given).length > 0) ctx.report(CrystalCodes.incomplete, 'information', `the volume of ${name} needs ${keys.filter((k) => !cell[k]).join(', ')}`, at);
  } else {
    const p = Object.fromEntries(keys.map((k) => [k, cell[k]!.v])) as unknown as CellParameters;
    const e = Object.fromEntries(keys.map((k) => [k, cell[k]!.esd])) as unknown as Partial<CellParameters>;
    const v = cellVolume(p);
    const esd = cellVolumeEsd(p, e);
    let volumeOk = true;
    const reportedVolume = checkedQuantity(ctx, c.volume);
    if (c.volume && reportedVolume) {
      // Compared in Å³ whatever unit the table used; the tolerance keeps the precision it was written with.
      const n = c.volume.values[0]!;
      const inA3 = reportedVolume.si[0]! * 1e30;
      const last = timesPowerOfTen(Math.abs(inA3 / n.value), -decimalsOf(n.text));
      volumeOk = compare(ctx, 'volume', v, { value: inA3, text: ctx.textOf(c.volume.span) }, Math.max(3 * reportedVolume.esd[0]! * 1e30, 3 * esd, last / 2), c.volume.span, 2, ' Å³');
    }
    // Without esds the volume has the figures of the cell as written; angles fixed by symmetry (90°, 120°) are exact.
    const fixedBySymmetry = (k: CellKey) => isAngle(k) && [90, 120].some((x) => given[k] && Math.abs(given[k]!.v - x) < 1e-9);
    const measured = keys.filter((k) => c.cell[k] && !fixedBySymmetry(k)).map((k) => c.cell[k]!.values[0]);
    const shown = formatWithEsd(v, esd, significantFromInputs(measured, { floor: 4, ceiling: 7 }));
    ctx.value({
      // Shown beside the reported volume, unless that one is impossible (then at the name: it is no check of it).
      kind: 'cellVolume', subject: name, value: v, unit: 'A^3', span: reportedVolume ? c.volume!.span : at,
      label: `${shown} Å³`, extra: { uncertainty: esd },
      detail: `V = abc·√(1 − cos²α − cos²β − cos²γ + 2cosα·cosβ·cosγ) = ${formatNumber(v, { decimals: 2 })} ± ${formatNumber(esd, { significant: 3 })} Å³ (esd propagated from the cell esds).`,
      hint: reportedVolume ? { text: `computed ${shown}${volumeOk ? ' ✓' : ' ✗'}`, category: 'crystal' } : undefined,
    });
    if (z !== undefined && mass !== undefined) {
      const density = (z * mass) / (AVOGADRO * v * 1e-24);
      let ok = true;
      const reportedDensity = checkedQuantity(ctx, c.density);
      if (c.density && reportedDensity) {
        const n = c.density.values[0]!;
        const inGcm3 = reportedDensity.si[0]! / 1000;
        ok = compare(ctx, 'density', density, { value: inGcm3, text: ctx.textOf(c.density.span) }, timesPowerOfTen(Math.abs(inGcm3 / n.value), -decimalsOf(n.text)), c.density.span, 4, ' g/cm³');
      }
      ctx.value({ kind: 'density', subject: name, value: density, unit: 'g/cm3', span: reportedDensity ? c.density!.span : at, label: `${formatNumber(density, { decimals: 4 })} g/cm³`, detail: `ρ = Z·M/(N_A·V) = ${formatExact(z)} × ${formatNumber(mass, { decimals: 2 })} g/mol / (6.02214076e23 /mol × ${formatNumber(v, { decimals: 2 })} Å³).`, hint: reportedDensity ? { text: `computed ${formatNumber(density, { decimals: 4 })}${ok ? ' ✓' : ' ✗'}`, category: 'crystal' } : undefined });
    }
  }
  if (z !== undefined && electrons !== undefined) {
    const f000 = z * electrons;
    let ok = true;
    if (c.f000) ok = compare(ctx, 'F(000)', f000, c.f000, 0.5, c.f000.span, 0);
    ctx.value({ kind: 'F000', subject: name, value: f000, unit: '', span: c.f000?.span ?? at, label: `F(000) = ${formatExact(f000)}`, detail: `F(000) = Z × electrons per formula unit = ${formatExact(z)} × ${formatExact(electrons)}.`, hint: c.f000 ? { text: `computed ${formatExact(f000)}${ok ? ' ✓' : ' ✗'}`, category: 'crystal' } : undefined });
  }
  refinementAlerts(ctx, c);
}

/** The axes the cell is on: the system, with the rhombohedral and unique-axis-c settings told apart. */
function cellSetting(group: ReturnType<typeof resolveSpaceGroup>, stated: CrystalSystem | undefined, given: Partial<Record<CellKey, CellEntry>>): CellSetting | undefined {
  const system = group?.system ?? stated;
  if (system === 'trigonal' && (!group || group.symbol.startsWith('R'))) {
    // An R lattice (or a trigonal system without its group) may be written on rhombohedral axes:
    // an angle other than those of hexagonal axes (α = β = 90°, γ = 120°) says so.
    const hexagonal: [CellKey, number][] = [['alpha', 90], ['beta', 90], ['gamma', 120]];
    if (hexagonal.some(([k, v]) => given[k] && Math.abs(given[k]!.v - v) > tolerance(k, given[k]!))) return 'rhombohedral';
  }
  if (system === 'monoclinic' && group && /^[A-Z]11/.test(group.symbol)) return 'monoclinic-c';
  return system;
}

const SYMBOL: Record<CellKey, string> = { a: 'a', b: 'b', c: 'c', alpha: 'α', beta: 'β', gamma: 'γ' };

/** Reports, at each written parameter, what the system requires of it; true when the cell fits. */
function cellFitsSystem(ctx: AnalysisContext, setting: CellSetting, source: string, given: Partial<Record<CellKey, CellEntry>>, fromGroup: boolean): boolean {
  let fits = true;
  const fix = fromGroup ? 'the space group' : 'the system';
  for (const k of cellConstraints(setting)) {
    const x = given[k.parameter];
    if (!x) continue;
    const shown = ctx.textOf(x.q.span);
    if ('value' in k) {
      if (Math.abs(x.v - k.value) <= tolerance(k.parameter, x)) continue;
      ctx.report(CrystalCodes.cellBreaksSystem, 'error', `${SYMBOL[k.parameter]} must be ${k.value}° in a ${settingName(setting)} (${source}), but it is ${shown}; correct ${SYMBOL[k.parameter]} or ${fix}`, x.q.span);
    } else {
      const y = given[k.equals];
      if (!y) continue;
      if (Math.abs(x.v - y.v) <= tolerance(k.parameter, x, y)) continue;
      ctx.report(CrystalCodes.cellBreaksSystem, 'error', `${SYMBOL[k.parameter]} must equal ${SYMBOL[k.equals]} = ${ctx.textOf(y.q.span)} in a ${settingName(setting)} (${source}), but it is ${shown}; correct ${SYMBOL[k.parameter]} or ${fix}`, x.q.span);
    }
    fits = false;
  }
  return fits;
}

function refinementAlerts(ctx: AnalysisContext, c: CrystalBlock): void {
  const alert = (message: string, span: Span) => ctx.report(CrystalCodes.alert, 'warning', message, span);
  const r1 = c.rObserved?.r1;
  if (r1 && r1.value > 0.1) alert(`R1 = ${r1.text} for I > 2σ(I) is above 0.10 (checkCIF alert); explain it in the deposition or improve the model`, r1.span);
  const completeness = c.reflections?.completeness;
  const fraction = siOf(ctx, completeness);
  if (completeness && fraction !== undefined && fraction < 0.95) alert(`completeness ${ctx.textOf(completeness.span)} is below 95 % (checkCIF alert)`, completeness.span);
  const data = c.reflections?.independent ?? c.reflections?.collected;
  if (data && c.parameters && data.value / c.parameters.value < 10) alert(`data/parameter ratio ${formatNumber(data.value / c.parameters.value, { significant: 3 })} is below 10 (checkCIF alert)`, c.parameters.span);
  const gof = c.goodnessOfFit;
  if (gof && (gof.value < 0.8 || gof.value > 1.5)) alert(`goodness of fit ${gof.text} is far from 1 (outside 0.8–1.5)`, gof.span);
}

export function crystalPass(ctx: AnalysisContext): void {
  for (const s of ctx.document.statements) if (s.kind === 'crystal') ctx.unit(s, 'crystal', () => crystalBlock(ctx, s));
}
