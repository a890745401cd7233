// `npm run bench`: runs every bench/*.bench.ts that exports `run()` and prints its report.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

async function main(): Promise<void> {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort();
  for (const f of files) {
    const mod = (await import(path.join(__dirname, f))) as { run?: () => Promise<string> };
    if (!mod.run) continue;
    console.log(`# ${f}\n`);
    console.log(await mod.run());
    console.log('');
  }
}

void main();
