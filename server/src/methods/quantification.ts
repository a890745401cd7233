// Product quantification: each calibration with its method, dilution,
// wavelength and fitted line (y = a·x + b, R², LOD), gases by GC, and the
// faradaic-efficiency and yield-rate formulas with n, F and the protocol's numbers.
import { isGcFileReading, type CalibrationBlock, type CellBlock, type GcFileReading, type Quantity, type ReactionDecl, type ResultReading, type Span } from '../syntax/ast';
import { cellGasFlowLine } from '../analysis/cell-setup';
import { reactionDirections, workingCompartment } from '../analysis/working-compartment';
import { analyteBasis } from '../electrochem/analyte';
import { molarVolume } from '../electrochem/faradaic';
import { FARADAY } from '../data/constants';
import { MASS_FLOW_STANDARD } from '../data/units';
import { parseUnit } from '../units/parse-unit';
import { SLOTS, sameDimension } from '../units/dimension';
import { ANALYTICAL_METHODS } from '../data/methods-vocabulary';
import { checkedValues } from '../analysis/quantities';
import { MethodsCodes } from './codes';
import type { MethodsContext } from './context';
import { clause, formula, inlines, list, math, quantity, sentence, text, type Block, type Inline, type MathNode, type Section, type Sentence } from './document';
import { exactNumber, formatted, FIGURES } from './numbers';
import { writtenQuantity } from './step-phrases';

/** `NH3-N` → NH₃-N, `NO2-N` → NO₂⁻-N: the product's formula and the basis. */
export function analyteLabel(analyte: string): Inline[] {
  const basis = analyteBasis(analyte);
  if (/-N$/.test(analyte) && !('error' in basis)) return [formula(basis.product), text('-N')];
  return [formula(analyte)];
}

function dilutionSentence(c: CalibrationBlock): Inline[] {
  if (!c.dilute) return [];
  const from = c.dilute.from;
  const to = c.dilute.to;
  const v1 = checkedValues(from)?.si[0];
  const v2 = checkedValues(to)?.si[0];
  const factor = v1 !== undefined && v2 !== undefined ? v2 / v1 : undefined;
  return inlines('a ', writtenQuantity(from), ' aliquot of the catholyte was diluted to ', writtenQuantity(to),
    factor !== undefined && Number.isFinite(factor) ? ` (×${exactNumber(factor)})` : '', ', and ');
}

/** ¹H NMR against an internal standard: c_X = (I_X / I_std)·(N_std / N_X)·c_std, no fitted line. */
function internalStandardParagraph(c: CalibrationBlock): Sentence[] {
  const std = c.internalStandard!;
  const ratio = (a: string, b: string): MathNode => ({ kind: 'frac', num: [v(a, 'X')], den: [v(a, 'std')] });
  const protons = std.protons ? `, ${std.protons.count} H` : '';
  return [sentence(c.span, 'liquid products were quantified by ¹H NMR: ', dilutionSentence(c), std.species.text,
    std.concentration ? [' (', writtenQuantity(std.concentration), ' in the NMR tube', protons, ')'] : '', ' served as internal standard; the concentration of each product followed from ',
    math(v('c', 'X'), { kind: 'op', op: '=' }, ratio('I', 'std'), dot, { kind: 'frac', num: [v('N', 'std')], den: [v('N', 'X')] }, dot, v('c', 'std')),
    ', with I the integrals and N the protons under each integrated peak')];
}

function calibrationParagraph(m: MethodsContext, c: CalibrationBlock): Sentence[] {
  const name = c.name?.text ?? 'calibration';
  if (c.internalStandard) return internalStandardParagraph(c);
  const analyteWord = c.analyte ?? c.gas;
  const analyte = analyteWord ? analyteLabel(analyteWord.text) : [text('the analyte')];
  if (c.responseFactor) {
    const rf = c.responseFactor;
    return [sentence(c.span, analyte, ' was determined by the ', c.method ? `${ANALYTICAL_METHODS[c.method.name.text] ?? c.method.name.text} method` : 'calibration', ': ', dilutionSentence(c),
      `the ${rf.response?.text ?? 'response'} was converted with a response factor of `, writtenQuantity(rf.value), ` per ${rf.response?.text ?? 'unit of response'}`)];
  }
  const reading = c.standards?.reading.text ?? 'reading';
  const method = c.method?.name.text;
  const out: Sentence[] = [];
  const how = inlines(
    dilutionSentence(c),
    `the ${reading}`, c.method?.wavelength ? [' at ', writtenQuantity(c.method.wavelength)] : '', ' was read',
    c.method?.readAfter ? [' after ', writtenQuantity(c.method.readAfter)] : '');
  out.push(sentence(c.span, analyte, ` was determined ${reading === 'absorbance' ? 'colorimetrically ' : ''}by the `, method ? `${ANALYTICAL_METHODS[method] ?? method} method` : 'calibration', ': ', how));
  const fit = c.name ? m.analysis.facts.calibrationFits.get(c.name.text) : undefined;
  const rows = c.standards?.rows ?? [];
  if (!fit || rows.length < 2) {
    m.problem(MethodsCodes.calibrationWithoutFit, 'warning', `calibration ${name} has no fitted line, so the Methods section gives no equation, R² or detection limit for it: add at least two standards at different concentrations`, c.name?.span ?? c.span);
    return out;
  }
  const slope = formatted(fit.slope, FIGURES.calibrationSlope);
  const intercept = formatted(Math.abs(fit.intercept), FIGURES.calibrationIntercept);
  const lod = m.valuesOf('calibrationLOD').find((v) => v.subject === name);
  const low = rows.reduce((a, b) => (b.concentration.value < a.concentration.value ? b : a));
  const high = rows.reduce((a, b) => (b.concentration.value > a.concentration.value ? b : a));
  const unitText = c.standards!.unit.text;
  const equation: MathNode[] = [
    { kind: 'var', name: 'y' }, { kind: 'op', op: '=' }, { kind: 'num', text: slope }, { kind: 'op', op: '·' }, { kind: 'var', name: 'x' },
    { kind: 'op', op: fit.intercept < 0 ? '−' : '+' }, { kind: 'num', text: intercept },
  ];
  out.push(sentence(c.standards!.span,
    `the calibration with ${rows.length} standards from `, quantity(low.concentration.text, undefined), ' to ', quantity(high.concentration.text, unitText), ' gave ', math(...equation),
    `, where y is the ${reading} and x the concentration of `, analyte, ' in ', { kind: 'unit', text: unitText }, ' (', math({ kind: 'var', name: 'R', sup: '2' }, { kind: 'op', op: '=' }, { kind: 'num', text: formatted(fit.r2, FIGURES.calibrationR2) }),
    lod && typeof lod.value === 'number' ? ['; limit of detection ', quantity(formatted(lod.value, FIGURES.calibrationLOD), unitText), ', 3.3 s/slope'] : [], ')'));
  return out;
}

/** A flow in standard units (`20 sccm`): a molar flow. */
function isMolarFlow(q: Quantity): boolean {
  const u = q.unit ? parseUnit(q.unit.text) : undefined;
  return !!u && 'unit' in u && sameDimension(u.unit.dimension, SLOTS.molarFlow.dimension);
}

interface GasReading { analyte: string; flow: string; flowQuantity: Quantity; /** The flow is the cell's feed through the GDE. */ fed?: boolean }

/** A reading of a gas: with a carrier flow, from GC files, a fraction `by GC`, or through a `gas` calibration. */
function isGas(m: MethodsContext, reading: ResultReading | GcFileReading): boolean {
  if (reading.flow || isGcFileReading(reading) || reading.value.place === 'gasReading') return true;
  const method = reading.method?.text;
  return m.blocks('calibration').some((c) => c.name?.text === method && !!c.gas);
}

function gasReadings(m: MethodsContext): GasReading[] {
  const out: GasReading[] = [];
  const cells = m.blocks('cell');
  for (const r of m.blocks('result')) {
    const bound = m.analysis.facts.boundCells.get(r.span.start);
    const cellLine = (() => {
      const cell = cells.find((c) => c.name?.text === bound);
      return cell ? cellGasFlowLine(cell) : undefined;
    })();
    for (const reading of r.readings) {
      if (!isGas(m, reading)) continue;
      // A line without its own flow takes its cell's (analysis/cell-setup.ts).
      const flowQuantity = reading.flow ?? cellLine?.flow;
      if (!flowQuantity) continue;
      const flow = m.textOf(flowQuantity);
      const fed = !reading.flow && cellLine?.source === 'feed';
      if (!out.some((g) => g.analyte === reading.analyte.text && g.flow === flow)) out.push({ analyte: reading.analyte.text, flow, flowQuantity, fed });
    }
  }
  return out;
}

function gasSentences(m: MethodsContext, main: CellBlock | undefined, gases: GasReading[]): Sentence[] {
  if (gases.length === 0) return [];
  const flows = [...new Map(gases.map((g) => [g.flow, g.flowQuantity])).values()];
  const products = [...new Set(gases.map((g) => g.analyte))];
  if (gases.every((g) => g.fed)) {
    return [sentence(undefined, list(products.map((p) => [formula(p)])),
      ` in the gas leaving the gas side of the gas-diffusion electrode ${products.length > 1 ? 'were' : 'was'} quantified by gas chromatography (GC), `, main?.feed ? ['with ', formula(main.feed.gas.text), ' '] : 'with the feed gas ',
      'fed at ', list(flows.map((f) => writtenQuantity(f))))];
  }
  const carrier = main?.purge?.gas.text;
  return [sentence(undefined, list(products.map((p) => [formula(p)])),
    ` in the gas leaving the cathode compartment ${products.length > 1 ? 'were' : 'was'} quantified by gas chromatography (GC), `, carrier ? ['with ', formula(carrier), ' '] : 'with the carrier gas ',
    'flowing through the catholyte at ', list(flows.map((f) => writtenQuantity(f))))];
}

/** The reaction that makes a product, for the electrons it takes. */
function reactionFor(m: MethodsContext, product: string): ReactionDecl | undefined {
  return m.statements.find((s): s is ReactionDecl => s.kind === 'reaction' && s.right.some((t) => t.species.text === product));
}

function reactionInlines(r: ReactionDecl): Inline[] {
  const side = (terms: ReactionDecl['left']) => inlines(terms.map((t, i) => [i > 0 ? ' + ' : '', t.coefficient ? `${t.coefficient.text} ` : '', formula(t.species.text)]));
  return inlines(side(r.left), ' → ', side(r.right));
}

function electronsOf(m: MethodsContext, product: string): number | undefined {
  const e = m.analysis.facts.electronsPerProduct;
  return e.get(product) ?? e.get(product.replace(/[+-]+$/, ''));
}

const v = (name: string, sub?: string): MathNode => ({ kind: 'var', name, ...(sub ? { sub } : {}) });
const dot: MathNode = { kind: 'op', op: '·' };
const product = (...names: MathNode[]): MathNode[] => names.flatMap((x, i) => (i > 0 ? [dot, x] : [x]));

/** `n = 8 for NH3 (NO3- + 9 H+ + 8 e- → NH3 + 3 H2O) and 2 for NO2- (…)`, from the reactions; a product no reaction makes is reported. */
function electronsSentence(m: MethodsContext, products: string[], at: Span): Inline[] {
  const items: Inline[][] = [];
  for (const p of products) {
    const n = electronsOf(m, p);
    if (n === undefined) {
      m.problem(MethodsCodes.formulaTermUnknown, 'information', `the FE formula in the Methods section gives no n for ${p}: no reaction makes it; add a \`reaction\` that produces ${p}`, at);
      continue;
    }
    const reaction = reactionFor(m, p);
    items.push(inlines(`${n} for `, formula(p), reaction ? [' (', reactionInlines(reaction), ')'] : []));
  }
  return items.length ? inlines('; n = ', list(items)) : [];
}

/**
 * The electrolyte whose volume is the FE formula's V: the one the working electrode sits in, in the
 * cell the results are bound to (cell-binding.ts), never the first cell; one V only when every
 * result's cell holds the same volume.
 */
function resultElectrolyte(m: MethodsContext, results: { span: Span }[]): { volume?: Quantity; why: string; span?: Span } {
  const names = [...new Set(results.map((r) => m.analysis.facts.boundCells.get(r.span.start)).filter((x): x is string => x !== undefined))];
  if (names.length === 0) return { why: 'no result is bound to a cell (see the diagnostics of the results)' };
  const reactions = m.statements.filter((s): s is ReactionDecl => s.kind === 'reaction');
  const specs = names.map((name) => {
    const cell = m.blocks('cell').find((c) => c.name?.text === name);
    const where = cell ? workingCompartment(cell, () => reactionDirections(reactions)) : undefined;
    return { name, cell, spec: cell && where?.kind === 'known' ? cell[where.compartment] : undefined };
  });
  const missing = specs.find((x) => !x.spec?.volume);
  if (missing) return { why: `cell ${missing.name} states no volume of the electrolyte its working electrode sits in; add it, as in \`catholyte nitrate 30 mL\``, span: missing.spec?.span ?? missing.cell?.span };
  const litres = specs.map((x) => checkedValues(x.spec!.volume)?.si[0] ?? NaN);
  // A volume that is no volume (its diagnostic says why) is not compared: NaN equals nothing, not even itself.
  const unreadable = litres.findIndex((l) => !Number.isFinite(l));
  if (unreadable >= 0) return { why: `the electrolyte volume of cell ${specs[unreadable]!.name} cannot be read (see its diagnostic)`, span: specs[unreadable]!.spec!.span };
  const other = litres.findIndex((l) => Math.abs(l - litres[0]!) > 1e-12);
  if (other < 0) return { volume: specs[0]!.spec!.volume, why: '' };
  return { why: `the results were measured in cells with different volumes (${specs.map((x) => `${x.name}: ${m.textOf(x.spec!.volume)}`).join(', ')}), so V is each result's own`, span: specs[other]!.spec!.span };
}

function feBlocks(m: MethodsContext, gases: GasReading[]): Block[] {
  const results = m.blocks('result');
  const dissolved = [...new Set(results.flatMap((r) => r.readings.filter((x) => !isGas(m, x) && x.method).map((x) => x.analyte.text)))];
  if (results.length === 0 || (dissolved.length === 0 && gases.length === 0)) return [];
  const blocks: Block[] = [];
  const at = results[0]!.span;
  if (dissolved.length) {
    const electrolyte = resultElectrolyte(m, results);
    const volume = electrolyte.volume;
    if (!volume) m.problem(MethodsCodes.formulaTermUnknown, 'information', `the FE formula in the Methods section gives V without its value: ${electrolyte.why}`, electrolyte.span ?? at);
    const bases = dissolved.flatMap((a) => {
      const basis = analyteBasis(a);
      return 'error' in basis ? [] : [{ a, basis }];
    });
    const byMass = new Map<string, string[]>();
    for (const { a, basis } of bases) {
      const grams = formatted(basis.gramsPerMolProduct, { decimals: 3 });
      byMass.set(grams, [...(byMass.get(grams) ?? []), a]);
    }
    const charge = results.some((r) => r.data) ? ' (stated, or integrated from the chronoamperometric i–t curve by the trapezoidal rule)' : '';
    blocks.push({ kind: 'paragraph', sentences: [sentence(undefined, 'the faradaic efficiency (FE) of each product in the catholyte was calculated as:')] });
    blocks.push({ kind: 'equation', nodes: [v('FE'), { kind: 'op', op: '=' }, { kind: 'frac', num: product(v('n'), v('F'), v('c'), v('V')), den: product(v('M'), v('Q')) }] });
    blocks.push({ kind: 'paragraph', sentences: [clause(undefined,
      'where n is the number of electrons transferred per molecule of product, F = ', quantity(formatted(FARADAY, FIGURES.constant), 'C/mol'), ' the Faraday constant, ',
      'c the mass concentration of the analyte in the catholyte (dilution included), V', volume ? [' = ', writtenQuantity(volume)] : '', ' the catholyte volume, ',
      'M the molar mass the concentration refers to (', list([...byMass].map(([grams, analytes]) => inlines(quantity(grams, 'g/mol'), ' for ', list(analytes.map((a) => analyteLabel(a)))))), ') ',
      'and Q the charge passed', charge, electronsSentence(m, [...new Set(bases.map((b) => b.basis.product))], at))] });
  }
  const t = m.analysis.facts.temperatureK;
  const p = m.analysis.facts.pressurePa;
  const allFlows = [...new Map(gases.map((g) => [g.flow, g.flowQuantity])).values()];
  // `sccm`/`slpm` are molar flows (standard conditions, data/units.ts): no molar volume of the protocol enters them.
  const molarFlows = allFlows.filter((q) => isMolarFlow(q));
  const flows = allFlows.filter((q) => !isMolarFlow(q));
  const standard = () => inlines('; a volume flow V̇ at the standard conditions ', quantity('0', '°C'), ' and ', quantity(exactNumber(MASS_FLOW_STANDARD.pressurePa / 1000), 'kPa'), ', ṅ = p₀·V̇/(R·T₀)');
  if (molarFlows.length) {
    blocks.push({ kind: 'paragraph', sentences: [sentence(undefined, `for the gaseous products${flows.length ? ' with the gas flow set by a mass-flow controller' : ''}, the FE was calculated as:`)] });
    blocks.push({ kind: 'equation', nodes: [v('FE'), { kind: 'op', op: '=' }, { kind: 'frac', num: product(v('n'), v('F'), v('x'), v('ṅ')), den: product(v('I')) }] });
    blocks.push({ kind: 'paragraph', sentences: [clause(undefined,
      'where x is the volume fraction of the gas measured by GC, ṅ the molar gas flow (', list(molarFlows.map((q) => writtenQuantity(q))), standard(), '), and I the mean current',
      electronsSentence(m, [...new Set(gases.filter((g) => isMolarFlow(g.flowQuantity)).map((g) => g.analyte))], at))] });
  }
  // An impossible temperature or pressure (an error in the protocol) leaves the gas molar volume unknown.
  if (flows.length && t !== undefined && p !== undefined) {
    const vm = molarVolume(t, p) * 1000;
    blocks.push({ kind: 'paragraph', sentences: [sentence(undefined, 'for the gaseous products, the FE was calculated as:')] });
    blocks.push({ kind: 'equation', nodes: [v('FE'), { kind: 'op', op: '=' }, { kind: 'frac', num: product(v('n'), v('F'), v('x'), v('f')), den: product(v('V', 'm'), v('I')) }] });
    blocks.push({ kind: 'paragraph', sentences: [clause(undefined,
      'where x is the volume fraction of the gas measured by GC, f the gas flow rate (', list(flows.map((q) => writtenQuantity(q))), '), ',
      math(v('V', 'm'), { kind: 'op', op: '=' }, v('R'), v('T'), { kind: 'word', text: '/' }, v('p'), { kind: 'op', op: '=' }, { kind: 'num', text: formatted(vm, FIGURES.derived) }, { kind: 'unit', text: 'L/mol' }),
      ' the molar volume of an ideal gas at ', quantity(formatted(t, { decimals: 2 }), 'K'), ' and ', quantity(exactNumber(p / 1000), 'kPa'), ', and I the mean current',
      electronsSentence(m, [...new Set(gases.filter((g) => !isMolarFlow(g.flowQuantity)).map((g) => g.analyte))], at))] });
  }
  const yieldUnits = [...new Set(m.valuesOf('yieldRate').map((x) => x.unit))];
  if (yieldUnits.length) {
    const electrode = m.blocks('electrode')[0];
    const per: Inline[][] = [];
    if (electrode?.catalyst) per.push(inlines('the catalyst mass (', writtenQuantity(electrode.catalyst.quantity), ')'));
    if (electrode?.area) per.push(inlines('the geometric electrode area (', writtenQuantity(electrode.area), ')'));
    const durations = [...new Map(results.filter((r) => r.duration).map((r) => [m.textOf(r.duration), r.duration!])).values()];
    blocks.push({ kind: 'paragraph', sentences: [sentence(undefined, 'yield rates (', list(yieldUnits.map((u) => [{ kind: 'unit', text: u } as Inline])), ') are the amount of product divided by the electrolysis time',
      durations.length ? [' (', list(durations.map((d) => writtenQuantity(d))), ')'] : '', per.length ? [' and by ', list(per, 'or')] : '')] });
  }
  return blocks;
}

export function quantificationSection(m: MethodsContext): Section | undefined {
  const blocks: Block[] = [];
  for (const c of m.blocks('calibration')) blocks.push({ kind: 'paragraph', sentences: calibrationParagraph(m, c) });
  const main = m.mainCell();
  const gases = gasReadings(m);
  const gas = gasSentences(m, main, gases);
  if (gas.length) blocks.push({ kind: 'paragraph', sentences: gas });
  blocks.push(...feBlocks(m, gases));
  if (blocks.length === 0) return undefined;
  return { id: 'quantification', title: inlines('Product quantification'), blocks };
}

