// Run lines as sentences: each technique with its potentials, scan rates,
// durations, cycles and frequencies as written. A line repeated in several
// runs (the same LSV with and without nitrate) is written once, naming the catholytes.
import type { Potential, Quantity, RunBlock, TechniqueLine, TechniqueName } from '../syntax/ast';
import { TECHNIQUE_NAMES } from '../data/methods-vocabulary';
import { parseUnit } from '../units/parse-unit';
import { sameDimension, SLOTS } from '../units/dimension';
import type { MethodsContext } from './context';
import { formula, inlines, list, sentence, text, type Inline, type Part, type Sentence } from './document';
import { referenceName } from './cell';
import { writtenQuantity } from './step-phrases';

const name = (t: TechniqueLine) => t.technique.text.toUpperCase() as TechniqueName;
const spelled = (t: TechniqueLine) => `${TECHNIQUE_NAMES[name(t)] ?? t.technique.text} (${name(t)})`;

function potential(p: Potential | undefined, withScale = true): Inline[] {
  if (!p) return [];
  return inlines(writtenQuantity(p.quantity), withScale && p.scale ? ` vs ${referenceName(p.scale.text)}` : '');
}

/** `from 0.25 V to −1.15 V vs RHE`: the scale once when both ends share it. */
function range(t: TechniqueLine): Inline[] {
  if (!t.from || !t.to) return [];
  const shared = !t.from.scale || t.from.scale.text === t.to.scale?.text;
  return inlines('from ', potential(t.from, !shared), ' to ', potential(t.to));
}

const rates = (t: TechniqueLine) => (t.rates ? inlines('at ', writtenQuantity(t.rates)) : []);
const duration = (q: Quantity | undefined) => (q ? inlines('for ', writtenQuantity(q)) : []);
const cycles = (t: TechniqueLine) => (t.cycles ? [text(`for ${t.cycles.text} cycles`)] : []);

const sp = (...parts: Part[]): Inline[] => inlines(parts.filter((p) => p !== undefined && p !== false && p !== '' && !(Array.isArray(p) && p.length === 0)).flatMap((p, i) => (i > 0 ? [' ', p] : [p])));

/** `…, and the catholyte was then analysed for the faradaic efficiencies of NH3 and NO2- and the yield rates of NH3`. */
function productsClause(m: MethodsContext): Inline[] {
  const products = (kind: string) => [...new Set(m.valuesOf(kind).map((v) => v.subject.split('/')[1]).filter((p): p is string => !!p))];
  const fe = products('faradaicEfficiency');
  const yields = products('yieldRate');
  if (fe.length === 0) return [];
  return inlines(', after which the catholyte and the outlet gas were analysed to determine the faradaic efficiencies of ', list(fe.map((p) => [formula(p)])),
    yields.length ? [' and the yield rates of ', list(yields.map((p) => [formula(p)]))] : []);
}

function onsetClause(t: TechniqueLine): Inline[] {
  if (!t.onset) return [];
  const u = t.onset.unit && parseUnit(t.onset.unit.text);
  const density = !!u && 'unit' in u && sameDimension(u.unit.dimension, SLOTS.currentDensity.dimension);
  return inlines(`, and the onset potential was taken as the potential at which the ${density ? 'current density' : 'current'} reached `, writtenQuantity(t.onset));
}

function lineSentence(m: MethodsContext, t: TechniqueLine, where: Inline[]): Sentence {
  const label = t.label?.text.toLowerCase();
  switch (name(t)) {
    case 'CV':
      if (label === 'activation') return sentence(t.span, sp('the electrodes were activated by', spelled(t), where, range(t), rates(t), cycles(t)));
      if (label === 'ecsa' || label === 'cdl') {
        return sentence(t.span, sp('the electrochemically active surface area (ECSA) was estimated from the double-layer capacitance (Cdl): cyclic voltammograms were recorded in a non-faradaic window', where, range(t), rates(t)),
          ', and Cdl was taken as half the slope of the linear fit of Δj (the anodic minus the cathodic current density at the middle of the window) against the scan rate');
      }
      return sentence(t.span, sp(spelled(t), t.label ? `(${t.label.text})` : '', 'was recorded', where, range(t), rates(t), cycles(t)));
    case 'LSV': case 'DPV': case 'SWV':
      return sentence(t.span, sp(spelled(t), 'was recorded', where, range(t), rates(t)), onsetClause(t));
    case 'CA': {
      const several = (t.at?.quantity.values.length ?? 0) > 1;
      return sentence(t.span, sp(spelled(t), 'was performed', where, t.at ? ['at ', potential(t.at)] : [], duration(t.duration), several ? 'at each potential' : ''), productsClause(m));
    }
    case 'CP':
      return sentence(t.span, sp(spelled(t), 'was performed', where, t.current ? ['at ', writtenQuantity(t.current)] : [], duration(t.duration)));
    case 'EIS':
      return sentence(t.span, sp(spelled(t), 'was measured', where, t.at ? ['at ', potential(t.at)] : [], t.from && t.to ? ['from ', writtenQuantity(t.from.quantity), ' to ', writtenQuantity(t.to.quantity)] : []));
    case 'OCP':
      return sentence(t.span, sp('the open-circuit potential (OCP) was recorded', where, duration(t.duration)));
    default:
      return sentence(t.span, sp(spelled(t), 'was recorded', where, range(t), rates(t)));
  }
}

/** The written parameters of a line, without its data file and onset (what is read from the data): lines with the same key are the same measurement. */
function key(m: MethodsContext, t: TechniqueLine): string {
  return [t.technique.text, t.label?.text, ...[t.from, t.to, t.at, t.rates, t.duration, t.current].map((x) => (x ? m.textOf(x) : '')), t.cycles?.text].join('|');
}

export function techniqueSentences(m: MethodsContext, runs: RunBlock[], mainCell: string | undefined): Sentence[] {
  const groups = new Map<string, { line: TechniqueLine; cells: string[] }>();
  for (const run of runs) {
    for (const t of run.techniques) {
      const k = key(m, t);
      const g = groups.get(k) ?? { line: t, cells: [] };
      if (run.cell && !g.cells.includes(run.cell.text)) g.cells.push(run.cell.text);
      groups.set(k, g);
    }
  }
  return [...groups.values()].map(({ line, cells }) => {
    const catholytes = cells.map((c) => m.blocks('cell').find((x) => x.name?.text === c)?.catholyte?.electrolyte.text ?? c);
    const where = cells.length === 1 && cells[0] === mainCell ? [] : inlines(`with the ${list(catholytes.map((c) => [c])).map((r) => (r.kind === 'text' ? r.text : '')).join('')} catholyte${catholytes.length > 1 ? 's' : ''}`);
    return lineSentence(m, line, where);
  });
}
