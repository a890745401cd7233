import { replay } from './test/fuzz/lsp-fuzz';
import { analyze } from './server/src/analysis/analyze';
import { readFileSync } from 'node:fs';
const r = replay(Number(process.argv[2]), Number(process.argv[3]));
console.log(r.file, r.text.length, r.last && { ...r.last, insert: r.last.insert.slice(0, 100) + (r.last.insert.length > 100 ? `…(${r.last.insert.length})` : '') });
const t0 = performance.now();
const a = analyze(r.text, { fileName: r.file, readFile: (f) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } } });
console.log('analysis', (performance.now() - t0).toFixed(0), 'ms', a.diagnostics.length);
