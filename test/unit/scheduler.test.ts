// The language server's scheduling, without a connection: debouncing, and
// stale analyses that stop at their next pass instead of running to the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, AnalysisCancelled } from '../../server/src/analysis/analyze';
import { AnalysisScheduler } from '../../server/src/lsp/scheduler';
import { Engine } from '../../server/src/lsp/engine';
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
