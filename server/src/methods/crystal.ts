// Crystal blocks as a data-collection sentence (radiation named from the
// wavelength, temperature) and the table of crystal data and refinement, one
// column per crystal, every value as written in the protocol.
import type { CrystalBlock, NumberLit, Quantity } from '../syntax/ast';
import { XRAY_SOURCES, XRAY_WAVELENGTH_TOLERANCE_A } from '../data/xray-sources';
import { checkedValues } from '../analysis/quantities';
import { MethodsCodes } from './codes';
import type { MethodsContext } from './context';
import { capitalise, formula, inlines, list, sentence, text, type Inline, type Section } from './document';
import { writtenNumber } from './numbers';
import { speciesName } from './species-names';
import { writtenQuantity } from './step-phrases';

/** `Mo Kα` for 0.71073 Å; undefined for a wavelength of no laboratory source. */
export function radiationOf(wavelength: Quantity | undefined): string | undefined {
  const metres = checkedValues(wavelength)?.si[0];
  if (metres === undefined) return undefined;
  const angstrom = metres * 1e10;
  return XRAY_SOURCES.find((s) => Math.abs(s.wavelengthA - angstrom) <= XRAY_WAVELENGTH_TOLERANCE_A)?.radiation;
}

const n = (x: NumberLit | undefined): Inline[] => (x ? [text(writtenNumber(x))] : []);
const q = (x: Quantity | undefined): Inline[] => writtenQuantity(x);

const ROWS: [string, (c: CrystalBlock) => Inline[]][] = [
  ['Empirical formula', (c) => (c.formula ? [formula(c.formula.text)] : [])],
  ['Formula weight', (c) => n(c.formulaWeight)],
  ['Temperature', (c) => q(c.temperature)],
  ['Wavelength', (c) => q(c.wavelength)],
  ['Radiation', (c) => (radiationOf(c.wavelength) ? [text(radiationOf(c.wavelength)!)] : [])],
  ['Crystal system', (c) => (c.system ? [text(capitalise(c.system.text))] : [])],
  ['Space group', (c) => (c.spaceGroup ? [{ kind: 'spaceGroup', text: c.spaceGroup.text }] : [])],
  ['a', (c) => q(c.cell.a)],
  ['b', (c) => q(c.cell.b)],
  ['c', (c) => q(c.cell.c)],
  ['α', (c) => q(c.cell.alpha)],
  ['β', (c) => q(c.cell.beta)],
  ['γ', (c) => q(c.cell.gamma)],
  ['Volume', (c) => q(c.volume)],
  ['Z', (c) => q(c.z)],
  ['Density (calculated)', (c) => q(c.density)],
  ['Absorption coefficient', (c) => q(c.absorption)],
  ['F(000)', (c) => n(c.f000)],
  ['Reflections collected', (c) => n(c.reflections?.collected)],
  ['Independent reflections', (c) => n(c.reflections?.independent)],
  ['Completeness', (c) => q(c.reflections?.completeness)],
  ['Restraints / parameters', (c) => (c.restraints || c.parameters ? inlines(n(c.restraints), ' / ', n(c.parameters)) : [])],
  ['Goodness-of-fit on F²', (c) => n(c.goodnessOfFit)],
  ['Final R indices [I > 2σ(I)]', (c) => (c.rObserved ? inlines('R1 = ', n(c.rObserved.r1), ', wR2 = ', n(c.rObserved.wr2)) : [])],
  ['R indices (all data)', (c) => (c.rAll ? inlines('R1 = ', n(c.rAll.r1), ', wR2 = ', n(c.rAll.wr2)) : [])],
];

function collection(m: MethodsContext, c: CrystalBlock): Inline[] {
  const radiation = radiationOf(c.wavelength);
  if (c.wavelength && !radiation) {
    m.problem(MethodsCodes.unknownRadiation, 'information', `the wavelength ${m.textOf(c.wavelength)} matches no laboratory X-ray source (Mo, Cu, Ag or Ga Kα), so the Methods section gives it without naming the radiation`, c.wavelength.span);
  }
  const what = c.name ? speciesName(m.analysis, c.name.text).label : [text('the crystal')];
  return inlines(what,
    c.wavelength ? [' with ', radiation ? `${radiation} radiation ` : 'X-rays ', '(λ = ', q(c.wavelength), ')'] : '',
    c.temperature ? [' at ', q(c.temperature)] : '');
}

export function crystalSection(m: MethodsContext): Section | undefined {
  const crystals = m.blocks('crystal');
  if (crystals.length === 0) return undefined;
  const intro = sentence(crystals[0]!.span, 'single-crystal X-ray diffraction data were collected for ', list(crystals.map((c) => collection(m, c)), 'and'));
  const table = sentence(crystals[0]!.span, 'the crystal data and structure refinement are given in the table below');
  const rows = ROWS.map(([label, get]) => [[text(label)], ...crystals.map(get)]).filter((r) => r.slice(1).some((cell) => cell.length > 0));
  return {
    id: 'crystal',
    title: inlines('Crystal structure determination'),
    blocks: [
      { kind: 'paragraph', sentences: [intro, table] },
      { kind: 'table', caption: [text('Crystal data and structure refinement')], header: [[text('')], ...crystals.map((c) => (c.name ? speciesName(m.analysis, c.name.text).label : [text('crystal')]))], rows },
    ],
  };
}
