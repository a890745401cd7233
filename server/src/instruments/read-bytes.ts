// Reading a data file's bytes for the shells (CLI, language server): only a
// regular file, only inside the workspace once links are followed, and at
// most `maxBytes`, so a path typed wrong (a directory, a FIFO that would
// block forever, /dev/zero that never ends, a link out of the project, a
// 2 GB export) gives a reason instead of a hang or an exhausted memory.
// The analysis itself reads only through `options.readBytes`.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Why a data file was not read (the analysis turns it into a located diagnostic). */
export type DataFileRefusal =
  | { refused: 'not-a-file'; kind: string }
  | { refused: 'outside-workspace'; realPath: string }
  | { refused: 'too-large'; size: number };

export function isRefusal(x: unknown): x is DataFileRefusal {
  return !!x && typeof x === 'object' && 'refused' in x;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Whether `file`, with every link followed, lies inside `root` (also with its links followed). */
export function realPathInside(file: string, root: string): { inside: boolean; realPath: string } | undefined {
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch {
    return undefined; // missing (or a dangling link): the caller says so
  }
  let realRoot = root;
  try {
    realRoot = fs.realpathSync.native(root);
  } catch { /* a root that does not exist holds nothing */ }
  const relative = path.relative(realRoot, real);
  return { inside: relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)), realPath: real };
}

/**
 * The file's bytes (all of them when it has at most `maxBytes`); a refusal when it is not a regular
 * file, lies outside `root` once links are followed, or is larger than `maxBytes`; undefined when it
 * does not exist or cannot be read.
 */
export function readBytesBounded(file: string, maxBytes: number, root?: string): Uint8Array | DataFileRefusal | undefined {
  if (root !== undefined) {
    const where = realPathInside(file, root);
    if (!where) return undefined;
    if (!where.inside) return { refused: 'outside-workspace', realPath: where.realPath };
  }
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait; fstat then tells what was opened.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { refused: 'not-a-file', kind: kindOf(stat) };
    if (stat.size > maxBytes) return { refused: 'too-large', size: stat.size };
    const buffer = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = fs.readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A protocol file for `import`: a regular file of at most `maxBytes`, as text; undefined otherwise. */
export function readProtocolText(file: string, maxBytes = MAX_PROTOCOL_BYTES): string | undefined {
  const bytes = readBytesBounded(file, maxBytes);
  return bytes === undefined || isRefusal(bytes) ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

/** Largest imported protocol read; the largest real protocols are well under 1 MB. */
export const MAX_PROTOCOL_BYTES = 16 * 1024 * 1024;
