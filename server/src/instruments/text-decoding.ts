// Instrument text exports come as UTF-8 or, from Windows instrument software
// in a European locale, as Latin-1 (EC-Lab writes `µF` as the single byte
// 0xB5). Decoding as UTF-8 would turn those bytes into U+FFFD, so a file that
// is not valid UTF-8 is read as Latin-1 (windows-1252, its superset).

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const latin1 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'latin-1' } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: latin1.decode(bytes), encoding: 'latin-1' };
  }
}

/** Whether the bytes begin with the ASCII text `magic`. */
export function startsWithAscii(bytes: Uint8Array, magic: string): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}
