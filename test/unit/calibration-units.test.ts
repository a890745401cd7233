// Calibrations in any concentration unit, the analyte basis of a calibration against the
// species a result line names, and concentrations measured directly. Hand calculations
// in the comments; molar masses from CIAAW 2021 (N 14.007, H 1.008, O 15.999).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { hoverAt } from '../../server/src/lsp/hover';
import { completions } from '../../server/src/features/completion';

const F = 96485.33212;

interface Doc {
  analyte?: string;
  unit?: string;
  rows?: string;
  dilute?: string;
  reading?: string;
  charge?: string;
  response?: string;
}

/** A nitrate-reduction protocol with one calibration and one result (30 mL catholyte). */
function protocol(d: Doc = {}): string {
  const { analyte = 'NH3', unit = 'mM', rows = '0 -> 0.010; 0.5 -> 0.510; 1.0 -> 1.010', dilute = '', reading = 'NH3 absorbance 0.51 by cal', charge = '20 C', response = 'absorbance' } = d;
  return `reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O
reaction NO2 : NO3- + 2 H+ + 2 e- -> NO2- + H2O
electrolyte e {
  0.05 M H2SO4 + 0.5 M KNO3 in water
  pH 1.0 measured
}
electrode w {
  catalyst 1 mg Au
  area 1 cm2
}
cell H {
  working w
  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE
  catholyte e 30 mL
}
calibration cal {
  analyte ${analyte}
  ${dilute}
  standards ${unit} -> ${response} { ${rows} }
}
result X at -0.8 V vs RHE for 1 h {
  charge ${charge}
  ${reading}
}
`;
}

const near = (a: number | undefined, b: number, rel: number, what: string) =>
  assert.ok(a !== undefined && Math.abs(a - b) <= rel * Math.abs(b), `${what}: got ${a}, expected ${b}`);

function valueOf(a: Analysis, kind: string, subject: string): number | undefined {
  const v = a.values.find((x) => x.kind === kind && x.subject === subject);
  return typeof v?.value === 'number' ? v.value : undefined;
}

const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error');

test('standards in mM, µM, M, mol/L, g/L, mg/L, µg/mL and ppm convert through the molar mass of the analyte', () => {
  // The standards are an exact line: reading = 0.010 + 1.000 × c, so absorbance 0.510 reads c = 0.5 (standards unit).
  // NH3 17.031 g/mol: 0.5 mM = 0.5e-3 mol/L × 17.031 g/mol = 8.5155 mg/L; 0.5 µM = 0.0085155 mg/L; 0.5 M = 8515.5 mg/L.
  // 0.5 g/L = 500 mg/L; 0.5 µg/mL = 0.5 mg/L; 0.5 ppm (aqueous) = 0.5 mg/L.
  const cases: [string, number][] = [
    ['mM', 8.5155], ['µM', 0.0085155], ['uM', 0.0085155], ['M', 8515.5], ['mol/L', 8515.5],
    ['g/L', 500], ['mg/L', 0.5], ['µg/mL', 0.5], ['ppm', 0.5],
  ];
  for (const [unit, mgPerL] of cases) {
    const a = analyze(protocol({ unit }));
    assert.deepEqual(errors(a), [], unit);
    near(valueOf(a, 'concentration', 'X/NH3'), mgPerL, 1e-9, unit);
  }
  // On a nitrogen basis a mole counts nitrogen atoms: 0.5 mM NH3-N = 0.5e-3 × 14.007 g/mol = 7.0035 mg/L N.
  near(valueOf(analyze(protocol({ analyte: 'NH3-N', reading: 'NH3-N absorbance 0.51 by cal' })), 'concentration', 'X/NH3-N'), 7.0035, 1e-9, 'mM NH3-N');
  // NH4+ 18.039 g/mol: 0.5 mM NH4+ = 9.0195 mg/L.
  near(valueOf(analyze(protocol({ analyte: 'NH4+', reading: 'NH4+ absorbance 0.51 by cal' })), 'concentration', 'X/NH4+'), 9.0195, 1e-9, 'mM NH4+');
  // NO2- 46.005 g/mol, NO3- 62.004 g/mol: 0.5 µM = 0.0230025 and 0.031002 mg/L.
  near(valueOf(analyze(protocol({ analyte: 'NO2-', unit: 'µM', reading: 'NO2- absorbance 0.51 by cal' })), 'concentration', 'X/NO2-'), 0.0230025, 1e-9, 'µM NO2-');
  near(valueOf(analyze(protocol({ analyte: 'NO3-N', unit: 'µM', reading: 'NO3-N absorbance 0.51 by cal' })), 'concentration', 'X/NO3-N'), 0.0070035, 1e-9, 'µM NO3-N');
});

test('the hover of a ppm calibration says it is read as mg/L of an aqueous solution', () => {
  const a = analyze(protocol({ unit: 'ppm' }));
  const text = a.values.filter((v) => v.kind.startsWith('calibration') || v.kind === 'concentration').map((v) => `${v.label} ${v.detail ?? ''}`).join('\n');
  assert.match(text, /ppm.*mg\/L.*aqueous/);
});

test('hovering the unit of the standards shows its conversion; completion after `standards` offers concentrations', () => {
  const hoverText = (text: string, needle: string) => {
    const h = hoverAt(analyze(text), text.indexOf(needle) + 1);
    return h ? (h.contents as { value: string }).value : '';
  };
  const ppm = protocol({ unit: 'ppm', analyte: 'NH3-N', reading: 'NH3-N absorbance 0.51 by cal' });
  assert.match(hoverText(ppm, 'ppm ->'), /1 ppm NH3-N = 1 mg\/L NH3-N \(aqueous\)/);
  assert.match(hoverText(ppm, 'ppm ->'), /ppm of an aqueous solution is read as mg\/L/);
  // 1 mM NH3 = 1e-3 mol/L × 17.031 g/mol = 17.031 mg/L
  assert.match(hoverText(protocol(), 'mM ->'), /1 mM NH3 = 17\.031 mg\/L NH3/);
  const text = protocol();
  const at = text.indexOf('standards ') + 'standards '.length;
  const labels = completions(analyze(text), at, { species: [], referenceElectrodes: [], unitsFor: () => [] }).map((c) => c.label);
  for (const u of ['mg/L', 'µg/mL', 'g/L', 'ppm', 'mM', 'µM', 'M', 'mol/L']) assert.ok(labels.includes(u), u);
  assert.ok(!labels.includes('mL'), 'only concentrations');
});

test('a standards unit that is not a concentration is an error at the unit, and nothing is read through it', () => {
  for (const unit of ['mL', 'absorbance', '%', 'mg']) {
    const text = protocol({ unit });
    const a = analyze(text);
    const d = a.diagnostics.find((x) => x.code === 'FD0520');
    assert.ok(d, `${unit}: ${a.diagnostics.map((x) => x.code + ' ' + x.message).join('; ')}`);
    assert.equal(d.severity, 'error');
    assert.equal(text.slice(d.span.start, d.span.end), unit);
    assert.match(d.message, /mg\/L/, 'says what to write');
    assert.equal(valueOf(a, 'concentration', 'X/NH3'), undefined, `${unit}: no number`);
    assert.equal(valueOf(a, 'faradaicEfficiency', 'X/NH3'), undefined, `${unit}: no FE`);
  }
});

test('FE of an mM calibration of NH3, by hand', () => {
  // 0.5 mM NH3 in 30 mL: 0.5e-3 mol/L × 0.030 L = 1.5e-5 mol NH3.
  // FE = n F N / Q = 8 × 96485.33212 × 1.5e-5 / 20 C = 0.5789120 → 57.8912 %.
  const a = analyze(protocol());
  near(valueOf(a, 'productAmount', 'X/NH3'), 0.015, 1e-9, 'mmol NH3');
  near(valueOf(a, 'faradaicEfficiency', 'X/NH3'), 57.8912, 1e-6, 'FE');
  near(valueOf(a, 'faradaicEfficiency', 'X/NH3'), (100 * 8 * F * 0.5e-3 * 0.030) / 20, 1e-12, 'FE = nFcV/Q');
  // With `dilute 50 µL to 5 mL` (×100) the catholyte holds 50 mM: 1.5e-3 mol, FE = 8 F × 1.5e-3 / 2000 C = 57.8912 %.
  const d = analyze(protocol({ dilute: 'dilute 50 µL to 5 mL', charge: '2000 C' }));
  near(valueOf(d, 'concentration', 'X/NH3'), 851.55, 1e-9, 'mg/L NH3 in the catholyte');
  near(valueOf(d, 'faradaicEfficiency', 'X/NH3'), (100 * 8 * F * 50e-3 * 0.030) / 2000, 1e-12, 'FE diluted');
});

test('the basis of the calibration decides the moles; a reading of the same compound converts', () => {
  // NH4+ standards in mg/L: absorbance 0.51 reads 0.5 mg/L NH4+ = 0.5 / 18.039 mmol/L.
  // Read as NH3: 0.5 × 17.031 / 18.039 = 0.472061 mg/L NH3; N = 0.5/18.039 mmol/L × 0.030 L = 8.31532e-4 mmol,
  // FE = 8 F × 8.31532e-7 mol / 0.05 C = 1.28365 → 128.365 %.
  const asNH3 = analyze(protocol({ analyte: 'NH4+', unit: 'mg/L', reading: 'NH3 absorbance 0.51 by cal', charge: '0.05 C' }));
  assert.ok(!errors(asNH3).length, errors(asNH3).map((d) => d.message).join('; '));
  near(valueOf(asNH3, 'concentration', 'X/NH3'), (0.5 * 17.031) / 18.039, 1e-9, 'mg/L NH3 from NH4+');
  near(valueOf(asNH3, 'productAmount', 'X/NH3'), (0.5 / 18.039) * 0.030, 1e-9, 'mmol');
  near(valueOf(asNH3, 'faradaicEfficiency', 'X/NH3'), (100 * 8 * F * (0.5e-3 / 18.039) * 0.030) / 0.05, 1e-9, 'FE from NH4+ moles');
  // NH3-N standards read as NH3: 0.5 mg/L N = 0.5 × 17.031 / 14.007 = 0.607939 mg/L NH3, the same moles of N.
  const fromN = analyze(protocol({ analyte: 'NH3-N', unit: 'mg/L', reading: 'NH3 absorbance 0.51 by cal' }));
  near(valueOf(fromN, 'concentration', 'X/NH3'), (0.5 * 17.031) / 14.007, 1e-9, 'mg/L NH3 from NH3-N');
  near(valueOf(fromN, 'productAmount', 'X/NH3'), (0.5 / 14.007) * 0.030, 1e-9, 'mmol from NH3-N');
  // NH3 standards read as NH3-N: 0.5 mM NH3 = 0.5 mM N = 7.0035 mg/L N.
  near(valueOf(analyze(protocol({ reading: 'NH3-N absorbance 0.51 by cal' })), 'concentration', 'X/NH3-N'), 7.0035, 1e-9, 'mM NH3 read as NH3-N');
});

test('a reading of another compound than its calibration is an error naming both', () => {
  const text = protocol({ analyte: 'NH3', unit: 'mg/L', reading: 'NO2-N absorbance 0.51 by cal' });
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === 'FD0521');
  assert.ok(d, a.diagnostics.map((x) => x.code + ' ' + x.message).join('; '));
  assert.equal(d.severity, 'error');
  assert.equal(text.slice(d.span.start, d.span.end), 'NO2-N');
  assert.match(d.message, /NH3/);
  assert.match(d.message, /NO2-N/);
  assert.equal(valueOf(a, 'concentration', 'X/NO2-N'), undefined);
  assert.equal(valueOf(a, 'faradaicEfficiency', 'X/NO2-'), undefined);
  assert.equal(valueOf(a, 'faradaicEfficiency', 'X/NH3'), undefined);
});

test('a reading with a concentration unit is a concentration: `by` then names the method only', () => {
  // 10 mg/L NH3 in 30 mL: 10/17.031 mmol/L × 0.030 L = 0.0176149 mmol; FE = 8 F × 1.76149e-5 / 20 C = 67.9822 %.
  for (const reading of ['NH3 10 mg/L by uv', 'NH3 10 mg/L', 'NH3 10 mg/L by ion chromatography', 'NH3 0.010 g/L']) {
    const a = analyze(protocol({ reading }));
    // FD0550 only notes that NH3 alone accounts for 68 % of the charge.
    const relevant = a.diagnostics.filter((d) => d.code !== 'FD0550' && (d.severity === 'error' || d.code.startsWith('FD05') || d.code.startsWith('FD01')));
    assert.deepEqual(relevant.map((d) => `${d.code} ${d.message}`), [], reading);
    near(valueOf(a, 'concentration', 'X/NH3'), 10, 1e-12, reading);
    near(valueOf(a, 'faradaicEfficiency', 'X/NH3'), (100 * 8 * F * (10e-3 / 17.031) * 0.030) / 20, 1e-9, `${reading}: FE`);
  }
  // 0.5 mM NH3 = 8.5155 mg/L; 2.1 mg/L NO2- (46.005 g/mol) in 30 mL: 2.1/46.005 × 0.030 = 0.00136942 mmol, FE = 2 F N / 20 C.
  near(valueOf(analyze(protocol({ reading: 'NH3 0.5 mM by ISE' })), 'concentration', 'X/NH3'), 8.5155, 1e-9, 'molar reading');
  const no2 = analyze(protocol({ reading: 'NO2- 2.1 mg/L by ion chromatography' }));
  near(valueOf(no2, 'productAmount', 'X/NO2-'), (2.1 / 46.005) * 0.030, 1e-9, 'NO2- mmol');
  near(valueOf(no2, 'faradaicEfficiency', 'X/NO2-'), (100 * 2 * F * (2.1e-3 / 46.005) * 0.030) / 20, 1e-9, 'NO2- FE');
});

test('a reading whose unit does not fit the calibration response is an error at the quantity', () => {
  const check = (reading: string, code: string, at: string) => {
    const text = protocol({ reading });
    const a = analyze(text);
    const d = a.diagnostics.find((x) => x.code === code);
    assert.ok(d, `${reading}: ${a.diagnostics.map((x) => x.code + ' ' + x.message).join('; ')}`);
    assert.equal(d.severity, 'error', reading);
    assert.equal(text.slice(d.span.start, d.span.end), at, reading);
    assert.equal(valueOf(a, 'concentration', 'X/NH3'), undefined, `${reading}: no number`);
    assert.equal(valueOf(a, 'faradaicEfficiency', 'X/NH3'), undefined, `${reading}: no FE`);
    return d;
  };
  // A concentration through a calibration that turns absorbance into concentration.
  const d = check('NH3 10 mg/L by cal', 'FD0522', '10 mg/L');
  assert.match(d.message, /absorbance/);
  check('NH3 absorbance 0.51 mA by cal', 'FD0522', '0.51 mA');
  // An absorbance with no calibration.
  check('NH3 absorbance 0.51', 'FD0515', '0.51');
  check('NH3 absorbance 0.51 by ion chromatography', 'FD0515', '0.51');
  // ppm of a dissolved product without a gas flow: a mass concentration or a volume fraction?
  check('NH3 5 ppm', 'FD0523', '5 ppm');
});

test('a calibration with a response in a unit reads readings in a unit of the same kind', () => {
  // Standards µM -> µA: 0.5 µA = 500 nA reads 0.5 µM NH3 = 0.0085155 mg/L.
  const a = analyze(protocol({ unit: 'µM', response: 'µA', rows: '0 -> 0; 1 -> 1; 2 -> 2', reading: 'NH3 500 nA by cal' }));
  assert.deepEqual(errors(a), []);
  near(valueOf(a, 'concentration', 'X/NH3'), 0.0085155, 1e-9, 'nA through a µA calibration');
  const bare = analyze(protocol({ unit: 'µM', response: 'µA', rows: '0 -> 0; 1 -> 1; 2 -> 2', reading: 'NH3 0.5 by cal' }));
  assert.ok(bare.diagnostics.some((x) => x.code === 'FD0522' && /µA/.test(x.message)), 'a bare number against a µA response');
});

// Molar masses of what one mole of each basis counts (CIAAW 2021 conventional weights),
// and what a unit is in g/L (mass) or mol/L (molar): written out independently of the code.
const BASIS_G_PER_MOL: Record<string, number> = {
  'NH3-N': 14.007, NH3: 17.031, 'NH4+': 18.039, 'NO2-N': 14.007, 'NO2-': 46.005, 'NO3-N': 14.007, 'NO3-': 62.004,
};
const COMPOUND: Record<string, string> = { 'NH3-N': 'ammonia', NH3: 'ammonia', 'NH4+': 'ammonia', 'NO2-N': 'nitrite', 'NO2-': 'nitrite', 'NO3-N': 'nitrate', 'NO3-': 'nitrate' };
const UNITS: Record<string, { kind: 'mass' | 'molar'; perLitre: number }> = {
  M: { kind: 'molar', perLitre: 1 }, 'mol/L': { kind: 'molar', perLitre: 1 }, mM: { kind: 'molar', perLitre: 1e-3 }, µM: { kind: 'molar', perLitre: 1e-6 },
  'g/L': { kind: 'mass', perLitre: 1 }, 'mg/L': { kind: 'mass', perLitre: 1e-3 }, 'µg/mL': { kind: 'mass', perLitre: 1e-3 }, ppm: { kind: 'mass', perLitre: 1e-3 },
};

test('property: the reported concentration is (reading − intercept)/slope × unit × dilution × molar-mass conversion', () => {
  const bases = Object.keys(BASIS_G_PER_MOL);
  const arb = fc.record({
    calAnalyte: fc.constantFrom(...bases),
    readAs: fc.nat({ max: 6 }),
    unit: fc.constantFrom(...Object.keys(UNITS)),
    slope: fc.integer({ min: 1, max: 5000 }).map((n) => n / 1000),
    intercept: fc.integer({ min: -50, max: 50 }).map((n) => n / 1000),
    step: fc.integer({ min: 1, max: 200 }).map((n) => n / 100),
    standards: fc.integer({ min: 3, max: 6 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    dilution: fc.option(fc.record({ from: fc.integer({ min: 1, max: 500 }), to: fc.integer({ min: 1, max: 100 }) }), { nil: undefined }),
  });
  fc.assert(
    fc.property(arb, (p) => {
      const sameCompound = bases.filter((b) => COMPOUND[b] === COMPOUND[p.calAnalyte]);
      const readAs = sameCompound[p.readAs % sameCompound.length]!;
      const xs = Array.from({ length: p.standards }, (_, i) => i * p.step);
      const rows = xs.map((x) => `${x} -> ${(p.intercept + p.slope * x).toPrecision(15)}`).join('; ');
      const cHigh = xs[xs.length - 1]!;
      const reading = Number((p.intercept + p.slope * (p.at * cHigh)).toPrecision(6));
      const dilute = p.dilution ? `dilute ${p.dilution.from} µL to ${p.dilution.to} mL` : '';
      const a = analyze(protocol({ analyte: p.calAnalyte, unit: p.unit, rows, dilute, reading: `${readAs} absorbance ${reading} by cal` }));
      // Hand formula: c (standards unit) = (reading − intercept)/slope, × dilution, to mol/L of the counted entity
      // (mass units divide by the molar mass of the calibration's basis), then × the molar mass of the line's basis.
      // Every species here has one N, so one mole of the basis is one mole of the compound whichever basis is named.
      const D = p.dilution ? (p.dilution.to * 1e-3) / (p.dilution.from * 1e-6) : 1;
      const u = UNITS[p.unit]!;
      const x = ((reading - p.intercept) / p.slope) * D;
      const toMgPerL = (c: number) => (u.kind === 'mass' ? (c * u.perLitre) / BASIS_G_PER_MOL[p.calAnalyte]! : c * u.perLitre) * BASIS_G_PER_MOL[readAs]! * 1000;
      const expectedMgPerL = toMgPerL(x);
      // Rounding of the fit is relative to the range of the standards, not to a reading near zero.
      const tolerance = 1e-8 * Math.abs(expectedMgPerL) + 1e-10 * toMgPerL(cHigh * D);
      const got = valueOf(a, 'concentration', `X/${readAs}`);
      assert.deepEqual(errors(a).map((d) => d.message), []);
      assert.ok(got !== undefined && Math.abs(got - expectedMgPerL) <= tolerance, `${JSON.stringify(p)} read as ${readAs}: got ${got}, expected ${expectedMgPerL}`);
    }),
    { numRuns: 150 },
  );
});
