// Finding protocol files for the CLI: directories recurse over *.faraday.
import * as fs from 'node:fs';
import * as path from 'node:path';

export class UsageError extends Error {}

export function collectProtocolFiles(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.faraday')) out.push(full);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UsageError(`cannot read ${input}: no such file or directory`);
    }
    if (stat.isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

export function readTextFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`);
  }
}

/** Import reader for the analysis: undefined when the file is missing. */
export function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The folder data files must lie in: the current directory when the protocol
 * is inside it (as in an editor's workspace), else the protocol's own folder.
 */
export function workspaceRootFor(file: string): string {
  const cwd = process.cwd();
  const relative = path.relative(cwd, path.resolve(file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.dirname(path.resolve(file)) : cwd;
}
