// `npm run bench`: bundled like the shipped server (scripts/bench.mjs), so the
// figures are those of production code. Prints each benchmark's report;
// `npm run bench -- lsp data` runs only the benchmarks whose file names start with those words.
import * as syntax from './syntax.bench';
import * as lsp from './lsp.bench';
import * as data from './data.bench';
import * as bundle from './bundle.bench';
import * as load from './load.bench';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, mod] of [['syntax.bench.ts', syntax], ['lsp.bench.ts', lsp], ['data.bench.ts', data], ['bundle.bench.ts', bundle], ['load.bench.ts', load]] as const) {
    if (only.length > 0 && !only.some((word) => name.startsWith(word))) continue;
    console.log(`# ${name}\n`);
    console.log(await mod.run());
    console.log('');
  }
}

void main();
