import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFormula, molarMass, hillFormula, electronCount } from '../../server/src/chemistry/formula';
import { balance, checkBalance, formatReaction, type Species } from '../../server/src/chemistry/reaction-balance';
import { SPECIES } from '../../server/src/data/species';
import { lookupSpecies, suggestSpecies } from '../../server/src/chemistry/species-library';

const ligands: Record<string, string> = { SR: 'SC6H3Cl2', PET: 'SCH2CH2C6H5' };
const f = (t: string) => {
  const r = parseFormula(t, (s) => ligands[s]);
  if ('error' in r) throw new Error(r.error.message);
  return r.formula;
};

test('notations of cluster chemists', () => {
  assert.equal(hillFormula(f('[Au28Cu12(SR)24](PPh4)4').composition), 'C240H152Au28Cl48Cu12P4S24');
  assert.equal(hillFormula(f('Cu(MeCN)4BF4').composition), 'C8H12BCuF4N4');
  assert.equal(hillFormula(f('HAuCl4·4H2O').composition), 'AuCl4H9O4');
  assert.equal(hillFormula(f('HAuCl4.4H2O').composition), 'AuCl4H9O4');
  assert.equal(hillFormula(f('Ph3P·BPh3').composition), 'C36H30BP');
  assert.equal(hillFormula(f('tBuNH2·BH3').composition), 'C4H14BN');
  assert.equal(hillFormula(f('CuSO4·5H2O').composition), 'CuH10O9S');
  assert.equal(hillFormula(f('H₂O').composition), 'H2O');
  assert.equal(hillFormula(f('SC6H4C(CH3)3').composition), 'C10H13S');
  assert.equal(hillFormula(f('(NH4)2SO4').composition), 'H8N2O4S');
  // 2 Na + 4 B + 7 O + 10 H2O → H20 Na2 B4 O17
  assert.equal(hillFormula(f('Na2B4O7·10H2O').composition), 'B4H20Na2O17');
});

test('charges', () => {
  assert.equal(f('NO3-').charge, -1);
  assert.equal(f('NH4+').charge, 1);
  assert.equal(f('[Au25(PET)18]-').charge, -1);
  assert.equal(f('SO4^2-').charge, -2);
  assert.equal(f('Fe3+').charge, 3);
  assert.equal(hillFormula(f('Fe3+').composition), 'Fe');
  assert.equal(f('[Au25(PET)18]4-').charge, -4);
  assert.equal(f('NO₃⁻').charge, -1);
  assert.equal(f('SO₄²⁻').charge, -2);
  assert.equal(f('e-').charge, -1);
  assert.equal(f('e-').composition.size, 0);
});

test('abbreviations: the file first, then the library; element symbols are never shadowed', () => {
  assert.equal(hillFormula(f('Au(PPh3)Cl').composition), 'C18H15AuClP');
  assert.equal(hillFormula(f('N(C8H17)4Br').composition), hillFormula(f('TOABr'.replace('TOABr', 'N(Oct)4Br')).composition));
  assert.equal(hillFormula(f('Pr').composition), 'Pr', 'Pr is praseodymium');
  assert.equal(hillFormula(f('nPr2O').composition), 'C6H14O');
  const own = parseFormula('Au(X)2', (s) => (s === 'X' ? 'SCH3' : undefined));
  assert.ok('formula' in own && hillFormula(own.formula.composition) === 'C2H6AuS2');
});

test('molar masses and electrons', () => {
  assert.equal(molarMass(f('CuCl').composition).toFixed(3), '98.996');
  assert.equal(molarMass(f('Me2SAuCl').composition).toFixed(3), '294.547');
  assert.equal(molarMass(f('NaBH4').composition).toFixed(3), '37.832');
  // C240H152Au28Cl48Cu12P4S24: 240·6 + 152 + 28·79 + 48·17 + 12·29 + 4·15 + 24·16 = 5412 electrons
  assert.equal(electronCount(f('[Au28Cu12(SR)24](PPh4)4').composition), 5412);
});

test('twenty malformed formulas, each with its message and column', () => {
  const cases: [string, RegExp, number][] = [
    ['Xx2', /unknown element `Xx` at column 1/, 0],
    ['AuXy', /unknown element `Xy` at column 3/, 2],
    ['Cu(', /bracket is not closed/, 2],
    ['Au)', /`\)` closes nothing/, 2],
    ['cu', /cannot start an element symbol/, 0],
    ['[]', /empty brackets/, 1],
    ['()2', /empty brackets/, 1],
    ['Au(SR]', /expected `\)` but found `\]`/, 5],
    ['[Au25(PET)18', /not closed/, 0],
    ['HAuCl4·', /expected a formula after the dot/, 6],
    ['Au0', /count of 0/, 2],
    ['Au$', /unexpected `\$`/, 2],
    ['Au Cl', /unexpected ` `/, 2],
    ['Q', /unknown element `Q`/, 0],
    ['Jx', /unknown element `Jx`/, 0],
    ['Au28Cu12(SQ)24', /unknown element `Q`/, 10],
    ['H2O··H2O', /expected an element symbol|unexpected/, 4],
    ['Zz3+', /unknown element `Zz`/, 0],
    ['((Au)', /not closed/, 0],
    ['Cl-+', /unexpected `-`|unexpected `\+`/, 2],
  ];
  for (const [text, message, offset] of cases) {
    const r = parseFormula(text, (s) => ligands[s]);
    assert.ok('error' in r, `${text} should not parse`);
    assert.match(r.error.message, message, text);
    assert.equal(r.error.offset, offset, `${text}: offset`);
  }
});

const sp = (t: string): Species => {
  const x = f(t);
  return { text: t, composition: x.composition, charge: x.charge };
};
const term = (c: number, t: string) => ({ coefficient: c, species: sp(t) });

test('the four reactions of the sketch balance', () => {
  assert.ok(checkBalance([term(1, 'NO3-'), term(9, 'H+'), term(8, 'e-')], [term(1, 'NH3'), term(3, 'H2O')]).balanced);
  assert.ok(checkBalance([term(1, 'NO3-'), term(2, 'H+'), term(2, 'e-')], [term(1, 'NO2-'), term(1, 'H2O')]).balanced);
  assert.ok(checkBalance([term(2, 'NO3-'), term(16, 'H+'), term(14, 'e-')], [term(1, 'N2H4'), term(6, 'H2O')]).balanced);
  assert.ok(checkBalance([term(2, 'H+'), term(2, 'e-')], [term(1, 'H2')]).balanced);
});

test('unbalanced reactions name what differs and get their balanced version', () => {
  const names = ['NO3-', 'H+', 'e-', 'NH3', 'H2O'];
  const wrongH = checkBalance([term(1, 'NO3-'), term(8, 'H+'), term(8, 'e-')], [term(1, 'NH3'), term(3, 'H2O')]);
  assert.deepEqual(wrongH.differences, [{ what: 'H', left: 8, right: 9 }, { what: 'charge', left: -1, right: 0 }]);
  const solved = balance(names.map(sp), 3);
  assert.equal(solved.kind, 'balanced');
  assert.equal(formatReaction(names, (solved as { coefficients: number[] }).coefficients, 3), 'NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O');
  const charge = checkBalance([term(1, 'NO3-'), term(2, 'H+'), term(1, 'e-')], [term(1, 'NO2-'), term(1, 'H2O')]);
  assert.deepEqual(charge.differences, [{ what: 'charge', left: 0, right: -1 }]);
});

test('ten more reactions balanced by linear algebra', () => {
  const cases: [string[], number, string][] = [
    [['NO3-', 'H+', 'e-', 'N2', 'H2O'], 3, '2 NO3- + 12 H+ + 10 e- -> N2 + 6 H2O'],
    [['NO3-', 'H2O', 'e-', 'NH3', 'OH-'], 3, 'NO3- + 6 H2O + 8 e- -> NH3 + 9 OH-'],
    [['H2O', 'e-', 'H2', 'OH-'], 2, '2 H2O + 2 e- -> H2 + 2 OH-'],
    [['O2', 'H+', 'e-', 'H2O'], 3, 'O2 + 4 H+ + 4 e- -> 2 H2O'],
    [['CO2', 'H+', 'e-', 'CO', 'H2O'], 3, 'CO2 + 2 H+ + 2 e- -> CO + H2O'],
    [['N2', 'H+', 'e-', 'NH3'], 3, 'N2 + 6 H+ + 6 e- -> 2 NH3'],
    [['CH4', 'O2', 'CO2', 'H2O'], 2, 'CH4 + 2 O2 -> CO2 + 2 H2O'],
    [['NO2-', 'H+', 'e-', 'NH4+', 'H2O'], 3, 'NO2- + 8 H+ + 6 e- -> NH4+ + 2 H2O'],
    [['Fe3+', 'e-', 'Fe2+'], 2, 'Fe3+ + e- -> Fe2+'],
    [['HAuCl4', 'NaBH4', 'Au', 'NaCl', 'HCl', 'B(OH)3', 'H2O'], 2, ''],
  ];
  for (const [names, left, expected] of cases) {
    const r = balance(names.map(sp), left);
    if (expected === '') {
      assert.notEqual(r.kind, 'balanced', 'with water on the right only, borohydride reduction has no positive balance or is not unique');
      continue;
    }
    assert.equal(r.kind, 'balanced', names.join(' '));
    assert.equal(formatReaction(names, (r as { coefficients: number[] }).coefficients, left), expected);
  }
  assert.equal(balance(['NO3-', 'NH3'].map(sp), 1).kind, 'impossible');
  assert.equal(balance(['H2', 'O2', 'H2O', 'H2O2'].map(sp), 2).kind, 'ambiguous');
});

test('species library: at least 80 entries with formula, CAS, and densities for solvents', () => {
  assert.ok(SPECIES.length >= 80);
  for (const s of SPECIES) assert.ok('formula' in parseFormula(s.formula), s.name);
  for (const s of SPECIES.filter((x) => x.kind === 'solvent')) assert.ok(s.density && s.density > 0.5 && s.density < 2, s.name);
  assert.ok(SPECIES.filter((s) => s.kind !== 'ion').every((s) => /^\d{2,7}-\d{2}-\d$/.test(s.cas ?? '')), 'every non-ion entry has a CAS number');
  assert.equal(lookupSpecies('tetrahydrofuran')?.name, 'THF');
  assert.equal(lookupSpecies('HAuCl4.4H2O')?.name, 'HAuCl4·4H2O');
  assert.deepEqual(suggestSpecies('Me2SAu'), ['Me2SAuCl']);
  assert.equal(suggestSpecies('NaBH5')[0], 'NaBH4');
});
