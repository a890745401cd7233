// Reads `ink` blocks (catalyst, additive, solvent, ionomer, sonicate) and the
// pieces of an electrode that refer to an ink or state a catalyst's metal content.
import type { Line } from '../lines';
import type { LineCursor } from '../line-cursor';
import type { Amount, InkBlock, InkCast, InkComponent, Word } from '../ast';
import { SyntaxCodes } from '../codes';
import { BuildContext, cursorAfterHead, headText } from './context';
import type { PlaceName } from '../../units/places';
import { parseUnit } from '../../units/parse-unit';

export const INK_STATEMENTS = ['catalyst', 'additive', 'solvent', 'ionomer', 'sonicate'] as const;

/** `5 mg RuO2`, `5 mg Pt/C 20 wt%` or `5 mg 20 wt% Pt/C`: an amount and the mass fraction stated with it. */
export function readComponent(cursor: LineCursor, place: PlaceName, fractionPlace: PlaceName): InkComponent | undefined {
  // A number right after the amount is its mass fraction, whatever its unit (the analysis checks it).
  const withFraction = (amount: Amount): InkComponent => {
    const massFraction = cursor.isNumber() ? cursor.quantity(fractionPlace) : undefined;
    return { amount, massFraction, span: { start: amount.span.start, end: massFraction?.span.end ?? amount.span.end } };
  };
  const amount = cursor.amount(place);
  if (amount) return withFraction(amount);
  const start = cursor.mark();
  const quantity = cursor.quantity(place);
  const massFraction = cursor.massFraction(fractionPlace);
  const species = massFraction ? cursor.nameWord() : undefined;
  if (quantity?.unit && massFraction && species) {
    const whole: Amount = { kind: 'amount', quantity, species, span: { start: quantity.span.start, end: species.span.end } };
    return { amount: whole, massFraction, span: whole.span };
  }
  cursor.reset(start);
  const bare = bareAmount(cursor, place);
  return bare && withFraction(bare);
}

/** `5 RuO2`: an amount whose unit is missing (the analysis says so, at the number); not `5 mg` without its name. */
function bareAmount(cursor: LineCursor, place: PlaceName): Amount | undefined {
  const start = cursor.mark();
  const quantity = cursor.quantity(place, { bare: true });
  const species = quantity ? cursor.nameWord() : undefined;
  if (quantity && species && 'error' in parseUnit(species.text)) return { kind: 'amount', quantity, species, span: { start: quantity.span.start, end: species.span.end } };
  cursor.reset(start);
  return undefined;
}

/** Components joined by `+`: `catalyst 5 mg RuO2 + 1 mg IrO2`. */
function readComponents(cursor: LineCursor, place: PlaceName): InkComponent[] {
  const out: InkComponent[] = [];
  do {
    const c = readComponent(cursor, place, 'inkMassFraction');
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
  const volume = cursor.quantity('inkCastVolume');
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
      const components = readComponents(cursor, key === 'catalyst' ? 'inkCatalyst' : key === 'additive' ? 'inkAdditive' : 'inkIonomer');
      if (components.length === 0) {
        const example = { catalyst: 'catalyst 5 mg RuO2', additive: 'additive 1 mg XC-72', ionomer: 'ionomer 40 µL Nafion 5 wt%', binder: 'binder 40 µL Nafion 5 wt%' }[key];
        ctx.error(SyntaxCodes.expectedQuantity, `expected an amount and what it is, as in \`${example}\``, cursor.here());
        node.incomplete = true;
        continue;
      }
      (key === 'catalyst' ? node.catalysts : key === 'additive' ? node.additives : node.ionomers).push(...components);
    } else if (key === 'solvent' || key === 'solvents') {
      do {
        const amount = cursor.amount('inkSolvent') ?? bareAmount(cursor, 'inkSolvent');
        if (!amount) {
          ctx.error(SyntaxCodes.expectedQuantity, 'expected a volume and a solvent, as in `solvent 480 µL isopropanol + 480 µL water`', cursor.here());
          node.incomplete = true;
          break;
        }
        node.solvents.push(amount);
      } while (cursor.acceptPunct('+'));
    } else if (key === 'sonicate') {
      cursor.accept('for');
      node.sonicate = { duration: cursor.quantity('inkSonication'), span: line.span };
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
