// Listing a folder's files for the shells (CLI, language server), so GC
// results can find their injections (`{n}` in a data pattern). The analysis
// itself lists only through `options.listDirectory`.
import * as fs from 'node:fs';

/** The names of the regular files in the folder; undefined when it cannot be read. */
export function listDirectory(folder: string): string[] | undefined {
  try {
    return fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return undefined;
  }
}
