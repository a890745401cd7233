// The preview compiles a figure's Vega-Lite spec only when its shape (the spec
// without its data) is new: an edit of a reading changes the data of the FE
// figure, not its shape. What a reused compile gives must equal a fresh one,
// with the new data in it, and the webview's redraw of a figure of the same
// shape (new data in the drawn view) must draw what a new view draws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import { buildFigures } from '../../server/src/plots/figures';
import { compileCounts, forgetCompiledShapes, previewFigures, type PreviewFigure } from '../../server/src/plots/preview-spec';
import { readBytesBounded, readProtocolText } from '../../server/src/instruments/read-bytes';
import { replaceData } from '../../client/src/webview/replace-data';

const samples = path.resolve(__dirname, '..', '..', 'samples');
const sample = path.join(samples, 'au28cu12-si.faraday');
const original = readFileSync(sample, 'utf8');
const figuresOf = (text: string) => buildFigures(analyze(text, { fileName: sample, readFile: readProtocolText, readBytes: readBytesBounded, workspaceRoot: samples }));

/** Compiles and says how many figures were compiled and how many reused. */
async function compiled(text: string): Promise<{ figures: PreviewFigure[]; compiled: number; reused: number }> {
  const before = compileCounts();
  const figures = await previewFigures(figuresOf(text));
  const after = compileCounts();
  return { figures, compiled: after.compiled - before.compiled, reused: after.reused - before.reused };
}

/** The FE figure's data rows, as the compiled spec carries them. */
function feRows(figures: PreviewFigure[]): unknown[] {
  const fe = figures.find((f) => f.id === 'fe')!;
  return ((fe.vega.data ?? []) as { values?: unknown[] }[]).flatMap((d) => d.values ?? []);
}

test('an edited reading compiles no figure again, and each reused compile equals a fresh one with the new data', async () => {
  forgetCompiledShapes();
  const first = await compiled(original);
  assert.equal(first.figures.length, 9);
  assert.equal(first.compiled + first.reused, 9);
  assert.ok(first.compiled >= 8, `${first.compiled} compiled: the sample's figures have their own shapes`);

  // The reading of one standard point: the FE figure's numbers change, nothing of its shape.
  const edited = original.replace('NH3-N absorbance 0.099', 'NH3-N absorbance 0.120');
  assert.notEqual(edited, original);
  const again = await compiled(edited);
  assert.deepEqual([again.compiled, again.reused], [0, 9]);
  assert.notDeepEqual(feRows(again.figures), feRows(first.figures), 'the FE figure carries the edited reading');

  forgetCompiledShapes();
  const fresh = await compiled(edited);
  assert.equal(fresh.reused, 0);
  assert.deepEqual(again.figures, fresh.figures);
});

test('a figure whose shape changed is compiled again; the others are reused', async () => {
  forgetCompiledShapes();
  await compiled(original);
  // Another potential of a result: the FE figure's axis of potentials (its sort order) changes.
  const moved = await compiled(original.replace('result Au28Cu12 at -0.9 V vs RHE', 'result Au28Cu12 at -0.95 V vs RHE'));
  assert.deepEqual([moved.compiled, moved.reused], [1, 8]);
  forgetCompiledShapes();
  const fresh = await compiled(original.replace('result Au28Cu12 at -0.9 V vs RHE', 'result Au28Cu12 at -0.95 V vs RHE'));
  assert.deepEqual(moved.figures, fresh.figures);
});

test('the preview redraws a figure of the same shape by replacing its data: the same SVG as a view drawn anew', async () => {
  const vega = await import('vega');
  const { expressionInterpreter } = await import('vega-interpreter');
  const view = async (spec: object) => {
    const v = new vega.View(vega.parse(spec as never, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter } as never);
    await v.runAsync();
    return v;
  };
  const before = (await compiled(original)).figures.find((f) => f.id === 'fe')!;
  // A reading far off the others: the FE bar and the axis domain change.
  const after = (await compiled(original.replace('NH3-N absorbance 0.099', 'NH3-N absorbance 0.999'))).figures.find((f) => f.id === 'fe')!;
  assert.equal(after.shape, before.shape);
  const drawn = await view(before.vega);
  const svgBefore = await drawn.toSVG();
  await replaceData(drawn, after.vega);
  const replaced = await drawn.toSVG();
  assert.notEqual(replaced, svgBefore, 'the new data is drawn');
  assert.equal(replaced, await (await view(after.vega)).toSVG());
  // Another potential changes the shape: that figure is drawn anew, never through its old view.
  const moved = (await compiled(original.replace('result Au28Cu12 at -0.9 V vs RHE', 'result Au28Cu12 at -0.95 V vs RHE'))).figures.find((f) => f.id === 'fe')!;
  assert.notEqual(moved.shape, before.shape);
});
