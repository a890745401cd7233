// `faraday plot FILE [--out DIR] [--format svg|png|json]`: the preview's figures
// rendered headless, one file per figure (json writes the Vega-Lite specs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../analysis/analyze';
import { buildFigures } from '../plots/figures';
import { renderPng, renderSvg } from '../plots/render';
import { readIfExists, readTextFile, UsageError, workspaceRootFor } from './files';
import { readBytesBounded } from '../instruments/read-bytes';
import { listDirectory } from '../instruments/list-directory';
import { figureFileName } from '../plots/file-name';

export type PlotFormat = 'svg' | 'png' | 'json';

export async function runPlot(file: string, outDir: string, format: PlotFormat): Promise<{ output: string; written: string[] }> {
  const text = readTextFile(file);
  const analysis = analyze(text, { fileName: file, readFile: readIfExists, readBytes: readBytesBounded, listDirectory, workspaceRoot: workspaceRootFor(file) });
  const figures = buildFigures(analysis);
  if (figures.length === 0) return { output: `${file}: nothing to plot (no data files, results, calibrations or fits)\n`, written: [] };
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new UsageError(`cannot create ${outDir}: ${(e as Error).message}`);
  }
  const written: string[] = [];
  const lines: string[] = [];
  const taken = new Set<string>();
  for (const f of figures) {
    const target = path.join(outDir, figureFileName(f.id, format, taken));
    if (format === 'json') fs.writeFileSync(target, JSON.stringify(f.spec, null, 2) + '\n');
    else if (format === 'svg') fs.writeFileSync(target, await renderSvg(f.spec));
    else fs.writeFileSync(target, await renderPng(f.spec));
    written.push(target);
    lines.push(`${target}  ${f.title}${f.pointsRead !== f.pointsDrawn ? ` (${f.pointsDrawn} of ${f.pointsRead} points drawn)` : ''}`);
  }
  return { output: lines.join('\n') + '\n', written };
}
