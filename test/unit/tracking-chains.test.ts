// The chains of a tracked Map's entries (incremental/tracking.ts): a read of an
// entry made by the same kept writes holds without comparing values, so a
// chain must be the same object only when the same writes, in the same order,
// made the entry, and unknown whenever a write was not a kept one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Recorder, Tracker, TrackedMap, type Write } from '../../server/src/analysis/incremental/tracking';
import { ChunkPositions } from '../../server/src/analysis/incremental/snapshot';

const nowhere = new ChunkPositions([], []);

/** Runs `work` as a unit being recorded and returns its kept writes. */
function recorded(tracker: Tracker, work: () => void): Write[] {
  const recorder = new Recorder(nowhere, tracker);
  tracker.current = recorder;
  try {
    work();
  } finally {
    tracker.current = undefined;
  }
  recorder.finish();
  return recorder.writes;
}

/** Applies kept writes as a replay does. */
function replay(tracker: Tracker, map: Map<unknown, unknown>, writes: Write[]): void {
  for (const w of writes) {
    tracker.replaying = w;
    if (w.kind === 'set') map.set(w.key, structuredClone(w.value));
    else if (w.kind === 'delete') map.delete(w.key);
    tracker.replaying = undefined;
  }
}

test('the same kept writes give the same chain in the next analysis; an entry no write made has the empty chain', () => {
  const first = new Tracker(nowhere);
  const cells = new TrackedMap<string, unknown>('cells', first);
  const never = first.chainOf('cells', 'B');
  assert.notEqual(never, undefined);
  const writes = recorded(first, () => cells.set('A', { area: 1 }));
  const chain = first.chainOf('cells', 'A');
  assert.notEqual(chain, never);

  const next = new Tracker(nowhere);
  const again = new TrackedMap<string, unknown>('cells', next);
  assert.equal(next.chainOf('cells', 'B'), never, 'an entry never written is the empty chain in every analysis');
  replay(next, again, writes);
  assert.equal(next.chainOf('cells', 'A'), chain);
  assert.equal(next.chainOf('cells', 'B'), never, 'a write of one key leaves the others alone');
});

test('a chain follows every write of its entry, in order', () => {
  const first = new Tracker(nowhere);
  const cells = new TrackedMap<string, unknown>('cells', first);
  const one = recorded(first, () => cells.set('A', { area: 1 }));
  const two = recorded(first, () => cells.set('A', { area: 2 }));
  const both = first.chainOf('cells', 'A');

  const onlySecond = new Tracker(nowhere);
  replay(onlySecond, new TrackedMap<string, unknown>('cells', onlySecond), two);
  assert.notEqual(onlySecond.chainOf('cells', 'A'), both, 'the last write alone is not the same entry history');

  const swapped = new Tracker(nowhere);
  replay(swapped, new TrackedMap<string, unknown>('cells', swapped), [...two, ...one]);
  assert.notEqual(swapped.chainOf('cells', 'A'), both, 'the same writes in another order make another entry');

  const same = new Tracker(nowhere);
  replay(same, new TrackedMap<string, unknown>('cells', same), [...one, ...two]);
  assert.equal(same.chainOf('cells', 'A'), both);
});

test('a write outside a unit, a deletion, a clear and a Map that began with entries leave no chain to trust', () => {
  const tracker = new Tracker(nowhere);
  const cells = new TrackedMap<string, unknown>('cells', tracker);
  recorded(tracker, () => cells.set('A', { area: 1 }));
  cells.set('B', { area: 2 }); // no unit is recorded: nothing says what wrote it
  assert.equal(tracker.chainOf('cells', 'A'), undefined);
  assert.equal(tracker.chainOf('cells', 'B'), undefined);

  const prefilled = new TrackedMap<string, unknown>('electrolytes', tracker, [['nitrate', { pH: 1 }]]);
  assert.equal(tracker.chainOf('electrolytes', 'nitrate'), undefined);
  assert.equal(prefilled.get('nitrate') !== undefined, true);

  const fits = new TrackedMap<string, unknown>('fits', tracker);
  const set = recorded(tracker, () => fits.set('nessler', { slope: 0.26 }));
  const written = tracker.chainOf('fits', 'nessler');
  recorded(tracker, () => fits.delete('nessler'));
  assert.notEqual(tracker.chainOf('fits', 'nessler'), written, 'a deletion is a write of its entry');
  assert.equal(set.length, 1);
  fits.clear();
  assert.equal(tracker.chainOf('fits', 'nessler'), undefined);
});

test('an array in an entry that a unit grew is a write of that entry', () => {
  const tracker = new Tracker(nowhere);
  const fits = new TrackedMap<string, { samples: number[] }>('fits', tracker);
  recorded(tracker, () => fits.set('nessler', { samples: [] }));
  const before = tracker.chainOf('fits', 'nessler');
  const writes = recorded(tracker, () => fits.get('nessler')!.samples.push(0.099));
  assert.deepEqual(writes.map((w) => w.kind), ['append']);
  assert.notEqual(tracker.chainOf('fits', 'nessler'), before);
});
