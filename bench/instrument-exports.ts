// Generated exports of other potentiostats for the import benchmark, built on
// the real files of test/fixtures/instrument-exports (their headers and
// modules), with as many rows as asked.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const fixtures = path.join(process.cwd(), 'test', 'fixtures', 'instrument-exports');

/** An EC-Lab CV text export (12 columns, Latin-1) with `rows` rows after the real header. */
export function ecLabText(rows: number): Uint8Array {
  const header = readFileSync(path.join(fixtures, 'biologic-cv.mpt'), 'latin1').split('\n').slice(0, 58);
  const lines = [...header];
  for (let i = 0; i < rows; i++) {
    const e = 2.48 - 1e-6 * i;
    lines.push(`2\t0\t0\t0\t0\t${(43202 + 11 * i).toExponential(15).toUpperCase()}\t${e.toExponential(7).toUpperCase()}\t${(e - 7e-4).toExponential(7).toUpperCase()}\t${(-1.2e-6 * Math.sin(i / 50)).toExponential(15).toUpperCase()}\t1.000000000000000E+000\t${(1e-4 * i).toExponential(7).toUpperCase()}\t-3.0661198E-009`);
  }
  return new Uint8Array(Buffer.from(lines.join('\n') + '\n', 'latin1'));
}

/** The real .mpr with its data module replaced by `rows` records of the same 11 columns (37 bytes each). */
export function ecLabBinary(rows: number): Uint8Array {
  const real = new Uint8Array(readFileSync(path.join(fixtures, 'biologic-cv.mpr')));
  const dataModule = 1965; // `MODULE` of `VMP data` in the real file; its header is 51 bytes, its records start 0x195 after it
  const bodyStart = dataModule + 6 + 51;
  const logModule = 191238;
  const record = 37;
  const body = new Uint8Array(0x195 + rows * record);
  body.set(real.subarray(bodyStart, bodyStart + 0x195));
  const view = new DataView(body.buffer);
  view.setUint32(0, rows, true);
  for (let i = 0; i < rows; i++) {
    const at = 0x195 + i * record;
    body[at] = 2;
    view.setFloat64(at + 1, 43202 + 11 * i, true);
    view.setFloat32(at + 9, 2.48 - 1e-6 * i, true);
    view.setFloat32(at + 13, 2.4793 - 1e-6 * i, true);
    view.setFloat64(at + 17, -1.2e-6 * Math.sin(i / 50), true);
    view.setFloat64(at + 25, 1, true);
    view.setFloat32(at + 33, 1e-4 * i, true);
  }
  const header = real.slice(dataModule, bodyStart);
  new DataView(header.buffer).setUint32(6 + 35, body.length, true);
  const out = new Uint8Array(dataModule + header.length + body.length + (real.length - logModule));
  out.set(real.subarray(0, dataModule));
  out.set(header, dataModule);
  out.set(body, dataModule + header.length);
  out.set(real.subarray(logModule), dataModule + header.length + body.length);
  return out;
}

/** A Gamry CV with one CURVE table of `rows` rows after the real header. */
export function gamryText(rows: number): Uint8Array {
  const real = readFileSync(path.join(fixtures, 'gamry-cv_data.dta'), 'utf8');
  const lines = [real.slice(0, real.indexOf('CURVE1')) + 'CURVE1\tTABLE', '\tPt\tT\tVf\tIm\tVu\tSig\tAch\tIERange\tOver', '\t#\ts\tV vs. Ref.\tA\tV\tV\tV\t#\tbits'];
  for (let i = 0; i < rows; i++) lines.push(`\t${i}\t${(0.1 * i).toFixed(1)}\t${(0.5 - 1e-6 * i).toExponential(5).toUpperCase()}\t${(7.8e-9 * Math.cos(i / 50)).toExponential(5).toUpperCase()}\t0.00000E+000\t5.00000E-001\t-1.07185E-003\t5\t...........`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}
