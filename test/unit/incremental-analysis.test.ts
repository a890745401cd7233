// The incremental analysis is an optimisation that never changes a result:
// after any sequence of edits, an analysis session (re-parsing only the chunks
// an edit touched, replaying the blocks whose inputs are unchanged) gives
// exactly what a fresh analysis of the same text gives: diagnostics, computed
// values, every range, the typed tree, names and facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze, AnalysisSession, type Analysis } from '../../server/src/analysis/analyze';
import { ParseSession, parseFaraday } from '../../server/src/syntax/parse';
import { chunkStarts } from '../../server/src/syntax/chunks';

const dir = path.resolve(__dirname, '..', '..', 'samples');
const samples = readdirSync(dir).filter((f) => f.endsWith('.faraday')).map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));
const read = (f: string) => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return undefined;
  }
};

/** Everything an analysis says, as plain data (instrument series by their point counts). */
function said(a: Analysis): unknown {
  const plain = (v: unknown): unknown =>
    v instanceof Map ? [...v].map(([k, x]) => [typeof k === 'object' && k && 'span' in k ? (k as { span: unknown }).span : k, plain(x)])
      : v instanceof Set ? [...v]
        : Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' && 'data' in x ? { ...x, data: (x as { data: { points: number } }).data.points } : x))
          : v;
  return JSON.parse(JSON.stringify({
    diagnostics: a.diagnostics,
    values: a.values,
    statements: a.parse.document.statements,
    comments: a.parse.document.comments,
    problems: a.parse.problems,
    tokens: a.parse.tokens.map((t) => [t.image, t.startOffset, t.endOffset]),
    uses: a.symbols.uses.map((u) => [u.name, u.span, u.resolved?.kind, u.resolved?.nameSpan]),
    decls: a.symbols.decls.map((d) => [d.name, d.kind, d.nameSpan, d.span, d.file]),
    bound: [...a.symbols.bound].map((d) => [d.name, d.kind]),
    facts: Object.fromEntries(Object.entries(a.facts).map(([k, v]) => [k, plain(v)])),
  }));
}

// Edits a chemist makes: characters, words, numbers and units, new lines and blocks, deletions.
const SNIPPETS = ['x', '5', ' ', '\n', '}', '{', '(', ')', '"', ',', ';', '#', '->', '-', '0.5', '1e5', 'mg', 'µL', '°C', 'mL/min', 'V vs RHE', 'vs SCE', 'NO3-',
  'add 5 mg CuCl\n', 'stir 10 min\n', 'pH 7 measured\n', 'charge 600 C\n', 'by nessler', 'temperature 30 °C\n', 'nernst slope 0.06 V\n',
  '\nsynthesis X {\n  add 20 mg CuCl in 1 mL water\n}\n', '\nelectrolyte e { 0.1 M KOH in water }\n', '\ncell C {\n  catholyte e 30 mL\n}\n',
  '\nreaction N2 : 2 NO3- + 12 H+ + 10 e- -> N2 + 6 H2O\n', '\nligand SR = SC6H3Cl2\n', 'reagent', 'cell', 'synthesis', 'calibration'];
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteLength: fc.oneof(fc.constant(0), fc.nat({ max: 12 }), fc.nat({ max: 200 })),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 })),
});

function apply(text: string, e: { at: number; deleteLength: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.deleteLength);
}

test('chunks start at every line that begins with a top-level keyword, and nowhere else', () => {
  const text = '# title\nprotocol "p"\ntemperature 25 °C\nsynthesis A {\n  stir\n}\n  cell indented\ncells are not a keyword\ncell H {\n}\r\nrun in H {\n}';
  const starts = chunkStarts(text);
  assert.deepEqual(starts.map((s) => text.slice(s, s + 9)), ['# title\np', 'protocol ', 'synthesis', 'cell H {\n', 'run in H ']);
});

test('a parse session re-parses only the edited chunk and gives the parse from scratch', () => {
  const { text } = samples.find((s) => s.file.endsWith('au28cu12-si.faraday'))!;
  const session = new ParseSession();
  const first = session.parse(text);
  const at = text.indexOf('stir 10 min');
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const second = session.parse(edited);
  const kept = second.chunks.filter((c) => first.chunks.includes(c)).length;
  assert.equal(kept, second.chunks.length - 1, 'every chunk but the edited one is kept');
  const fresh = parseFaraday(edited);
  assert.deepEqual(JSON.parse(JSON.stringify({ d: second.document, p: second.problems })), JSON.parse(JSON.stringify({ d: fresh.document, p: fresh.problems })));
});

test('after random edits near and across chunk starts, a parse session gives the parse from scratch', () => {
  // Chunks before and after an edit are taken back by offset, those around it by text: edits that make or
  // break a chunk start (a keyword at a line start, a line break, CR LF) must give exactly a fresh parse.
  const CHUNK_SNIPPETS = ['\n', '\r', '\r\n', '\ncell', 'cell ', 'synthesis', '\nrun in H {\n', '}', '{', 'x', ' ', 'reagent', '\nreaction', '#'];
  const chunkEdit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    deleteLength: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 }), fc.nat({ max: 4000 })),
    insert: fc.oneof(fc.constantFrom(...CHUNK_SNIPPETS), fc.string({ maxLength: 3 })),
  });
  const shape = (r: ReturnType<typeof parseFaraday>) =>
    JSON.parse(JSON.stringify({ d: r.document, p: r.problems, starts: r.chunks.map((c) => [c.start, c.end]), tokens: r.tokens.map((t) => [t.image, t.startOffset]) }));
  fc.assert(
    fc.property(fc.nat({ max: samples.length - 1 }), fc.array(chunkEdit, { minLength: 1, maxLength: 10 }), (which, edits) => {
      let text = samples[which]!.text;
      const session = new ParseSession();
      session.parse(text);
      for (const e of edits) {
        text = apply(text, e);
        assert.deepEqual(shape(session.parse(text)), shape(parseFaraday(text)));
      }
    }),
    { numRuns: 150, seed: 20261203 },
  );
});

test('after random edits, an analysis session says exactly what a fresh analysis says (samples, with their data files)', () => {
  fc.assert(
    fc.property(fc.nat({ max: samples.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
      const { file } = samples[which]!;
      let text = samples[which]!.text;
      const options = { fileName: file, readFile: read };
      const session = new AnalysisSession();
      session.analyze(text, options);
      for (const e of edits) {
        text = apply(text, e);
        const incremental = said(session.analyze(text, options));
        assert.deepEqual(incremental, said(analyze(text, options)));
      }
    }),
    { numRuns: 60, seed: 20261202 },
  );
});

test('an edit inside one synthesis runs again only that synthesis; the other blocks are replayed', () => {
  const { file, text } = samples.find((s) => s.file.endsWith('au28cu12-si.faraday'))!;
  const options = { fileName: file, readFile: read };
  const session = new AnalysisSession();
  session.analyze(text, options);
  const all = session.lastUnits.ran;
  const at = text.indexOf('stir 10 min');
  session.analyze(text.slice(0, at) + 'stir 11 min' + text.slice(at + 'stir 10 min'.length), options);
  // The synthesis's chemistry unit; nothing else.
  assert.deepEqual(session.lastUnits, { ran: 1, replayed: all - 1 });
});

test('a plan depends on the calibrations of its product, not on every calibration: editing another runs only that one again', () => {
  // Each copy has its calibrations of NH4+ and of NO2- and a plan naming its own: editing one copy's
  // calibration re-reads that calibration and the plan that names it, nothing else.
  const copy = (i: number) => `electrode w${i} {\n  catalyst 1 mg Au\n  area 1 cm2\n}\ncell H${i} {\n  working w${i}\n  catholyte e 30 mL\n}\n` +
    `calibration nh${i} {\n  analyte NH4+\n  dilute 5 µL to 5 mL\n  standards mg/L -> absorbance { 0 -> 0.010; 0.5 -> 0.510; 1.0 -> 1.010 }\n}\n` +
    `calibration no${i} {\n  analyte NO2-N\n  standards mg/L -> absorbance { 0 -> 0.004; 0.1 -> 0.105; 0.2 -> 0.203 }\n}\n` +
    `plan X at -0.8 V vs RHE for 2 h in H${i} {\n  expect current -0.5 mA\n  expect FE NH3 90 % by nh${i}\n}\n`;
  const text = `reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O\nelectrolyte e {\n  0.5 M KNO3 in water\n  pH 7.0 measured\n}\n${[0, 1, 2, 3, 4, 5].map(copy).join('')}`;
  const session = new AnalysisSession();
  session.analyze(text);
  const edited = text.replace('calibration nh3 {\n  analyte NH4+\n  dilute 5 µL', 'calibration nh3 {\n  analyte NH4+\n  dilute 10 µL');
  assert.notEqual(edited, text);
  const incremental = session.analyze(edited);
  assert.deepEqual(said(incremental), said(analyze(edited)));
  // The calibration (its own pass and the electrochemistry pass) and the one plan naming it.
  assert.ok(session.lastUnits.ran <= 4, `ran ${session.lastUnits.ran}`);
  const readings = incremental.values.filter((v) => v.kind === 'expectedReading').map((v) => v.subject);
  assert.deepEqual(readings, ['X/nh0', 'X/nh1', 'X/nh2', 'X/nh3', 'X/nh4', 'X/nh5']);
  // Renaming a calibration no plan names: the calibrations after it do not depend on it either.
  const renamed = edited.replace('calibration no1 {', 'calibration nitrite1 {');
  assert.deepEqual(said(session.analyze(renamed)), said(analyze(renamed)));
  assert.ok(session.lastUnits.ran <= 4, `ran ${session.lastUnits.ran}`);
});

test('an edit of one cell\'s run runs again the results that could be bound to that cell, no other', () => {
  // What each cell's runs say is worked out outside the units: no result depends on every cell and run.
  const copy = (i: number) => `electrode w${i} {\n  catalyst 1 mg Au\n  area 1 cm2\n}\ncell H${i} {\n  working w${i}\n  catholyte e 30 mL\n}\n` +
    `run in H${i} {\n  CA at -0.8 V vs RHE for 2 h\n}\nresult Au at -0.8 V vs RHE for 2 h in H${i} {\n  charge 600 C\n}\n`;
  const text = `electrolyte e {\n  0.5 M KNO3 in water\n  pH 7.0 measured\n}\n${[0, 1, 2, 3, 4, 5].map(copy).join('')}`;
  const session = new AnalysisSession();
  session.analyze(text);
  const edited = text.replace('run in H3 {\n  CA at -0.8', 'run in H3 {\n  CA at -0.9');
  assert.notEqual(edited, text);
  assert.deepEqual(said(session.analyze(edited)), said(analyze(edited)));
  const ranForRun = session.lastUnits.ran;
  // The run's own units, and no result: each names its cell, and the evidence of H3 is not what they read.
  assert.ok(ranForRun <= 2, `ran ${ranForRun}`);
});

test('a change of settings replays nothing: every block is analysed again with the new settings', () => {
  const { text } = samples[0]!;
  const session = new AnalysisSession();
  session.analyze(text, { temperatureK: 298.15 });
  const all = session.lastUnits.ran;
  session.analyze(text, { temperatureK: 310 });
  assert.deepEqual(session.lastUnits, { ran: all, replayed: 0 });
  assert.deepEqual(said(session.analyze(text, { temperatureK: 310 })), said(analyze(text, { temperatureK: 310 })));
});

test('after random edits of cells, runs and results, a session binds results to cells as a fresh analysis does (four repeated blocks)', async () => {
  // Results named after one catalyst in several cells, CA lines at the same potentials in each: bindings that are
  // ambiguous, stated, or found by the run, which an edit of any cell, run or result header can change.
  const { generateLines } = await import('../../bench/generate-protocol');
  const start = generateLines(700);
  const fileName = path.join(dir, 'bench-cells.faraday');
  const BINDING_SNIPPETS = [' in H_1', ' in Hblank_0', ' in H_9', '\n  CA at -0.8 V vs RHE for 2 h\n', '\n  CA at -0.7 V vs RHE for 1 h\n', '-0.8', '-1.0', 'Cu28', 'Au28Cu12', 'wAu28Cu12', 'x', '\n', '}', '2 h', '120 min'];
  const bindingEdit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    deleteLength: fc.oneof(fc.constant(0), fc.nat({ max: 6 }), fc.nat({ max: 80 })),
    insert: fc.constantFrom(...BINDING_SNIPPETS),
  });
  fc.assert(
    fc.property(fc.array(bindingEdit, { minLength: 1, maxLength: 5 }), (edits) => {
      let text = start;
      const options = { fileName, readFile: read };
      const session = new AnalysisSession();
      session.analyze(text, options);
      for (const e of edits) {
        text = apply(text, e);
        assert.deepEqual(said(session.analyze(text, options)), said(analyze(text, options)));
      }
    }),
    { numRuns: 20, seed: 20261207 },
  );
});

test('interned values: one object per content, a difference anywhere inside makes another', async () => {
  const { interned } = await import('../../server/src/analysis/incremental/snapshot');
  const make = (volts: number) => ({ name: 'H_0', catalysts: ['wAu28Cu12', 'Au28Cu12'], electrolyses: [{ potentials: [{ volts, scale: 'RHE' }], durationS: 7200, text: 'CA at -0.8 V vs RHE for 2 h' }] });
  const a = interned(make(-0.8));
  assert.equal(interned(make(-0.8)), a);
  assert.notEqual(interned(make(-0.7)), a);
  assert.deepEqual(interned(make(-0.7)).electrolyses[0]!.potentials[0], { volts: -0.7, scale: 'RHE' });
});

test('a fix a plan adds to a quantity problem survives a second analysis of the same text', () => {
  // The plan's unit adds `Convert to … over the 2 cm² electrode` to the quantities pass's FD0402; a replayed unit did
  // not, so the fix was gone from the second analysis on (seen as an intermittent LSP test failure).
  const text = 'cluster Au25 = Au25(DDT)18\nelectrode w {\n  area 2 cm2\n}\nplan p at -1.0 V vs RHE for 2 h {\n  expect current density -50 mA\n}\n';
  const session = new AnalysisSession();
  const fixes = () => session.analyze(text, {}).diagnostics.find((d) => d.code === 'FD0402')!.fixes!.map((f) => f.title);
  assert.deepEqual(fixes(), ['Convert to `-25 mA/cm2` over the 2 cm² electrode']);
  assert.deepEqual(fixes(), ['Convert to `-25 mA/cm2` over the 2 cm² electrode']);
});

test('results that ask alike share one binding; an edit of the cell, or of the result that worked it out, rebinds both as a fresh analysis does', () => {
  // The second result takes its binding from the table the first filled (bindings by request): it must
  // follow the cell's CA line when that changes, and bind on its own when the first result changes.
  const cellBlock = (name: string, potential: string) =>
    `electrode w${name} {\n  catalyst Au28Cu12\n  area 1 cm2\n}\ncell ${name} {\n  working w${name}\n  catholyte e 30 mL\n}\nrun in ${name} {\n  CA at ${potential} V vs RHE for 2 h\n}\n`;
  const result = (potential: string) => `result Au28Cu12 at ${potential} V vs RHE for 2 h {\n  charge 600 C\n}\n`;
  const base = `cluster Au28Cu12 = Au28Cu12(SR)24\nligand SR = SC6H3Cl2\nelectrolyte e { 0.1 M KOH in water }\n${cellBlock('A', '-0.8')}${cellBlock('B', '-0.7')}${result('-0.8')}${result('-0.8')}`;
  const versions = [
    base,
    base.replace('CA at -0.8', 'CA at -0.7'), // both results now fit no cell's line: none, for both
    base.replace('CA at -0.7', 'CA at -0.8'), // both cells fit: ambiguous, for both
    base.replace(result('-0.8'), result('-0.7')), // the first result binds to B, the second still to A
    base,
  ];
  const session = new AnalysisSession();
  const bindings = (a: Analysis) => a.values.filter((v) => v.kind === 'cell').map((v) => v.value);
  const codes = (a: Analysis) => a.diagnostics.map((d) => d.code).filter((c) => c === 'FD0210' || c === 'FD0211');
  const expected = [[['A', 'A'], []], [[], ['FD0211', 'FD0211']], [[], ['FD0210', 'FD0210']], [['B', 'A'], []], [['A', 'A'], []]];
  versions.forEach((text, i) => {
    const incremental = session.analyze(text);
    assert.deepEqual(said(incremental), said(analyze(text)), `version ${i}`);
    assert.deepEqual([bindings(incremental), codes(incremental)], expected[i], `version ${i}`);
  });
});

test('data files: an edit elsewhere replays the data pass; a changed sweep file, or impedance file of its cell in another run, gives what a fresh analysis gives', () => {
  // The sweep's iR correction comes from the EIS file of a later run of its cell: the data pass reads every
  // block's files first, then corrects and computes per block, so both of its units must follow both files.
  const file = path.join(dir, 'oer-figures-of-merit.faraday');
  const EIS = '  EIS at OCP from 100 kHz to 0.1 Hz, amplitude 10 mV, data "data/eis-ruo2-ocp.txt"\n';
  const sample = readFileSync(file, 'utf8');
  assert.ok(sample.includes(EIS) && sample.includes('  stir 1600 rpm\n'));
  const base = `${sample.replace(EIS, '').replace('  stir 1600 rpm\n', '  stir 1600 rpm\n  iR 85 %\n').replace('lsv-oer-ruo2.txt"', 'lsv-oer-ruo2.txt", onset at 1 mA/cm2')}\nrun in RDE {\n${EIS}}\n`;
  const elsewhere = base.replace('ink RuO2ink {', 'synthesis S {\n  stir 10 min\n}\n\nink RuO2ink {'); // moves every block after it
  /** The sweep's file as written, or rewritten on disk with other data (the text unchanged). */
  let rewritten = false;
  const readAs = (f: string) => read(rewritten && f.endsWith('lsv-oer-ruo2.txt') ? f.replace('lsv-oer-ruo2.txt', 'lsv-oer-ruo2-5ohm.txt') : f);
  const versions: [string, boolean][] = [
    [base, false],
    [elsewhere, false],
    [elsewhere, true], // the sweep's file changed on disk
    [elsewhere.replace('eis-ruo2-ocp.txt', 'eis-au28cu12.txt'), true], // the other run's impedance file: another resistance
    [elsewhere.replace(EIS, '  OCP for 30 min, data "data/ocp-ruo2.txt"\n'), true], // no impedance file: nothing is corrected
    [base, false],
  ];
  const options = { fileName: file, readFile: readAs };
  const session = new AnalysisSession();
  const corrections = versions.map(([text, disk], i) => {
    rewritten = disk;
    const incremental = session.analyze(text, options);
    if (i === 1) assert.ok(session.lastUnits.ran <= 3, `only the new synthesis runs (${session.lastUnits.ran} units ran)`);
    assert.deepEqual(said(incremental), said(analyze(text, options)), `version ${i}`);
    return incremental.facts.datasets.find((d) => d.line === 'LSV')?.iR?.ohm;
  });
  // The versions exercise the correction: the impedance file gives it, another file another one, none none.
  assert.ok(corrections[2] !== undefined && corrections[3] !== undefined && corrections[2] !== corrections[3]);
  assert.equal(corrections[4], undefined);
});

test('data files share one budget per analysis: a file refused for it is read once an earlier file is gone, as a fresh analysis reads it', async () => {
  const { MAX_ANALYSIS_DATA_BYTES } = await import('../../server/src/analysis/passes/data');
  const ws = dir;
  const first = readFileSync(path.join(ws, 'data', 'eis-ruo2-ocp.txt')).length;
  // The real bytes for the first file; a stand-in for the second, one byte larger than it is asked for after the first.
  const readBytes = (f: string, max: number) => {
    if (f.endsWith('eis-ruo2-ocp.txt')) return new Uint8Array(readFileSync(f));
    const size = MAX_ANALYSIS_DATA_BYTES - first + 2;
    return size > max ? { refused: 'too-large' as const, size } : undefined;
  };
  const options = { fileName: path.join(ws, 'budget.faraday'), readBytes, workspaceRoot: ws };
  const run = (line: string) => `run {\n  ${line}\n}\n`;
  const second = run('CA at -0.9 V vs RHE for 2 h, data "data/large.txt"');
  const base = `${run('EIS at OCP from 100 kHz to 0.1 Hz, data "data/eis-ruo2-ocp.txt"')}\n${second}`;
  const versions = [base, base.replace('data "data/eis-ruo2-ocp.txt"', 'data "data/none.txt"'), base];
  const session = new AnalysisSession();
  const refusals = versions.map((text, i) => {
    const incremental = session.analyze(text, options);
    assert.deepEqual(said(incremental), said(analyze(text, options)), `version ${i}`);
    return incremental.diagnostics.filter((d) => d.code === 'FD0772').length;
  });
  assert.deepEqual(refusals, [1, 0, 1]);
});

test('data files: a CA file\'s Init E follows its set-point when only a declared reference scale changes, as a fresh analysis does', () => {
  // Written vs SCE in a cell with an Ag/AgCl reference: the declaration of SCE moves the set-points and
  // nothing the run's cell says, so the data pass's unit must follow the set-points themselves.
  const file = path.join(dir, 'au28cu12-si.faraday');
  const sample = readFileSync(file, 'utf8');
  const CA = 'CA at -0.7, -0.8, -0.9, -1.0, -1.1 V vs RHE for 2 h';
  assert.ok(sample.includes(CA) && sample.includes('\ncell H {'));
  const declared = (volts: string) => sample.replace('\ncell H {', `\nreference SCE at ${volts} V vs SHE\n\ncell H {`).replace(CA, CA.replace('vs RHE', 'vs SCE'));
  const options = { fileName: file, readFile: read };
  const session = new AnalysisSession();
  const messages = [declared('0.241'), declared('0.300')].map((text, i) => {
    const incremental = session.analyze(text, options);
    assert.deepEqual(said(incremental), said(analyze(text, options)), `version ${i}`);
    return incremental.diagnostics.filter((d) => d.code === 'FD0710').map((d) => d.message);
  });
  assert.ok(messages[0]!.length > 0);
  assert.notDeepEqual(messages[0], messages[1]);
});
