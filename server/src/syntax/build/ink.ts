// Reads `ink` blocks (catalyst, additive, solvent, ionomer, sonicate) and the
// pieces of an electrode that refer to an ink or state a catalyst's metal content.
import type { Line } from '../lines';
import type { LineCursor } from '../line-cursor';
import type { Amount, InkBlock, InkCast, InkComponent, Word } from '../ast';
import { SyntaxCodes } from '../codes';
import { BuildContext, cursorAfterHead, headText } from './context';

export const INK_STATEMENTS = ['catalyst', 'additive', 'solvent', 'ionomer', 'sonicate'] as const;

/** `5 mg RuO2`, `5 mg Pt/C 20 wt%` or `5 mg 20 wt% Pt/C`: an amount and the mass fraction stated with it. */
export function readComponent(cursor: LineCursor): InkComponent | undefined {
  const amount = cursor.amount();
  if (amount) {
    const massFraction = cursor.massFraction();
    return { amount, massFraction, span: { start: amount.span.start, end: massFraction?.span.end ?? amount.span.end } };
  }
  const start = cursor.mark();
  const quantity = cursor.quantity();
  const massFraction = cursor.massFraction();
  const species = massFraction ? cursor.nameWord() : undefined;
  if (!quantity?.unit || !massFraction || !species) {
    cursor.reset(start);
    return undefined;
  }
  const whole: Amount = { kind: 'amount', quantity, species, span: { start: quantity.span.start, end: species.span.end } };
  return { amount: whole, massFraction, span: whole.span };
}

/** Components joined by `+`: `catalyst 5 mg RuO2 + 1 mg IrO2`. */
function readComponents(cursor: LineCursor): InkComponent[] {
  const out: InkComponent[] = [];
  do {
    const c = readComponent(cursor);
    if (!c) break;
    out.push(c);
  } while (cursor.acceptPunct('+'));
  return out;
}

/**
 * `10 µL of ink A` (after `drop-cast`, `spray`), `10 µL ink A` (after `catalyst`):
 * a volume of a named ink. With `requireInk`, the word `ink` must be written, so that
 * `catalyst 1 mg Au28Cu12` stays a catalyst mass.
 */
export function readCast(cursor: LineCursor, method: Word, requireInk: boolean): InkCast | undefined {
  const start = cursor.mark();
  const volume = cursor.quantity();
  if (!volume) return undefined;
  cursor.accept('of');
  const inkWord = cursor.accept('ink');
  const ink = inkWord || !requireInk ? cursor.nameWord() : undefined;
  if (!ink) {
    cursor.reset(start);
    return undefined;
  }
  return { method, volume, ink, span: { start: method.span.start, end: ink.span.end } };
}

export function readInk(header: Line, ctx: BuildContext, name: Word | undefined): InkBlock {
  const block = header.block!;
  const node: InkBlock = { kind: 'ink', name, catalysts: [], additives: [], solvents: [], ionomers: [], span: header.span, bodySpan: block.span };
  for (const line of block.lines) {
    if (line.rule !== 'statement') continue;
    const key = headText(line).toLowerCase();
    const cursor = cursorAfterHead(line);
    if (key === 'catalyst' || key === 'additive' || key === 'ionomer' || key === 'binder') {
      const components = readComponents(cursor);
      if (components.length === 0) {
        const example = { catalyst: 'catalyst 5 mg RuO2', additive: 'additive 1 mg XC-72', ionomer: 'ionomer 40 µL Nafion 5 wt%', binder: 'binder 40 µL Nafion 5 wt%' }[key];
        ctx.error(SyntaxCodes.expectedQuantity, `expected an amount and what it is, as in \`${example}\``, cursor.here());
        continue;
      }
      (key === 'catalyst' ? node.catalysts : key === 'additive' ? node.additives : node.ionomers).push(...components);
    } else if (key === 'solvent' || key === 'solvents') {
      do {
        const amount = cursor.amount();
        if (!amount) {
          ctx.error(SyntaxCodes.expectedQuantity, 'expected a volume and a solvent, as in `solvent 480 µL isopropanol + 480 µL water`', cursor.here());
          break;
        }
        node.solvents.push(amount);
      } while (cursor.acceptPunct('+'));
    } else if (key === 'sonicate') {
      cursor.accept('for');
      node.sonicate = { duration: cursor.quantity(), span: line.span };
      if (cursor.acceptPunct(',')) cursor.wordsToComma(); // `, ice bath`: a note
    } else {
      const list = [...INK_STATEMENTS, 'binder'].map((a) => '`' + a + '`').join(', ');
      ctx.error(SyntaxCodes.unknownStatement, `\`${headText(line)}\` is not a statement of an ink; expected one of ${list}`, line.elements[0]!.span);
      continue;
    }
    ctx.leftover(cursor, `the ${key} line`);
  }
  return node;
}
