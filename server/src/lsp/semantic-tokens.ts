// Encodes the core's semantic tokens in LSP's relative integer format, chunk
// by chunk: an unchanged chunk's encoding is kept with it.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, chunkSemanticTokens } from '../features/semantic-tokens';
import type { Chunk } from '../syntax/parse';
import { LineIndex } from '../syntax/line-index';

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

export function encodeSemanticTokens(analysis: Analysis): SemanticTokens {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const chunk of analysis.parse.chunks) {
    // A chunk starts a line: its tokens' lines count from that line, their characters are as kept.
    const firstLine = analysis.parse.lineIndex.position(chunk.start).line;
    const kept = encodedChunk(chunk);
    for (let i = 0; i < kept.length; i += 5) {
      const line = firstLine + kept[i]!;
      const character = kept[i + 1]!;
      const deltaLine = line - prevLine;
      data.push(deltaLine, deltaLine === 0 ? character - prevChar : character, kept[i + 2]!, kept[i + 3]!, kept[i + 4]!);
      prevLine = line;
      prevChar = character;
    }
  }
  return { data };
}

/** Where a chunk keeps its encoded tokens (Chunk.memo). */
const ENCODED = 'semanticTokens';

/**
 * A chunk's tokens as (line in the chunk, character, length, type, modifiers), five numbers each: they stay
 * true while the chunk's text is unchanged, wherever it moves, so each is encoded once per session.
 */
function encodedChunk(chunk: Chunk): Int32Array {
  const kept = chunk.memo.get(ENCODED);
  if (kept instanceof Int32Array) return kept;
  const lines = new LineIndex(chunk.text);
  const out: number[] = [];
  for (const t of chunkSemanticTokens(chunk)) {
    const start = lines.position(t.span.start - chunk.start);
    const end = lines.position(t.span.end - chunk.start);
    if (end.line !== start.line) continue; // LSP tokens do not span lines
    const mods = t.modifiers.reduce((bits, m) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m)), 0);
    out.push(start.line, start.character, end.character - start.character, SEMANTIC_TOKEN_TYPES.indexOf(t.type), mods);
  }
  const encoded = Int32Array.from(out);
  chunk.memo.set(ENCODED, encoded);
  return encoded;
}
