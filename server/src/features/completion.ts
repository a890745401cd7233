// Completion that depends on where the cursor is: block keywords at the top
// level, the block's own vocabulary at the start of a line inside it, names
// declared in the file after words that take them, reference electrodes after
// `vs`, and units that fit after a number. Species and units come from the
// libraries through the `vocabulary` argument so this file stays pure.
import type { Analysis } from '../analysis/analyze';
import type { SymbolKind } from '../analysis/symbols';
import { STEP_VERBS } from '../syntax/build/synthesis';
import { TECHNIQUES } from '../syntax/build/electrochem';
import { CONCENTRATION_UNIT_EXAMPLES } from '../electrochem/concentration';
import { NMR_COMPOUNDS, NMR_STANDARDS } from '../data/nmr-protons';
import { SATURATING_GASES } from '../data/gas-solubility';

export interface CompletionEntry {
  label: string;
  kind: 'keyword' | 'snippet' | 'species' | 'unit' | 'reference' | 'name' | 'verb' | 'technique';
  detail?: string;
  /** Snippet text with `${1:placeholder}` tab stops. */
  snippet?: string;
}

/** What the libraries know, passed in by the caller. */
export interface Vocabulary {
  species: { name: string; detail: string }[];
  referenceElectrodes: string[];
  /** Units that fit a slot, by slot name (`mass`, `volume`, `potential`, …); `any` for all. */
  unitsFor: (slot: string) => string[];
}

export const BLOCK_SNIPPETS: CompletionEntry[] = [
  { label: 'synthesis', kind: 'snippet', detail: 'synthesis block', snippet: 'synthesis ${1:Au25} {\n  product ${1:Au25}\n  dissolve ${2:500 mg HAuCl4·4H2O} in ${3:35 mL THF}\n  $0\n}' },
  { label: 'ink', kind: 'snippet', detail: 'catalyst ink block', snippet: 'ink ${1:RuO2ink} {\n  catalyst ${2:5 mg RuO2}\n  solvent ${3:480 µL isopropanol + 480 µL water}\n  ionomer ${4:40 µL Nafion 5 wt%}\n  sonicate ${5:30 min}\n}' },
  { label: 'electrolyte', kind: 'snippet', detail: 'electrolyte block', snippet: 'electrolyte ${1:nitrate} {\n  ${2:0.05 M H2SO4 + 0.5 M KNO3} in water\n  purge Ar 30 min\n  pH ${3:1.0} measured\n}' },
  { label: 'electrode', kind: 'snippet', detail: 'electrode block', snippet: 'electrode ${1:w1} {\n  catalyst ${2:1 mg Au25}, drop-cast from 500 µL DCM\n  area ${3:1 cm2}\n}' },
  { label: 'cell', kind: 'snippet', detail: 'cell block', snippet: 'cell ${1:H} {\n  working ${2:w1}\n  reference ${3:Ag/AgCl (sat. KCl)}\n  counter Pt\n  catholyte ${4:nitrate} ${5:30 mL}\n}' },
  { label: 'run', kind: 'snippet', detail: 'run block', snippet: 'run in ${1:H} {\n  LSV from ${2:-0.15} V to ${3:-1.15} V vs RHE at ${4:10} mV/s\n  CA at ${5:-0.8} V vs RHE for ${6:2} h\n}' },
  { label: 'reaction', kind: 'snippet', detail: 'reaction', snippet: 'reaction ${1:NH3} : ${2:NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O}' },
  { label: 'calibration', kind: 'snippet', detail: 'calibration block', snippet: 'calibration ${1:nessler} {\n  analyte ${2:NH3-N}\n  method ${3:Nessler} at ${4:420} nm\n  standards mg/L -> absorbance {\n    0.0 -> ${5:0.012}\n    $0\n  }\n}' },
  { label: 'result', kind: 'snippet', detail: 'result block', snippet: 'result ${1:catalyst} at ${2:-0.8} V vs RHE for ${3:2} h {\n  charge ${4:600} C\n  ${5:NH3-N} absorbance ${6:0.099} by ${7:nessler}\n}' },
  { label: 'result at cell voltage', kind: 'snippet', detail: 'result of an MEA or two-electrode cell at a cell voltage (on no reference scale)', snippet: 'result ${1:catalyst} at ${2:3.2} V cell voltage for ${3:1} h {\n  current ${4:-200} mA\n  $0\n}' },
  { label: 'result at current density', kind: 'snippet', detail: 'result at a constant current density (current = j × the electrode area)', snippet: 'result ${1:catalyst} at ${2:-200} mA/cm2 for ${3:1} h {\n  $0\n}' },
  { label: 'plan', kind: 'snippet', detail: 'plan block', snippet: 'plan ${1:catalyst} at ${2:-1.0} V vs RHE for ${3:2} h {\n  expect current density ${4:-50} mA/cm2\n  expect FE ${5:NH3} ${6:90} %\n}' },
  { label: 'crystal', kind: 'snippet', detail: 'crystal table', snippet: 'crystal ${1:name} {\n  formula ${2}\n  system ${3:monoclinic}\n  space group ${4:P21/n}\n  cell a ${5} Å, b ${6} Å, c ${7} Å\n  cell alpha 90°, beta ${8}°, gamma 90°\n  Z ${9:4}\n}' },
  { label: 'ligand', kind: 'snippet', detail: 'ligand abbreviation', snippet: 'ligand ${1:SR} = ${2:SC6H3Cl2}' },
  { label: 'reagent', kind: 'snippet', detail: 'reagent declaration', snippet: 'reagent ${1:name} = ${2:formula} density ${3:1.0} g/mL' },
  { label: 'cluster', kind: 'snippet', detail: 'cluster declaration', snippet: 'cluster ${1:Au25} = ${2:[Au25(PET)18](TOA)}' },
  { label: 'import', kind: 'snippet', detail: 'import another file', snippet: 'import "${1:reagents.faraday}"' },
  { label: 'protocol', kind: 'snippet', detail: 'protocol title', snippet: 'protocol "${1:title}"' },
  { label: 'temperature', kind: 'keyword', detail: 'protocol temperature', snippet: 'temperature ${1:25} °C' },
  { label: 'nernst slope', kind: 'keyword', detail: 'Nernst slope convention', snippet: 'nernst slope ${1:0.059} V' },
];

export const BLOCK_VOCABULARY: Record<string, string[]> = {
  ink: ['catalyst', 'additive', 'solvent', 'ionomer', 'sonicate'],
  electrolyte: ['pH', 'purge', 'saturated with', 'solubility', 'diffusivity', 'viscosity'],
  electrode: ['catalyst', 'drop-cast', 'spray', 'loading', 'sites', 'support', 'area'],
  cell: ['type', 'membrane', 'working', 'reference', 'counter', 'catholyte', 'anolyte', 'electrolyte', 'stir', 'purge', 'feed', 'liquid products', 'instrument', 'iR'],
  calibration: ['analyte', 'gas', 'method', 'dilute', 'standards', 'response factor', 'internal standard', 'window'],
  result: ['charge', 'current', 'data', 'yield'],
  plan: ['expect current density', 'expect current', 'expect FE'],
  crystal: ['formula', 'formula weight', 'temperature', 'wavelength', 'system', 'space group', 'cell', 'volume', 'Z', 'density', 'F000', 'reflections', 'restraints', 'parameters', 'goodness of fit', 'R1'],
};

/** Gases read from GC files on a result line; `\\}` keeps the pattern's braces out of the snippet syntax. */
const GC_PATTERN = 'gc/run-{E\\}-{n\\}.fusion-data';
const GC_READING: CompletionEntry = { label: 'H2, CO by GC data', kind: 'snippet', detail: 'gases read from GC files: {E} is the potential, {n} each injection number on disk', snippet: `\${1:H2}, \${2:CO} by \${3:GC} data "\${4:${GC_PATTERN}}" at \${5:20} mL/min` };
const GC_DATA: CompletionEntry = { label: 'data', kind: 'keyword', detail: 'the GC files of the run: {E} is the potential, {n} each injection number on disk', snippet: `data "\${1:${GC_PATTERN}}" at \${2:20} mL/min` };
const GC_METHOD: CompletionEntry = { label: 'GC', kind: 'keyword', detail: 'the instrument\'s calibrated concentrations (with data "…")' };

/** Words after which a name of that kind is expected. */
const NAME_SLOTS: Record<string, SymbolKind[]> = {
  working: ['electrode'], catholyte: ['electrolyte'], anolyte: ['electrolyte'], in: ['cell'], by: ['calibration'],
  product: ['cluster'], basis: ['reagent', 'cluster'], ink: ['ink'], reaction: ['reaction'],
};

/** Unit slot from the word before the number. */
const UNIT_SLOTS: Record<string, string> = {
  area: 'area', loading: 'massPerArea', stir: 'rotation', charge: 'charge', current: 'current', density: 'density', temperature: 'temperature',
  sites: 'amount', amplitude: 'potential', window: 'time', viscosity: 'kinematicViscosity', equilibrium: 'potential',
  wavelength: 'length', volume: 'cellVolume', for: 'time', dilute: 'volume', to: 'any', from: 'any', at: 'any',
};

function enclosingBlock(analysis: Analysis, offset: number): string | undefined {
  for (const s of analysis.parse.document.statements) {
    if ('bodySpan' in s && s.bodySpan.start < offset && offset <= s.bodySpan.end) return s.kind;
  }
  return undefined;
}

export function completions(analysis: Analysis, offset: number, vocabulary: Vocabulary): CompletionEntry[] {
  const lineStart = analysis.text.lastIndexOf('\n', offset - 1) + 1;
  const before = analysis.text.slice(lineStart, offset);
  const words = before.trim().split(/\s+/).filter(Boolean);
  if (/\S$/.test(before)) words.pop(); // the word being typed is what completion replaces
  const previous = words[words.length - 1];
  const block = enclosingBlock(analysis, offset);

  if (previous === 'vs' || previous === 'reference') {
    return vocabulary.referenceElectrodes.map((r) => ({ label: r, kind: 'reference' as const, detail: 'reference electrode' }));
  }
  // `result X at 3.2 V |`: a potential on a scale, or the cell voltage of an MEA or two-electrode cell.
  if (block === undefined && words[0] === 'result' && words[words.length - 3] === 'at' && /^[-−]?\d/.test(words[words.length - 2] ?? '') && /^[mk]?V$/.test(previous ?? '')) {
    return [
      { label: 'vs', kind: 'keyword', detail: 'the potential of the working electrode on a reference scale', snippet: 'vs ${1:RHE}' },
      { label: 'cell voltage', kind: 'keyword', detail: 'the voltage between the two electrodes of an MEA or two-electrode cell: on no reference scale, never converted to the RHE' },
    ];
  }
  if (block === 'calibration' && previous === 'standards') {
    // The standards' unit: every concentration converts through the analyte's molar mass.
    return CONCENTRATION_UNIT_EXAMPLES.map((u) => ({ label: u, kind: 'unit' as const, detail: u === 'ppm' ? 'concentration of the standards (aqueous: = mg/L)' : 'concentration of the standards' }));
  }
  if (block === 'calibration' && previous === 'standard' && words[words.length - 2] === 'internal') {
    // Internal standards of quantitative ¹H NMR, with the protons under the peak where one is integrated.
    return NMR_COMPOUNDS.filter((c) => NMR_STANDARDS.includes(c.name)).map((c) => ({ label: c.names[0]!, kind: 'species' as const, detail: c.defaultPeak === undefined ? `${c.name}: write the protons of the peak integrated, as in (2 H)` : `${c.name}, ${c.peaks[c.defaultPeak]!.protons} H at ${c.peaks[c.defaultPeak]!.shiftPpm} ppm` }));
  }
  if (block === 'cell' && previous === 'type' && words.length === 1) {
    return [
      { label: 'H-cell', kind: 'keyword' as const, detail: 'two compartments; GC lines without a flow take the purge' },
      { label: 'flow cell', kind: 'keyword' as const, detail: 'gas-diffusion electrode with flowing catholyte; GC lines without a flow take the feed' },
      { label: 'MEA', kind: 'keyword' as const, detail: 'membrane electrode assembly (zero-gap): no liquid catholyte; state `liquid products … mL`' },
    ];
  }
  if ((block === 'electrolyte' && previous === 'with' && words[words.length - 2] === 'saturated') || (block === 'cell' && previous === 'feed' && words.length === 1)) {
    return Object.keys(SATURATING_GASES).map((g) => ({ label: g, kind: 'species' as const, detail: SATURATING_GASES[g]!.acidBaseSystem ? `fixes the dissolved ${g} and the pH estimate's ${SATURATING_GASES[g]!.acidBaseSystem}` : 'recorded; no part in the acid–base balance' }));
  }
  if (block === 'run' && previous?.endsWith(',')) {
    // After a comma on a technique line: what else the line can say.
    return [
      { label: 'data', kind: 'keyword' as const, detail: 'instrument file, with {E} or {rate} patterns', snippet: 'data "${1:data/file.txt}"' },
      { label: 'onset at', kind: 'keyword' as const, detail: 'onset potential of an LSV at a current density', snippet: 'onset at ${1:10} mA/cm2' },
      { label: 'overpotential at', kind: 'keyword' as const, detail: 'η = E − E_eq of the reaction at a current density', snippet: 'overpotential at ${1:10} mA/cm2' },
      { label: 'tafel from', kind: 'keyword' as const, detail: 'Tafel slope (mV/dec, R²) over a current-density or potential range', snippet: 'tafel from ${1:1} to ${2:10} mA/cm2' },
      { label: 'mass activity at', kind: 'keyword' as const, detail: 'current per catalyst mass (and per metal) at a potential or overpotential', snippet: 'mass activity at ${1:300} mV overpotential' },
      { label: 'TOF at', kind: 'keyword' as const, detail: 'turnover frequency per site, TOF = i/(nF·N_sites)', snippet: 'TOF at ${1:300} mV overpotential' },
      { label: 'koutecky-levich at', kind: 'keyword' as const, detail: 'n and j_k from a rotation series ({rpm} files)', snippet: 'koutecky-levich at ${1:0.4} V vs RHE' },
      { label: 'reaction', kind: 'keyword' as const, detail: 'the reaction of the figures of merit (equilibrium potential, electrons)', snippet: 'reaction ${1:O2}' },
      { label: 'equilibrium', kind: 'keyword' as const, detail: 'the equilibrium potential as stated, instead of the one from ΔfG°', snippet: 'equilibrium ${1:1.23} V vs RHE' },
      { label: 'amplitude', kind: 'keyword' as const, detail: 'perturbation amplitude of an impedance measurement', snippet: 'amplitude ${1:10} mV' },
      { label: 'window', kind: 'keyword' as const, detail: 'averaging window of a stability run (default 1 % of the run, 10 min to 10 %)', snippet: 'window ${1:10} min' },
      { label: 'cycles', kind: 'keyword' as const, detail: 'number of CV cycles', snippet: '${1:50} cycles' },
    ];
  }
  if (previous !== undefined && /^[-−]?\d/.test(previous)) {
    const slotWord = words[words.length - 2]?.toLowerCase() ?? '';
    const criterion = slotWord === 'at' && ['onset', 'overpotential'].includes(words[words.length - 3]?.toLowerCase() ?? '');
    // `solubility O2 1.2e-6 |`, `diffusivity O2 1.9e-5 |`: the word before the species names the slot.
    const transport = block === 'electrolyte' ? ({ solubility: 'molarConcentration', diffusivity: 'diffusivity', viscosity: 'kinematicViscosity' } as Record<string, string>)[words[0]?.toLowerCase() ?? ''] : undefined;
    const slot = transport ?? (block === 'synthesis' || block === 'electrolyte' || block === 'ink' ? 'amount' : criterion ? 'currentDensity' : UNIT_SLOTS[slotWord] ?? 'any');
    return vocabulary.unitsFor(slot).map((u) => ({ label: u, kind: 'unit' as const, detail: slot === 'any' ? 'unit' : `${slot} unit` }));
  }
  if (block === 'cell' && previous === 'in' && words[0]?.toLowerCase() === 'working') {
    return ['catholyte', 'anolyte'].map((k) => ({ label: k, kind: 'keyword' as const, detail: 'compartment the working electrode sits in' }));
  }
  if (block === 'cell' && previous === 'electrolyte') {
    return analysis.symbols.decls.filter((d) => d.kind === 'electrolyte').map((d) => ({ label: d.name, kind: 'name' as const, detail: d.kind }));
  }
  // `ink |` or `reaction |` at the start of a line declares one; elsewhere (`drop-cast 10 µL of ink |`, `, reaction |`) it refers to one.
  if (previous !== undefined && NAME_SLOTS[previous] && !((previous === 'ink' || previous === 'reaction') && words.length === 1)) {
    const kinds = NAME_SLOTS[previous]!;
    const names = analysis.symbols.decls.filter((d) => kinds.includes(d.kind)).map((d) => ({ label: d.name, kind: 'name' as const, detail: d.kind }));
    // A gas read from GC files may take the instrument's own calibration.
    return block === 'result' && previous === 'by' ? [...names, GC_METHOD] : names;
  }
  if (block === 'result' && words.length >= 2 && words[words.length - 2] === 'by') {
    // After `H2, CO by GC`: the GC files the products are read from, or the carrier flow of written values.
    return [GC_DATA, { label: 'at', kind: 'keyword', detail: 'carrier flow of a gas read by GC', snippet: 'at ${1:20} mL/min' }];
  }
  if (previous !== undefined && words.length >= 2 && /^[-−]?\d/.test(words[words.length - 2]!)) {
    // After `20 mg`: a species.
    return speciesCompletions(analysis, vocabulary);
  }
  if (words.length === 0) {
    if (!block) return BLOCK_SNIPPETS;
    if (block === 'synthesis') return [...['product', 'basis'].map((k) => ({ label: k, kind: 'keyword' as const })), ...STEP_VERBS.map((v) => ({ label: v, kind: 'verb' as const, detail: 'step' }))];
    if (block === 'run') return TECHNIQUES.map((t) => ({ label: t, kind: 'technique' as const, detail: 'technique' }));
    const keywords = (BLOCK_VOCABULARY[block] ?? []).map((k) => ({ label: k, kind: 'keyword' as const, detail: `${block} statement` }));
    return block === 'result' ? [...keywords, GC_READING] : keywords;
  }
  return speciesCompletions(analysis, vocabulary);
}

function speciesCompletions(analysis: Analysis, vocabulary: Vocabulary): CompletionEntry[] {
  const fromFile = analysis.symbols.decls
    .filter((d) => d.kind === 'reagent' || d.kind === 'cluster' || d.kind === 'ligand')
    .map((d) => ({ label: d.name, kind: 'species' as const, detail: `${d.kind} in this file` }));
  return [...fromFile, ...vocabulary.species.map((s) => ({ label: s.name, kind: 'species' as const, detail: s.detail }))];
}
