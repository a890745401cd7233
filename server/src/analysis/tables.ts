// Tables in the shape of the paper's: the crystal-data table (one column per
// crystal, reported values with the computed ones beside them) and the
// faradaic efficiencies and yield rates per potential, and the GC injections
// results read. A view of one analysis;
// `faraday report` writes them as Markdown or CSV.
import type { Analysis } from './analyze';
import type { CrystalBlock, NumberLit, Quantity, ResultBlock, Span } from '../syntax/ast';
import type { ComputedValue } from './model';
import { conditionText, valuesInBlock, writtenText } from './block-values';
import { formatExact, formatNumber } from '../units/format';
import { checkedValues } from './quantities';

export interface Table {
  id: string;
  title: string;
  header: string[];
  rows: string[][];
}

function crystalTable(analysis: Analysis): Table | undefined {
  const crystals = analysis.parse.document.statements.filter((s): s is CrystalBlock => s.kind === 'crystal');
  if (crystals.length === 0) return undefined;
  const text = (node: { span: Span } | undefined) => writtenText(analysis, node);
  const q = (x: Quantity | undefined) => text(x);
  const n = (x: NumberLit | undefined) => x?.text ?? '';
  const computed = (c: CrystalBlock, kind: string, show: (v: number) => string) => {
    const v = valuesInBlock(analysis, c).find((x) => x.kind === kind);
    return v && typeof v.value === 'number' ? show(v.value) : '';
  };
  const both = (reported: string, calc: string) => (calc && reported ? `${reported} (computed ${calc})` : reported || (calc ? `computed ${calc}` : ''));
  const rows: [string, (c: CrystalBlock) => string][] = [
    ['Empirical formula', (c) => text(c.formula)],
    ['Formula weight', (c) => both(n(c.formulaWeight), computed(c, 'formulaWeight', (v) => formatNumber(v, { decimals: 2 })))],
    ['Temperature', (c) => q(c.temperature)],
    ['Wavelength', (c) => q(c.wavelength)],
    ['Crystal system', (c) => text(c.system)],
    ['Space group', (c) => text(c.spaceGroup)],
    ['a', (c) => q(c.cell.a)],
    ['b', (c) => q(c.cell.b)],
    ['c', (c) => q(c.cell.c)],
    ['α', (c) => q(c.cell.alpha)],
    ['β', (c) => q(c.cell.beta)],
    ['γ', (c) => q(c.cell.gamma)],
    ['Volume', (c) => both(q(c.volume), computed(c, 'cellVolume', (v) => formatNumber(v, { decimals: 1 }) + ' Å3'))],
    ['Z', (c) => q(c.z)],
    ['Density (calculated)', (c) => both(q(c.density), computed(c, 'density', (v) => formatNumber(v, { decimals: 3 }) + ' g/cm3'))],
    ['F(000)', (c) => both(n(c.f000), computed(c, 'F000', (v) => formatExact(v)))],
    ['Reflections collected', (c) => n(c.reflections?.collected)],
    ['Independent reflections', (c) => n(c.reflections?.independent)],
    ['Completeness', (c) => q(c.reflections?.completeness)],
    ['Restraints / parameters', (c) => (c.restraints || c.parameters ? `${n(c.restraints)} / ${n(c.parameters)}` : '')],
    ['Goodness-of-fit on F²', (c) => n(c.goodnessOfFit)],
    ['Final R indices [I > 2σ(I)]', (c) => (c.rObserved ? `R1 = ${n(c.rObserved.r1)}, wR2 = ${n(c.rObserved.wr2)}` : '')],
    ['R indices (all data)', (c) => (c.rAll ? `R1 = ${n(c.rAll.r1)}, wR2 = ${n(c.rAll.wr2)}` : '')],
  ];
  return {
    id: 'crystal', title: 'Crystal data and structure refinement',
    header: ['', ...crystals.map((c) => c.name?.text ?? 'crystal')],
    rows: rows.map(([label, get]) => [label, ...crystals.map(get)]).filter((r) => r.slice(1).some((cell) => cell !== '')),
  };
}

/** Results in the order of a potential axis: from the least to the most negative potential, unstated last. */
export function resultsByPotential(analysis: Analysis): ResultBlock[] {
  const at = (r: ResultBlock) => checkedValues(r.potential?.quantity, analysis.text)?.si[0] ?? Number.NEGATIVE_INFINITY;
  return analysis.parse.document.statements.filter((s): s is ResultBlock => s.kind === 'result').sort((a, b) => at(b) - at(a));
}

/** One row per result: potential, charge, FE per product, ΣFE and yield rates. */
function feTable(analysis: Analysis): Table | undefined {
  const results = resultsByPotential(analysis).map((r) => ({ r, values: valuesInBlock(analysis, r) }));
  const product = (v: ComputedValue) => v.subject.split('/')[1] ?? '';
  const products: string[] = [];
  const yieldColumns: { product: string; unit: string }[] = [];
  for (const v of results.flatMap((x) => x.values)) {
    if (v.kind === 'faradaicEfficiency' && !products.includes(product(v))) products.push(product(v));
    if (v.kind === 'yieldRate' && !yieldColumns.some((c) => c.product === product(v) && c.unit === v.unit)) yieldColumns.push({ product: product(v), unit: v.unit });
  }
  if (products.length === 0) return undefined;
  const rows = results.map(({ r, values }) => {
    const pick = (kind: string, p?: string, unit?: string) => {
      const v = values.find((x) => x.kind === kind && (p === undefined || product(x) === p) && (unit === undefined || x.unit === unit));
      return v && typeof v.value === 'number' ? v.value : undefined;
    };
    const chargeData = values.find((v) => v.kind === 'charge');
    const charge = r.charge ? writtenText(analysis, r.charge) : chargeData ? `${formatNumber(chargeData.value as number, { significant: 4 })} C (from ${chargeData.subject})` : '';
    const fmt = (x: number | undefined, d: number) => (x === undefined ? '' : formatNumber(x, { decimals: d }));
    const yieldRate = (c: { product: string; unit: string }) => {
      const v = pick('yieldRate', c.product, c.unit);
      return v === undefined ? '' : formatNumber(v, { significant: 4 });
    };
    return [r.name?.text ?? '', conditionText(analysis, r), charge, ...products.map((p) => fmt(pick('faradaicEfficiency', p), 2)), fmt(pick('faradaicEfficiencySum'), 2), ...yieldColumns.map(yieldRate)];
  });
  return {
    id: 'fe', title: 'Faradaic efficiencies and yield rates',
    header: ['result', 'potential', 'charge', ...products.map((p) => `FE ${p} (%)`), 'ΣFE (%)', ...yieldColumns.map((c) => `yield ${c.product} (${c.unit})`)],
    rows,
  };
}

/**
 * One row per GC injection a result read: its file and time, its time from the start of the
 * electrolysis (or the first injection), whether it was averaged, and each product's volume fraction.
 */
function gcTable(analysis: Analysis): Table | undefined {
  const rows = analysis.facts.gcInjections;
  if (rows.length === 0) return undefined;
  const products = [...new Set(rows.map((r) => r.product))];
  const injections = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.resultStart}\u0000${r.file}\u0000${r.time ?? ''}`;
    if (!injections.has(key)) injections.set(key, []);
    injections.get(key)!.push(r);
  }
  return {
    id: 'gc', title: 'GC injections',
    header: ['result', 'file', 'injection time', 't (min)', 'averaged', ...products.map((p) => `${p} (ppm)`)],
    rows: [...injections.values()].map((group) => {
      const first = group[0]!;
      const fraction = (p: string) => {
        const x = group.find((r) => r.product === p)?.fraction;
        return x === undefined ? '' : formatNumber(x * 1e6, { significant: 4, trim: true });
      };
      return [first.result, first.file, first.time ?? '', first.offsetS === undefined ? '' : formatNumber(first.offsetS / 60, { decimals: 2 }), first.used ? 'yes' : 'no: outside the electrolysis', ...products.map(fraction)];
    }),
  };
}

export function paperTables(analysis: Analysis): Table[] {
  return [feTable(analysis), gcTable(analysis), crystalTable(analysis)].filter((t): t is Table => t !== undefined);
}

export function tableToMarkdown(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`### ${t.title}`, '', `| ${t.header.map(esc).join(' | ')} |`, `|${t.header.map(() => '---').join('|')}|`, ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** RFC 4180: quote cells with commas, quotes or line breaks. */
export function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableToCsv(t: Table): string {
  return [t.header, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
