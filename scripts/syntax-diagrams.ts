// Writes docs/syntax-diagrams.html from the grammar, with the diagram scripts
// inlined so the page works offline.
//   node --conditions=import --import tsx scripts/syntax-diagrams.ts
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { faradayParser } from '../server/src/syntax/parser';

const diagrams = path.join(__dirname, '..', 'node_modules', 'chevrotain', 'diagrams');
let html = createSyntaxDiagramsCode(faradayParser().getSerializedGastProductions(), { resourceBase: 'RESOURCE_BASE/', css: 'RESOURCE_BASE/diagrams.css' });
// Inline every local resource the generated page refers to.
html = html.replace(/<script src=['"]RESOURCE_BASE\/([^'"]+)['"]><\/script>/g, (_m, file: string) => `<script>\n${readFileSync(path.join(diagrams, file), 'utf8')}\n</script>`);
html = html.replace(/<link rel=['"]stylesheet['"] href=['"]RESOURCE_BASE\/([^'"]+)['"]>/g, (_m, file: string) => `<style>\n${readFileSync(path.join(diagrams, file), 'utf8')}\n</style>`);
if (html.includes('RESOURCE_BASE') || /(src|href)=['"]https?:/.test(html)) throw new Error('a diagram resource was not inlined');
writeFileSync(path.join(__dirname, '..', 'docs', 'syntax-diagrams.html'), html);
console.log(`docs/syntax-diagrams.html: ${html.length} bytes`);
