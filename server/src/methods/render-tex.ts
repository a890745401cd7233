// LaTeX of the Methods section, for pasting into a manuscript. It needs no
// package beyond the LaTeX kernel (2020 or later, where textcomp's symbols are
// built in): \textsubscript, \textmu, \textdegree, \AA, \textminus, tabular.
import type { Block, Inline, MathNode, MethodsDocument } from './document';
import { formulaRuns, spaceGroupRuns, unitRuns, unitSpace, type Run } from './typography';

/** Text-mode characters: LaTeX's specials escaped, the symbols a Methods section uses spelled as commands. */
const TEXT_SYMBOLS: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '#': '\\#', '%': '\\%', _: '\\_',
  '^': '\\textasciicircum{}', '~': '\\textasciitilde{}', '<': '\\textless{}', '>': '\\textgreater{}', '|': '\\textbar{}',
  'µ': '\\textmu{}', 'μ': '\\textmu{}', '°': '\\textdegree{}', 'Å': '\\AA{}', '−': '\\textminus{}', '±': '\\textpm{}', '×': '\\texttimes{}',
  '·': '\\textperiodcentered{}', '–': '--', '—': '---', '′': "'", '→': '\\textrightarrow{}', 'Ω': '\\textohm{}',
  'α': '$\\alpha$', 'β': '$\\beta$', 'γ': '$\\gamma$', 'σ': '$\\sigma$', 'λ': '$\\lambda$', 'Δ': '$\\Delta$', 'θ': '$\\theta$',
  '²': '\\textsuperscript{2}', '³': '\\textsuperscript{3}', '≤': '$\\leq$', '≥': '$\\geq$', '“': '``', '”': "''",
};

export function escapeTex(s: string): string {
  return [...s].map((c) => TEXT_SYMBOLS[c] ?? c).join('');
}

function runsToTex(rs: Run[]): string {
  return rs.map((r) => {
    if (r.bar) return `$\\bar{${r.text}}$`;
    const t = escapeTex(r.text);
    return r.position === 'sub' ? `\\textsubscript{${t}}` : r.position === 'sup' ? `\\textsuperscript{${t}}` : t;
  }).join('');
}

/** Math-mode TeX, shared with Pandoc Markdown (which turns it into Word equations). */
export function mathToTex(nodes: MathNode[]): string {
  const unit = (u: string) => unitRuns(u).map((r) => {
    const t = r.text.replace(/µ/g, '\\mu ').replace(/Å/g, '\\AA ').replace(/°/g, '^{\\circ}').replace(/Ω/g, '\\Omega ').replace(/−/g, '-');
    return r.position === 'sup' ? `^{${t}}` : r.position === 'sub' ? `_{${t}}` : t;
  }).join('');
  return nodes.map((n) => {
    switch (n.kind) {
      case 'var': {
        const name = n.name.length > 1 ? `\\mathrm{${n.name}}` : n.name;
        const sub = n.sub ? `_{\\mathrm{${n.sub}}}` : '';
        const sup = n.sup ? `^{${n.sup}}` : '';
        return name + sub + sup;
      }
      case 'num': return n.text.replace(/−/g, '-');
      case 'unit': return `\\,\\mathrm{${unit(n.text)}}`;
      case 'op': return { '=': ' = ', '+': ' + ', '−': ' - ', '×': ' \\times ', '·': ' \\cdot ' }[n.op];
      case 'word': return `\\mathrm{${n.text}}`;
      case 'frac': return `\\frac{${mathToTex(n.num)}}{${mathToTex(n.den)}}`;
    }
  }).join('');
}

function inline(r: Inline): string {
  switch (r.kind) {
    case 'text': return escapeTex(r.text);
    case 'formula': return runsToTex(formulaRuns(r.text));
    case 'unit': return runsToTex(unitRuns(r.text));
    case 'quantity': return escapeTex(r.value) + (r.unit ? (unitSpace(r.unit) ? '~' : '') + runsToTex(unitRuns(r.unit)) : '');
    case 'spaceGroup': return `\\textit{${runsToTex(spaceGroupRuns(r.text))}}`;
    case 'math': return `$${mathToTex(r.nodes)}$`;
  }
}

const line = (rs: Inline[]) => rs.map(inline).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph': return b.sentences.map((s) => line(s.inlines)).join(' ');
    case 'equation': return `\\[ ${mathToTex(b.nodes)} \\]`;
    case 'table': return [
      '\\begin{table}[htbp]',
      '\\centering',
      `\\caption{${line(b.caption)}}`,
      `\\begin{tabular}{${'l'.repeat(b.header.length)}}`,
      '\\hline',
      `${b.header.map(line).join(' & ')} \\\\`,
      '\\hline',
      ...b.rows.map((r) => `${r.map(line).join(' & ')} \\\\`),
      '\\hline',
      '\\end{tabular}',
      '\\end{table}',
    ].join('\n');
  }
}

export function renderTex(doc: MethodsDocument): string {
  const out: string[] = ['\\section*{Experimental section}', ''];
  for (const section of doc.sections) {
    out.push(`\\subsection*{${line(section.title)}}`, '');
    for (const b of section.blocks) out.push(block(b), '');
  }
  return out.join('\n');
}
