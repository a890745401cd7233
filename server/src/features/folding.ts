// Folding: every block, multi-line comment runs, and `# region` markers.
import type { Document } from '../syntax/ast';
import type { LineIndex } from '../syntax/line-index';

export interface FoldRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

export function foldingRanges(doc: Document, lines: LineIndex): FoldRange[] {
  const out: FoldRange[] = [];
  for (const node of doc.statements) {
    if (!('bodySpan' in node)) continue;
    const start = lines.position(node.span.start).line;
    const end = lines.position(Math.max(node.bodySpan.end, node.span.end) - 1).line;
    if (end > start) out.push({ startLine: start, endLine: end });
  }
  let runStart = -1;
  let last = -2;
  const regions: number[] = [];
  for (const c of doc.comments) {
    const line = lines.position(c.span.start).line;
    if (/^#\s*region\b/.test(c.text)) regions.push(line);
    else if (/^#\s*endregion\b/.test(c.text) && regions.length) out.push({ startLine: regions.pop()!, endLine: line, kind: 'region' });
    if (line === last + 1 && runStart >= 0) last = line;
    else {
      if (runStart >= 0 && last > runStart) out.push({ startLine: runStart, endLine: last, kind: 'comment' });
      runStart = line;
      last = line;
    }
  }
  if (runStart >= 0 && last > runStart) out.push({ startLine: runStart, endLine: last, kind: 'comment' });
  return out.sort((a, b) => a.startLine - b.startLine);
}
