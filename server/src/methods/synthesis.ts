// A synthesis block as a paragraph in the past tense. Steps become sentences;
// a `stir …`, `wait until …` or `use …` step leads into the next addition
// ("After stirring for 10 min, …"); plain additions in a row are added
// "successively"; work-up steps share one sentence; the last one gives the product.
import type { Step, SynthesisBlock } from '../syntax/ast';
import type { MethodsContext } from './context';
import { inlines, list, sentence, text, uncapitalise, type Inline, type Part, type Section, type Sentence } from './document';
import {
  amountPhrase, byPhrase, durationPhrase, mannerPhrase, notesOf, participle, solutionPhrase, temperaturePhrase, untilPhrase, verbOf, withPhrase,
} from './step-phrases';
import { abbreviationsIn, speciesName } from './species-names';

const WORKUP = new Set(['wash', 'extract', 'purify', 'centrifuge', 'filter', 'dry', 'collect', 'precipitate', 'separate', 'evaporate', 'concentrate']);
const CRYSTALLIZE = new Set(['crystallize', 'crystallise', 'recrystallize']);
/** Steps whose solid is the next step's subject (`…centrifuged, and the solid was washed …`). */
const SEPARATES_SOLID = new Set(['centrifuge', 'filter']);

type Kind = 'reagent' | 'react' | 'workup' | 'crystallize' | 'measure' | 'other';
interface Written { kind: Kind; runs: Inline[]; step: Step; last: Step }

const sp = (...parts: Part[]) => parts.filter((p) => p !== undefined && p !== false && p !== '' && !(Array.isArray(p) && p.length === 0)).flatMap((p, i) => (i > 0 ? [' ', p] : [p]));

function isPlainAddition(s: Step | undefined): boolean {
  return !!s && verbOf(s) === 'add' && s.amounts.length > 0 && s.solvents.length === 0 && s.solventNames.length === 0 && s.manner.length === 0 &&
    s.notes.length === 0 && !s.until && !s.temperature && !s.temperatureWords && !s.duration && !s.durationWords;
}

const isReagentStep = (s: Step | undefined) => !!s && s.amounts.length > 0 && verbOf(s) !== 'measure';

/** `After stirring for 10 min`, `When the solution turned clear light yellow`: a step that only leads into the next. */
function leadIn(m: MethodsContext, s: Step, madeHere: Set<string>): Inline[] | undefined {
  const verb = verbOf(s);
  if (verb === 'use' && s.amounts.length > 0) {
    const made = s.amounts.some((a) => madeHere.has(a.species.text));
    return inlines('To ', list(s.amounts.map((a) => amountPhrase(m, a))), made ? ', prepared as described above' : '');
  }
  if (s.amounts.length > 0 || s.notes.length > 0 || s.temperature || s.temperatureWords) return undefined;
  const until = untilPhrase(s);
  if (verb === 'stir' && (s.duration || s.durationWords || until.length)) return inlines(sp('After stirring', mannerPhrase(s), durationPhrase(s), until));
  if (verb === 'wait' && until.length) {
    const written = (until[0] as { text: string }).text.replace(/^until /, '');
    return [text(`When ${written}`)];
  }
  if (verb === 'wait' && s.duration) return inlines('After ', durationPhrase(s).slice(1));
  return undefined;
}

function reagentSentence(m: MethodsContext, s: Step): Inline[] {
  const verb = verbOf(s);
  const notes = notesOf(m, s);
  const amounts = list(s.amounts.map((a) => amountPhrase(m, a)));
  const be = s.amounts.length > 1 ? 'were' : 'was';
  const solution = solutionPhrase(m, s, notes.solutionAdjective);
  const manner = mannerPhrase(s);
  const head: Part[] = verb === 'add' && solution.length
    ? ['a solution of ', amounts, ' in ', solution, ' was added']
    : [amounts, ` ${be} ${participle(verb)}`, solution.length ? [' in ', solution] : []];
  return inlines(head, manner ? ' ' + manner : '', conditions(m, s, notes));
}

/** The rest of a sentence after its verb: notes that act, `until`, temperature, time, eluent and asides. */
function conditions(m: MethodsContext, s: Step, notes = notesOf(m, s)): Inline[] {
  const temperature = temperaturePhrase(s, notes.asides);
  const asides = temperature.length ? [] : notes.asides;
  return inlines(
    notes.actions.length ? [' and ', list(notes.actions)] : [],
    untilPhrase(s).length ? [' ', untilPhrase(s)] : [],
    temperature.length ? [' ', temperature] : [],
    durationPhrase(s).length ? [' ', durationPhrase(s)] : [],
    notes.eluent ? [' with ', notes.eluent, ' as the eluent'] : [],
    asides.length ? [' (', list(asides), ')'] : [],
  );
}

function workupPhrase(m: MethodsContext, s: Step): Inline[] {
  const verb = verbOf(s);
  const manner = mannerPhrase(s);
  const how: Part[] = verb === 'purify' || s.by ? [' by ', byPhrase(m, s.by)] : [];
  const withWords = withPhrase(m, s.with);
  return inlines(participle(verb), manner ? ' ' + manner : '', how, withWords.length ? [' ', withWords] : [], conditions(m, s));
}

function workupSentence(m: MethodsContext, steps: Step[]): Inline[] {
  const first = steps[0]!;
  if (SEPARATES_SOLID.has(verbOf(first)) && steps.length > 1) {
    return inlines('the mixture was ', workupPhrase(m, first), ', and the solid was ', list(steps.slice(1).map((s) => workupPhrase(m, s))));
  }
  return inlines(SEPARATES_SOLID.has(verbOf(first)) ? 'the mixture was ' : 'the product was ', list(steps.map((s) => workupPhrase(m, s))));
}

function otherSentence(m: MethodsContext, s: Step, product: Inline[]): { kind: Kind; runs: Inline[] } {
  const verb = verbOf(s);
  const manner = mannerPhrase(s);
  if (verb === 'react') {
    // `react 2 h at 80 °C, stir`: the stirring is how the reaction was run, not a step after it.
    const notes = notesOf(m, s);
    const stirred = notes.actions.findIndex((a) => a[0]?.kind === 'text' && a[0].text.startsWith('stirred'));
    if (stirred >= 0) return { kind: 'react', runs: inlines('the reaction mixture was ', notes.actions[stirred]!, conditions(m, s, { ...notes, actions: notes.actions.filter((_, i) => i !== stirred) })) };
    return { kind: 'react', runs: inlines('the reaction was carried out', conditions(m, s, notes)) };
  }
  if (CRYSTALLIZE.has(verb)) {
    const by = s.by?.length ? [' by ', byPhrase(m, s.by)] : [];
    return { kind: 'crystallize', runs: inlines(`the product was ${participle(verb)}`, by, conditions(m, s)) };
  }
  if (verb === 'measure') {
    const solution = solutionPhrase(m, s);
    const notes = notesOf(m, s);
    const what = manner ? `the ${manner} spectrum of ` : 'a spectrum of ';
    return { kind: 'measure', runs: inlines(what, product.length ? product : 'the product', solution.length ? [' in ', solution] : [], ' was recorded', notes.asides.length ? [' (', list(notes.asides), ')'] : []) };
  }
  if (verb === 'purge' && s.manner.length) {
    return { kind: 'other', runs: inlines('the mixture was purged with ', manner, conditions(m, s)) };
  }
  return { kind: 'other', runs: inlines(`the mixture was ${participle(verb)}`, manner ? ' ' + manner : '', conditions(m, s)) };
}

function heading(m: MethodsContext, synthesis: SynthesisBlock): Inline[] {
  const product = synthesis.product?.name?.text;
  if (!product) return [text(`Synthesis ${synthesis.name?.text ?? ''}`.trim())];
  const decl = m.analysis.symbols.lookup(product, ['cluster', 'reagent']);
  const formulaText = decl?.node.kind === 'cluster' || decl?.node.kind === 'reagent' ? decl.node.formula?.text : undefined;
  const abbreviations = formulaText ? abbreviationsIn(m.analysis, formulaText) : [];
  return inlines('Synthesis of ', speciesName(m.analysis, product).label, abbreviations.length ? [' (', abbreviations.map((a) => `${a.symbol} = ${a.meaning}`).join('; '), ')'] : []);
}

export function synthesisSection(m: MethodsContext, synthesis: SynthesisBlock, madeBefore: Set<string>): Section {
  const product = synthesis.product?.name ? speciesName(m.analysis, synthesis.product.name.text).label : [];
  const written: Written[] = [];
  const steps = synthesis.steps;
  let lead: { runs: Inline[]; step: Step } | undefined;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const verb = verbOf(s);
    const next = steps[i + 1];
    const intro = isReagentStep(next) ? leadIn(m, s, madeBefore) : undefined;
    if (intro && !lead) {
      lead = { runs: intro, step: s };
      continue;
    }
    let runs: Inline[];
    let kind: Kind;
    let last = s;
    if (isPlainAddition(s) && isPlainAddition(next)) {
      const group = [s];
      while (isPlainAddition(steps[i + 1])) group.push(steps[++i]!);
      last = group[group.length - 1]!;
      runs = inlines(list(group.flatMap((g) => g.amounts).map((a) => amountPhrase(m, a))), ' were added successively');
      kind = 'reagent';
    } else if (isReagentStep(s)) {
      runs = reagentSentence(m, s);
      kind = 'reagent';
    } else if (WORKUP.has(verb)) {
      const group = [s];
      while (steps[i + 1] && WORKUP.has(verbOf(steps[i + 1]!))) group.push(steps[++i]!);
      last = group[group.length - 1]!;
      runs = workupSentence(m, group);
      kind = 'workup';
    } else {
      ({ kind, runs } = otherSentence(m, s, product));
    }
    if (lead) {
      runs = inlines(lead.runs, ', ', uncapitalise(runs));
      written.push({ kind, runs, step: lead.step, last });
      lead = undefined;
    } else written.push({ kind, runs, step: s, last });
  }
  // The last step that makes something gives the product, with its description.
  const description = synthesis.product?.description?.value;
  const giving = [...written].reverse().find((w) => w.kind !== 'measure');
  if (giving && product.length) giving.runs = inlines(giving.runs, ', giving ', product, description ? ` as ${description.charAt(0).toLowerCase()}${description.slice(1)}` : '');
  const sentences: Sentence[] = written.map((w) => sentence({ start: w.step.span.start, end: w.last.span.end }, w.runs));
  return { id: `synthesis:${synthesis.name?.text ?? synthesis.span.start}`, title: heading(m, synthesis), blocks: sentences.length ? [{ kind: 'paragraph', sentences }] : [] };
}
