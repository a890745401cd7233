// The language server's scheduling, without a connection: debouncing, and
// stale analyses that stop at their next pass instead of running to the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, AnalysisCancelled } from '../../server/src/analysis/analyze';
import { AnalysisScheduler } from '../../server/src/lsp/scheduler';
import { Engine } from '../../server/src/lsp/engine';
import { encodeSemanticTokens } from '../../server/src/lsp/semantic-tokens';
import { sampleText } from './sample-helpers';

test('an analysis asked to stop throws AnalysisCancelled after the pass that noticed', () => {
  let asked = 0;
  assert.throws(() => analyze(sampleText, { isCancelled: () => ++asked >= 3 }), AnalysisCancelled);
  assert.equal(asked, 3, "checked after parsing, then between passes and statements, until it said stop");
  assert.ok(analyze(sampleText, { isCancelled: () => false }).values.length > 100);
});

test('the scheduler drops a stale running analysis and asks for the newest text; requests are never cancelled', () => {
  const analysed: number[] = [];
  const cancelled: string[] = [];
  let stale = true;
  const scheduler = new AnalysisScheduler(0, () => ({}), (_uri, version) => analysed.push(version), () => () => stale, (uri) => cancelled.push(uri));
  scheduler.schedule({ uri: 'file:///a.faraday', version: 1, text: sampleText }, true);
  assert.deepEqual([analysed, cancelled], [[], ['file:///a.faraday']]);
  // A request needs an answer for the version it names: it runs to the end.
  assert.ok(scheduler.analysisFor({ uri: 'file:///a.faraday', version: 1, text: sampleText }).values.length > 100);
  stale = false;
  scheduler.schedule({ uri: 'file:///a.faraday', version: 2, text: sampleText }, true);
  assert.deepEqual(analysed, [1, 2]);
});

test('the engine stops an analysis when an edit arrives during it, and analyses the document again', async () => {
  const published: number[] = [];
  let republished: () => void = () => undefined;
  const again = new Promise<void>((resolve) => (republished = resolve));
  // The main thread's edit counter for the document: 0 when the first analysis starts, 1 from its first check on,
  // as if an edit arrived while it ran.
  let reads = 0;
  const editCount = () => (reads++ === 0 ? 0 : 1);
  const engine = new Engine({ publish: (_uri, version) => { published.push(version); republished(); } }, undefined, 0, editCount);
  engine.open('file:///p.faraday', 1, sampleText);
  assert.deepEqual(published, [], 'the stale run published nothing');
  await again; // rescheduled by the engine, on its own timer
  assert.deepEqual(published, [1]);
});

test('semantic tokens and inlay hints asked for after an edit wait for its debounced analysis instead of making one ahead of it', async () => {
  const published: number[] = [];
  const engine = new Engine({ publish: (_uri, version) => published.push(version) }, undefined, 20);
  const uri = 'file:///tokens-after-edit.faraday';
  engine.open(uri, 1, sampleText);
  const at = sampleText.indexOf('stir 10 min');
  const text = sampleText.slice(0, at) + 'x' + sampleText.slice(at);
  engine.change(uri, 2, text);
  const tokens = engine.request('textDocument/semanticTokens/full', { textDocument: { uri } });
  const hints = engine.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } } });
  assert.ok(tokens instanceof Promise && hints instanceof Promise, 'both wait');
  assert.deepEqual(published, [1], 'no analysis was made for them');
  assert.deepEqual(((await tokens) as { data: number[] }).data, encodeSemanticTokens(analyze(text)).data);
  assert.deepEqual(published, [1, 2], 'the debounced analysis answered them');
  assert.ok(((await hints) as unknown[]).length > 10, 'the hints of the new version');
  // With the analysis made, the answer is immediate.
  assert.ok(!(engine.request('textDocument/semanticTokens/full', { textDocument: { uri } }) instanceof Promise));
  engine.close(uri);
});

test('a long document is primed after its first analysis: nothing is published again, the stored analysis stays that of the text, and later edits equal fresh analyses', async () => {
  const { generateLines } = await import('../../bench/generate-protocol');
  const text = generateLines(3000);
  assert.ok(text.length >= 64 * 1024, 'long enough to be primed');
  const published: number[] = [];
  const scheduler = new AnalysisScheduler(0, () => ({}), (_uri, version) => published.push(version));
  const uri = 'file:///long.faraday';
  scheduler.schedule({ uri, version: 1, text }, true);
  const first = scheduler.latest(uri)!;
  // Each round stores a new analysis of the same version; two rounds, each on its own timer task. Waiting on
  // timers (not on turns of the loop, which may all pass before a round's timer is due) follows the rounds
  // in order: a round's timer is set before the test's next one, so it runs first.
  const changes: unknown[] = [first];
  for (let tasks = 0; changes.length < 3 && tasks < 100; tasks++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const now = scheduler.latest(uri);
    if (now !== changes[changes.length - 1]) changes.push(now);
  }
  assert.equal(changes.length, 3, 'two rounds of priming, each storing an analysis');
  assert.deepEqual(published, [1], 'priming publishes nothing');
  const plain = (a: ReturnType<typeof analyze>) => JSON.parse(JSON.stringify({ d: a.diagnostics, v: a.values, s: a.parse.document.statements }));
  const fresh = analyze(text);
  assert.deepEqual(plain(scheduler.latest(uri)!), plain(fresh));
  assert.equal(scheduler.latestVersion(uri)!.version, 1);
  // The session goes on from the primed state: an edit gives what a fresh analysis of the new text gives.
  const at = text.indexOf('stir 10 min');
  const edited = text.slice(0, at) + 'stir 12 min' + text.slice(at + 'stir 10 min'.length);
  scheduler.schedule({ uri, version: 2, text: edited }, true);
  assert.deepEqual(plain(scheduler.latest(uri)!), plain(analyze(edited)));
});

test('a quick document is analysed early in the debounce and published at its end: one analysis, nothing published before', async () => {
  const uri = 'file:///ahead.faraday';
  const published: { version: number; analysis: unknown }[] = [];
  const ready: { version: number; publishedBefore: number }[] = [];
  let scheduler: AnalysisScheduler;
  let landed: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (landed = resolve));
  scheduler = new AnalysisScheduler(150, () => ({}), (_uri, version, analysis) => {
    published.push({ version, analysis });
    if (version === 3) landed();
  // However long the first analysis took (the threshold has its own test below).
  }, undefined, undefined, undefined, (u) => ready.push({ version: scheduler.latestVersion(u)!.version, publishedBefore: published.length }), Infinity);
  scheduler.schedule({ uri, version: 1, text: sampleText }, true);
  assert.deepEqual(published.map((p) => p.version), [1], 'opening publishes at once');
  const at = sampleText.indexOf('stir 10 min');
  const edit = (n: string) => sampleText.slice(0, at) + `stir ${n} min` + sampleText.slice(at + 'stir 10 min'.length);
  // An edit, then another before the first is analysed: only the second is analysed ahead and published.
  scheduler.schedule({ uri, version: 2, text: edit('11') });
  scheduler.schedule({ uri, version: 3, text: edit('12') });
  assert.ok(scheduler.isScheduled(uri));
  await done;
  assert.deepEqual(ready, [{ version: 3, publishedBefore: 1 }], 'analysed ahead once, before anything was published');
  assert.deepEqual(published.map((p) => p.version), [1, 3]);
  assert.equal(published[1]!.analysis, scheduler.latest(uri), 'the analysis made ahead is the one published');
  const plain = (a: ReturnType<typeof analyze>) => JSON.parse(JSON.stringify({ d: a.diagnostics, v: a.values }));
  assert.deepEqual(plain(scheduler.latest(uri)!), plain(analyze(edit('12'))));
});

test('a document whose analysis takes long is analysed at the end of its debounce, not ahead', async () => {
  const uri = 'file:///slow.faraday';
  const published: number[] = [];
  const ready: number[] = [];
  let landed: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (landed = resolve));
  const scheduler = new AnalysisScheduler(60, () => ({}), (_uri, version) => {
    published.push(version);
    if (version === 2) landed();
  }, undefined, undefined, undefined, () => ready.push(1), 0);
  scheduler.schedule({ uri, version: 1, text: sampleText }, true);
  scheduler.schedule({ uri, version: 2, text: sampleText + '\n' });
  await done;
  assert.deepEqual([published, ready], [[1, 2], []]);
});

test('inlay hints asked for after an edit are answered by the analysis made ahead, before the diagnostics are published', async () => {
  const published: number[] = [];
  const engine = new Engine({ publish: (_uri, version) => published.push(version) }, undefined, 150);
  const uri = 'file:///hints-ahead.faraday';
  engine.open(uri, 1, sampleText);
  const at = sampleText.indexOf('stir 10 min');
  const edit = (n: string) => sampleText.slice(0, at) + `stir ${n} min` + sampleText.slice(at + 'stir 10 min'.length);
  // A first edit, published at the debounce's end: the session's first analysis (cold) may have been slow.
  engine.change(uri, 2, edit('11'));
  while (!published.includes(2)) await new Promise((resolve) => setTimeout(resolve, 20));
  engine.change(uri, 3, edit('12'));
  const hints = engine.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } } });
  assert.ok(hints instanceof Promise, 'it waits for the new version');
  const answered = (await hints) as { label: unknown }[];
  assert.deepEqual(published, [1, 2], 'answered before the debounce published version 3');
  assert.ok(answered.length > 10);
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(published, [1, 2, 3]);
  engine.close(uri);
});

test('a document scheduled again at the same version (an imported file changed) is analysed ahead again, not answered by the older analysis', async () => {
  const uri = 'file:///work/importer.faraday';
  let imported = 'reagent NaBH4 37.83 g/mol\n';
  const reads: string[] = [];
  const ready: number[] = [];
  const published: unknown[] = [];
  let landed: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (landed = resolve));
  const scheduler = new AnalysisScheduler(150, () => ({ fileName: '/work/importer.faraday', readFile: (f: string) => (reads.push(imported), f.endsWith('shared.faraday') ? imported : undefined) }), (_uri, _version, analysis) => {
    published.push(analysis);
    if (published.length === 2) landed();
  }, undefined, undefined, undefined, () => ready.push(reads.length), Infinity);
  const text = 'import "shared.faraday"\n' + sampleText;
  scheduler.schedule({ uri, version: 1, text }, true);
  const first = scheduler.latest(uri);
  imported = 'reagent NaBH4 37.83 g/mol\nreagent KBH4 53.94 g/mol\n';
  scheduler.schedule({ uri, version: 1, text });
  await done;
  assert.equal(ready.length, 1, 'analysed ahead once more');
  assert.ok(reads.slice(0, ready[0]).some((t) => t.includes('KBH4')), 'the analysis ahead read the changed file');
  assert.notEqual(published[1], first);
  assert.equal(published[1], scheduler.latest(uri));
});

test('an edit arriving during a priming round stops it at its next pass; the session goes on to the edited text', async () => {
  const { generateLines } = await import('../../bench/generate-protocol');
  const text = generateLines(3000);
  const uri = 'file:///primed-then-edited.faraday';
  // The edit counter: no edit during the first analysis; from then on, an edit seen at the third check.
  let armed = false;
  const stale = () => {
    const now = armed;
    let checks = 0;
    return () => now && ++checks >= 3;
  };
  const scheduler = new AnalysisScheduler(0, () => ({}), () => undefined, stale);
  scheduler.schedule({ uri, version: 1, text }, true);
  assert.ok(scheduler.latest(uri));
  armed = true;
  // The round runs on its own timer task and stops, storing nothing and throwing nothing.
  for (let tasks = 0; tasks < 20 && scheduler.latest(uri); tasks++) await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(scheduler.latest(uri), undefined, 'the round stopped before storing an analysis');
  armed = false;
  const at = text.indexOf('stir 10 min');
  const edited = text.slice(0, at) + 'stir 12 min' + text.slice(at + 'stir 10 min'.length);
  scheduler.schedule({ uri, version: 2, text: edited }, true);
  const plain = (a: ReturnType<typeof analyze>) => JSON.parse(JSON.stringify({ d: a.diagnostics, v: a.values, s: a.parse.document.statements }));
  assert.deepEqual(plain(scheduler.latest(uri)!), plain(analyze(edited)));
});
