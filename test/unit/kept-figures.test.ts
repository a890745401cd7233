// The language server keeps the figures drawn from data files (UV-vis, LSV,
// i-t, Nyquist) between its requests: an edit elsewhere gives the same figure
// objects, which equal a fresh build; an edit of a line that names a file, of
// an LSV's onset, or a file changed on disk, builds the figure again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import { buildFigures, type Figure } from '../../server/src/plots/figures';
import { figureKey } from '../../server/src/plots/figure-key';

const samples = path.resolve(__dirname, '..', '..', 'samples');
const FROM_FILES = ['uvvis', 'lsv', 'it', 'nyquist'];

/** A copy of the sample and its data files, so that a test can change a file. */
function sampleCopy(): { dir: string; file: string; text: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'faraday-kept-'));
  cpSync(path.join(samples, 'data'), path.join(dir, 'data'), { recursive: true });
  const file = path.join(dir, 'au28cu12-si.faraday');
  const text = readFileSync(path.join(samples, 'au28cu12-si.faraday'), 'utf8');
  writeFileSync(file, text);
  return { dir, file, text };
}

function figuresOf(file: string, text: string, reuse: boolean): Map<string, Figure> {
  const a = analyze(text, { fileName: file, readFile: (f) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } } });
  return new Map(buildFigures(a, { reuse }).map((f) => [f.id, f]));
}

test('an edit elsewhere gives the same figures from files, equal to a fresh build', () => {
  const { file, text } = sampleCopy();
  const before = figuresOf(file, text, true);
  const edited = text.replace('stir 10 min', 'stir 12 min');
  assert.notEqual(edited, text);
  const after = figuresOf(file, edited, true);
  const fresh = figuresOf(file, edited, false);
  for (const id of FROM_FILES) {
    assert.ok(after.get(id), `${id} is drawn`);
    assert.equal(after.get(id), before.get(id), `${id}: the kept figure`);
    assert.deepEqual(after.get(id), fresh.get(id), `${id}: what a fresh build gives`);
    assert.equal(figureKey(after.get(id)!), figureKey(fresh.get(id)!));
  }
  // The figures that read the analysis are built again.
  assert.notEqual(after.get('fe'), before.get('fe'));
});

test('an edit of a line that names a file, or a changed file, builds that figure again', () => {
  const { dir, file, text } = sampleCopy();
  const first = figuresOf(file, text, true);
  // The CA line's potentials and scale label the i-t curves: the same files on another scale are another figure.
  const relabelled = text.replace('CA at -0.7, -0.8, -0.9, -1.0, -1.1 V vs RHE', 'CA at -0.7, -0.8, -0.9, -1.0, -1.1 V vs Ag/AgCl');
  assert.notEqual(relabelled, text);
  const second = figuresOf(file, relabelled, true);
  assert.notEqual(second.get('it'), first.get('it'));
  assert.deepEqual(second.get('it'), figuresOf(file, relabelled, false).get('it'));
  assert.ok(JSON.stringify(second.get('it')!.spec).includes('vs Ag/AgCl'), 'the curves carry the new scale');
  assert.equal(second.get('it')!.pointsRead, first.get('it')!.pointsRead, 'the same files were read');
  assert.equal(second.get('uvvis'), first.get('uvvis'), 'the spectra are kept');
  // Another onset current density: another onset on the LSV.
  const onset = relabelled.replace('onset at 10 mA/cm2', 'onset at 5 mA/cm2');
  assert.notEqual(onset, relabelled);
  const withOnset = figuresOf(file, onset, true);
  assert.notEqual(withOnset.get('lsv'), second.get('lsv'));
  assert.deepEqual(withOnset.get('lsv'), figuresOf(file, onset, false).get('lsv'));
  assert.notDeepEqual(withOnset.get('lsv'), second.get('lsv'), 'the onset rule moved');
  // A spectrum changed on disk: a new import, so a new figure with the new absorbance.
  const csv = path.join(dir, 'data', 'uvvis-au28.csv');
  const lines = readFileSync(csv, 'utf8').split('\n');
  const at = lines.findIndex((l) => /^\s*\d/.test(l));
  const cells = lines[at]!.split(',');
  cells[1] = '9.875';
  lines[at] = cells.join(',');
  writeFileSync(csv, lines.join('\n'));
  const third = figuresOf(file, relabelled, true);
  assert.notEqual(third.get('uvvis'), second.get('uvvis'));
  const fresh = figuresOf(file, relabelled, false).get('uvvis')!;
  assert.deepEqual(third.get('uvvis'), fresh);
  assert.ok(JSON.stringify(fresh.spec).includes('9.875'), 'the changed absorbance is drawn');
});
