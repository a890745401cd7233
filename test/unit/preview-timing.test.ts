// The preview's breakdown (client/src/preview/timing.ts): each side's wall-clock
// marks become whole milliseconds after the command, or after the request of
// an update that had no command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previewBreakdown } from '../../client/src/preview/timing';

test('marks of the three sides are put after the command, rounded to whole ms', () => {
  const t0 = 1_700_000_000_000;
  const b = previewBreakdown(
    { command: t0, panelCreated: t0 + 1, requestSent: t0 + 2, readyReceived: t0 + 240 },
    // The webview's clock has fractions: 180.4 → 180, 230.6 → 231.
    { documentStart: t0 + 180.4, firstDrawn: t0 + 230.6 },
    { receivedAt: t0 + 5, answeredAt: t0 + 160, analysisMs: 0, figuresMs: 14.6, compileMs: 140.2 },
  );
  assert.deepEqual(b, {
    extension: { command: 0, panelCreated: 1, requestSent: 2, readyReceived: 240 },
    webview: { documentStart: 180, firstDrawn: 231 },
    server: { received: 5, answered: 160, analysisMs: 0, figuresMs: 15, compileMs: 140 },
  });
});

test('an update is timed from its request; without either mark there is no breakdown', () => {
  const t0 = 1_700_000_000_000;
  assert.deepEqual(previewBreakdown({ requestSent: t0, figuresPosted: t0 + 20 }, { allDrawn: t0 + 95 }, undefined), { extension: { requestSent: 0, figuresPosted: 20 }, webview: { allDrawn: 95 } });
  assert.equal(previewBreakdown({ figuresPosted: t0 }, {}, undefined), undefined);
});
