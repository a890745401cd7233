// Crystallography pass: computes the formula weight, cell volume (with its
// esd), density and F(000) of each crystal table and checks them against the
// reported values, the cluster's formula, the space group and refinement alerts.
import type { CrystalBlock, NumberLit, Quantity, Span } from '../../syntax/ast';
import type { AnalysisContext } from '../context';
import { CrystalCodes } from '../../crystal/codes';
import { cellVolume, cellVolumeEsd, type CellParameters } from '../../crystal/cell-volume';
import { ALTERNATIVE_SETTINGS, SPACE_GROUPS, systemOfNumber, type CrystalSystem } from '../../data/space-groups';
import { formulaOf, declaredSpecies } from '../species-resolver';
import { compositionsEqual, electronCount, hillFormula, molarMass } from '../../chemistry/formula';
import { quantityInSI } from '../species-resolver';
import { AVOGADRO } from '../../data/constants';
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

function lengthA(ctx: AnalysisContext, q: Quantity | undefined): { v: number; esd: number } | undefined {
  if (!q) return undefined;
  const m = quantityInSI(ctx, q, 'length');
  if (m === undefined) return undefined;
  const n = q.values[0]!;
  const scale = m / n.value;
  return { v: m * 1e10, esd: (n.uncertainty ?? 0) * scale * 1e10 };
}

function angleDeg(ctx: AnalysisContext, q: Quantity | undefined): { v: number; esd: number } | undefined {
  if (!q) return undefined;
  const r = quantityInSI(ctx, q, 'angle');
  if (r === undefined) return undefined;
  const n = q.values[0]!;
  return { v: (r * 180) / Math.PI, esd: n.uncertainty ?? 0 };
}

/** Parameters a system fixes may be omitted: a monoclinic table often writes only β. */
function completeCell(system: CrystalSystem | undefined, given: Partial<Record<keyof CellParameters, { v: number; esd: number }>>) {
  const right = { v: 90, esd: 0 };
  const c = { ...given };
  if (system && system !== 'triclinic') {
    c.alpha ??= right;
    c.gamma ??= system === 'hexagonal' || system === 'trigonal' ? { v: 120, esd: 0 } : right;
    if (system !== 'monoclinic') c.beta ??= right;
  }
  if (system === 'tetragonal' || system === 'hexagonal' || system === 'trigonal' || system === 'cubic') c.b ??= c.a;
  if (system === 'cubic') c.c ??= c.a;
  return c;
}

function compare(ctx: AnalysisContext, what: string, computed: number, reported: NumberLit | undefined, tolerance: number, span: Span | undefined, digits: number): boolean {
  if (!reported || !span) return true;
  const ok = Math.abs(computed - reported.value) <= tolerance;
  if (!ok) {
    ctx.report(CrystalCodes.mismatch, 'warning', `the reported ${what} ${reported.text} disagrees with the computed ${formatNumber(computed, { decimals: digits })} (tolerance ±${formatNumber(tolerance, { significant: 2 })})`, span);
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
  // System and space group.
  let system: CrystalSystem | undefined;
  if (c.system) {
    const t = c.system.text.toLowerCase();
    if ((SYSTEMS as string[]).includes(t)) system = t as CrystalSystem;
    else ctx.report(CrystalCodes.systemMismatch, 'error', `\`${c.system.text}\` is not a crystal system; use one of ${SYSTEMS.join(', ')}`, c.system.span);
  }
  if (c.spaceGroup) {
    const g = resolveSpaceGroup(c.spaceGroup.text);
    if (!g) {
      const suggestions = closestNames(normaliseSymbol(c.spaceGroup.text), [...SPACE_GROUPS.map((x) => x.symbol), ...Object.keys(ALTERNATIVE_SETTINGS)]);
      ctx.report(CrystalCodes.unknownSpaceGroup, 'error', `unknown space group \`${c.spaceGroup.text}\`${suggestions.length ? `; did you mean \`${suggestions[0]}\`?` : ''}`, c.spaceGroup.span, {
        fixes: suggestions.map((s, i) => ({ title: `Change to \`${s}\``, edits: [{ span: c.spaceGroup!.span, newText: s }], preferred: i === 0 })),
      });
    } else if (system && g.system !== system) {
      ctx.report(CrystalCodes.systemMismatch, 'error', `space group ${c.spaceGroup.text} (No. ${g.number}) is ${g.system}, but the system is ${system}`, c.spaceGroup.span);
    }
  }
  // Cell.
  const given: Partial<Record<keyof CellParameters, { v: number; esd: number }>> = {
    a: lengthA(ctx, c.cell.a), b: lengthA(ctx, c.cell.b), c: lengthA(ctx, c.cell.c),
    alpha: angleDeg(ctx, c.cell.alpha), beta: angleDeg(ctx, c.cell.beta), gamma: angleDeg(ctx, c.cell.gamma),
  };
  for (const k of Object.keys(given) as (keyof CellParameters)[]) if (!given[k]) delete given[k];
  const cell = completeCell(system, given);
  checkCellConsistency(ctx, system, cell, c);
  const keys = ['a', 'b', 'c', 'alpha', 'beta', 'gamma'] as const;
  if (!keys.every((k) => cell[k])) {
    if (Object.keys(given).length > 0) ctx.report(CrystalCodes.incomplete, 'information', `the volume of ${name} needs ${keys.filter((k) => !cell[k]).join(', ')}`, at);
  } else {
    const p = Object.fromEntries(keys.map((k) => [k, cell[k]!.v])) as unknown as CellParameters;
    const e = Object.fromEntries(keys.map((k) => [k, cell[k]!.esd])) as unknown as Partial<CellParameters>;
    const v = cellVolume(p);
    const esd = cellVolumeEsd(p, e);
    let volumeOk = true;
    if (c.volume) {
      const reported = c.volume.values[0]!;
      const last = 10 ** -((reported.text.split('(')[0]!.split('.')[1] ?? '').length);
      volumeOk = compare(ctx, 'volume', v, reported, Math.max(3 * (reported.uncertainty ?? 0), 3 * esd, last / 2), c.volume.span, 2);
    }
    // Without esds the volume has the figures of the cell as written; angles fixed by symmetry (90°, 120°) are exact.
    const measured = [c.cell.a, c.cell.b, c.cell.c, ...[c.cell.alpha, c.cell.beta, c.cell.gamma].filter((q) => q && q.values[0]!.value !== 90 && q.values[0]!.value !== 120)].map((q) => q?.values[0]);
    const shown = formatWithEsd(v, esd, significantFromInputs(measured, { floor: 4, ceiling: 7 }));
    ctx.value({
      kind: 'cellVolume', subject: name, value: v, unit: 'A^3', span: c.volume?.span ?? at,
      label: `${shown} Å³`, extra: { uncertainty: esd },
      detail: `V = abc·√(1 − cos²α − cos²β − cos²γ + 2cosα·cosβ·cosγ) = ${formatNumber(v, { decimals: 2 })} ± ${formatNumber(esd, { significant: 3 })} Å³ (esd propagated from the cell esds).`,
      hint: c.volume ? { text: `computed ${shown}${volumeOk ? ' ✓' : ' ✗'}`, category: 'crystal' } : undefined,
    });
    if (c.z && mass !== undefined) {
      const density = (c.z.value * mass) / (AVOGADRO * v * 1e-24);
      let ok = true;
      if (c.density) {
        const reported = c.density.values[0]!;
        const decimals = (reported.text.split('.')[1] ?? '').length;
        ok = compare(ctx, 'density', density, reported, 10 ** -decimals, c.density.span, 4);
      }
      ctx.value({ kind: 'density', subject: name, value: density, unit: 'g/cm3', span: c.density?.span ?? at, label: `${formatNumber(density, { decimals: 4 })} g/cm³`, detail: `ρ = Z·M/(N_A·V) = ${c.z.text} × ${formatNumber(mass, { decimals: 2 })} g/mol / (6.02214076e23 /mol × ${formatNumber(v, { decimals: 2 })} Å³).`, hint: c.density ? { text: `computed ${formatNumber(density, { decimals: 4 })}${ok ? ' ✓' : ' ✗'}`, category: 'crystal' } : undefined });
    }
  }
  if (c.z && electrons !== undefined) {
    const f000 = c.z.value * electrons;
    let ok = true;
    if (c.f000) ok = compare(ctx, 'F(000)', f000, c.f000, 0.5, c.f000.span, 0);
    ctx.value({ kind: 'F000', subject: name, value: f000, unit: '', span: c.f000?.span ?? at, label: `F(000) = ${formatExact(f000)}`, detail: `F(000) = Z × electrons per formula unit = ${c.z.text} × ${formatExact(electrons)}.`, hint: c.f000 ? { text: `computed ${formatExact(f000)}${ok ? ' ✓' : ' ✗'}`, category: 'crystal' } : undefined });
  }
  refinementAlerts(ctx, c);
}

function checkCellConsistency(ctx: AnalysisContext, system: CrystalSystem | undefined, cell: Partial<Record<keyof CellParameters, { v: number }>>, c: CrystalBlock): void {
  if (!system) return;
  const problems: string[] = [];
  const is = (k: keyof CellParameters, v: number) => !cell[k] || Math.abs(cell[k]!.v - v) < 1e-3;
  const eq = (x: keyof CellParameters, y: keyof CellParameters) => !cell[x] || !cell[y] || Math.abs(cell[x]!.v - cell[y]!.v) < 1e-4;
  if (system === 'monoclinic' && !(is('alpha', 90) && is('gamma', 90))) problems.push('a monoclinic cell needs α = γ = 90°');
  if (system === 'orthorhombic' && !(is('alpha', 90) && is('beta', 90) && is('gamma', 90))) problems.push('an orthorhombic cell needs α = β = γ = 90°');
  if (system === 'tetragonal' && !(eq('a', 'b') && is('alpha', 90) && is('beta', 90) && is('gamma', 90))) problems.push('a tetragonal cell needs a = b and all angles 90°');
  if ((system === 'hexagonal' || system === 'trigonal') && !(eq('a', 'b') && is('alpha', 90) && is('beta', 90) && is('gamma', 120)) && !(system === 'trigonal' && eq('a', 'b') && eq('b', 'c') && eq('alpha', 'beta') && eq('beta', 'gamma')))
    problems.push(`a ${system} cell needs a = b, α = β = 90° and γ = 120° (or a rhombohedral cell)`);
  if (system === 'cubic' && !(eq('a', 'b') && eq('b', 'c') && is('alpha', 90) && is('beta', 90) && is('gamma', 90))) problems.push('a cubic cell needs a = b = c and all angles 90°');
  if (problems.length) ctx.report(CrystalCodes.cellInconsistent, 'warning', problems.join('; '), c.system?.span ?? c.span);
}

function refinementAlerts(ctx: AnalysisContext, c: CrystalBlock): void {
  const alert = (message: string, span: Span) => ctx.report(CrystalCodes.alert, 'warning', message, span);
  const r1 = c.rObserved?.r1;
  if (r1 && r1.value > 0.1) alert(`R1 = ${r1.text} for I > 2σ(I) is above 0.10 (checkCIF alert); explain it in the deposition or improve the model`, r1.span);
  const completeness = c.reflections?.completeness;
  if (completeness && completeness.values[0]!.value < 95 && completeness.unit?.text === '%') alert(`completeness ${completeness.values[0]!.text} % is below 95 % (checkCIF alert)`, completeness.span);
  const data = c.reflections?.independent ?? c.reflections?.collected;
  if (data && c.parameters && data.value / c.parameters.value < 10) alert(`data/parameter ratio ${formatNumber(data.value / c.parameters.value, { significant: 3 })} is below 10 (checkCIF alert)`, c.parameters.span);
  const gof = c.goodnessOfFit;
  if (gof && (gof.value < 0.8 || gof.value > 1.5)) alert(`goodness of fit ${gof.text} is far from 1 (outside 0.8–1.5)`, gof.span);
}

export function crystalPass(ctx: AnalysisContext): void {
  for (const s of ctx.document.statements) if (s.kind === 'crystal') crystalBlock(ctx, s);
}
