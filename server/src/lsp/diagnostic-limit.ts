// A damaged file (a pasted binary, a run of 100 000 `}`) can have a problem on
// every character. VS Code shows at most 1000 diagnostics per file, so no more
// are sent: errors first, then warnings and the rest, each in document order.
import type { Diagnostic } from 'vscode-languageserver-protocol';

export const MAX_PUBLISHED_DIAGNOSTICS = 1000;

export function limitDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_PUBLISHED_DIAGNOSTICS) return diagnostics;
  const rank = (d: Diagnostic) => d.severity ?? 1;
  const kept = new Set([...diagnostics].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_PUBLISHED_DIAGNOSTICS));
  return diagnostics.filter((d) => kept.has(d));
}
