// Declares every named block and declaration (this file's and imported ones),
// resolves the references between blocks, and reports duplicates and unknown
// names with "did you mean" fixes.
import * as path from 'node:path';
import type { TopLevelNode, Word } from '../../syntax/ast';
import { parseFaraday } from '../../syntax/parse';
import type { AnalysisContext } from '../context';
import { NameCodes } from '../codes';
import type { SymbolKind } from '../symbols';
import { closestNames } from '../../text/closest-names';

function nameOf(node: TopLevelNode): Word | undefined {
  switch (node.kind) {
    case 'ligand':
    case 'reagent':
    case 'cluster':
    case 'synthesis':
    case 'ink':
    case 'electrolyte':
    case 'electrode':
    case 'cell':
    case 'calibration':
    case 'reaction':
    case 'crystal':
      return node.name && node.name.text ? node.name : undefined;
    default:
      return undefined;
  }
}

function declareAll(ctx: AnalysisContext, nodes: TopLevelNode[], file?: string): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (!name) continue;
    const previous = ctx.symbols.declare({ name: name.text, kind: node.kind as SymbolKind, nameSpan: name.span, span: node.span, node, file });
    if (previous && !file) {
      ctx.report(NameCodes.duplicate, 'error', `${node.kind} \`${name.text}\` is declared twice; rename one of them`, name.span, {
        related: previous.file ? [] : [{ message: 'first declared here', span: previous.nameSpan }],
      });
    }
  }
}

/** Follows `import` lines depth-first, declaring what each imported file declares. */
function declareImports(ctx: AnalysisContext): void {
  const { fileName, readFile } = ctx.options;
  const visiting = new Set<string>(fileName ? [path.resolve(fileName)] : []);
  const visit = (nodes: TopLevelNode[], from: string | undefined, reportAt?: Word | { span: { start: number; end: number } }) => {
    for (const node of nodes) {
      if (node.kind !== 'import' || !node.path) continue;
      const span = reportAt?.span ?? node.path.span;
      const base = from ? path.dirname(from) : process.cwd();
      const target = path.resolve(base, node.path.value);
      if (visiting.has(target)) {
        // Reported at this file's own import line, even when the cycle closes deeper down.
        ctx.report(NameCodes.importCycle, 'error', `importing \`${node.path.value}\`${reportAt ? ` (from ${path.basename(from ?? '')})` : ''} closes a cycle of imports; move the shared declarations into a file both can import`, span);
        continue;
      }
      const text = readFile?.(target);
      if (text === undefined) {
        if (!reportAt) ctx.report(NameCodes.importMissing, 'error', `cannot find \`${node.path.value}\` (looked for ${target}); check the path, which is relative to this file`, span);
        continue;
      }
      const imported = parseFaraday(text);
      if (!reportAt && imported.problems.some((p) => p.severity === 'error')) {
        ctx.report(NameCodes.importProblems, 'warning', `\`${node.path.value}\` has syntax errors; open it and fix them, or its declarations may be incomplete`, span);
      }
      visiting.add(target);
      declareAll(ctx, imported.document.statements, target);
      visit(imported.document.statements, target, reportAt ?? node.path);
      visiting.delete(target);
    }
  };
  visit(ctx.document.statements, fileName ? path.resolve(fileName) : undefined);
}

/** Species are declared with a formula after `=`; blocks with a body in braces. */
function howToDeclare(kind: SymbolKind, name: string): string {
  if (kind === 'ligand' || kind === 'reagent' || kind === 'cluster') return `\`${kind} ${name} = FORMULA\``;
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} \`${kind} ${name} { … }\` block`;
}

/** A reference to a declared block; unknown names get a "did you mean" fix. */
export function useName(ctx: AnalysisContext, word: Word | undefined, kinds: SymbolKind[], what: string, declare?: string): void {
  if (!word) return;
  const use = ctx.symbols.use(word.text, kinds, word.span);
  if (use.resolved) return;
  const suggestions = closestNames(word.text, ctx.symbols.namesOf(kinds));
  // The advice is worded only for a name that resolves to nothing (every use goes through here).
  const hint = suggestions.length ? `; did you mean \`${suggestions[0]}\`?` : `; ${declare ?? `declare it with ${howToDeclare(kinds[0]!, word.text)}`}`;
  ctx.report(NameCodes.unknown, 'error', `unknown ${what} \`${word.text}\`${hint}`, word.span, {
    fixes: suggestions.map((s, i) => ({ title: `Change to \`${s}\``, edits: [{ span: word.span, newText: s }], preferred: i === 0 })),
  });
}

export function namesPass(ctx: AnalysisContext): void {
  declareAll(ctx, ctx.document.statements);
  declareImports(ctx);
  for (const node of ctx.document.statements) {
    switch (node.kind) {
      case 'cell':
        useName(ctx, node.working, ['electrode'], 'electrode');
        useName(ctx, node.catholyte?.electrolyte, ['electrolyte'], 'electrolyte');
        useName(ctx, node.anolyte?.electrolyte, ['electrolyte'], 'electrolyte');
        useName(ctx, node.electrolyte?.electrolyte, ['electrolyte'], 'electrolyte');
        break;
      case 'electrode':
        for (const cast of node.casts) useName(ctx, cast.ink, ['ink'], 'ink');
        break;
      case 'run':
        useName(ctx, node.cell, ['cell'], 'cell');
        break;
      case 'plan':
        useName(ctx, node.cell, ['cell'], 'cell');
        for (const fe of node.expectedFE) useName(ctx, fe.calibration, ['calibration'], 'calibration');
        break;
      case 'result':
        useName(ctx, node.cell, ['cell'], 'cell');
        // `by X` refers to a calibration when one of that name is declared; otherwise it names a
        // method, and the electrochemistry pass says when a reading needed a calibration.
        for (const r of node.readings) {
          if (r.method && ctx.symbols.lookup(r.method.text, ['calibration'])) useName(ctx, r.method, ['calibration'], 'calibration');
        }
        break;
      case 'synthesis':
        useName(ctx, node.product?.name, ['cluster', 'reagent'], 'cluster');
        break;
      case 'crystal':
        // With its own formula line a crystal stands alone; its name may still be a declared cluster.
        if (node.name && node.formula) {
          if (ctx.symbols.lookup(node.name.text, ['cluster'])) ctx.symbols.use(node.name.text, ['cluster'], node.name.span);
        } else {
          useName(ctx, node.name, ['cluster'], 'cluster', `the crystal needs its formula: add a line \`formula FORMULA\` to the block, or declare \`cluster ${node.name?.text} = FORMULA\``);
        }
        break;
      default:
        break;
    }
  }
}
