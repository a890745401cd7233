// `faraday methods FILE [--format md|tex|docx-ready-md]`: the experimental
// section written from the protocol on stdout; what it leaves out, and why, on stderr.
import { analyze } from '../analysis/analyze';
import { writeMethods } from '../methods/assemble';
import type { MethodsFormat } from '../methods/document';
import { readIfExists, readTextFile, workspaceRootFor } from './files';
import { listDirectory } from '../instruments/list-directory';

export function runMethods(file: string, format: MethodsFormat): { output: string; notes: string } {
  const text = readTextFile(file);
  const analysis = analyze(text, { fileName: file, readFile: readIfExists, listDirectory, workspaceRoot: workspaceRootFor(file) });
  const { text: output, problems } = writeMethods(analysis, format);
  const notes = problems.map((p) => {
    const pos = analysis.parse.lineIndex.position(p.span.start);
    return `${file}:${pos.line + 1}:${pos.character + 1}: ${p.severity} ${p.code} ${p.message}\n`;
  }).join('');
  return { output, notes };
}
