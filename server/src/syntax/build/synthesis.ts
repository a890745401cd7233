// Reads synthesis blocks: `product`, `basis` and steps written as lab prose.
import type { Line } from '../lines';
import { LineCursor } from '../line-cursor';
import type { Amount, BasisStmt, ProductStmt, Step, SynthesisBlock, Word } from '../ast';
import { SyntaxCodes } from '../codes';
import { BuildContext, headText } from './context';
import { parseUnit } from '../../units/parse-unit';

/** Verbs a step may start with. Unknown verbs are reported, with this list. */
export const STEP_VERBS = [
  'add', 'dissolve', 'use', 'mix', 'stir', 'wait', 'react', 'heat', 'cool', 'reflux', 'age',
  'purify', 'crystallize', 'crystallise', 'recrystallize', 'wash', 'extract', 'centrifuge', 'filter',
  'dry', 'evaporate', 'concentrate', 'sonicate', 'purge', 'degas', 'precipitate', 'collect', 'store',
  'dilute', 'transfer', 'redissolve', 'quench', 'separate', 'anneal', 'measure',
] as const;

const TIME_UNITS = new Set(['s', 'sec', 'min', 'h', 'hr', 'hrs', 'hour', 'hours', 'd', 'day', 'days', 'ms', 'week', 'weeks']);
const TEMPERATURE_UNITS = new Set(['°C', 'degC', '℃', 'K', '°F']);
const DURATION_WORDS = new Set(['overnight']);
/** Verbs whose bare `<number> <species>` is an amount that lost its unit, not a note. */
const AMOUNT_VERBS = new Set(['add', 'dissolve', 'use', 'mix']);

function isTime(unit: Word | undefined): boolean {
  return unit !== undefined && TIME_UNITS.has(unit.text);
}

function isTemperature(unit: Word | undefined): boolean {
  return unit !== undefined && TEMPERATURE_UNITS.has(unit.text);
}

type Mode = 'main' | 'solvent' | 'with' | 'notes';

export function readStep(line: Line, ctx: BuildContext): Step {
  const cursor = new LineCursor(line.elements);
  const verbElement = cursor.next()!;
  const verb: Word = verbElement.kind === 'word' ? verbElement.word : { text: ctx.text(verbElement.span), span: verbElement.span };
  const step: Step = { kind: 'step', verb, manner: [], amounts: [], solvents: [], solventNames: [], notes: [], span: line.span };

  // Manner words come right after the verb: `add dropwise`, `stir vigorously`.
  while (cursor.isWord() && !isKeywordAhead(cursor)) {
    const w = cursor.nameWord();
    if (!w) break;
    if (DURATION_WORDS.has(w.text.toLowerCase())) (step.durationWords ??= []).push(w);
    else step.manner.push(w);
  }

  let mode: Mode = 'main';
  while (!cursor.done) {
    if (cursor.acceptPunct(',')) {
      mode = mode === 'with' && cursor.isWord() && !isKeywordAhead(cursor) ? 'with' : 'notes';
      continue;
    }
    if (cursor.acceptPunct('+')) continue;
    const amount = cursor.amountInSolution(mode === 'solvent' ? 'stepSolvent' : 'stepAmount', 'stepSolution');
    if (amount) {
      (mode === 'solvent' ? step.solvents : step.amounts).push(amount);
      continue;
    }
    if (cursor.isNumber()) {
      const q = cursor.quantity('stepDuration')!;
      if (isTime(q.unit)) step.duration = q;
      else if (isTemperature(q.unit)) step.temperature = { ...q, place: 'stepTemperature' };
      else if (q.unit && 'error' in parseUnit(q.unit.text) && (mode === 'solvent' || AMOUNT_VERBS.has(verb.text.toLowerCase()))) {
        // `add 4 CuCl`: the word is the species and the unit is missing, which the analysis reports.
        const numbers = { start: q.span.start, end: q.values[q.values.length - 1]!.span.end };
        const amount: Amount = { kind: 'amount', quantity: { ...q, unit: undefined, place: mode === 'solvent' ? 'stepSolvent' : 'stepAmount', span: numbers }, species: q.unit, span: q.span };
        (mode === 'solvent' ? step.solvents : step.amounts).push(amount);
      } else step.notes.push({ text: ctx.text(q.span), span: q.span });
      continue;
    }
    const keyword = cursor.peek();
    if (keyword?.kind === 'word') {
      const k = keyword.text.toLowerCase();
      if (k === 'in' && mode !== 'notes') {
        cursor.next();
        mode = 'solvent';
        continue;
      }
      if (k === 'at') {
        cursor.next();
        const q = cursor.isNumber() ? cursor.quantity('stepTemperature') : undefined;
        if (q) step.temperature = q;
        else step.temperatureWords = cursor.wordsToComma();
        continue;
      }
      if (k === 'for') {
        cursor.next();
        const q = cursor.quantity('stepDuration');
        if (q) step.duration = q;
        else step.durationWords = cursor.wordsToComma();
        continue;
      }
      if (k === 'until') {
        cursor.next();
        step.until = cursor.string() ?? cursor.wordsToComma();
        continue;
      }
      if (k === 'data') {
        cursor.next();
        step.data = cursor.string();
        if (!step.data) ctx.error(SyntaxCodes.expectedText, 'expected the data file in quotes, as in `data "data/uvvis-au28.csv"`', cursor.here());
        continue;
      }
      if (k === 'by') {
        cursor.next();
        step.by = cursor.wordsToComma();
        continue;
      }
      if (k === 'with') {
        cursor.next();
        mode = 'with';
        step.with = [];
        continue;
      }
      if (mode === 'solvent') {
        const name = cursor.nameWord();
        if (name) {
          step.solventNames.push(name);
          continue;
        }
      }
      if (mode === 'with') {
        const w = cursor.word()!;
        step.with!.push(w);
        continue;
      }
      if (DURATION_WORDS.has(k)) {
        (step.durationWords ??= []).push(cursor.word()!);
        continue;
      }
    }
    const e = cursor.next()!;
    if (e.kind === 'word') step.notes.push(e.word);
    else if (e.kind === 'string') step.notes.push({ text: e.string.value, span: e.string.span });
    else step.notes.push({ text: ctx.text(e.span), span: e.span });
  }
  return step;
}

function isKeywordAhead(cursor: LineCursor): boolean {
  const e = cursor.peek();
  return e?.kind === 'word' && ['in', 'at', 'for', 'until', 'by', 'with', 'data'].includes(e.text.toLowerCase());
}

export function readSynthesis(header: Line, ctx: BuildContext, name: Word | undefined): SynthesisBlock {
  const block = header.block!;
  const synthesis: SynthesisBlock = { kind: 'synthesis', name, steps: [], span: header.span, bodySpan: block.span };
  for (const line of block.lines) {
    const head = headText(line).toLowerCase();
    if (line.rule !== 'statement') continue;
    if (head === 'product') synthesis.product = readProduct(line, ctx);
    else if (head === 'basis') synthesis.basis = readBasis(line, ctx);
    else if ((STEP_VERBS as readonly string[]).includes(head)) synthesis.steps.push(readStep(line, ctx));
    else {
      const span = line.elements[0]!.span;
      ctx.error(
        SyntaxCodes.unknownStatement,
        `\`${headText(line)}\` is not a step of a synthesis; start the line with \`product\`, \`basis\` or a verb such as ${STEP_VERBS.slice(0, 6).map((v) => '`' + v + '`').join(', ')}`,
        span,
      );
    }
  }
  return synthesis;
}

function readProduct(line: Line, ctx: BuildContext): ProductStmt {
  const cursor = new LineCursor(line.elements);
  cursor.next();
  const name = cursor.nameWord();
  if (!name) ctx.error(SyntaxCodes.missingName, 'expected the name of the product cluster after `product`, as in `product Au25`', cursor.here());
  let description;
  if (cursor.accept('as')) {
    description = cursor.string();
    if (!description) ctx.error(SyntaxCodes.expectedText, 'expected a quoted description after `as`, as in `as "red crystals"`', cursor.here());
  }
  ctx.leftover(cursor, 'the product line');
  return { kind: 'product', name, description, span: line.span };
}

function readBasis(line: Line, ctx: BuildContext): BasisStmt {
  const cursor = new LineCursor(line.elements);
  cursor.next();
  const species = cursor.nameWord();
  if (!species) ctx.error(SyntaxCodes.missingName, 'expected the species that equivalents count against, as in `basis Me2SAuCl`', cursor.here());
  ctx.leftover(cursor, 'the basis line');
  return { kind: 'basis', species, span: line.span };
}

export type { Amount };
