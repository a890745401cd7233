// Messages quote the text they are about in backticks. A name or a line of a
// damaged file can be a megabyte long; a message quotes at most its start
// and its end, so a diagnostic stays a sentence and the editor stays fast.

const MAX_QUOTE = 80;

export function shortenQuotes(message: string): string {
  if (message.length <= MAX_QUOTE) return message;
  if (!hasLongQuote(message)) return message;
  // Backticks pair up in order: the odd pieces between them are the quotes.
  const pieces = message.split('`');
  if (pieces.length < 3) return message;
  return pieces.map((p, i) => (i % 2 === 1 && i < pieces.length - 1 && p.length > MAX_QUOTE ? `${safeSlice(p, 0, 50)}…${safeSlice(p, p.length - 20)}` : p)).join('`');
}

/** Whether a quote (text between a pair of backticks) is longer than MAX_QUOTE: most messages have none, and are kept as they are without splitting. */
function hasLongQuote(message: string): boolean {
  for (let open = message.indexOf('`'); open >= 0; ) {
    const close = message.indexOf('`', open + 1);
    if (close < 0) return false;
    if (close - open - 1 > MAX_QUOTE) return true;
    open = message.indexOf('`', close + 1);
  }
  return false;
}

/** A slice that does not cut a surrogate pair in half. */
function safeSlice(s: string, start: number, end = s.length): string {
  if (start > 0 && /[\udc00-\udfff]/.test(s[start]!) && /[\ud800-\udbff]/.test(s[start - 1]!)) start++;
  if (end < s.length && /[\ud800-\udbff]/.test(s[end - 1]!)) end--;
  return s.slice(start, end);
}
