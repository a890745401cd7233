// The document outline: blocks and declarations with their children.
import type { Document, Span, TopLevelNode } from '../syntax/ast';

export interface OutlineItem {
  name: string;
  detail: string;
  kind: TopLevelNode['kind'] | 'step' | 'technique' | 'reading' | 'field';
  span: Span;
  selectionSpan: Span;
  children: OutlineItem[];
}

function item(name: string, detail: string, kind: OutlineItem['kind'], span: Span, selectionSpan: Span = span, children: OutlineItem[] = []): OutlineItem {
  return { name, detail, kind, span, selectionSpan, children };
}

export function outline(doc: Document, text: string): OutlineItem[] {
  const slice = (s: Span) => text.slice(s.start, s.end);
  const out: OutlineItem[] = [];
  for (const node of doc.statements) {
    const span = 'bodySpan' in node ? { start: node.span.start, end: Math.max(node.span.end, node.bodySpan.end) } : node.span;
    switch (node.kind) {
      case 'protocol':
        out.push(item(node.title?.value ?? 'protocol', 'protocol', 'protocol', span));
        break;
      case 'import':
        out.push(item(node.path?.value ?? 'import', 'import', 'import', span));
        break;
      case 'setting':
        out.push(item(node.key.text, node.value ? slice(node.value.span) : '', 'setting', span, node.key.span));
        break;
      case 'ligand':
      case 'reagent':
      case 'cluster':
        out.push(item(node.name.text || node.kind, node.formula?.text ?? node.kind, node.kind, span, node.name.span));
        break;
      case 'reference':
        out.push(item(node.electrode?.text ?? 'reference', 'reference', 'reference', span));
        break;
      case 'reaction':
        out.push(item(node.name?.text ?? 'reaction', node.equationSpan ? slice(node.equationSpan) : '', 'reaction', span, node.name?.span ?? span));
        break;
      case 'synthesis':
        out.push(item(node.name?.text ?? 'synthesis', 'synthesis', 'synthesis', span, node.name?.span ?? node.span,
          node.steps.map((s) => item(s.verb.text, slice(s.span).slice(s.verb.text.length).trim(), 'step', s.span, s.verb.span))));
        break;
      case 'run':
        out.push(item(`run in ${node.cell?.text ?? '?'}`, 'run', 'run', span, node.cell?.span ?? node.span,
          node.techniques.map((t) => item(t.technique.text + (t.label ? ' ' + t.label.text : ''), slice(t.span), 'technique', t.span, t.technique.span))));
        break;
      case 'result':
      case 'plan':
        out.push(item(`${node.kind} ${node.name?.text ?? ''}`.trim(), node.potential ? slice(node.potential.span) : node.kind, node.kind, span, node.name?.span ?? node.span,
          node.kind === 'result' ? node.readings.map((r) => item(r.analyte.text, slice(r.span), 'reading', r.span, r.analyte.span)) : []));
        break;
      default:
        out.push(item(node.name?.text ?? node.kind, node.kind, node.kind, span, node.name?.span ?? node.span));
    }
  }
  return out;
}
