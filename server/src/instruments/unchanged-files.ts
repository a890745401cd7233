// The language server analyses after every keystroke, and every analysis
// reads the protocol's data files. A file whose identity and stamp (device,
// inode, size, modification and change times in nanoseconds) are what they
// were when it was last read is answered with the very same bytes object,
// without reading it again: the analysis then knows in one comparison that
// its imports, charges and fits still hold. The refusals (outside the
// workspace, not a regular file, too large) are decided anew on every read.
import * as fs from 'node:fs';
import { readBytesBounded, realPathInside, type DataFileRefusal } from './read-bytes';

interface Kept {
  stamp: string;
  bytes: Uint8Array;
}

/** Files and bytes kept at most; the analysis's own import memo holds the same objects, so this costs no copy. */
const MAX_FILES = 64;
const MAX_BYTES = 256 * 1024 * 1024;

function stampOf(file: string): string | undefined {
  try {
    const s = fs.statSync(file, { bigint: true });
    return s.isFile() ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : undefined;
  } catch {
    return undefined;
  }
}

export class UnchangedFileReader {
  private readonly kept = new Map<string, Kept>();
  private bytes = 0;

  /** Reads as `readBytesBounded` does; a file unchanged since the last read gives the same object. */
  read(file: string, maxBytes: number, root?: string): Uint8Array | DataFileRefusal | undefined {
    if (root !== undefined) {
      const where = realPathInside(file, root);
      if (!where) return this.forget(file);
      if (!where.inside) {
        this.forget(file);
        return { refused: 'outside-workspace', realPath: where.realPath };
      }
    }
    const before = stampOf(file);
    const hit = this.kept.get(file);
    if (hit && before !== undefined && hit.stamp === before && hit.bytes.length <= maxBytes) {
      // Newest use last: the oldest is dropped first.
      this.kept.delete(file);
      this.kept.set(file, hit);
      return hit.bytes;
    }
    const read = readBytesBounded(file, maxBytes, root);
    this.forget(file);
    // Kept only when nothing changed while it was read: a file being written is read again next time.
    if (read instanceof Uint8Array && before !== undefined && stampOf(file) === before) this.keep(file, { stamp: before, bytes: read });
    return read;
  }

  private keep(file: string, entry: Kept): void {
    this.kept.set(file, entry);
    this.bytes += entry.bytes.length;
    for (const [name, e] of this.kept) {
      if (this.kept.size <= MAX_FILES && this.bytes <= MAX_BYTES) break;
      if (name === file) continue;
      this.kept.delete(name);
      this.bytes -= e.bytes.length;
    }
  }

  private forget(file: string): undefined {
    const e = this.kept.get(file);
    if (e) {
      this.kept.delete(file);
      this.bytes -= e.bytes.length;
    }
    return undefined;
  }
}
