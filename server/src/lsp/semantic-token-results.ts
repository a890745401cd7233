// Semantic tokens with result ids, so that the editor can ask for what changed
// since its last result (LSP's full/delta): after an edit most of a long
// protocol's tokens are as they were, and the whole list of a 10 000-line
// protocol is about 1.5 MB of JSON.
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from 'vscode-languageserver';

/** Integers per token in LSP's encoding (line delta, character delta, length, type, modifiers). */
const PER_TOKEN = 5;

export class SemanticTokenResults {
  /** The last result sent for each document: the only one a delta is asked against (4 bytes a number, not 8). */
  private readonly last = new Map<string, { id: string; data: Int32Array }>();
  private count = 0;

  full(uri: string, data: number[]): SemanticTokens {
    return { resultId: this.keep(uri, data), data };
  }

  /** The edits from the result `previousResultId` to `data`; all of `data` when that result is not the last one sent. */
  delta(uri: string, previousResultId: string, data: number[]): SemanticTokens | SemanticTokensDelta {
    const previous = this.last.get(uri);
    const resultId = this.keep(uri, data);
    if (!previous || previous.id !== previousResultId) return { resultId, data };
    return { resultId, edits: tokenEdits(previous.data, data) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  private keep(uri: string, data: number[]): string {
    const id = String(++this.count);
    this.last.set(uri, { id, data: Int32Array.from(data) });
    return id;
  }
}

/**
 * One edit that turns `before` into `after`: the tokens between their common first and last tokens
 * (whole tokens, as other servers send them). None when they are equal.
 */
export function tokenEdits(before: ArrayLike<number>, after: readonly number[]): SemanticTokensEdit[] {
  const tokensBefore = before.length / PER_TOKEN;
  const tokensAfter = after.length / PER_TOKEN;
  const same = (i: number, j: number) => {
    for (let k = 0; k < PER_TOKEN; k++) if (before[i * PER_TOKEN + k] !== after[j * PER_TOKEN + k]) return false;
    return true;
  };
  let head = 0;
  while (head < tokensBefore && head < tokensAfter && same(head, head)) head++;
  let tail = 0;
  while (tail < tokensBefore - head && tail < tokensAfter - head && same(tokensBefore - 1 - tail, tokensAfter - 1 - tail)) tail++;
  const deleteCount = (tokensBefore - head - tail) * PER_TOKEN;
  const data = after.slice(head * PER_TOKEN, (tokensAfter - tail) * PER_TOKEN);
  if (deleteCount === 0 && data.length === 0) return [];
  return [{ start: head * PER_TOKEN, deleteCount, data }];
}
