// `npm run bench`: bundled like the shipped server (scripts/bench.mjs), so the
// figures are those of production code. Prints each benchmark's report.
import * as syntax from './syntax.bench';
import * as lsp from './lsp.bench';
import * as data from './data.bench';
import * as bundle from './bundle.bench';
import * as load from './load.bench';

async function main(): Promise<void> {
  for (const [name, mod] of [['syntax.bench.ts', syntax], ['lsp.bench.ts', lsp], ['data.bench.ts', data], ['bundle.bench.ts', bundle], ['load.bench.ts', load]] as const) {
    console.log(`# ${name}\n`);
    console.log(await mod.run());
    console.log('');
  }
}

void main();
