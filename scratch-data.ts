import { analyze } from './server/src/analysis/analyze';
import { readBytesBounded } from './server/src/instruments/read-bytes';
const dir = '/tmp/hz/ws';
for (const f of ['empty', 'header', 'cr', 'bin']) {
  const text = `run {\n  CA at -0.8 V vs RHE for 1 h, data "data/${f}.txt"\n}\n`;
  const a = analyze(text, { fileName: dir + '/p.faraday', readBytes: readBytesBounded, workspaceRoot: dir });
  console.log(f, a.diagnostics.filter((d) => d.code.startsWith('FD07')).map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)} ${d.message.slice(0, 150)}`), a.values.filter((v) => v.kind === 'dataFile').map((v) => v.label));
}
