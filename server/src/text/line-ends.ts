// Where a line ends, as LSP and the formatter count lines: `\r\n`, a lone `\r` or `\n`.

const LINE_END = /\r\n|\r|\n/;

/** The text's lines without their ends. */
export function splitLines(text: string): string[] {
  return text.split(LINE_END);
}
