import { readFileSync } from 'node:fs';
import { analyze } from './server/src/analysis/analyze';
const p = '/work/wt-merit/samples/oer-figures-of-merit.faraday';
const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
const s = readFileSync(p, 'utf8').replace('tafel from 1 to 10 mA/cm2', process.argv[2]!);
const a = analyze(s, { fileName: p, readFile: read });
console.log(a.diagnostics.map((d) => d.code + ' ' + d.message + ' @' + s.slice(d.span.start, d.span.end)));
