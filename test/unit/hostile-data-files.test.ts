// Data paths typed wrong or planted: each gives a located diagnostic, no
// file outside the workspace is opened (a spy on fs.openSync and
// fs.readFileSync records every path), nothing is opened that could block
// (a FIFO) or never end (/dev/zero), and no byte of a 2 GB file is read.
import { test, mock, before } from 'node:test';
import assert from 'node:assert/strict';
// The module object itself (not a namespace copy), so the spies see the calls of the code under test.
import fs from 'node:fs';
import * as path from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { analyze } from '../../server/src/analysis/analyze';
import { readBytesBounded, readProtocolText } from '../../server/src/instruments/read-bytes';
import { MAX_PATTERN_FILES } from '../../server/src/analysis/passes/data';

let ws: string;
let outside: string;

before(() => {
  // The workspace, and a folder beside it (outside) with a file a link points to.
  const base = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), 'faraday-hostile-')));
  ws = path.join(base, 'ws');
  outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(ws, 'data'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'Time/sec, Current/A\n0, 1\n1, 2\n');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'data', 'link.txt'));
  fs.symlinkSync(outside, path.join(ws, 'data', 'outside-dir'));
  fs.symlinkSync('/dev/zero', path.join(ws, 'data', 'zero.txt'));
  fs.copyFileSync(path.join(__dirname, '..', '..', 'samples', 'data', 'it-au28cu12--0.8.txt'), path.join(ws, 'data', 'it.txt'));
  fs.symlinkSync(path.join(ws, 'data', 'it.txt'), path.join(ws, 'data', 'inside-link.txt'));
  execFileSync('mkfifo', [path.join(ws, 'data', 'pipe.txt')]);
  // 2 GB, sparse: no disk used, and none of it may be read.
  fs.closeSync(fs.openSync(path.join(ws, 'data', 'big.txt'), 'w'));
  fs.truncateSync(path.join(ws, 'data', 'big.txt'), 2 * 1024 ** 3);
  fs.writeFileSync(path.join(ws, 'data', 'empty.txt'), '');
  fs.writeFileSync(path.join(ws, 'data', 'header.txt'), 'Time/sec, Current/A\r\n');
  fs.writeFileSync(path.join(ws, 'data', 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  // A CH Instruments i-t export saved with old Mac line ends (CR only).
  const header = fs.readFileSync(path.join(ws, 'data', 'it.txt'), 'utf8').split('\n').slice(0, 16);
  fs.writeFileSync(path.join(ws, 'data', 'cr.txt'), [...header, '0, -1.0e-3', '1800, -1.2e-3', '3600, -1.4e-3', ''].join('\r'));
});

/** Records the first argument (the path) of every call of `fs[name]`, calling through to it. */
function spy(name: 'openSync' | 'readFileSync', into: string[]) {
  const original = fs[name] as (...args: unknown[]) => unknown;
  return mock.method(fs, name, function (this: unknown, ...args: unknown[]) {
    into.push(String(args[0]));
    return original.apply(this, args);
  });
}

/** Analyses `data "…"` lines of a CA run in the workspace, recording every path opened. */
function analyseData(paths: string[], options: { readData?: boolean } = {}) {
  const lines = paths.map((p) => `  CA at -0.8 V vs RHE for 1 h, data "${p}"`);
  const text = `run {\n${lines.join('\n')}\n}\n`;
  const opened: string[] = [];
  const open = spy('openSync', opened);
  const readFile = spy('readFileSync', opened);
  try {
    const a = analyze(text, { fileName: path.join(ws, 'p.faraday'), readFile: readProtocolText, readBytes: readBytesBounded, workspaceRoot: ws, ...options });
    const at = (p: string) => a.diagnostics.filter((d) => text.slice(d.span.start, d.span.end) === `"${p}"`).map((d) => `${d.code} ${d.message}`);
    return { a, at, opened };
  } finally {
    open.mock.restore();
    readFile.mock.restore();
  }
}

test('paths out of the workspace (relative, absolute, through a link to a file or a folder) are refused, and nothing outside is opened', () => {
  const { at, opened } = analyseData(['../../etc/passwd', '/etc/passwd', 'data/link.txt', 'data/outside-dir/secret.txt', 'data/zero.txt']);
  assert.match(at('../../etc/passwd')[0]!, /^FD0706 `\.\.\/\.\.\/etc\/passwd` lies outside the workspace/);
  assert.match(at('/etc/passwd')[0]!, /^FD0706 /);
  assert.deepEqual(at('data/link.txt'), [`FD0706 \`data/link.txt\` is a link to ${path.join(outside, 'secret.txt')}, outside the workspace (${ws}); data files must be inside it: copy the data into the workspace`]);
  assert.match(at('data/outside-dir/secret.txt')[0]!, /^FD0706 .* is a link to .*outside\/secret\.txt, outside the workspace/);
  assert.match(at('data/zero.txt')[0]!, /^FD0706 `data\/zero\.txt` is a link to \/dev\/zero, outside the workspace/);
  assert.deepEqual(opened.filter((f) => !f.startsWith(ws + path.sep)), [], 'no file outside the workspace was opened');
  assert.deepEqual(opened, [], 'none of these paths was opened at all');
});

test('a link inside the workspace to a file inside it is read', () => {
  const { a, at } = analyseData(['data/inside-link.txt', 'data/it.txt']);
  assert.deepEqual(at('data/inside-link.txt'), []);
  // 7200 s at one point a second, both ends included, as through the file's own name.
  assert.deepEqual(a.values.filter((v) => v.kind === 'dataFile').map((v) => v.value), [7201, 7201]);
});

test('a directory, a FIFO and a device are named as such, without blocking or reading', { timeout: 20_000 }, () => {
  const { at } = analyseData(['data', 'data/pipe.txt']);
  assert.deepEqual(at('data'), ['FD0770 `data` is a directory, not a data file; name the exported file itself']);
  assert.deepEqual(at('data/pipe.txt'), ['FD0770 `data/pipe.txt` is a named pipe (FIFO), not a data file; name the exported file itself']);
  // /dev/zero and /dev/urandom never end: refused by what fstat says, whatever the size asked.
  for (const device of ['/dev/zero', '/dev/urandom']) assert.deepEqual(readBytesBounded(device, 1024), { refused: 'not-a-file', kind: 'a character device' });
  const dev = analyze('run {\n  CA at -0.8 V vs RHE for 1 h, data "zero"\n}\n', { fileName: '/dev/p.faraday', readBytes: readBytesBounded, workspaceRoot: '/dev' });
  assert.deepEqual(dev.diagnostics.filter((d) => d.code === 'FD0770').map((d) => d.message), ['`zero` is a character device, not a data file; name the exported file itself']);
});

test('a 2 GB file is refused by its size, without reading a byte of it', () => {
  const reads = mock.method(fs, 'readSync');
  try {
    const { at } = analyseData(['data/big.txt']);
    assert.deepEqual(at('data/big.txt'), ['FD0725 `data/big.txt` is larger than the 256 MB Faraday reads (2048 MB); export a shorter run or average points on export']);
    assert.equal(reads.mock.callCount(), 0);
  } finally {
    reads.mock.restore();
  }
});

test('empty, header-only and binary files give located diagnostics; CR-only line ends are read', () => {
  const { a, at } = analyseData(['data/empty.txt', 'data/header.txt', 'data/binary.txt', 'data/cr.txt']);
  assert.match(at('data/empty.txt')[0]!, /^FD0724 /);
  assert.match(at('data/header.txt')[0]!, /^FD0703 /);
  assert.match(at('data/binary.txt')[0]!, /^FD0703 /);
  assert.deepEqual(at('data/cr.txt'), []);
  // Three points 1800 s apart (the hour of the line): trapezoid (−1.0 −1.2)/2·1800 + (−1.2 −1.4)/2·1800 mA·s = −4.32 C.
  const charge = a.values.find((v) => v.kind === 'charge' && v.subject === 'data/cr.txt');
  assert.ok(Math.abs((charge!.value as number) - 4.32) < 1e-9, String(charge?.value));
});

test('a NUL in a data path is refused before any file is looked up', () => {
  const { at, opened } = analyseData(['data/it.txt\u0000.png']);
  assert.deepEqual(at('data/it.txt\u0000.png'), ['FD0770 the data path `data/it.txt\\0.png` holds a NUL character, which no file name has; retype the path']);
  assert.deepEqual(opened, []);
});

test('a {E} pattern over more than 100 potentials reads no file; over 10 000 the line itself is too long to read', () => {
  const potentials = (n: number) => Array.from({ length: n }, (_, i) => `-${(i + 1) / 1000}`).join(', ');
  const text = (n: number) => `run {\n  CA at ${potentials(n)} V vs RHE for 1 h, data "data/it-{E}.txt"\n}\n`;
  for (const [n, code] of [[MAX_PATTERN_FILES + 1, 'FD0771'], [10_000, 'FD0131']] as const) {
    const opened: string[] = [];
    const open = spy('openSync', opened);
    try {
      const a = analyze(text(n), { fileName: path.join(ws, 'p.faraday'), readBytes: readBytesBounded, workspaceRoot: ws });
      const found = a.diagnostics.filter((d) => d.code === code);
      assert.equal(found.length, 1, `${n} potentials`);
      if (code === 'FD0771') assert.equal(found[0]!.message, '`data/it-{E}.txt` expands to 101 files, more than the 100 Faraday reads for one line, so none is read; list fewer values, or split the line');
      assert.ok(!a.diagnostics.some((d) => d.code === 'FD0707'), 'no file was looked for');
      assert.deepEqual(opened, []);
    } finally {
      open.mock.restore();
    }
  }
});

test('an untrusted workspace reads no data file at all', () => {
  const { a, opened } = analyseData(['data/it.txt', 'data/pipe.txt', '../../etc/passwd'], { readData: false });
  assert.deepEqual(a.diagnostics.filter((d) => d.code.startsWith('FD07')).map((d) => d.code), ['FD0705', 'FD0705', 'FD0705']);
  assert.deepEqual(opened, []);
});

test('imports read only regular files: an import of /dev/zero or a FIFO is not found rather than read forever', { timeout: 20_000 }, () => {
  assert.equal(readProtocolText('/dev/zero'), undefined);
  assert.equal(readProtocolText(path.join(ws, 'data', 'pipe.txt')), undefined);
  const a = analyze('import "/dev/zero"\nimport "data/pipe.txt"\n', { fileName: path.join(ws, 'p.faraday'), readFile: readProtocolText });
  assert.deepEqual(a.diagnostics.filter((d) => d.code === 'FD0205' || /cannot find/.test(d.message)).length, 2);
});

test('the data files of one analysis share 256 MB: the next file is asked for no more than what is left, and refused beyond it', async () => {
  const { MAX_ANALYSIS_DATA_BYTES } = await import('../../server/src/analysis/passes/data');
  const { MAX_DATA_FILE_BYTES } = await import('../../server/src/instruments/detect');
  assert.equal(MAX_ANALYSIS_DATA_BYTES, 256 * 1024 * 1024);
  const first = fs.statSync(path.join(ws, 'data', 'it.txt')).size;
  const asked: number[] = [];
  // The real reader for it.txt; for the second file a stand-in that is one byte larger than it is asked for.
  const readBytes = (f: string, max: number, root?: string) => {
    asked.push(max);
    if (f.endsWith('it.txt')) return readBytesBounded(f, max, root);
    const size = MAX_ANALYSIS_DATA_BYTES - first + 2;
    return size > max ? { refused: 'too-large' as const, size } : undefined;
  };
  const text = 'run {\n  CA at -0.8 V vs RHE for 2 h, data "data/it.txt"\n  CA at -0.9 V vs RHE for 2 h, data "data/next.txt"\n}\n';
  const a = analyze(text, { fileName: path.join(ws, 'p.faraday'), readBytes, workspaceRoot: ws });
  assert.deepEqual(asked, [MAX_DATA_FILE_BYTES + 1, MAX_ANALYSIS_DATA_BYTES - first + 1]);
  const budget = a.diagnostics.filter((d) => d.code === 'FD0772');
  assert.equal(budget.length, 1);
  assert.equal(text.slice(budget[0]!.span.start, budget[0]!.span.end), '"data/next.txt"');
  assert.match(budget[0]!.message, /would pass 256 MB/);
});
