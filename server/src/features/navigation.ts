// Go to definition, references, highlights and rename, all from the symbol
// table the analysis built.
import type { Analysis } from '../analysis/analyze';
import type { SymbolDecl } from '../analysis/symbols';
import type { Span } from '../syntax/ast';
import { scanWord } from '../syntax/word-scanner';
import { keywordSpellings } from '../syntax/tokens';

export interface SymbolAt {
  decl: SymbolDecl;
  span: Span;
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function symbolAt(analysis: Analysis, offset: number): SymbolAt | undefined {
  for (const d of analysis.symbols.decls) {
    if (!d.file && contains(d.nameSpan, offset)) return { decl: d, span: d.nameSpan };
  }
  for (const u of analysis.symbols.uses) {
    if (u.resolved && contains(u.span, offset)) return { decl: u.resolved, span: u.span };
  }
  return undefined;
}

/** Every place the symbol is written in this file: its declaration (if here) and its uses. */
export function occurrences(analysis: Analysis, decl: SymbolDecl): { span: Span; isDeclaration: boolean }[] {
  const out: { span: Span; isDeclaration: boolean }[] = [];
  if (!decl.file) out.push({ span: decl.nameSpan, isDeclaration: true });
  const seen = new Set<number>([decl.nameSpan.start]);
  for (const u of analysis.symbols.usesOf(decl)) {
    if (seen.has(u.span.start)) continue;
    seen.add(u.span.start);
    out.push({ span: u.span, isDeclaration: false });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Why a new name cannot be used, or undefined when it can. */
export function renameProblem(analysis: Analysis, decl: SymbolDecl, newName: string): string | undefined {
  if (newName.length === 0) return 'a name cannot be empty';
  if (scanWord(newName, 0) !== newName.length) return `\`${newName}\` is not a single name; use letters, digits, \`-\` and \`_\` without spaces`;
  if (keywordSpellings.includes(newName)) return `\`${newName}\` is a keyword of the language`;
  const clash = analysis.symbols.lookup(newName, [decl.kind]);
  if (clash && clash !== decl) return `a ${decl.kind} named \`${newName}\` already exists`;
  if (decl.file) return `\`${decl.name}\` is declared in ${decl.file}; rename it there`;
  return undefined;
}
