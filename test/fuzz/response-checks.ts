// What every answer of the language server must satisfy, whatever the text:
// every position and range lies inside the document it names, and no value
// or label holds NaN, Infinity, `undefined` or `[object Object]`. JSON turns
// NaN into null, so a null among numbers, or in a figure's data row, counts
// as a non-finite number too.

export interface Problem {
  check: 'range' | 'non-finite';
  where: string;
  detail: string;
}

/** Line lengths in UTF-16 code units, with LSP's line ends (\r\n, \r, \n). */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

type Position = { line: number; character: number };

function isPosition(v: unknown): v is Position {
  return !!v && typeof v === 'object' && 'line' in v && 'character' in v && Object.keys(v).length === 2;
}

function isRange(v: unknown): v is { start: Position; end: Position } {
  return !!v && typeof v === 'object' && isPosition((v as { start?: unknown }).start) && isPosition((v as { end?: unknown }).end);
}

function positionProblem(p: Position, lines: number[]): string | undefined {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `not integers: ${JSON.stringify(p)}`;
  if (p.line < 0 || p.line >= lines.length) return `line ${p.line} of a ${lines.length}-line document`;
  if (p.character < 0 || p.character > lines[p.line]!) return `character ${p.character} of line ${p.line}, which has ${lines[p.line]}`;
  return undefined;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Words that mean a number went wrong, unless the document itself holds them (a label may quote the text). */
const SUSPECT = ['NaN', 'Infinity', 'undefined', '[object Object]'];

export interface CheckContext {
  uri: string;
  text: string;
  /** Line lengths of another document a response points into (imports); undefined when unknown. */
  linesOf(uri: string): number[] | undefined;
}

/** Every problem in one response. `method` names it in the report. */
export function checkResponse(method: string, response: unknown, ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const own = lineLengths(ctx.text);
  const suspects = SUSPECT.filter((w) => !ctx.text.includes(w)).map((w) => ({ w, re: new RegExp(w === '[object Object]' ? '\\[object Object\\]' : `\\b${w}\\b`) }));
  const walk = (v: unknown, where: string, lines: number[] | undefined, inDataRow: boolean): void => {
    if (v === null) {
      if (inDataRow) problems.push({ check: 'non-finite', where, detail: 'null in a figure data row (NaN or Infinity on the wire)' });
      return;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.push({ check: 'non-finite', where, detail: String(v) });
      return;
    }
    if (typeof v === 'string') {
      for (const s of suspects) if (s.re.test(v)) problems.push({ check: 'non-finite', where, detail: `"${s.w}" in ${JSON.stringify(v.length > 200 ? v.slice(0, 200) + '…' : v)}` });
      return;
    }
    if (Array.isArray(v)) {
      const numeric = v.some((x) => typeof x === 'number');
      v.forEach((x, i) => {
        if (numeric && x === null) problems.push({ check: 'non-finite', where: `${where}[${i}]`, detail: 'null among numbers' });
        else walk(x, `${where}[${i}]`, lines, inDataRow);
      });
      return;
    }
    if (typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    // A Location or a link names its own document.
    let here = lines;
    if (typeof o.uri === 'string' && ('range' in o)) here = o.uri === ctx.uri ? own : ctx.linesOf(o.uri);
    if (typeof o.targetUri === 'string') here = o.targetUri === ctx.uri ? own : ctx.linesOf(o.targetUri);
    if (isRange(o) && here) {
      for (const end of ['start', 'end'] as const) {
        const p = positionProblem(o[end] as Position, here);
        if (p) problems.push({ check: 'range', where: `${where}.${end}`, detail: p });
      }
      if (!before(o.start as Position, o.end as Position)) problems.push({ check: 'range', where, detail: `ends before it starts: ${JSON.stringify(o)}` });
      return;
    }
    if (isPosition(o) && here) {
      const p = positionProblem(o, here);
      if (p) problems.push({ check: 'range', where, detail: p });
      return;
    }
    for (const [k, x] of Object.entries(o)) {
      // WorkspaceEdit.changes is keyed by the document it edits.
      const keyed = where.endsWith('.changes') ? (k === ctx.uri ? own : ctx.linesOf(k)) : here;
      // Vega(-Lite) inline data: rows of numbers and names.
      const row = k === 'values' && Array.isArray(x);
      if (row) (x as unknown[]).forEach((r, i) => walk(r, `${where}.values[${i}]`, keyed, true));
      else walk(x, `${where}.${k}`, keyed, inDataRow);
    }
  };
  walk(response, method, own, false);
  return problems;
}

/** Semantic tokens are relative (Δline, Δstart, length, type, modifiers): each must lie on its line. */
export function checkSemanticTokens(data: number[], text: string): Problem[] {
  const lines = lineLengths(text);
  const problems: Problem[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const [dl, ds, len] = [data[i]!, data[i + 1]!, data[i + 2]!];
    line += dl;
    start = dl === 0 ? start + ds : ds;
    if (line >= lines.length || start + len > lines[line]! || len <= 0) {
      problems.push({ check: 'range', where: `semanticTokens[${i / 5}]`, detail: `line ${line}, ${start}+${len} (line has ${lines[line] ?? 'no'} characters)` });
      if (problems.length > 3) break;
    }
  }
  if (data.length % 5 !== 0) problems.push({ check: 'range', where: 'semanticTokens', detail: `${data.length} numbers, not a multiple of 5` });
  return problems;
}
