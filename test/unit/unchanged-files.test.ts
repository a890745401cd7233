// The language server's data-file reader: a file unchanged on disk is the same bytes object (the
// analysis then compares in one step), a changed file is read again, refusals are decided each time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, symlinkSync, unlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { UnchangedFileReader } from '../../server/src/instruments/unchanged-files';

test('an unchanged file is the same object; a rewritten one (even of the same size) is read again', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-unchanged-'));
  const file = path.join(dir, 'it.txt');
  writeFileSync(file, '0, 1\n1, 2\n');
  const reader = new UnchangedFileReader();
  const first = reader.read(file, 1000, dir);
  assert.ok(first instanceof Uint8Array);
  assert.equal(reader.read(file, 1000, dir), first);
  // Same size, other content: the change time moves, so the bytes are read again.
  writeFileSync(file, '0, 1\n1, 3\n');
  const second = reader.read(file, 1000, dir);
  assert.ok(second instanceof Uint8Array && second !== first);
  assert.equal(Buffer.from(second).toString(), '0, 1\n1, 3\n');
  // A limit below the kept file's size is a refusal, not the kept bytes.
  assert.deepEqual(reader.read(file, 4, dir), { refused: 'too-large', size: 10 });
  // Deleted: not found, whatever was kept.
  unlinkSync(file);
  assert.equal(reader.read(file, 1000, dir), undefined);
});

test('a kept file replaced by a link out of the workspace is refused', () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'faraday-outside-'));
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-ws-'));
  mkdirSync(path.join(dir, 'data'));
  const file = path.join(dir, 'data', 'it.txt');
  writeFileSync(file, '0, 1\n');
  writeFileSync(path.join(outside, 'secret.txt'), '0, 1\n');
  const reader = new UnchangedFileReader();
  assert.ok(reader.read(file, 1000, dir) instanceof Uint8Array);
  unlinkSync(file);
  symlinkSync(path.join(outside, 'secret.txt'), file);
  const r = reader.read(file, 1000, dir) as { refused: string };
  assert.equal(r.refused, 'outside-workspace');
});
