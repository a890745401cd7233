// Editor features through the bundled server, on the sample.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import {
  HoverRequest, InlayHintRequest, CodeActionRequest, RenameRequest, DocumentFormattingRequest, DocumentSymbolRequest,
  DefinitionRequest, ReferencesRequest, FoldingRangeRequest, SemanticTokensRequest, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from './lsp-client';

const sample = path.join(repoRoot, 'samples', 'au28cu12-si.faraday');
const text = readFileSync(sample, 'utf8');
const lines = text.split('\n');
let client: TestClient;
let uri: string;

const at = (needle: string, offset = 0) => {
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line]!.indexOf(needle) + offset };
};

function apply(source: string, edits: TextEdit[]): string {
  const ls = source.split('\n');
  const toOffset = (p: { line: number; character: number }) => ls.slice(0, p.line).reduce((s, l) => s + l.length + 1, 0) + p.character;
  let out = source;
  for (const e of [...edits].sort((a, b) => toOffset(b.range.start) - toOffset(a.range.start))) out = out.slice(0, toOffset(e.range.start)) + e.newText + out.slice(toOffset(e.range.end));
  return out;
}

before(async () => {
  client = new TestClient();
  await client.initialize();
  uri = await client.open(sample, text);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
});
after(async () => client.close());

test('hover on 20 mg CuCl shows the amount, molar mass and source', async () => {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('20 mg CuCl', 8) });
  const md = (h!.contents as { value: string }).value;
  assert.match(md, /0\.2020 mmol/);
  assert.match(md, /98\.996 g\/mol/);
  assert.match(md, /species library: CuCl, CAS 7758-89-6/);
  assert.match(md, /in solution: 0.0101 M/, '0.2020 mmol in 10 mL THF + 10 mL DCM');
});

test('inlay hints: set-point of -0.8 V vs RHE and the reagent amount', async () => {
  const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } });
  const labels = hints!.map((h) => String(h.label));
  assert.ok(labels.some((l) => l.includes('−1.057 V vs Ag/AgCl')), labels.join(' | '));
  assert.ok(labels.some((l) => l.startsWith('= 0.2020 mmol')));
});

test('quick fix replaces Me2SAu by Me2SAuCl', async () => {
  const pos = at('Me2SAu ');
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } });
  const fix = actions!.find((a) => 'title' in a && a.title === 'Change to `Me2SAuCl`') as { edit: { changes: Record<string, TextEdit[]> } };
  assert.ok(fix);
  assert.match(apply(text, fix.edit.changes[uri]!).split('\n')[pos.line]!, /add 27 mg Me2SAuCl/);
});

test('quick fix writes the balanced reaction', async () => {
  const file = path.join(repoRoot, 'samples', 'unbalanced.faraday');
  const broken = 'reaction NH3 : NO3- + 8 H+ + 8 e- -> NH3 + 3 H2O\n';
  const u = await client.open(file, broken);
  await client.waitForDiagnostics(u, (p) => p.diagnostics.some((d) => d.code === 'FD0306'));
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: { start: { line: 0, character: 20 }, end: { line: 0, character: 20 } }, context: { diagnostics: [] } });
  const fix = actions!.find((a) => 'title' in a && a.title.startsWith('Replace by the balanced reaction')) as { edit: { changes: Record<string, TextEdit[]> } };
  assert.equal(apply(broken, fix.edit.changes[u]!), 'reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O\n');
});

test('quick fixes declare an unknown ligand and convert a value to the unit its place expects', async () => {
  const file = path.join(repoRoot, 'samples', 'ligand-and-units.faraday');
  const broken = 'cluster Au25 = Au25(DDT)18\nelectrode w {\n  area 2 cm2\n}\nplan p at -1.0 V vs RHE for 2 h {\n  expect current density -50 mA\n}\n';
  const u = await client.open(file, broken);
  await client.waitForDiagnostics(u, (p) => p.diagnostics.some((d) => d.code === 'FD0310') && p.diagnostics.some((d) => d.code === 'FD0402'));
  const actionsAt = async (line: number, character: number) =>
    (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [] } }))! as { title: string; edit: { changes: Record<string, TextEdit[]> } }[];
  const declare = (await actionsAt(0, 21)).find((a) => a.title.startsWith('Declare `ligand DDT = C12H25S`'))!;
  assert.ok(apply(broken, declare.edit.changes[u]!).startsWith('ligand DDT = C12H25S "1-dodecanethiolate"\ncluster Au25 = Au25(DDT)18\n'));
  const convert = (await actionsAt(5, 26)).find((a) => a.title.startsWith('Convert to'))!;
  assert.equal(convert.title, 'Convert to `-25 mA/cm2` over the 2 cm² electrode');
  assert.match(apply(broken, convert.edit.changes[u]!), /expect current density -25 mA\/cm2\n/);
});

test('rename of an electrolyte touches its declaration and its use, nothing else', async () => {
  const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at('electrolyte nitrate', 13), newName: 'acidNitrate' });
  const edits = edit!.changes![uri]!;
  assert.equal(edits.length, 2);
  const renamed = apply(text, edits);
  assert.ok(renamed.includes('electrolyte acidNitrate {'));
  assert.ok(renamed.includes('catholyte acidNitrate 30 mL'));
  assert.equal(renamed.replace(/acidNitrate/g, 'nitrate'), text);
  await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at('electrolyte nitrate', 13), newName: 'blank' }), /already exists/);
  // A refusal reaches the editor as LSP's RequestFailed with the sentence alone, not as an internal error with a stack trace.
  await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at('electrolyte nitrate', 13), newName: 'a b' }), (e: { code?: number; message?: string }) => {
    assert.equal(e.code, -32803);
    assert.match(e.message ?? '', /^cannot rename: `a b` is not a single name/);
    assert.doesNotMatch(e.message ?? '', /\n\s+at /);
    return true;
  });
});

test('definition and references of a ligand used inside a formula', async () => {
  const def = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: at('(SR)24', 1) });
  assert.deepEqual((def as { range: { start: unknown } }).range.start, at('ligand SR', 7));
  const refs = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: at('ligand SR', 7), context: { includeDeclaration: true } });
  assert.equal(refs!.length, 2);
});

test('formatting is idempotent and keeps every comment', async () => {
  const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  const once = apply(text, edits ?? []);
  const comments = (s: string) => s.split('\n').map((l) => l.match(/#.*$/)?.[0]).filter(Boolean);
  assert.deepEqual(comments(once), comments(text));
  const u2 = await client.open(path.join(repoRoot, 'samples', 'formatted.faraday'), once);
  const again = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: u2 }, options: { tabSize: 2, insertSpaces: true } });
  assert.equal(apply(once, again ?? []), once);
});

test('outline, folding and semantic tokens', async () => {
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as { name: string; children?: unknown[] }[];
  const synthesis = symbols.find((s) => s.name === 'Au28Cu12' && (s.children?.length ?? 0) > 5);
  assert.ok(synthesis, 'the synthesis has its steps as children');
  const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  assert.ok(folds!.length >= 15);
  const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
  assert.ok(tokens!.data.length > 500 && tokens!.data.length % 5 === 0);
});

test('completion depends on the position', async () => {
  const { CompletionRequest } = await import('vscode-languageserver-protocol/node');
  const labels = async (needle: string, offset: number) => {
    const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at(needle, offset) });
    return (Array.isArray(r) ? r : r!.items).map((i) => i.label);
  };
  const afterVs = await labels('vs SHE', 3);
  assert.ok(afterVs.includes('SCE') && afterVs.includes('Hg/HgO (1 M KOH)'), 'reference electrodes after vs');
  const afterArea = await labels('area 1 cm2', 7);
  assert.ok(afterArea.includes('cm2') && !afterArea.includes('mg'), 'only areas after `area 1`');
  const atLineStart = await labels('  stir 10 min', 2);
  assert.ok(atLineStart.includes('dissolve') && atLineStart.includes('product'), 'step verbs inside a synthesis');
  const afterComma = await labels('data "data/lsv-au28cu12.txt"', 0);
  assert.ok(afterComma.includes('data') && afterComma.includes('onset at'), 'technique-line keywords after a comma');
  const onsetUnits = await labels('onset at 10 mA/cm2', 12);
  assert.ok(onsetUnits.includes('mA/cm2') && !onsetUnits.includes('mA'), 'current densities after `onset at 10`');
  const standardsUnits = await labels('standards mg/L -> absorbance {           # values illustrative', 10);
  assert.ok(standardsUnits.includes('mM') && standardsUnits.includes('ppm') && !standardsUnits.includes('mL'), 'concentration units after `standards`');
});

test('code lens above each block counts its values and problems', async () => {
  const { CodeLensRequest } = await import('vscode-languageserver-protocol/node');
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  const synthesis = lenses!.find((l) => l.range.start.line === at('synthesis Au28Cu12').line)!;
  assert.match(synthesis.command!.title, /^\d+ computed values · 1 error · 1 warning$/);
  const result = lenses!.find((l) => l.range.start.line === at('result Au28Cu12').line)!;
  assert.match(result.command!.title, /computed values/);
});

test('data files are document links and their hover shows what was read', async () => {
  const { DocumentLinkRequest } = await import('vscode-languageserver-protocol/node');
  const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
  assert.ok(links!.some((l) => l.target!.endsWith('/samples/data/lsv-au28cu12.txt')));
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('data "data/lsv-au28cu12.txt"', 8) });
  assert.match((h!.contents as { value: string }).value, /Linear Sweep Voltammetry on CHI660D · 1001 points/);
});

test('the preview request returns the figures, and blocks that feed one get a Preview plots lens', async () => {
  const result = await client.connection.sendRequest<{ version: number; figures: { id: string; spec: { layer?: unknown[] }; pointsRead: number; pointsDrawn: number }[] }>('faraday/figures', { uri });
  assert.deepEqual(result.figures.map((f) => f.id), ['uvvis', 'lsv', 'it', 'fe', 'calibration-nessler', 'calibration-griess', 'calibration-wattchrisp', 'cdl', 'nyquist']);
  const it = result.figures.find((f) => f.id === 'it')!;
  assert.deepEqual([it.pointsRead, it.pointsDrawn], [5 * 7201, 5 * 1500]);
  const { CodeLensRequest } = await import('vscode-languageserver-protocol/node');
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  const preview = lenses!.filter((l) => l.command?.command === 'faraday.showPreview');
  assert.deepEqual(preview.find((l) => l.range.start.line === at('run in H').line)!.command!.arguments, [uri, 'lsv']);
  assert.deepEqual(preview.find((l) => l.range.start.line === at('calibration nessler').line)!.command!.arguments, [uri, 'calibration-nessler']);
  assert.ok(!preview.some((l) => l.range.start.line === at('synthesis Au28Cu12').line), 'a synthesis without spectra has no preview lens');
});

test('the preview request in Vega leaves out the figures the caller holds, by key', async () => {
  type Result = { order: { id: string; key: string }[]; figures: { id: string; vega: { marks?: unknown[] } }[]; timing: { compileMs: number } };
  const all = await client.connection.sendRequest<Result>('faraday/figures', { uri, format: 'vega' });
  assert.deepEqual(all.order.map((o) => o.id), ['uvvis', 'lsv', 'it', 'fe', 'calibration-nessler', 'calibration-griess', 'calibration-wattchrisp', 'cdl', 'nyquist']);
  assert.deepEqual(all.figures.map((f) => f.id), all.order.map((o) => o.id), 'nothing known: every figure is sent');
  assert.equal(new Set(all.order.map((o) => o.key)).size, 9, 'one key per figure');
  // The caller holds every figure but fe: only fe is compiled and sent; the keys of the same text are the same.
  const known = all.order.filter((o) => o.id !== 'fe').map((o) => o.key);
  const rest = await client.connection.sendRequest<Result>('faraday/figures', { uri, format: 'vega', known });
  assert.deepEqual(rest.order, all.order);
  assert.deepEqual(rest.figures, all.figures.filter((f) => f.id === 'fe'));
  const none = await client.connection.sendRequest<Result>('faraday/figures', { uri, format: 'vega', known: all.order.map((o) => o.key) });
  assert.deepEqual(none.figures, []);
});

test('the methods request returns the experimental section in the asked format, with its notes located in the protocol', async () => {
  type Result = { version: number; format: string; text: string; notes: { code: string; range: { start: { line: number } } }[] };
  const md = await client.connection.sendRequest<Result>('faraday/methods', { uri });
  assert.equal(md.format, 'md');
  assert.match(md.text, /^E\(RHE\) = E\(Ag\/AgCl\) \+ 0\.198 V \+ 0\.059 × pH$/m);
  const dcbt = md.notes.find((n) => n.code === 'FD0901' && n.range.start.line === at('30 µL DCBT-H').line);
  assert.ok(dcbt, 'the DCBT-H volume without its moles, on its line');
  const tex = await client.connection.sendRequest<Result>('faraday/methods', { uri, format: 'tex' });
  assert.match(tex.text, /^\\section\*\{Experimental section\}/);
  assert.match(tex.text, /30~\\textmu\{\}L/);
});
