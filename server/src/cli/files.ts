// Finding protocol files for the CLI: directories recurse over *.faraday.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRefusal, MAX_PROTOCOL_BYTES, readBytesBounded, readProtocolText } from '../instruments/read-bytes';

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

/** A protocol named on the command line: a regular file of at most 16 MB (not a FIFO or a device, which would block or never end). */
export function readTextFile(file: string): string {
  const bytes = readBytesBounded(file, MAX_PROTOCOL_BYTES);
  if (bytes === undefined) throw new UsageError(`cannot read ${file}: no such file, or no permission to read it`);
  if (isRefusal(bytes)) {
    throw new UsageError(`cannot read ${file}: ${bytes.refused === 'not-a-file' ? `it is ${bytes.kind}` : `it is larger than ${MAX_PROTOCOL_BYTES / 1024 / 1024} MB, which no protocol is`}`);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

/** Import reader for the analysis: undefined when the file is missing or not a regular file of at most 16 MB. */
export function readIfExists(file: string): string | undefined {
  return readProtocolText(file);
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
