// Reading a data file's bytes for the shells (CLI, language server): at most
// `maxBytes`, so a huge file named by mistake cannot exhaust memory. The
// analysis itself reads only through `options.readBytes`.
import * as fs from 'node:fs';

/** The first `maxBytes` bytes of the file (all of it when smaller); undefined when it cannot be read. */
export function readBytesBounded(file: string, maxBytes: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes));
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
