// Builds the typed document from the parser's lines, line by line: declarations,
// settings and blocks at the top level, each block read by its own reader.
import type { Line } from '../lines';
import { LineCursor } from '../line-cursor';
import type { Document, ReactionDecl, ReactionTerm, SpeciesDecl, SpeciesDeclKind, TopLevelNode, Word, Setting, Span } from '../ast';
import { SyntaxCodes } from '../codes';
import { BuildContext, cursorAfterHead, headText } from './context';
import { readSynthesis } from './synthesis';
import { readCalibration, readCell, readElectrode, readElectrolyte, readPlan, readReference, readResult, readRun } from './electrochem';
import { readCrystal } from './crystal';
import { readInk } from './ink';

const SETTINGS = ['temperature', 'pressure', 'nernst'];

export function buildDocument(lines: readonly Line[], ctx: BuildContext, span: Span): Document {
  const statements: TopLevelNode[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const node = readTopLevel(line, ctx);
    if (node) statements.push(node);
    if (line.block) checkBlockClosed(line, ctx);
  }
  return { statements, comments: [], span };
}

function checkBlockClosed(line: Line, ctx: BuildContext): void {
  const visit = (l: Line) => {
    const b = l.block;
    if (!b) return;
    if (!b.close) {
      const last = b.lines[b.lines.length - 1];
      const where = last ? ` after \`${ctx.text(last.span).split(/\r?\n/)[0]!.slice(0, 40)}\`` : '';
      ctx.error(SyntaxCodes.unclosedBlock, `this \`{\` is not closed; add \`}\`${where}`, b.open);
    }
    for (const inner of b.lines) {
      visit(inner);
      if (inner.rule === 'stray') {
        const e = inner.elements[0]!;
        ctx.error(SyntaxCodes.unmatchedClose, `\`${ctx.text(e.span)}\` closes nothing; delete it or add the \`(\` it belongs to`, e.span);
      }
      if (inner.rule === 'orphanBlock') {
        ctx.error(SyntaxCodes.missingName, 'a block needs a keyword and a name before `{`, as in `synthesis Au25 {`', inner.block?.open ?? inner.span);
      }
      if (inner.rule === 'standardsTable' && inner.standards && !inner.standards.closed) {
        ctx.error(SyntaxCodes.unclosedBlock, 'the table of standards is not closed; add `}` after its last row', inner.span);
      }
    }
  };
  visit(line);
}

function readTopLevel(line: Line, ctx: BuildContext): TopLevelNode | undefined {
  switch (line.rule) {
    case 'stray': {
      const e = line.elements[0]!;
      ctx.error(SyntaxCodes.unmatchedClose, `\`${ctx.text(e.span)}\` closes nothing; delete it or add the \`{\` it belongs to`, e.span);
      return undefined;
    }
    case 'orphanBlock':
      ctx.error(SyntaxCodes.missingName, 'a block needs a keyword and a name before `{`, as in `synthesis Au25 {`', line.block?.open ?? line.span);
      return undefined;
    case 'declaration':
      return readSpeciesDecl(line, ctx);
    case 'reactionDecl':
      return readReaction(line, ctx);
    case 'headedLine':
      return readHeaded(line, ctx);
    case 'blockDecl':
      return readBlock(line, ctx);
    case 'statement':
      return readTopStatement(line, ctx);
    default:
      return undefined;
  }
}

function readHeaded(line: Line, ctx: BuildContext): TopLevelNode {
  const keyword = headText(line).toLowerCase();
  const cursor = cursorAfterHead(line);
  const text = cursor.string();
  if (!text) ctx.error(SyntaxCodes.expectedText, `expected a quoted text after \`${keyword}\`, as in \`${keyword} "${keyword === 'import' ? 'reagents.faraday' : 'title'}"\``, cursor.here());
  ctx.leftover(cursor, `the ${keyword} line`);
  if (keyword === 'import') return { kind: 'import', path: text, span: line.span };
  return { kind: 'protocol', title: text, span: line.span };
}

function readSpeciesDecl(line: Line, ctx: BuildContext): SpeciesDecl {
  const cursor = new LineCursor(line.elements);
  const kind = headText(line).toLowerCase() as SpeciesDeclKind;
  cursor.next();
  const name = cursor.word();
  cursor.acceptPunct('=');
  const formula = cursor.word();
  const decl: SpeciesDecl = { kind, name: name ?? { text: '', span: line.span }, formula, span: line.span };
  while (!cursor.done) {
    if (cursor.accept('density')) {
      decl.density = cursor.quantity('reagentDensity');
      if (!decl.density) ctx.error(SyntaxCodes.expectedQuantity, 'expected the density, such as `density 0.989 g/mL`', cursor.here());
      continue;
    }
    const s = cursor.string();
    if (s) {
      decl.description = s;
      continue;
    }
    ctx.leftover(cursor, `the ${kind} declaration`);
    break;
  }
  return decl;
}

function termsOf(side: import('../lines').Element[][]): ReactionTerm[] {
  const terms: ReactionTerm[] = [];
  for (const elements of side) {
    const coefficient = elements.find((e) => e.kind === 'numbers');
    const species = elements.find((e) => e.kind === 'word');
    if (!species || species.kind !== 'word') continue;
    const c = coefficient?.kind === 'numbers' ? coefficient.numbers[0] : undefined;
    terms.push({ coefficient: c, species: species.word, span: { start: c?.span.start ?? species.span.start, end: species.span.end } });
  }
  return terms;
}

function readReaction(line: Line, ctx: BuildContext): ReactionDecl {
  const name = line.elements.find((e, i) => i === 1 && e.kind === 'word');
  const left = termsOf(line.reaction?.left ?? []);
  const right = termsOf(line.reaction?.right ?? []);
  const first = left[0]?.span.start;
  const last = right[right.length - 1]?.span.end;
  void ctx;
  return {
    kind: 'reaction',
    name: name?.kind === 'word' ? name.word : undefined,
    left,
    right,
    equationSpan: first !== undefined && last !== undefined ? { start: first, end: last } : undefined,
    span: line.span,
  };
}

function readBlock(line: Line, ctx: BuildContext): TopLevelNode | undefined {
  const keyword = headText(line).toLowerCase();
  if (!line.block) return undefined;
  if (keyword === 'run') return readRun(line, ctx);
  if (keyword === 'result') return readResult(line, ctx);
  if (keyword === 'plan') return readPlan(line, ctx);
  const cursor = cursorAfterHead(line);
  const name: Word | undefined = cursor.nameWord();
  if (!name) ctx.error(SyntaxCodes.missingName, `expected a name after \`${keyword}\`, as in \`${keyword} ${exampleName(keyword)} {\``, line.elements.length > 1 ? cursor.here() : line.block.open);
  ctx.leftover(cursor, `the ${keyword} header`);
  nestedBlocks(line, ctx);
  switch (keyword) {
    case 'synthesis':
      return readSynthesis(line, ctx, name);
    case 'electrolyte':
      return readElectrolyte(line, ctx, name);
    case 'electrode':
      return readElectrode(line, ctx, name);
    case 'ink':
      return readInk(line, ctx, name);
    case 'cell':
      return readCell(line, ctx, name);
    case 'calibration':
      return readCalibration(line, ctx, name);
    case 'crystal':
      return readCrystal(line, ctx, name);
    default:
      return undefined;
  }
}

function exampleName(keyword: string): string {
  return { synthesis: 'Au25', ink: 'RuO2ink', electrolyte: 'nitrate', electrode: 'wAu25', cell: 'H', calibration: 'nessler', crystal: 'Au25' }[keyword] ?? 'name';
}

/** Top-level keywords inside a block mean the block before them was left open. */
function nestedBlocks(line: Line, ctx: BuildContext): void {
  for (const inner of line.block?.lines ?? []) {
    const head = inner.elements[0];
    if (inner.rule === 'statement' && inner.block && head?.kind === 'word' && ['synthesis', 'ink', 'electrolyte', 'electrode', 'cell', 'run', 'calibration', 'result', 'plan', 'crystal'].includes(head.text)) {
      ctx.error(SyntaxCodes.misplacedBlock, `a ${head.word.text} block cannot stand inside another block; close the block above with \`}\` first`, head.span);
    }
  }
}

function readTopStatement(line: Line, ctx: BuildContext): TopLevelNode | undefined {
  const key = headText(line).toLowerCase();
  if (key === 'reference') return readReference(line, ctx);
  if (SETTINGS.includes(key)) {
    const cursor = cursorAfterHead(line);
    const setting: Setting = { kind: 'setting', key: (line.elements[0] as { word: Word }).word, span: line.span };
    if (key === 'nernst') setting.qualifier = cursor.accept('slope');
    setting.value = cursor.quantity(key === 'nernst' ? 'nernstSlope' : key === 'pressure' ? 'pressureSetting' : 'temperatureSetting');
    if (!setting.value) ctx.error(SyntaxCodes.expectedQuantity, `expected a value such as \`${key === 'nernst' ? 'nernst slope 0.059 V' : key === 'pressure' ? 'pressure 101.325 kPa' : 'temperature 25 °C'}\``, cursor.here());
    ctx.leftover(cursor, `the ${key} setting`);
    return setting;
  }
  const head = line.elements[0]!;
  if (head.kind === 'unknown') return undefined; // reported once, by the token pass
  ctx.error(
    SyntaxCodes.unknownStatement,
    `\`${ctx.text(head.span)}\` does not start a statement; a line at the top level starts with protocol, import, temperature, pressure, nernst, reference, ligand, reagent, cluster, reaction, or a block keyword (synthesis, ink, electrolyte, electrode, cell, run, calibration, result, plan, crystal)`,
    head.span,
  );
  return undefined;
}
