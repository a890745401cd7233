// Reads the electrochemistry blocks: electrolyte, electrode, cell, run,
// calibration, result and plan.
import type { Line } from '../lines';
import { LineCursor, spanOfWords } from '../line-cursor';
import type {
  CalibrationBlock, CellBlock, CellType, ElectrodeBlock, ElectrolyteBlock, MeritPoint, Potential, PlanBlock, ProtonCount, Quantity, ReferenceDecl,
  GcFileReading, ResultBlock, ResultReading, RunBlock, Span, StringLit, TechniqueLine, Word,
} from '../ast';
import { parseUnit } from '../../units/parse-unit';
import { sameDimension, SLOTS } from '../../units/dimension';
import { SyntaxCodes } from '../codes';
import { BuildContext, cursorAfterHead, headText } from './context';
import { readCast, readComponent } from './ink';
import type { PlaceName } from '../../units/places';
import type { WordElement } from '../word-element';

export const TECHNIQUES = ['CV', 'LSV', 'CA', 'CP', 'EIS', 'DPV', 'SWV', 'OCP'] as const;
/** Techniques that sweep the potential: their `at` is the scan rate. */
export const SWEEPS = ['CV', 'LSV', 'DPV', 'SWV'];

function unknownLine(ctx: BuildContext, line: Line, block: string, allowed: string[]): void {
  const list = allowed.map((a) => '`' + a + '`').join(', ');
  ctx.error(SyntaxCodes.unknownStatement, `\`${headText(line)}\` is not a statement of ${block}; expected one of ${list}`, line.elements[0]!.span);
}

function expectQuantity(ctx: BuildContext, cursor: LineCursor, place: PlaceName, example: string): Quantity | undefined {
  const q = cursor.quantity(place);
  if (!q) ctx.error(SyntaxCodes.expectedQuantity, `expected a quantity such as \`${example}\``, cursor.here());
  return q;
}

function textValue(cursor: LineCursor): StringLit | Word | undefined {
  const s = cursor.string();
  if (s) return s;
  const words = cursor.wordsToComma();
  if (words.length === 0) return undefined;
  return { text: words.map((w) => w.text).join(' '), span: { start: words[0]!.span.start, end: words[words.length - 1]!.span.end } };
}

/** A unit of pressure (`1 atm`, `101.325 kPa`): in an electrolyte's purge, the gas's partial pressure. */
function isPressure(unitText: string | undefined): boolean {
  if (!unitText) return false;
  const u = parseUnit(unitText);
  return 'unit' in u && sameDimension(u.unit.dimension, SLOTS.pressure.dimension);
}

/** A gas flow: a volume per time (`18 mL/min`) or a standard molar flow (`20 sccm`), as against a purge's duration. */
function isGasFlow(unitText: string | undefined): boolean {
  if (!unitText) return false;
  const u = parseUnit(unitText);
  if (!('unit' in u)) return unitText.includes('/');
  return sameDimension(u.unit.dimension, SLOTS.flowRate.dimension) || sameDimension(u.unit.dimension, SLOTS.molarFlow.dimension);
}

type Purge = { gas: Word; duration?: Quantity; flow?: Quantity; pressure?: Quantity; span: Span };

/** `purge CO2 30 min`, `purge Ar 18 mL/min`; in an electrolyte also `at 1 atm`, the gas's partial pressure. */
function readPurge(cursor: LineCursor, ctx: BuildContext, span: Span, withPressure = false): Purge | undefined {
  const gas = cursor.nameWord();
  if (!gas) {
    ctx.error(SyntaxCodes.missingName, 'expected the gas after `purge`, as in `purge Ar 30 min`', cursor.here());
    return undefined;
  }
  const result: Purge = { gas, span };
  while (!cursor.done) {
    cursor.accept('for');
    const at = cursor.accept('at') !== undefined;
    const q = cursor.quantity('purge');
    if (!q) break;
    if (withPressure && at && isPressure(q.unit?.text)) result.pressure = { ...q, place: 'gasPartialPressure' };
    else if (q.unit && (q.unit.text.includes('/') || isGasFlow(q.unit.text))) result.flow = q;
    else result.duration = q;
    cursor.acceptPunct(',');
  }
  return result;
}

/** `saturated with CO2`, `saturated with O2 at 0.21 atm` (also `saturated CO2`). */
function readSaturated(cursor: LineCursor, ctx: BuildContext, span: Span): ElectrolyteBlock['saturated'] {
  cursor.accept('with');
  const gas = cursor.nameWord();
  if (!gas) {
    ctx.error(SyntaxCodes.missingName, 'expected the gas after `saturated with`, as in `saturated with CO2`', cursor.here());
    return undefined;
  }
  const pressure = cursor.accept('at') ? expectQuantity(ctx, cursor, 'gasPartialPressure', '1 atm') : undefined;
  return { gas, pressure, span };
}

export function readElectrolyte(header: Line, ctx: BuildContext, name: Word | undefined): ElectrolyteBlock {
  const block = header.block!;
  const node: ElectrolyteBlock = { kind: 'electrolyte', name, components: [], span: header.span, bodySpan: block.span };
  const seen = new Set<string>();
  for (const line of block.lines) {
    if (line.rule !== 'statement') continue;
    const head = line.elements[0]!;
    if (head.kind === 'numbers') {
      // `0.05 M H2SO4 + 0.5 M KNO3 in water`
      const cursor = new LineCursor(line.elements);
      while (!cursor.done) {
        const amount = cursor.amount('electrolyteComponent');
        if (amount) {
          node.components.push(amount);
          if (!cursor.acceptPunct('+')) break;
          continue;
        }
        ctx.error(SyntaxCodes.expectedQuantity, 'expected a concentration and a species, such as `0.5 M KNO3`', cursor.here());
        break;
      }
      if (cursor.accept('in')) {
        node.solvent = cursor.nameWord();
        if (!node.solvent) ctx.error(SyntaxCodes.missingName, 'expected the solvent after `in`, as in `in water`', cursor.here());
      }
      ctx.leftover(cursor, 'the composition');
      continue;
    }
    const key = headText(line).toLowerCase();
    const cursor = cursorAfterHead(line);
    if (key === 'ph' && ctx.repeated(seen, 'pH', line, 'this electrolyte')) continue;
    if (key === 'saturated' && ctx.repeated(seen, 'saturated', line, 'this electrolyte')) continue;
    if (key === 'ph') {
      const value = cursor.quantity('electrolytePH');
      if (!value) {
        ctx.error(SyntaxCodes.expectedNumber, 'expected the pH value, as in `pH 1.0 measured`', cursor.here());
        continue;
      }
      const measured = cursor.accept('measured') !== undefined;
      if (!measured) cursor.accept('estimated');
      node.pH = { value, measured, span: line.span };
    } else if (key === 'purge') {
      node.purge = readPurge(cursor, ctx, line.span, true);
    } else if (key === 'saturated') {
      node.saturated = readSaturated(cursor, ctx, line.span);
    } else if (key === 'solubility' || key === 'diffusivity') {
      // `solubility O2 1.2e-6 mol/cm3`, `diffusivity O2 1.9e-5 cm2/s`: transport data of a dissolved reactant.
      const example = key === 'solubility' ? 'solubility O2 1.2e-6 mol/cm3' : 'diffusivity O2 1.9e-5 cm2/s';
      const species = cursor.nameWord();
      const value = species ? expectQuantity(ctx, cursor, key === 'solubility' ? 'solubility' : 'diffusivity', example.split(' ').slice(2).join(' ')) : undefined;
      if (!species) ctx.error(SyntaxCodes.missingName, `expected the dissolved species and its value, as in \`${example}\``, cursor.here());
      if (species && value) node[key] = { species, value, span: line.span };
    } else if (key === 'viscosity') {
      node.viscosity = expectQuantity(ctx, cursor, 'viscosity', '0.01 cm2/s');
    } else {
      unknownLine(ctx, line, 'an electrolyte', ['0.5 M KNO3 + … in water', 'pH', 'purge', 'saturated with CO2', 'solubility', 'diffusivity', 'viscosity']);
      continue;
    }
    ctx.leftover(cursor, `the ${key} line`);
  }
  return node;
}

const CAST_VERBS = ['drop-cast', 'dropcast', 'cast', 'spray', 'spray-coat', 'spin-coat'];

export function readElectrode(header: Line, ctx: BuildContext, name: Word | undefined): ElectrodeBlock {
  const block = header.block!;
  const node: ElectrodeBlock = { kind: 'electrode', name, casts: [], span: header.span, bodySpan: block.span };
  const seen = new Set<string>();
  for (const line of block.lines) {
    if (line.rule !== 'statement') continue;
    const key = headText(line).toLowerCase();
    if ((key === 'area' || key === 'support' || key === 'loading') && ctx.repeated(seen, key, line, 'this electrode')) continue;
    const cursor = cursorAfterHead(line);
    const head = line.elements[0]!;
    const headWord: Word = head.kind === 'word' ? head.word : { text: key, span: head.span };
    if (key === 'catalyst') {
      // `catalyst 10 µL ink A`: a cast of an ink; `catalyst 1 mg Au28Cu12, drop-cast from 500 µL DCM`: a mass; `catalyst NiFe-LDH`: a name.
      const cast = readCast(cursor, headWord, true);
      if (cast) {
        node.casts.push(cast);
      } else {
        const component = readComponent(cursor, 'catalystLoading', 'catalystMetalFraction');
        if (component) {
          node.catalyst = component.amount;
          node.catalystMetalFraction = component.massFraction;
          cursor.acceptPunct(',');
          if (cursor.accept('drop-cast') || cursor.accept('dropcast') || cursor.accept('cast')) {
            cursor.accept('from');
            node.castFrom = cursor.amount('castVolume');
            if (!node.castFrom) ctx.error(SyntaxCodes.expectedQuantity, 'expected the volume and the solvent drop-cast, as in `drop-cast from 500 µL DCM`', cursor.here());
          }
        } else if (cursor.isWord() && !cursor.isNumber()) {
          node.catalystName = cursor.nameWord();
          node.catalystMetalFraction = cursor.isNumber() ? cursor.quantity('catalystMetalFraction') : undefined;
        } else {
          ctx.error(SyntaxCodes.expectedQuantity, 'expected the catalyst: a mass (`catalyst 1 mg Au28Cu12`), a volume of an ink (`catalyst 10 µL ink A`) or its name (`catalyst NiFe-LDH`)', cursor.here());
        }
      }
    } else if (CAST_VERBS.includes(key)) {
      const cast = readCast(cursor, headWord, false);
      if (cast) node.casts.push(cast);
      else ctx.error(SyntaxCodes.expectedQuantity, `expected a volume of an ink, as in \`${headWord.text} 10 µL of ink A\``, cursor.here());
    } else if (key === 'loading') {
      node.loading = expectQuantity(ctx, cursor, 'statedLoading', '0.5 mg/cm2');
    } else if (key === 'sites') {
      node.sites = expectQuantity(ctx, cursor, 'activeSites', '1.2e-8 mol');
    } else if (key === 'support') {
      node.support = textValue(cursor);
    } else if (key === 'area') {
      node.area = expectQuantity(ctx, cursor, 'electrodeArea', '1 cm2');
    } else {
      unknownLine(ctx, line, 'an electrode', ['catalyst', 'drop-cast', 'spray', 'loading', 'sites', 'support', 'area']);
      continue;
    }
    ctx.leftover(cursor, `the ${key} line`);
  }
  return node;
}

export function readReference(line: Line, ctx: BuildContext): ReferenceDecl {
  // `reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE`: the words after the
  // keyword up to `at` name the electrode; the bracket is its fill.
  const cursor = cursorAfterHead(line);
  const decl: ReferenceDecl = { kind: 'reference', span: line.span };
  const electrodeWord = cursor.word();
  if (!electrodeWord) {
    ctx.error(SyntaxCodes.missingName, 'expected a reference electrode, such as `Ag/AgCl (sat. KCl)` or `SCE`', cursor.here());
    return decl;
  }
  let qualifier: Word | undefined;
  const next = cursor.peek();
  if (next?.kind === 'group') {
    cursor.next();
    qualifier = { text: next.text, span: next.span };
    if (!next.closed) ctx.error(SyntaxCodes.unclosedBracket, 'this `(` is not closed; add `)` after the electrode fill, as in `(sat. KCl)`', next.span);
  }
  let electrode = electrodeWord;
  const bracket = electrode.text.indexOf('(');
  if (!qualifier && bracket > 0) {
    qualifier = { text: electrode.text.slice(bracket), span: { start: electrode.span.start + bracket, end: electrode.span.end } };
    electrode = { text: electrode.text.slice(0, bracket), span: { start: electrode.span.start, end: electrode.span.start + bracket } };
  }
  decl.electrode = {
    text: qualifier ? `${electrode.text} ${qualifier.text}` : electrode.text,
    electrode,
    qualifier,
    span: { start: electrode.span.start, end: (qualifier ?? electrode).span.end },
  };
  if (cursor.accept('at')) {
    const offset = cursor.potential('referencePotential');
    if (!offset || !offset.scale) {
      ctx.error(SyntaxCodes.expectedPotential, 'expected the electrode potential on a known scale, as in `at 0.198 V vs SHE`', offset?.span ?? cursor.here());
    }
    decl.offset = offset;
  }
  ctx.leftover(cursor, 'the reference line');
  return decl;
}

const CELL_FIELDS = new Set(['type', 'membrane', 'working', 'reference', 'counter', 'catholyte', 'anolyte', 'stir', 'purge', 'feed', 'liquid', 'instrument', 'iR']);

/** The spellings of the three cell types, compared without case, spaces and hyphens. */
const CELL_TYPES: Record<string, CellType> = {
  h: 'H-cell', hcell: 'H-cell', htype: 'H-cell', htypecell: 'H-cell',
  flow: 'flow cell', flowcell: 'flow cell',
  mea: 'MEA', zerogap: 'MEA', membraneelectrodeassembly: 'MEA',
};
export const CELL_TYPE_NAMES = ['H-cell', 'flow cell', 'MEA'];

function cellTypeOf(text: string): CellType | undefined {
  return CELL_TYPES[text.toLowerCase().replace(/[\s-]+/g, '')];
}

export function readCell(header: Line, ctx: BuildContext, name: Word | undefined): CellBlock {
  const block = header.block!;
  const node: CellBlock = { kind: 'cell', name, span: header.span, bodySpan: block.span };
  const seen = new Set<string>();
  for (const line of block.lines) {
    if (line.rule !== 'statement') continue;
    const key = headText(line).toLowerCase();
    const field = key === 'electrolyte' ? 'catholyte' : key === 'ir' ? 'iR' : key;
    if (CELL_FIELDS.has(field) && ctx.repeated(seen, field, line, 'this cell')) continue;
    const cursor = cursorAfterHead(line);
    switch (key) {
      case 'membrane':
        node.membrane = textValue(cursor);
        break;
      case 'working':
        node.working = cursor.nameWord();
        if (!node.working) ctx.error(SyntaxCodes.missingName, 'expected the name of an electrode block, as in `working wAu28Cu12`', cursor.here());
        else if (cursor.accept('in')) {
          // `working wIrO2 in anolyte`: which compartment of a two-compartment cell holds it.
          const compartment = cursor.nameWord();
          if (compartment && /^(catholyte|anolyte|electrolyte)$/i.test(compartment.text)) node.workingIn = compartment;
          else ctx.error(SyntaxCodes.grammar, 'expected the compartment the working electrode sits in: `in catholyte` or `in anolyte`', compartment?.span ?? cursor.here());
        }
        break;
      case 'reference':
        node.reference = readReference(line, ctx);
        continue;
      case 'counter':
        node.counter = cursor.nameWord();
        break;
      case 'catholyte':
      case 'anolyte':
      case 'electrolyte': {
        const electrolyte = cursor.nameWord();
        if (!electrolyte) {
          ctx.error(SyntaxCodes.missingName, `expected the name of an electrolyte block, as in \`${key} nitrate 30 mL\``, cursor.here());
          break;
        }
        const volume = cursor.quantity('cellElectrolyteVolume');
        const flow = cursor.accept('at') ? expectQuantity(ctx, cursor, 'electrolyteFlowRate', '10 mL/min') : undefined;
        const value = { electrolyte, volume, flow, span: line.span };
        if (key === 'anolyte') node.anolyte = value;
        else if (key === 'electrolyte') node.electrolyte = value;
        else node.catholyte = value;
        break;
      }
      case 'stir':
        node.stir = expectQuantity(ctx, cursor, 'stirRate', '600 rpm');
        break;
      case 'purge':
        node.purge = readPurge(cursor, ctx, line.span);
        break;
      case 'type': {
        // `type flow cell`, `type H-cell`, `type MEA`
        const words = cursor.wordsToComma();
        if (words.length === 0) {
          ctx.error(SyntaxCodes.missingName, 'expected the type of the cell: `type H-cell`, `type flow cell` or `type MEA`', cursor.here());
          break;
        }
        const text = words.map((w) => w.text).join(' ');
        node.type = { text, kind: cellTypeOf(text), span: spanOfWords(words)! };
        break;
      }
      case 'feed': {
        // `feed CO2 20 mL/min`: the gas through the GDE.
        const gas = cursor.nameWord();
        if (!gas) {
          ctx.error(SyntaxCodes.missingName, 'expected the gas fed through the gas-diffusion electrode and its flow, as in `feed CO2 20 mL/min`', cursor.here());
          break;
        }
        cursor.accept('at');
        node.feed = { gas, flow: expectQuantity(ctx, cursor, 'gasFeedFlow', '20 mL/min'), span: line.span };
        break;
      }
      case 'liquid': {
        // `liquid products 10 mL`
        if (!cursor.accept('products')) {
          ctx.error(SyntaxCodes.grammar, 'expected `liquid products` and the volume that collects them, as in `liquid products 10 mL`', cursor.here());
          break;
        }
        cursor.accept('in');
        node.liquidProducts = { volume: expectQuantity(ctx, cursor, 'liquidProductVolume', '10 mL'), span: line.span };
        break;
      }
      case 'instrument':
        node.instrument = textValue(cursor);
        break;
      case 'ir': {
        // `iR 85 % of 5 ohm`, `iR 100 %` (resistance from EIS), `iR 85 % by instrument`,
        // `iR 100 % of 5 ohm, 85 % by instrument`.
        const fraction = expectQuantity(ctx, cursor, 'iRFraction', '85 %');
        const resistance = cursor.accept('of') ? expectQuantity(ctx, cursor, 'iRResistance', '5 ohm') : undefined;
        let instrument: typeof fraction;
        if (cursor.accept('by')) {
          instrument = fraction;
          if (!cursor.accept('instrument')) ctx.error(SyntaxCodes.grammar, 'expected `by instrument`: the potentiostat compensated this fraction while recording', cursor.here());
        } else if (cursor.acceptPunct(',')) {
          instrument = expectQuantity(ctx, cursor, 'iRFraction', '85 %');
          if (!cursor.accept('by') || !cursor.accept('instrument')) ctx.error(SyntaxCodes.grammar, 'expected `by instrument` after the fraction the potentiostat compensated, as in `iR 100 % of 5 ohm, 85 % by instrument`', cursor.here());
        }
        node.iR = { fraction, resistance, instrument, span: line.span };
        break;
      }
      default:
        unknownLine(ctx, line, 'a cell', ['membrane', 'working', 'reference', 'counter', 'catholyte', 'anolyte', 'electrolyte', 'stir', 'purge', 'instrument', 'iR', 'type', 'feed', 'liquid products 10 mL']);
        continue;
    }
    ctx.leftover(cursor, `the ${key} line`);
  }
  return node;
}

export function readRun(header: Line, ctx: BuildContext): RunBlock {
  const block = header.block!;
  const cursor = cursorAfterHead(header);
  let cell: Word | undefined;
  if (cursor.accept('in')) cell = cursor.nameWord();
  if (!cell) ctx.error(SyntaxCodes.missingName, 'expected the cell the run uses, as in `run in H {`', cursor.here());
  const node: RunBlock = { kind: 'run', cell, techniques: [], span: header.span, bodySpan: block.span };
  for (const line of block.lines) {
    if (line.rule !== 'statement') continue;
    const technique = readTechnique(line, ctx);
    if (technique) node.techniques.push(technique);
  }
  return node;
}

/** Words that open a clause of a technique line after a comma (`onset at …`, `tafel from … to …`). */
export const TECHNIQUE_CLAUSES = ['data', 'onset', 'overpotential', 'tafel', 'mass', 'TOF', 'koutecky-levich', 'KL', 'reaction', 'equilibrium', 'amplitude', 'window'];
const KOUTECKY_LEVICH = new Set(['koutecky-levich', 'koutecký-levich', 'kl', 'k-l']);
const CLAUSE_WORDS = new Set([...TECHNIQUE_CLAUSES.map((w) => w.toLowerCase()), ...KOUTECKY_LEVICH]);

/** What a quantity after `at` sets on a technique line, by its unit: a current set-point, a rotation rate, a scan rate or a potential. */
function atKind(unitText: string | undefined): 'current' | 'rotation' | 'rate' | 'potential' {
  if (!unitText) return 'potential';
  if (unitText.toLowerCase() === 'rpm') return 'rotation';
  const u = parseUnit(unitText);
  if ('unit' in u && (sameDimension(u.unit.dimension, SLOTS.current.dimension) || sameDimension(u.unit.dimension, SLOTS.currentDensity.dimension))) return 'current';
  return unitText.includes('/') ? 'rate' : 'potential';
}

/** `at 1.55 V vs RHE` or `at 300 mV overpotential`, after `mass activity` or `TOF`. */
function readMeritPoint(cursor: LineCursor, ctx: BuildContext, head: Word): MeritPoint | undefined {
  if (!cursor.accept('at')) {
    ctx.error(SyntaxCodes.expectedQuantity, `expected \`at\` and a potential after \`${head.text}\`, as in \`${head.text} at 1.55 V vs RHE\` or \`${head.text} at 300 mV overpotential\``, cursor.here());
    return undefined;
  }
  const at = cursor.potential('meritPotential');
  if (!at) {
    ctx.error(SyntaxCodes.expectedPotential, `expected a potential, as in \`${head.text} at 1.55 V vs RHE\` or \`${head.text} at 300 mV overpotential\``, cursor.here());
    return undefined;
  }
  const overpotential = cursor.accept('overpotential');
  return { at, overpotential, span: { start: head.span.start, end: (overpotential ?? at).span.end } };
}

function readTechnique(line: Line, ctx: BuildContext): TechniqueLine | undefined {
  const head = line.elements[0]!;
  if (head.kind !== 'word' || !(TECHNIQUES as readonly string[]).includes(head.text.toUpperCase())) {
    ctx.error(SyntaxCodes.unknownTechnique, `\`${headText(line)}\` is not a technique; a run line starts with ${TECHNIQUES.join(', ')}`, head.span);
    return undefined;
  }
  const cursor = cursorAfterHead(line);
  const node: TechniqueLine = { kind: 'technique', technique: head.word, span: line.span };
  const technique = head.word.text.toUpperCase();
  if (!(cursor.isWord() && CLAUSE_WORDS.has((cursor.peek() as WordElement).text.toLowerCase()))) node.label = cursor.nameWord();
  while (!cursor.done) {
    if (cursor.acceptPunct(',')) continue;
    const k = cursor.isWord() ? (cursor.peek() as WordElement).text.toLowerCase() : '';
    if (k === 'from' || k === 'to') {
      cursor.next();
      const p = cursor.potential(technique === 'EIS' ? 'eisFrequency' : 'sweepLimit');
      if (!p) ctx.error(SyntaxCodes.expectedQuantity, `expected a potential or frequency after \`${k}\`, such as \`-0.15 V\``, cursor.here());
      if (k === 'from') node.from = p;
      else node.to = p;
    } else if (k === 'at') {
      cursor.next();
      if (cursor.isWord('OCP')) {
        node.atOCP = cursor.word();
        continue;
      }
      // A sweep's `at` (without a scale) is its scan rate or rotation rate: `at 50 mV` lost its `/s`;
      // other techniques' `at` is a potential, a current set-point or a rotation rate.
      const p = cursor.potential(SWEEPS.includes(technique) ? 'sweepAt' : 'techniqueAt');
      if (!p) {
        ctx.error(SyntaxCodes.expectedQuantity, 'expected potentials, currents, scan rates or rotation rates after `at`, such as `-0.8 V vs RHE`, `10 mA/cm2`, `50 mV/s` or `1600 rpm`', cursor.here());
        continue;
      }
      if (p.scale) p.quantity.place = 'techniqueAt';
      const kind = atKind(p.quantity.unit?.text);
      if (kind === 'rotation') node.rotation = p.quantity;
      else if (kind === 'current') node.setCurrents = p.quantity;
      else if (kind === 'rate' || p.quantity.place === 'sweepAt') node.rates = p.quantity;
      else node.at = p;
    } else if (k === 'for') {
      cursor.next();
      node.duration = expectQuantity(ctx, cursor, 'techniqueDuration', '2 h');
      node.durationEach = cursor.accept('each');
    } else if (k === 'data') {
      cursor.next();
      node.data = cursor.string();
      if (!node.data) ctx.error(SyntaxCodes.expectedText, 'expected the data file in quotes, as in `data "data/lsv.txt"`', cursor.here());
    } else if (k === 'onset') {
      cursor.next();
      cursor.accept('at');
      node.onset = expectQuantity(ctx, cursor, 'onset', '10 mA/cm2');
    } else if (k === 'overpotential') {
      cursor.next();
      cursor.accept('at');
      node.overpotential = expectQuantity(ctx, cursor, 'overpotentialCriterion', '10 mA/cm2');
    } else if (k === 'tafel') {
      const word = cursor.word()!;
      const from = cursor.accept('from') ? cursor.potential('tafelLimit') : undefined;
      const to = from && cursor.accept('to') ? cursor.potential('tafelLimit') : undefined;
      if (!from || !to) {
        ctx.error(SyntaxCodes.expectedQuantity, 'expected the range of the Tafel fit, as in `tafel from 1 to 10 mA/cm2` or `tafel from 1.50 to 1.60 V vs RHE`', cursor.here());
        continue;
      }
      // `from 1 to 10 mA/cm2`: the first end takes the unit of the second.
      const start: Potential = from.quantity.unit ? from : { ...from, quantity: { ...from.quantity, unit: to.quantity.unit } };
      node.tafel = { from: start, to, span: { start: word.span.start, end: to.span.end } };
    } else if (k === 'mass' && cursor.isWord('activity', 1)) {
      const word = cursor.word()!;
      const activity = cursor.word()!;
      const point = readMeritPoint(cursor, ctx, { text: 'mass activity', span: { start: word.span.start, end: activity.span.end } });
      if (point) node.massActivity = point;
    } else if (k === 'tof') {
      const point = readMeritPoint(cursor, ctx, cursor.word()!);
      if (point) node.tof = point;
    } else if (KOUTECKY_LEVICH.has(k)) {
      const word = cursor.word()!;
      const at = cursor.accept('at') ? cursor.potential('kouteckyLevichPotential') : undefined;
      if (!at) {
        ctx.error(SyntaxCodes.expectedPotential, `expected the potentials to analyse, as in \`${word.text} at 0.3, 0.4, 0.5 V vs RHE\``, cursor.here());
        continue;
      }
      node.kouteckyLevich = { at, span: { start: word.span.start, end: at.span.end } };
    } else if (k === 'reaction') {
      cursor.next();
      node.reaction = cursor.nameWord();
      if (!node.reaction) ctx.error(SyntaxCodes.missingName, 'expected the name of a reaction, as in `reaction O2`', cursor.here());
    } else if (k === 'equilibrium') {
      cursor.next();
      cursor.accept('at');
      const p = cursor.potential('equilibriumPotential');
      if (!p?.scale) ctx.error(SyntaxCodes.expectedPotential, 'expected the equilibrium potential with its scale, as in `equilibrium 1.23 V vs RHE`', p?.span ?? cursor.here());
      else node.equilibrium = p;
    } else if (k === 'amplitude') {
      cursor.next();
      node.amplitude = expectQuantity(ctx, cursor, 'eisAmplitude', '10 mV');
    } else if (k === 'window') {
      cursor.next();
      node.window = expectQuantity(ctx, cursor, 'stabilityWindow', '10 min');
    } else if (cursor.isNumber()) {
      const q = cursor.quantity('techniqueCurrent', { bare: true })!;
      if (cursor.accept('cycles') || cursor.accept('cycle')) node.cycles = q.values[0];
      else {
        // A number after the technique without a keyword is the current it runs at (`CP -10 mA`);
        // the quantities pass reports anything else written there.
        const unit = cursor.nameWord();
        node.current = { ...q, unit, span: { start: q.span.start, end: unit?.span.end ?? q.span.end } };
      }
    } else {
      const rest = cursor.next()!;
      ctx.warning(SyntaxCodes.extraWords, `\`${ctx.text(rest.span)}\` is not part of the ${head.word.text} line and has no effect; delete it or move it into a comment`, rest.span);
    }
  }
  return node;
}

export function readCalibration(header: Line, ctx: BuildContext, name: Word | undefined): CalibrationBlock {
  const block = header.block!;
  const node: CalibrationBlock = { kind: 'calibration', name, span: header.span, bodySpan: block.span };
  const seen = new Set<string>();
  for (const line of block.lines) {
    if (line.rule === 'standardsTable') {
      const s = line.standards!;
      if (!s.unit || !s.reading) continue;
      if (ctx.repeated(seen, 'standards', line, 'this calibration')) continue;
      node.standards = { unit: s.unit, reading: s.reading, rows: s.rows, span: line.span };
      continue;
    }
    if (line.rule !== 'statement') continue;
    const key = headText(line).toLowerCase();
    const cursor = cursorAfterHead(line);
    if ((key === 'analyte' || key === 'method' || key === 'dilute') && ctx.repeated(seen, key, line, 'this calibration')) continue;
    if (key === 'analyte') {
      node.analyte = cursor.nameWord();
      if (!node.analyte) ctx.error(SyntaxCodes.missingName, 'expected the analyte with its basis, such as `NH3-N`', cursor.here());
    } else if (key === 'method') {
      const methodName = methodNameOf(cursor, ctx);
      if (!methodName) {
        ctx.error(SyntaxCodes.missingName, 'expected the method name, as in `method Nessler at 420 nm`', cursor.here());
        continue;
      }
      const method: NonNullable<CalibrationBlock['method']> = { name: methodName, span: line.span };
      if (cursor.accept('at')) method.wavelength = expectQuantity(ctx, cursor, 'methodWavelength', '420 nm');
      cursor.acceptPunct(',');
      if (cursor.accept('read')) {
        cursor.accept('after');
        method.readAfter = expectQuantity(ctx, cursor, 'readAfter', '10 min');
      }
      node.method = method;
    } else if (key === 'dilute') {
      const from = expectQuantity(ctx, cursor, 'dilutionVolume', '5 µL');
      if (!cursor.accept('to')) ctx.error(SyntaxCodes.grammar, 'expected `to` and the final volume, as in `dilute 5 µL to 5 mL`', cursor.here());
      const to = expectQuantity(ctx, cursor, 'dilutionVolume', '5 mL');
      if (from && to) node.dilute = { from, to, span: line.span };
    } else if (key === 'standards') {
      ctx.error(SyntaxCodes.grammar, 'write the standards as `standards mg/L -> absorbance { 0.0 -> 0.012; 0.2 -> 0.061 }`', line.span);
      continue;
    } else if (key === 'gas') {
      node.gas = cursor.nameWord();
      if (!node.gas) ctx.error(SyntaxCodes.missingName, 'expected the gas the standards are of, as in `gas H2`', cursor.here());
    } else if (key === 'response') {
      // `response factor 0.0652 ppm per area`
      cursor.accept('factor');
      const value = expectQuantity(ctx, cursor, 'responseFactor', '0.0652 ppm');
      const response = cursor.accept('per') ? cursor.nameWord() : undefined;
      if (value) node.responseFactor = { value, response, span: line.span };
    } else if (key === 'internal') {
      const standard = readInternalStandard(cursor, ctx, line.span);
      if (!standard) continue;
      node.internalStandard = standard;
    } else if (key === 'window') {
      const window = readWindow(cursor, ctx, line.span);
      if (!window) continue;
      node.window = window;
    } else {
      unknownLine(ctx, line, 'a calibration', ['analyte', 'gas', 'method', 'dilute', 'standards', 'response factor', 'internal standard', 'window']);
      continue;
    }
    ctx.leftover(cursor, `the ${key} line`);
  }
  return node;
}

/**
 * `window 6.59 to 6.95 min on channel 2`: the retention times between which a GC trace is integrated,
 * the first taking the unit of the second, and the detector channel (its name as the file writes it).
 */
function readWindow(cursor: LineCursor, ctx: BuildContext, span: Span): NonNullable<CalibrationBlock['window']> | undefined {
  const from = expectQuantity(ctx, cursor, 'gcWindow', '6.59 min');
  if (!from) return undefined;
  if (!cursor.accept('to')) {
    ctx.error(SyntaxCodes.grammar, 'expected `to` and the end of the window, as in `window 6.59 to 6.95 min on channel 2`', cursor.here());
    return undefined;
  }
  const to = expectQuantity(ctx, cursor, 'gcWindow', '6.95 min');
  if (!to) return undefined;
  const window: NonNullable<CalibrationBlock['window']> = { from: from.unit ? from : { ...from, unit: to.unit }, to, span };
  if (cursor.accept('on')) {
    const rest = cursor.rest();
    if (rest.length === 0) ctx.error(SyntaxCodes.missingName, 'expected the detector channel after `on`, as in `on channel 2`', cursor.here());
    else {
      const channel = { start: rest[0]!.span.start, end: rest[rest.length - 1]!.span.end };
      window.channel = { text: ctx.text(channel), span: channel };
      while (!cursor.done) cursor.next();
    }
  }
  return window;
}

/** `method 1H NMR, …`, `method Nessler at 420 nm`: the words (and a number-led `1H`) before `at`, `read` or a comma. */
function methodNameOf(cursor: LineCursor, ctx: BuildContext): Word | undefined {
  let span: Span | undefined;
  while (!cursor.done && !cursor.isPunct(',') && !cursor.isWord('at') && !cursor.isWord('read')) {
    const e = cursor.peek()!;
    if (e.kind !== 'word' && e.kind !== 'numbers') break;
    cursor.next();
    span = { start: span?.start ?? e.span.start, end: e.span.end };
  }
  return span && { text: ctx.text(span), span };
}

/** `(6 H)` or `(6H)`: the protons under an integrated peak. */
function protonGroup(cursor: LineCursor): ProtonCount | undefined {
  const e = cursor.peek();
  if (e?.kind !== 'group') return undefined;
  const m = /^\(\s*(\d+)\s*H\s*\)$/.exec(e.text);
  if (!m) return undefined;
  cursor.next();
  return { count: Number(m[1]), span: e.span };
}

/** `internal standard DMSO 10 mM (6 H)`, `internal standard maleic acid 5 mM, 2 H`. */
function readInternalStandard(cursor: LineCursor, ctx: BuildContext, span: Span): NonNullable<CalibrationBlock['internalStandard']> | undefined {
  cursor.accept('standard');
  const words: Word[] = [];
  for (let w = cursor.nameWord(); w; w = cursor.nameWord()) words.push(w);
  const speciesSpan = spanOfWords(words);
  if (!speciesSpan) {
    ctx.error(SyntaxCodes.missingName, 'expected the internal standard and its concentration in the tube, as in `internal standard DMSO 10 mM (6 H)`', cursor.here());
    return undefined;
  }
  const standard: NonNullable<CalibrationBlock['internalStandard']> = { species: { text: words.map((w) => w.text).join(' '), span: speciesSpan }, span };
  standard.concentration = expectQuantity(ctx, cursor, 'internalStandardConcentration', '10 mM');
  standard.protons = protonGroup(cursor);
  if (!standard.protons && cursor.isPunct(',') && cursor.isNumber(1) && cursor.isWord('H', 2)) {
    // `, 6 H`
    cursor.next();
    const n = cursor.number()!;
    const h = cursor.next()!;
    standard.protons = { count: n.value, span: { start: n.span.start, end: h.span.end } };
  }
  return standard;
}

/** A unit of current density or current: a result's constant-current set-point (`at 200 mA/cm2`). */
function isCurrentSetPoint(unitText: string | undefined): boolean {
  if (!unitText) return false;
  const u = parseUnit(unitText);
  return 'unit' in u && (sameDimension(u.unit.dimension, SLOTS.currentDensity.dimension) || sameDimension(u.unit.dimension, SLOTS.current.dimension));
}

interface Conditions { name?: Word; potential?: Potential; cellVoltage?: Quantity; cellVoltageScale?: Span; setCurrent?: Quantity; duration?: Quantity; cell?: Word }

/**
 * `result X at -0.8 V vs RHE for 2 h [in H]`, `plan X at …`: the header's potential, duration and cell.
 * A result may instead be at a cell voltage (`at 3.2 V cell voltage`, an MEA or two-electrode cell)
 * or at a constant current density (`at 200 mA/cm2`).
 */
function readConditions(header: Line, ctx: BuildContext, what: 'result' | 'plan'): Conditions {
  const cursor = cursorAfterHead(header);
  const name = cursor.nameWord();
  if (!name) ctx.error(SyntaxCodes.missingName, `expected the name of the ${what} (usually the catalyst), as in \`${what} Au28Cu12 at -0.8 V vs RHE for 2 h {\``, cursor.here());
  const out: Conditions = { name };
  while (!cursor.done) {
    if (cursor.accept('at')) {
      // The unit says which: a current density or current is a constant-current set-point; a voltage
      // followed by `cell voltage` is between the two electrodes; anything else is read as a potential.
      const potential = cursor.potential(what === 'result' ? 'resultAt' : 'conditionPotential');
      if (what === 'result' && potential && isCurrentSetPoint(potential.quantity.unit?.text)) {
        out.setCurrent = potential.quantity;
        if (potential.scale) ctx.error(SyntaxCodes.expectedPotential, `a current density or current is on no potential scale: drop \`${ctx.text(potential.scale.span)}\`, or write the potential the result was run at (\`at -0.8 V vs RHE\`)`, potential.scale.span);
        continue;
      }
      if (what === 'result' && potential && cursor.isWord('cell') && cursor.isWord('voltage', 1)) {
        cursor.next();
        const voltage = cursor.next()!;
        out.cellVoltage = potential.quantity;
        // Kept for the analysis to say that a cell voltage is on no scale (FD0565).
        if (potential.scale) out.cellVoltageScale = { start: potential.scale.span.start, end: voltage.span.end };
        continue;
      }
      out.potential = potential;
      if (!potential?.scale) ctx.error(SyntaxCodes.expectedPotential, what === 'result' ? 'expected a potential with its scale after `at`, such as `-0.8 V vs RHE`, a cell voltage (`3.2 V cell voltage`) or a current density (`200 mA/cm2`)' : 'expected a potential with its scale after `at`, such as `-0.8 V vs RHE`', potential?.span ?? cursor.here());
    } else if (cursor.accept('for')) {
      out.duration = expectQuantity(ctx, cursor, 'conditionDuration', '2 h');
    } else if (cursor.accept('in')) {
      out.cell = cursor.nameWord();
      if (!out.cell) ctx.error(SyntaxCodes.missingName, `expected the cell after \`in\`, as in \`${what} Au28Cu12 at -0.8 V vs RHE for 2 h in H {\``, cursor.here());
    } else {
      ctx.leftover(cursor, `the ${what} header`);
      break;
    }
  }
  if (!out.potential && !out.cellVoltage && !out.setCurrent) ctx.error(SyntaxCodes.expectedPotential, what === 'result' ? 'a result needs the potential it was run at: add `at -0.8 V vs RHE`, or for an MEA or two-electrode cell the cell voltage (`at 3.2 V cell voltage`) or the current density (`at 200 mA/cm2`)' : `a ${what} needs the potential it was run at: add \`at -0.8 V vs RHE\``, name?.span ?? header.elements[0]!.span);
  return out;
}

export function readResult(header: Line, ctx: BuildContext): ResultBlock {
  const block = header.block!;
  const { name, potential, cellVoltage, cellVoltageScale, setCurrent, duration, cell } = readConditions(header, ctx, 'result');
  const node: ResultBlock = { kind: 'result', name, potential, cellVoltage, cellVoltageScale, setCurrent, duration, cell, readings: [], yieldUnits: [], span: header.span, bodySpan: block.span };
  const seen = new Set<string>();
  for (const line of block.lines) {
    if (line.rule !== 'statement') continue;
    const key = headText(line).toLowerCase();
    const cursor = cursorAfterHead(line);
    const field = key === 'double' ? 'double layer' : key === 'specific' ? 'specific capacitance' : key;
    if (['charge', 'current', 'data', 'double layer', 'specific capacitance', 'yield'].includes(field) && (field !== 'charge' && field !== 'current' || cursor.isNumber()) && ctx.repeated(seen, field, line, 'this result')) continue;
    if (key === 'charge' && cursor.isNumber()) {
      node.charge = cursor.quantity('resultCharge');
    } else if (key === 'current' && cursor.isNumber()) {
      node.current = cursor.quantity('resultCurrent');
    } else if (key === 'data') {
      node.data = cursor.string();
      if (!node.data) ctx.error(SyntaxCodes.expectedText, 'expected the data file in quotes, as in `data "data/it-0.8.txt"`', cursor.here());
    } else if (key === 'double') {
      cursor.accept('layer');
      const rates = expectQuantity(ctx, cursor, 'doubleLayerRates', '20, 60, 100 mV/s');
      if (!cursor.acceptPunct('->')) ctx.error(SyntaxCodes.grammar, 'expected `->` between the scan rates and the current differences, as in `double layer 20, 60 mV/s -> 0.1, 0.3 mA/cm2`', cursor.here());
      const currents = expectQuantity(ctx, cursor, 'doubleLayerCurrents', '0.1, 0.3 mA/cm2');
      if (rates && currents) node.doubleLayer = { rates, currents, span: line.span };
    } else if (key === 'specific') {
      cursor.accept('capacitance');
      node.specificCapacitance = expectQuantity(ctx, cursor, 'specificCapacitance', '0.035 mF/cm2');
    } else if (key === 'yield') {
      cursor.accept('in');
      while (!cursor.done) {
        const w = cursor.nameWord();
        if (w) node.yieldUnits.push(w);
        else if (!cursor.acceptPunct(',')) break;
      }
    } else {
      node.readings.push(...readReadings(line, ctx));
      continue;
    }
    ctx.leftover(cursor, `the ${key} line`);
  }
  return node;
}

/** `by nessler`, `by ion chromatography`: a calibration's name, or a method named in several words. */
function methodWords(cursor: LineCursor): Word | undefined {
  const words: Word[] = [];
  for (let w = cursor.nameWord(); w; w = cursor.nameWord()) words.push(w);
  const span = spanOfWords(words);
  return span && { text: words.map((w) => w.text).join(' '), span };
}

/** One product's part of a reading line, before the line says whether its values are written or read from GC files. */
/** `H2 300 ppm by GC`: a volume fraction read by a gas chromatograph, with or without its flow. */
function isGcFraction(p: ReadingPart): boolean {
  return !!p.method && /^GC\b/i.test(p.method.text) && ['ppm', 'ppb', '%'].includes(p.value?.unit?.text ?? '');
}

interface ReadingPart {
  analyte: Word;
  readingKind?: Word;
  value?: Quantity;
  /** Where the value was expected, when none was written. */
  missingValueAt?: Span;
  standardIntegral?: ResultReading['standardIntegral'];
  protons?: ProtonCount;
  method?: Word;
  span: Span;
}

/**
 * A reading line: one product, or several separated by commas (`H2 300 ppm, CO 120 ppm by GC
 * at 18 mL/min`). Each product may name its own method (`H2 area 15200 by tcd-H2, CO area 4100
 * by fid-CO at 18 mL/min`); one that names none takes the method of the last product, and the
 * carrier flow after `at` belongs to every product of the line. With `data "…"` the products
 * carry no values: they are read from the GC files it names (`H2, CO by GC data "gc/run-{n}.fusion-data" at 20 mL/min`).
 */
function readReadings(line: Line, ctx: BuildContext): (ResultReading | GcFileReading)[] {
  const cursor = new LineCursor(line.elements);
  const parts: ReadingPart[] = [];
  let flow: Quantity | undefined;
  let data: StringLit | undefined;
  for (;;) {
    const part = readOneReading(cursor, line, ctx, parts.length === 0);
    if (!part) break;
    parts.push(part);
    // `data "…"` and `at <flow>`, in either order, after the last product.
    for (;;) {
      if (cursor.accept('data')) {
        data = cursor.string();
        if (!data) ctx.error(SyntaxCodes.expectedText, 'expected the GC files in quotes, as in `data "gc/run-{n}.fusion-data"`', cursor.here());
      } else if (cursor.accept('at')) {
        flow = expectQuantity(ctx, cursor, 'carrierFlow', '18 mL/min');
        if (!part.method && cursor.accept('by')) part.method = methodWords(cursor);
      } else break;
      part.span = { start: part.span.start, end: cursor.peek(-1)!.span.end };
    }
    // A comma followed by a name starts the next product.
    if (cursor.isPunct(',') && cursor.isWord(undefined, 1)) {
      cursor.next();
      continue;
    }
    break;
  }
  if (parts.length === 0) return [];
  ctx.leftover(cursor, 'the reading');
  const last = parts[parts.length - 1]!;
  for (const p of parts) p.method ??= last.method;
  // A line of one product spans the line, as it always did.
  if (parts.length === 1) last.span = line.span;
  if (data) {
    const file = data;
    return parts.map((p): GcFileReading => ({ analyte: p.analyte, method: p.method, data: file, flow, span: p.span, strayValue: p.value?.span }));
  }
  const readings: ResultReading[] = [];
  for (const p of parts) {
    if (!p.value) {
      ctx.error(SyntaxCodes.expectedQuantity, `expected the reading of ${p.analyte.text}, as in \`${p.analyte.text} absorbance 0.099 by nessler\`, or the GC files it is read from, as in \`${p.analyte.text} by GC data "gc/run-{n}.fusion-data" at 20 mL/min\``, p.missingValueAt ?? p.analyte.span);
      continue;
    }
    const r: ResultReading = { analyte: p.analyte, readingKind: p.readingKind, value: p.value, method: p.method, span: p.span };
    if (p.standardIntegral) r.standardIntegral = p.standardIntegral;
    if (p.protons) r.protons = p.protons;
    if (flow) r.flow = flow;
    // With a carrier flow the reading is a gas's: a volume fraction, or a response through a gas calibration.
    // So is a volume fraction `by GC` without one: it takes the cell's gas flow (feed or purge).
    if (flow || isGcFraction(p)) r.value.place = 'gasReading';
    readings.push(r);
  }
  return readings;
}

/** `NH3-N absorbance 0.099 by nessler`, `CH3OH integral 1.3 vs 1.0 (3 H) by qnmr`, `CO by fid-CO`: one product's part of a line. */
function readOneReading(cursor: LineCursor, line: Line, ctx: BuildContext, first: boolean): ReadingPart | undefined {
  const analyte = cursor.nameWord();
  if (!analyte) {
    if (first) ctx.error(SyntaxCodes.unknownStatement, `\`${headText(line)}\` is not a statement of a result; expected \`charge\`, \`current\`, \`data\`, \`yield\` or a reading such as \`NH3-N absorbance 0.099 by nessler\``, line.elements[0]!.span);
    else ctx.error(SyntaxCodes.missingName, 'expected the next product after the comma, as in `H2 300 ppm, CO 120 ppm by GC at 18 mL/min`', cursor.here());
    return undefined;
  }
  const readingKind = cursor.isWord() && !cursor.isWord('by') ? cursor.nameWord() : undefined;
  const part: ReadingPart = { analyte, readingKind, span: analyte.span };
  if (cursor.isNumber()) {
    const q = cursor.quantity('dissolvedReading', { bare: true })!;
    const unit = cursor.isWord('by') ? undefined : cursor.nameWord();
    part.value = { ...q, unit, span: { start: q.span.start, end: unit?.span.end ?? q.span.end } };
    if (cursor.isWord('vs') && cursor.isNumber(1)) {
      cursor.next();
      part.standardIntegral = cursor.number();
    }
    part.protons = protonGroup(cursor);
  } else part.missingValueAt = cursor.here();
  if (cursor.accept('by')) part.method = methodWords(cursor);
  part.span = { start: analyte.span.start, end: cursor.peek(-1)!.span.end };
  return part;
}

export function readPlan(header: Line, ctx: BuildContext): PlanBlock {
  const block = header.block!;
  const { name, potential, duration, cell } = readConditions(header, ctx, 'plan');
  const node: PlanBlock = { kind: 'plan', name, potential, duration, cell, expectedFE: [], span: header.span, bodySpan: block.span };
  for (const line of block.lines) {
    if (line.rule !== 'statement') continue;
    const cursor = cursorAfterHead(line);
    if (headText(line).toLowerCase() !== 'expect') {
      unknownLine(ctx, line, 'a plan', ['expect current density …', 'expect current …', 'expect FE …']);
      continue;
    }
    if (cursor.accept('current')) {
      if (cursor.accept('density')) node.currentDensity = expectQuantity(ctx, cursor, 'plannedCurrentDensity', '-500 mA/cm2');
      else node.current = expectQuantity(ctx, cursor, 'plannedCurrent', '-50 mA');
    } else if (cursor.accept('FE')) {
      const product = cursor.nameWord();
      const value = expectQuantity(ctx, cursor, 'expectedFE', '95 %');
      let calibration: Word | undefined;
      if (cursor.accept('by')) {
        calibration = cursor.nameWord();
        if (!calibration) ctx.error(SyntaxCodes.missingName, 'expected the calibration after `by`, as in `expect FE NH3 95 % by nessler`', cursor.here());
      }
      if (!product) ctx.error(SyntaxCodes.missingName, 'expected the product, as in `expect FE NH3 95 %`', cursor.here());
      else if (value) node.expectedFE.push({ product, value, calibration, span: line.span });
    } else {
      ctx.error(SyntaxCodes.unknownStatement, 'expected `current density`, `current` or `FE` after `expect`', cursor.here());
      continue;
    }
    ctx.leftover(cursor, 'the expectation');
  }
  return node;
}
