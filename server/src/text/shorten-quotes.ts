// Messages quote the text they are about in backticks. A name or a line of a
// damaged file can be a megabyte long; a message quotes at most its start
// and its end, so a diagnostic stays a sentence and the editor stays fast.

const MAX_QUOTE = 80;

export function shortenQuotes(message: string): string {
  if (message.length <= MAX_QUOTE) return message;
  return message.replace(/`([^`]{81,})`/g, (_, quoted: string) => `\`${safeSlice(quoted, 0, 50)}…${safeSlice(quoted, quoted.length - 20)}\``);
}

/** A slice that does not cut a surrogate pair in half. */
function safeSlice(s: string, start: number, end = s.length): string {
  if (start > 0 && /[\udc00-\udfff]/.test(s[start]!) && /[\ud800-\udbff]/.test(s[start - 1]!)) start++;
  if (end < s.length && /[\ud800-\udbff]/.test(s[end - 1]!)) end--;
  return s.slice(start, end);
}
