// One entry for every instrument file: the format is chosen by the content
// (magic bytes, first lines), never by the file's extension, so a renamed
// export is still read by the right importer.
import { importBiologicMpr, MPR_MAGIC } from './biologic-mpr';
import { importBiologicMpt, MPT_MAGIC } from './biologic-mpt';
import { importChi } from './chi-import';
import { InstrumentCodes } from './codes';
import { importDelimited, looksLikeChi } from './delimited-import';
import { importEzchromAsc, looksLikeEzchrom } from './ezchrom-asc';
import { importFusionJson, looksLikeFusion } from './fusion-json';
import { DTA_MAGIC, importGamryDta } from './gamry-dta';
import { emptyImport, type ImportedData } from './series';
import { startsWithAscii } from './text-decoding';
import { decodeRange, textAsBytes, textBytes, type TextBytes } from './text-bytes';

export type InstrumentFormat = 'biologic-mpr' | 'biologic-mpt' | 'gamry-dta' | 'fusion-json' | 'ezchrom-asc' | 'chi' | 'delimited';

/** Files larger than this are not read (a diagnostic says so): an analysis must stay bounded. */
export const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;

export function detectTextFormat(text: string): Exclude<InstrumentFormat, 'biologic-mpr'> {
  const start = text.slice(0, 64).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith(MPT_MAGIC)) return 'biologic-mpt';
  if (/^EXPLAIN\r?\n/.test(start) || start === DTA_MAGIC) return 'gamry-dta';
  if (looksLikeFusion(text)) return 'fusion-json';
  if (looksLikeEzchrom(text)) return 'ezchrom-asc';
  if (looksLikeChi(text)) return 'chi';
  return 'delimited';
}

/** Text already decoded (an editor's buffer, a test): read as its UTF-8 bytes. */
export function importText(text: string, fileName: string): ImportedData {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return empty(fileName, text.length);
  return importTextBytes(textAsBytes(body), fileName);
}

/**
 * Detection reads this much of the start of a text file: the markers of every
 * format are in the header (Fusion's within its first 200 000 characters).
 */
const DETECTION_BYTES = 1024 * 1024;

function importTextBytes(source: TextBytes, fileName: string): ImportedData {
  const { bytes, start } = source;
  if (isBlank(source)) return empty(fileName, bytes.length - start);
  const head = decodeRange(source, start, Math.min(bytes.length, start + DETECTION_BYTES));
  // A binary BioLogic file that reached us as text has lost bytes in decoding: refuse it rather than read garbage.
  if (head.startsWith(MPR_MAGIC)) {
    const data = emptyImport('BioLogic EC-Lab binary (.mpr)');
    data.problems.push({ code: InstrumentCodes.binaryAsText, severity: 'error', line: 1, message: `${fileName} is a binary EC-Lab file but was read as text, which corrupts its bytes; open it with the Faraday CLI or language server, or export the run as text (.mpt)` });
    return data;
  }
  // The tabular formats read their rows from the bytes; the chromatograms are small and read as one string.
  switch (detectTextFormat(head)) {
    case 'biologic-mpt': return importBiologicMpt(source, fileName);
    case 'gamry-dta': return importGamryDta(source, fileName);
    case 'fusion-json': return importFusionJson(decodeRange(source, start, bytes.length), fileName);
    case 'ezchrom-asc': return importEzchromAsc(decodeRange(source, start, bytes.length), fileName);
    case 'chi': return { ...importChi(source, fileName), format: 'CH Instruments text' };
    default: return { ...importDelimited(source, fileName), format: 'delimited text' };
  }
}

/** Whether the text is only blanks (`trim() === ''`), looking no further than its first character that is not one. */
function isBlank(source: TextBytes): boolean {
  const { bytes } = source;
  for (let i = source.start; i < bytes.length; i += 4096) {
    let to = Math.min(bytes.length, i + 4096);
    // Whole UTF-8 characters only: step back over continuation bytes.
    if (source.encoding === 'utf-8') while (to < bytes.length && to > i && (bytes[to]! & 0xc0) === 0x80) to--;
    if (decodeRange(source, i, to).trim() !== '') return false;
    i = to - 4096;
  }
  return true;
}

/** Reads an instrument file from its bytes: binary formats by their magic, text in UTF-8 or Latin-1. */
export function importInstrumentFile(bytes: Uint8Array, fileName: string): ImportedData {
  if (bytes.length === 0) return empty(fileName, 0);
  if (startsWithAscii(bytes, MPR_MAGIC)) return importBiologicMpr(bytes, fileName);
  const source = textBytes(bytes);
  const data = importTextBytes(source, fileName);
  if (source.encoding === 'latin-1') data.metadata['Encoding'] = { value: 'Latin-1 (not UTF-8)', line: 0 };
  return data;
}

function empty(fileName: string, length: number): ImportedData {
  const data = emptyImport('empty');
  data.problems.push({ code: InstrumentCodes.emptyFile, severity: 'error', line: 1, message: length === 0 ? `${fileName} is empty (0 bytes); copy the export again` : `${fileName} holds only blank lines; copy the export again` });
  return data;
}
