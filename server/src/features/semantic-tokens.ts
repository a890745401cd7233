// Semantic tokens: what each word means (species, formula, unit, potential
// scale, number with uncertainty), so themes colour a protocol consistently.
// Read from the typed tree, not guessed from spelling.
import { tokenMatcher } from 'chevrotain';
import type { Quantity, Span, Word, Amount, Potential, TopLevelNode } from '../syntax/ast';
import { isGcFileReading } from '../syntax/ast';
import type { Chunk, ParseResult } from '../syntax/parse';
import * as T from '../syntax/tokens';
import { lex } from '../syntax/lexer';

export const SEMANTIC_TOKEN_TYPES = ['keyword', 'type', 'variable', 'number', 'unit', 'referenceElectrode', 'string', 'comment', 'function', 'operator'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration', 'withUncertainty', 'formula'] as const;

export type SemanticType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  span: Span;
  type: SemanticType;
  modifiers: SemanticModifier[];
}

export function semanticTokens(parse: ParseResult): SemanticToken[] {
  const all: SemanticToken[] = [];
  for (const chunk of parse.chunks) for (const t of chunkSemanticTokens(chunk)) all.push(t);
  return all;
}

/**
 * The semantic tokens of one chunk, in order: a function of the chunk alone (no statement reaches
 * into another chunk), so an editor's request after an edit reads again only the chunks it touched.
 */
export function chunkSemanticTokens(chunk: Chunk): SemanticToken[] {
  const out = new Map<number, SemanticToken>();
  const add = (span: Span | undefined, type: SemanticType, modifiers: SemanticModifier[] = []) => {
    if (!span || span.end <= span.start) return;
    out.set(span.start, { span, type, modifiers });
  };
  // Lexical layer first; the tree below refines words it understands. The chunk's text is lexed here and
  // its tokens let go (chunk.tokens would keep them all: at 100 000 lines, 120 MB for one request).
  const at = chunk.start;
  for (const t of lex(chunk.text).tokens) {
    const span = { start: at + t.startOffset, end: at + t.endOffset! + 1 };
    if (tokenMatcher(t, T.NumberLiteral)) add(span, 'number', t.image.includes('(') ? ['withUncertainty'] : []);
    else if (tokenMatcher(t, T.StringLike)) add(span, 'string');
    else if (tokenMatcher(t, T.Arrow)) add(span, 'operator');
    else if (tokenMatcher(t, T.TopLevelKeyword) || tokenMatcher(t, T.Vs) || tokenMatcher(t, T.Standards)) add(span, 'keyword');
  }
  walk(chunk.statements, add);
  return [...out.values()].sort((a, b) => a.span.start - b.span.start);
}

type Add = (span: Span | undefined, type: SemanticType, modifiers?: SemanticModifier[]) => void;

function quantity(q: Quantity | undefined, add: Add): void {
  if (q?.unit) add(q.unit.span, 'unit');
}

function potential(p: Potential | undefined, add: Add): void {
  if (!p) return;
  quantity(p.quantity, add);
  if (p.scale) add(p.scale.electrode.span, 'referenceElectrode');
}

function amount(a: Amount | undefined, add: Add): void {
  if (!a) return;
  quantity(a.quantity, add);
  add(a.species.span, 'variable');
}

function word(w: Word | undefined, add: Add, type: SemanticType, modifiers: SemanticModifier[] = []): void {
  if (w) add(w.span, type, modifiers);
}

function walk(statements: readonly TopLevelNode[], add: Add): void {
  for (const node of statements) {
    switch (node.kind) {
      case 'ligand':
      case 'reagent':
      case 'cluster':
        word(node.name, add, 'type', ['declaration']);
        word(node.formula, add, 'type', ['formula']);
        quantity(node.density, add);
        break;
      case 'setting':
        word(node.key, add, 'keyword');
        quantity(node.value, add);
        break;
      case 'reference':
        if (node.electrode) add(node.electrode.electrode.span, 'referenceElectrode');
        potential(node.offset, add);
        break;
      case 'reaction':
        word(node.name, add, 'type', ['declaration']);
        for (const t of [...node.left, ...node.right]) word(t.species, add, 'type', ['formula']);
        break;
      case 'synthesis':
        word(node.name, add, 'variable', ['declaration']);
        word(node.product?.name, add, 'type');
        word(node.basis?.species, add, 'variable');
        for (const s of node.steps) {
          word(s.verb, add, 'function');
          s.amounts.forEach((a) => {
            amount(a, add);
            quantity(a.solution, add);
          });
          s.solvents.forEach((a) => amount(a, add));
          s.solventNames.forEach((w) => word(w, add, 'variable'));
          quantity(s.temperature, add);
          quantity(s.duration, add);
        }
        break;
      case 'electrolyte':
        word(node.name, add, 'variable', ['declaration']);
        node.components.forEach((a) => amount(a, add));
        word(node.solvent, add, 'variable');
        quantity(node.purge?.duration, add);
        quantity(node.purge?.pressure, add);
        quantity(node.saturated?.pressure, add);
        break;
      case 'electrode':
        word(node.name, add, 'variable', ['declaration']);
        amount(node.catalyst, add);
        quantity(node.catalystMetalFraction, add);
        word(node.catalystName, add, 'variable');
        amount(node.castFrom, add);
        for (const c of node.casts) {
          quantity(c.volume, add);
          word(c.ink, add, 'variable');
        }
        quantity(node.loading, add);
        quantity(node.area, add);
        break;
      case 'ink':
        word(node.name, add, 'variable', ['declaration']);
        for (const c of [...node.catalysts, ...node.additives, ...node.ionomers]) {
          amount(c.amount, add);
          quantity(c.massFraction, add);
        }
        node.solvents.forEach((a) => amount(a, add));
        quantity(node.sonicate?.duration, add);
        break;
      case 'cell':
        word(node.name, add, 'variable', ['declaration']);
        word(node.working, add, 'variable');
        if (node.reference?.electrode) add(node.reference.electrode.electrode.span, 'referenceElectrode');
        potential(node.reference?.offset, add);
        for (const compartment of [node.catholyte, node.anolyte, node.electrolyte]) {
          word(compartment?.electrolyte, add, 'variable');
          quantity(compartment?.volume, add);
          quantity(compartment?.flow, add);
        }
        quantity(node.stir, add);
        quantity(node.purge?.flow, add);
        quantity(node.feed?.flow, add);
        quantity(node.liquidProducts?.volume, add);
        break;
      case 'run':
        word(node.cell, add, 'variable');
        for (const t of node.techniques) {
          word(t.technique, add, 'function');
          potential(t.from, add);
          potential(t.to, add);
          potential(t.at, add);
          quantity(t.rates, add);
          quantity(t.duration, add);
        }
        break;
      case 'calibration':
        word(node.name, add, 'variable', ['declaration']);
        word(node.analyte, add, 'type');
        quantity(node.method?.wavelength, add);
        quantity(node.dilute?.from, add);
        quantity(node.dilute?.to, add);
        word(node.standards?.unit, add, 'unit');
        break;
      case 'result':
      case 'plan':
        potential(node.potential, add);
        quantity(node.duration, add);
        word(node.cell, add, 'variable');
        if (node.kind === 'result') {
          quantity(node.charge, add);
          for (const r of node.readings) {
            word(r.analyte, add, 'type');
            if (!isGcFileReading(r)) quantity(r.value, add);
            word(r.method, add, 'variable');
            quantity(r.flow, add);
          }
        } else {
          quantity(node.currentDensity, add);
          node.expectedFE.forEach((e) => word(e.product, add, 'type'));
        }
        break;
      case 'crystal':
        word(node.formula, add, 'type', ['formula']);
        for (const q of [node.temperature, node.wavelength, node.volume, node.density, ...Object.values(node.cell)]) quantity(q, add);
        break;
      default:
        break;
    }
  }
}
