// Kept values (incremental/snapshot.ts): a snapshot with nothing that moves or
// grows inside is the live value a replay restores, shared; anything holding a
// span, an array, a Map or a Set is restored as a fresh copy at the current offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkPositions, restore, sameAs, snapshot } from '../../server/src/analysis/incremental/snapshot';
import { ParseSession } from '../../server/src/syntax/parse';

test('a plain record of plain values is shared by its snapshot and every restore; spans and containers are copied', () => {
  const parsed = new ParseSession().parse('electrolyte e { 0.1 M KOH in water }\ncell H {\n  catholyte e 30 mL\n}\n');
  const at = new ChunkPositions(parsed.chunks, parsed.document.statements);
  const scale = { name: 'RHE', pHDependent: true, offset: { volts: 0, from: 'SHE' } };
  const kept = snapshot(scale, at) as typeof scale;
  assert.notEqual(kept, scale, 'the snapshot is a copy of what the unit wrote');
  assert.equal(restore(kept, at), kept, 'restored as itself');
  assert.equal(restore(kept, at), kept);
  assert.equal(snapshot(kept, at), kept, 'a shared value read again is not copied again');

  const span = { start: 16, end: 21 };
  const withSpan = snapshot({ scale, span }, at) as { scale: unknown; span: unknown };
  const live = restore(withSpan, at) as { scale: unknown; span: { start: number; end: number } };
  assert.notEqual(live, withSpan, 'a record with a span is restored as a copy');
  assert.equal(live.scale, withSpan.scale, 'its plain part is shared');
  assert.deepEqual(live.span, span);
  assert.ok(sameAs(withSpan, live, at));

  // An array may grow (a unit appends to one it read): a record holding one is copied, whatever else it holds.
  for (const container of [[1, 2], new Map([['KOH', [0.1]]]), new Set([[1]])]) {
    const k = snapshot({ name: 'x', container }, at);
    assert.notEqual(restore(k, at), k, 'a record that holds an array is restored as a copy');
    assert.ok(sameAs(k, restore(k, at), at));
  }
  // Maps and Sets of plain values are shared like records.
  const electrolyte = snapshot({ pH: 1, molar: new Map([['H2SO4', 0.05], ['KNO3', 0.5]]), gases: new Set(['Ar']) }, at);
  assert.equal(restore(electrolyte, at), electrolyte);
});
