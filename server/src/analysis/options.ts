// What the caller (CLI, language server, tests) tells an analysis about its
// surroundings. Everything optional: an analysis of bare text must work.
import type { DataFileRefusal } from '../instruments/read-bytes';

export interface AnalysisOptions {
  /** Path of the analysed file, used to resolve imports and data files. */
  fileName?: string;
  /** Reads another file (imports); undefined when it does not exist. */
  readFile?: (absolutePath: string) => string | undefined;
  /**
   * Reads a data file's bytes, at most `maxBytes` of them; undefined when it
   * does not exist. Binary exports (BioLogic .mpr) and Latin-1 text need
   * bytes; without this reader data files are read as text through `readFile`.
   * The shells' reader (instruments/read-bytes.ts) refuses, with the reason,
   * what is not a regular file, lies outside `root` once links are followed,
   * or is larger than `maxBytes`, without reading it.
   */
  readBytes?: (absolutePath: string, maxBytes: number, root?: string) => Uint8Array | DataFileRefusal | undefined;
  /**
   * The names of the files in a folder; undefined when it cannot be read. GC
   * results find their injections (`{n}` in `data "gc/run-{n}.fusion-data"`)
   * through it; without it such a pattern is not expanded, and said so.
   */
  listDirectory?: (absolutePath: string) => string[] | undefined;
  /** Default temperature in K when the protocol states none (setting `faraday.temperature`). */
  temperatureK?: number;
  /** Nernst slope convention in V per pH when the protocol states none (setting `faraday.nernstSlope`). */
  nernstSlope?: number;
  /** Extra reference electrodes from the settings: name and potential vs SHE in V. */
  extraReferences?: { name: string; potentialVsSHE: number }[];
  /** Whether instrument data files may be read (trusted workspace); default yes. */
  readData?: boolean;
  /** Data files must lie inside this folder; default: the protocol's folder. */
  workspaceRoot?: string;
  /**
   * Asked between passes: true when the result is no longer wanted (a newer
   * edit arrived), and the analysis stops with AnalysisCancelled.
   */
  isCancelled?: () => boolean;
}
