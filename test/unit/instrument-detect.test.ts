// The importer is chosen by the content, never by the extension; empty and
// mis-read files give located diagnostics, never an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { detectTextFormat, importInstrumentFile, importText } from '../../server/src/instruments/detect';
import { decodeText } from '../../server/src/instruments/text-decoding';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'instrument-exports');

test('every real export is read by its importer whatever its name', () => {
  const expected: Record<string, [string, string, number]> = {
    'biologic-ca.mpt': ['BioLogic EC-Lab text (.mpt)', 'CA', 721],
    'biologic-cp.mpt': ['BioLogic EC-Lab text (.mpt)', 'CP', 121],
    'biologic-cv.mpr': ['BioLogic EC-Lab binary (.mpr)', 'CV', 5103],
    'biologic-cv.mpt': ['BioLogic EC-Lab text (.mpt)', 'CV', 5103],
    'biologic-lsv.mpt': ['BioLogic EC-Lab text (.mpt)', 'LSV', 1186],
    'biologic-peis.mpt': ['BioLogic EC-Lab text (.mpt)', 'EIS', 32],
    'chi600c-cv.csv': ['CH Instruments text', 'CV', 20390],
    'chi660e-eis.txt': ['CH Instruments text', 'EIS', 73],
    'ezchrom-gc.dat.asc': ['EZChrom ASCII', 'GC', 0],
    'fusion-gc-cu-co2rr.fusion-data': ['INFICON Fusion JSON', 'GC', 0],
    'fusion-gc-cu-co2rr-2-peaks.fusion-data': ['INFICON Fusion JSON', 'GC', 0],
    'gamry-chronoa_data.dta': ['Gamry Framework (.DTA)', 'CA', 10],
    'gamry-cv_data.dta': ['Gamry Framework (.DTA)', 'CV', 50],
    'gamry-eispot_data.dta': ['Gamry Framework (.DTA)', 'EIS', 10],
    'gamry-ocp_data.dta': ['Gamry Framework (.DTA)', 'OCP', 21],
  };
  const files = readdirSync(fixtures).filter((f) => !f.startsWith('.') && !f.endsWith('.md'));
  assert.deepEqual(files.sort(), Object.keys(expected).sort());
  for (const f of files) {
    // Under a neutral name: the content decides.
    const d = importInstrumentFile(new Uint8Array(readFileSync(path.join(fixtures, f))), 'export.txt');
    assert.deepEqual([d.format, d.technique, d.points], expected[f], f);
    assert.deepEqual(d.problems, [], f);
  }
});

test('text is UTF-8 when it decodes as UTF-8, else Latin-1 (EC-Lab writes µ as the byte 0xB5)', () => {
  assert.deepEqual(decodeText(new Uint8Array([0x43, 0x73, 0x2f, 0xb5, 0x46])), { text: 'Cs/µF', encoding: 'latin-1' });
  assert.deepEqual(decodeText(new TextEncoder().encode('Cs/µF')), { text: 'Cs/µF', encoding: 'utf-8' });
  assert.equal(detectTextFormat('EC-Lab ASCII FILE\r\nNb header lines : 3\r\n'), 'biologic-mpt');
  assert.equal(detectTextFormat('EXPLAIN\r\nTAG\tCV\r\n'), 'gamry-dta');
  assert.equal(detectTextFormat('Wavelength (nm),Abs\n400,0.8\n'), 'delimited');
});

test('empty files, blank files and a binary file read as text give located errors, no exception', () => {
  const empty = importInstrumentFile(new Uint8Array(0), 'it.txt');
  assert.deepEqual(empty.problems.map((p) => [p.code, p.line, p.message]), [['FD0724', 1, 'it.txt is empty (0 bytes); copy the export again']]);
  assert.equal(empty.points, 0);
  assert.deepEqual(importText('\n \r\n\t\n', 'it.txt').problems.map((p) => p.code), ['FD0724']);
  // A .mpr decoded as UTF-8 by a text-only reader has lost its bytes: refused, not read.
  const mprAsText = readFileSync(path.join(fixtures, 'biologic-cv.mpr'), 'utf8');
  const refused = importText(mprAsText, 'cv.mpr');
  assert.deepEqual(refused.problems.map((p) => [p.code, p.line]), [['FD0727', 1]]);
  assert.deepEqual(refused.columns, []);
  // Headers alone: each format says there are no rows.
  assert.deepEqual(importText('EC-Lab ASCII FILE\nNb header lines : 3\ntime/s\tEwe/V\n', 'x.mpt').problems.map((p) => [p.code, p.line]), [['FD0703', 3]]);
  assert.deepEqual(importText('EXPLAIN\nTAG\tCV\nCURVE1\tTABLE\n\tPt\tT\n\t#\ts\n', 'x.dta').problems.map((p) => [p.code, p.line]), [['FD0703', 3]]);
});
