import { replay } from './test/fuzz/lsp-fuzz';
import { analyze } from './server/src/analysis/analyze';
import { readBytesBounded } from './server/src/instruments/read-bytes';
import { readFileSync } from 'node:fs';
const file = 'samples/au28cu12-si.faraday';
const opts = { fileName: require('node:path').resolve(file), readFile: (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } }, readBytes: readBytesBounded };
const orig = readFileSync(file, 'utf8');
const r = replay(101, 11);
for (let i = 0; i < 4; i++) {
  let t0 = performance.now(); analyze(orig, opts); const a = performance.now() - t0;
  t0 = performance.now(); analyze(r.text, opts); const b = performance.now() - t0;
  console.log('orig', a.toFixed(0), 'edited', b.toFixed(0));
}
