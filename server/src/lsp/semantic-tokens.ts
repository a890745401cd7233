// Encodes the core's semantic tokens in LSP's relative integer format.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokens } from '../features/semantic-tokens';

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

export function encodeSemanticTokens(analysis: Analysis): SemanticTokens {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const t of semanticTokens(analysis.parse)) {
    const start = analysis.parse.lineIndex.position(t.span.start);
    const end = analysis.parse.lineIndex.position(t.span.end);
    if (end.line !== start.line) continue; // LSP tokens do not span lines
    const deltaLine = start.line - prevLine;
    const deltaChar = deltaLine === 0 ? start.character - prevChar : start.character;
    const mods = t.modifiers.reduce((bits, m) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m)), 0);
    data.push(deltaLine, deltaChar, end.character - start.character, SEMANTIC_TOKEN_TYPES.indexOf(t.type), mods);
    prevLine = start.line;
    prevChar = start.character;
  }
  return { data };
}
