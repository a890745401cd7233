// Markdown of the Methods section, in two dialects. `md` reads anywhere
// (CommonMark/GitHub): sub- and superscripts as Unicode characters, equations
// as plain lines. `docx-ready-md` is Pandoc Markdown for `pandoc -o methods.docx`:
// `H~2~O`, `cm^2^` and TeX math, which Pandoc turns into Word subscripts and equations.
import type { Block, Inline, MathNode, MethodsDocument } from './document';
import { formulaRuns, spaceGroupRuns, unicodeScript, unicodeText, unitRuns, unitSpace, type Run } from './typography';
import { mathToTex } from './render-tex';

type Dialect = 'md' | 'docx-ready-md';

/** Characters that would start emphasis, links, code or HTML; Pandoc adds its sub/superscript and math markers. */
function escape(s: string, dialect: Dialect): string {
  const special = dialect === 'md' ? /[\\`*_[\]<>~|]/g : /[\\`*_[\]<>~^$|]/g;
  return s.replace(special, (c) => '\\' + c);
}

function runs(rs: Run[], dialect: Dialect): string {
  if (dialect === 'md') return escape(unicodeText(rs), dialect);
  return rs.map((r) => {
    if (r.bar) return escape(`${r.text}\u0304`, dialect);
    const t = escape(r.text, dialect).replace(/ /g, '\\ ');
    return r.position === 'sub' ? `~${t}~` : r.position === 'sup' ? `^${t}^` : t;
  }).join('');
}

/** Plain-Unicode math for `md`: E(RHE), Vₘ, R². */
function mathPlain(nodes: MathNode[]): string {
  return nodes.map((n) => {
    switch (n.kind) {
      case 'var': {
        const sub = n.sub ? unicodeScript(n.sub, 'sub') ?? `(${n.sub})` : '';
        const sup = n.sup ? unicodeScript(n.sup, 'sup') ?? `^${n.sup}` : '';
        return n.name + sub + sup;
      }
      case 'num': return n.text;
      case 'unit': return ' ' + unicodeText(unitRuns(n.text));
      case 'op': return n.op === '·' ? '·' : ` ${n.op} `;
      case 'word': return n.text;
      case 'frac': {
        const wrap = (x: MathNode[]) => (x.length > 1 && x.some((y) => y.kind === 'op' && y.op !== '·') ? `(${mathPlain(x)})` : mathPlain(x));
        return `${wrap(n.num)} / ${n.den.length > 1 ? `(${mathPlain(n.den)})` : mathPlain(n.den)}`;
      }
    }
  }).join('');
}

function inline(r: Inline, dialect: Dialect): string {
  switch (r.kind) {
    case 'text': return escape(r.text, dialect);
    case 'formula': return runs(formulaRuns(r.text), dialect);
    case 'unit': return runs(unitRuns(r.text), dialect);
    case 'quantity': return escape(r.value, dialect) + (r.unit ? (unitSpace(r.unit) ? ' ' : '') + runs(unitRuns(r.unit), dialect) : '');
    case 'spaceGroup': return dialect === 'md' ? `*${escape(unicodeText(spaceGroupRuns(r.text)), dialect)}*` : `*${runs(spaceGroupRuns(r.text), dialect)}*`;
    case 'math': return dialect === 'md' ? escape(mathPlain(r.nodes), dialect) : `$${mathToTex(r.nodes)}$`;
  }
}

const line = (rs: Inline[], dialect: Dialect) => rs.map((r) => inline(r, dialect)).join('');

function block(b: Block, dialect: Dialect): string {
  switch (b.kind) {
    case 'paragraph': return b.sentences.map((s) => line(s.inlines, dialect)).join(' ');
    case 'equation': return dialect === 'md' ? escape(mathPlain(b.nodes), dialect) : `$$${mathToTex(b.nodes)}$$`;
    case 'table': {
      const cell = (c: Inline[]) => line(c, dialect);
      const out = [`| ${b.header.map(cell).join(' | ')} |`, `|${b.header.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
      const caption = line(b.caption, dialect);
      return dialect === 'md' ? [`**${caption}**`, '', ...out].join('\n') : [...out, '', `Table: ${caption}`].join('\n');
    }
  }
}

export function renderMarkdown(doc: MethodsDocument, dialect: Dialect): string {
  const out: string[] = ['## Experimental section', ''];
  for (const section of doc.sections) {
    out.push(`### ${line(section.title, dialect)}`, '');
    for (const b of section.blocks) out.push(block(b, dialect), '');
  }
  return out.join('\n');
}
