// The Methods section of one analysed protocol: syntheses, electrode
// preparation, electrochemical measurements, product quantification and
// crystal data, in the order a journal's SI gives them, then rendered.
import type { Analysis } from '../analysis/analyze';
import { MethodsCodes } from './codes';
import { MethodsContext } from './context';
import type { MethodsDocument, MethodsFormat, Section } from './document';
import { synthesisSection } from './synthesis';
import { electrochemistrySections } from './electrochemistry';
import { quantificationSection } from './quantification';
import { crystalSection } from './crystal';
import { renderMarkdown } from './render-markdown';
import { renderTex } from './render-tex';

export function methodsDocument(analysis: Analysis): MethodsDocument {
  const m = new MethodsContext(analysis);
  const sections: Section[] = [];
  const made = new Set<string>();
  for (const synthesis of m.blocks('synthesis')) {
    sections.push(synthesisSection(m, synthesis, made));
    if (synthesis.product?.name) made.add(synthesis.product.name.text);
  }
  for (const section of [...electrochemistrySections(m), quantificationSection(m), crystalSection(m)]) if (section) sections.push(section);
  const written = sections.filter((s) => s.blocks.length > 0);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    m.problem(MethodsCodes.protocolHasErrors, 'warning', `the protocol has ${errors.length} error${errors.length === 1 ? '' : 's'}; the Methods section leaves out or shortens the lines they affect: fix ${errors.length === 1 ? 'it' : 'them'} first (\`faraday check\`)`, errors[0]!.span);
  }
  if (written.length === 0) {
    m.problem(MethodsCodes.nothingToWrite, 'information', 'nothing to write: the protocol has no synthesis, electrode, cell, run, calibration or crystal block', { start: 0, end: 0 });
  }
  const title = analysis.parse.document.statements.find((s) => s.kind === 'protocol');
  return {
    title: title?.kind === 'protocol' ? title.title?.value : undefined,
    sections: written,
    problems: m.problems.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code)),
  };
}

export function renderMethods(doc: MethodsDocument, format: MethodsFormat): string {
  return format === 'tex' ? renderTex(doc) : renderMarkdown(doc, format);
}

/** The Methods section of a protocol as text, with what it had to leave out. */
export function writeMethods(analysis: Analysis, format: MethodsFormat): { text: string; problems: MethodsDocument['problems'] } {
  const doc = methodsDocument(analysis);
  return { text: renderMethods(doc, format), problems: doc.problems };
}
