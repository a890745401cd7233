// Reads crystal blocks, the fields of a structure-refinement table (Table S2).
import type { Line } from '../lines';
import type { CrystalBlock, NumberLit, Word } from '../ast';
import { SyntaxCodes } from '../codes';
import { BuildContext, cursorAfterHead, headText } from './context';
import type { LineCursor } from '../line-cursor';

const CELL_PARAMETERS = ['a', 'b', 'c', 'alpha', 'beta', 'gamma'] as const;
const CELL_ALIASES: Record<string, (typeof CELL_PARAMETERS)[number]> = { α: 'alpha', β: 'beta', γ: 'gamma' };

const FIELDS = [
  'formula', 'formula weight', 'temperature', 'wavelength', 'system', 'space group', 'cell', 'volume', 'Z', 'density',
  'F000', 'absorption coefficient', 'reflections', 'restraints', 'parameters', 'goodness of fit', 'R1',
];

function expectNumber(ctx: BuildContext, cursor: LineCursor, example: string): NumberLit | undefined {
  const n = cursor.number();
  if (!n) ctx.error(SyntaxCodes.expectedNumber, `expected a number, as in \`${example}\``, cursor.here());
  return n;
}

const SINGLE_FIELDS = new Set(['formula', 'formula weight', 'temperature', 'wavelength', 'system', 'space', 'volume', 'z', 'density', 'f000', 'absorption', 'goodness']);

export function readCrystal(header: Line, ctx: BuildContext, name: Word | undefined): CrystalBlock {
  const block = header.block!;
  const node: CrystalBlock = { kind: 'crystal', name, cell: {}, span: header.span, bodySpan: block.span };
  const seen = new Set<string>();
  for (const line of block.lines) {
    if (line.rule !== 'statement') continue;
    const head = headText(line);
    const key = head.toLowerCase();
    const cursor = cursorAfterHead(line);
    // `cell` and `R1` take two lines (lengths and angles; observed and all data).
    const field = key === 'formula' && cursor.isWord('weight') ? 'formula weight' : key === 'f(000)' ? 'f000' : key;
    if (SINGLE_FIELDS.has(field) && ctx.repeated(seen, field, line, 'this crystal')) continue;
    if (key === 'formula') {
      if (cursor.accept('weight')) node.formulaWeight = expectNumber(ctx, cursor, 'formula weight 11908.07');
      else {
        node.formula = cursor.nameWord();
        if (!node.formula) ctx.error(SyntaxCodes.missingName, 'expected the empirical formula, as in `formula C162H243Cu28P3S18`', cursor.here());
      }
    } else if (key === 'temperature') {
      node.temperature = cursor.quantity('crystalTemperature');
    } else if (key === 'wavelength') {
      node.wavelength = cursor.quantity('crystalWavelength');
    } else if (key === 'system') {
      node.system = cursor.nameWord();
    } else if (key === 'space') {
      cursor.accept('group');
      node.spaceGroup = cursor.word();
      if (!node.spaceGroup) ctx.error(SyntaxCodes.missingName, 'expected the space group symbol, as in `space group P21/n`', cursor.here());
    } else if (key === 'cell') {
      while (!cursor.done) {
        const param = cursor.word();
        if (!param) break;
        const p = CELL_ALIASES[param.text] ?? param.text.toLowerCase();
        if (!(CELL_PARAMETERS as readonly string[]).includes(p)) {
          ctx.error(SyntaxCodes.unknownStatement, `\`${param.text}\` is not a cell parameter; use a, b, c, alpha, beta or gamma`, param.span);
          break;
        }
        const q = cursor.quantity(p === 'a' || p === 'b' || p === 'c' ? 'cellEdge' : 'cellAngle');
        if (!q) ctx.error(SyntaxCodes.expectedQuantity, `expected the value of ${p}, such as \`22.0728(13) Å\``, cursor.here());
        else node.cell[p as (typeof CELL_PARAMETERS)[number]] = q;
        cursor.acceptPunct(',');
      }
    } else if (key === 'volume') {
      node.volume = cursor.quantity('cellVolume');
    } else if (key === 'z') {
      // A quantity, not a number: `Z 4 mL` is an error at the place, never a silent 4.
      node.z = cursor.quantity('formulaUnits');
      if (!node.z) ctx.error(SyntaxCodes.expectedNumber, 'expected a number, as in `Z 2`', cursor.here());
    } else if (key === 'density') {
      node.density = cursor.quantity('crystalDensity');
    } else if (key === 'f000' || key === 'f(000)') {
      node.f000 = expectNumber(ctx, cursor, 'F000 10824');
    } else if (key === 'absorption') {
      cursor.accept('coefficient');
      node.absorption = cursor.quantity('absorptionCoefficient');
    } else if (key === 'reflections') {
      // `reflections 119291 collected, 57407 independent, completeness 99.4 %`
      const r: NonNullable<CrystalBlock['reflections']> = { span: line.span };
      while (!cursor.done) {
        if (cursor.accept('completeness')) {
          r.completeness = cursor.quantity('completeness');
        } else if (cursor.isNumber()) {
          const n = cursor.number()!;
          if (cursor.accept('independent') || cursor.accept('unique')) r.independent = n;
          else {
            cursor.accept('collected');
            r.collected = n;
          }
        } else break;
        cursor.acceptPunct(',');
      }
      node.reflections = r;
    } else if (key === 'restraints' || key === 'parameters') {
      // `restraints 8160, parameters 3013`
      let field = key;
      for (;;) {
        const n = expectNumber(ctx, cursor, `${field} 3013`);
        if (field === 'restraints') node.restraints = n;
        else node.parameters = n;
        if (!cursor.acceptPunct(',')) break;
        const next = cursor.word();
        if (!next || !['restraints', 'parameters'].includes(next.text.toLowerCase())) break;
        field = next.text.toLowerCase();
      }
    } else if (key === 'goodness') {
      cursor.accept('of');
      cursor.accept('fit');
      node.goodnessOfFit = expectNumber(ctx, cursor, 'goodness of fit 1.05');
    } else if (key === 'r1') {
      // `R1 0.0907, wR2 0.2200 for I > 2σ(I)` or `… for all data`
      const r1 = expectNumber(ctx, cursor, 'R1 0.0907');
      cursor.acceptPunct(',');
      let wr2: NumberLit | undefined;
      if (cursor.accept('wR2')) wr2 = expectNumber(ctx, cursor, 'wR2 0.2200');
      let all = false;
      if (cursor.accept('for')) {
        all = cursor.accept('all') !== undefined;
        if (all) cursor.accept('data');
        else cursor.wordsToComma();
      }
      if (all) node.rAll = { r1, wr2, span: line.span };
      else node.rObserved = { r1, wr2, span: line.span };
    } else {
      ctx.error(SyntaxCodes.unknownStatement, `\`${head}\` is not a field of a crystal table; expected one of ${FIELDS.map((f) => '`' + f + '`').join(', ')}`, line.elements[0]!.span);
      continue;
    }
    ctx.leftover(cursor, `the ${head} line`);
  }
  return node;
}
