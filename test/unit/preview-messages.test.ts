// The preview's two message validators (client/src/preview/message-validation.ts):
// the webview acts only on the messages the extension defines, the extension
// only on those the webview defines; what passes keeps its known fields only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fromWebviewMessage, toWebviewMessage } from '../../client/src/preview/message-validation';
import { figureFileName } from '../../server/src/plots/file-name';

const figure = { id: 'lsv', title: '<img src=x onerror=alert(1)>', vega: { marks: [] }, pointsRead: 10, pointsDrawn: 10, shape: 'c2hhcGU' };

test('the webview takes the four messages of the extension, rebuilt from their known fields', () => {
  const figures = { type: 'figures', uri: 'file:///p.faraday', fileName: 'p.faraday', version: 3, order: ['lsv', 'fe'], figures: [{ ...figure, extra: 'dropped' }], focus: 'lsv', html: '<script>' };
  assert.deepEqual(toWebviewMessage(figures), { type: 'figures', uri: 'file:///p.faraday', fileName: 'p.faraday', version: 3, order: ['lsv', 'fe'], figures: [figure], focus: 'lsv' });
  // The first figure sent alone, more to follow; `more: false` is the same as none.
  assert.deepEqual(toWebviewMessage({ ...figures, more: true }), { type: 'figures', uri: 'file:///p.faraday', fileName: 'p.faraday', version: 3, order: ['lsv', 'fe'], figures: [figure], more: true, focus: 'lsv' });
  assert.deepEqual(toWebviewMessage({ ...figures, more: false, focus: undefined }), { type: 'figures', uri: 'file:///p.faraday', fileName: 'p.faraday', version: 3, order: ['lsv', 'fe'], figures: [figure] });
  assert.deepEqual(toWebviewMessage({ type: 'focus', id: 'fe' }), { type: 'focus', id: 'fe' });
  assert.deepEqual(toWebviewMessage({ type: 'exportRequest', id: 'fe', format: 'png', requestId: 2 }), { type: 'exportRequest', id: 'fe', format: 'png', requestId: 2 });
  assert.deepEqual(toWebviewMessage({ type: 'error', message: 'x' }), { type: 'error', message: 'x' });
});

test('the webview ignores unknown and malformed messages', () => {
  for (const m of [
    undefined, null, 'figures', 42, [], { type: 'eval', code: 'alert(1)' }, { type: 'figures' },
    { type: 'figures', uri: 'u', fileName: 'f', version: 1, order: [], figures: [{ ...figure, vega: 'javascript:alert(1)' }] },
    { type: 'figures', uri: 'u', fileName: 'f', version: 1, order: [], figures: [{ ...figure, pointsRead: Number.NaN }] },
    { type: 'figures', uri: 'u', fileName: 'f', version: 1, order: [], figures: [{ ...figure, shape: 3 }] },
    { type: 'figures', uri: 'u', fileName: 'f', version: -1, order: [], figures: [] },
    { type: 'figures', uri: 'u', fileName: 'f', version: 1, order: [], figures: {} },
    { type: 'figures', uri: 'u', fileName: 'f', version: 1, order: [], figures: [], focus: 7 },
    { type: 'figures', uri: 'u', fileName: 'f', version: 1, figures: [] },
    { type: 'figures', uri: 'u', fileName: 'f', version: 1, order: ['lsv', 2], figures: [] },
    { type: 'figures', uri: 'u', fileName: 'f', version: 1, order: [], figures: [], more: 'yes' },
    { type: 'focus', id: { toString: () => 'lsv' } },
    { type: 'exportRequest', id: 'fe', format: 'html', requestId: 1 },
    { type: 'exportRequest', id: 'fe', format: 'svg', requestId: 1.5 },
    { type: 'error', message: ['x'] },
    JSON.parse('{"__proto__": {"type": "focus"}, "id": "x"}'),
  ]) assert.equal(toWebviewMessage(m), undefined, JSON.stringify(m));
});

test('the extension takes the webview messages it defines, and exports only of SVG or PNG data', () => {
  assert.deepEqual(fromWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
  const rendered = { type: 'rendered', uri: 'u', version: 2, ids: ['lsv'], ms: 12.5, firstMs: 3, failed: [{ id: 'fe', message: 'm', x: 1 }], theme: 'dark', marks: { firstDrawn: 1700000000123.5, allDrawn: 'late', evil: 1 } };
  assert.deepEqual(fromWebviewMessage(rendered), { ...rendered, failed: [{ id: 'fe', message: 'm' }], marks: { firstDrawn: 1700000000123.5 } }, 'only the known marks that are numbers are kept');
  const { marks: _, ...withoutMarks } = rendered;
  assert.deepEqual(fromWebviewMessage(withoutMarks), { ...withoutMarks, failed: [{ id: 'fe', message: 'm' }], marks: {} });
  assert.deepEqual(fromWebviewMessage({ type: 'export', id: 'lsv', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', requestId: 4 }), { type: 'export', id: 'lsv', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', requestId: 4 });
  assert.deepEqual(fromWebviewMessage({ type: 'export', id: 'lsv', format: 'png', data: 'data:image/png;base64,iVBORw0KGgo=' }), { type: 'export', id: 'lsv', format: 'png', data: 'data:image/png;base64,iVBORw0KGgo=' });
  assert.deepEqual(fromWebviewMessage({ type: 'exportFailed', id: 'lsv', requestId: 4, message: 'no' }), { type: 'exportFailed', id: 'lsv', requestId: 4, message: 'no' });
});

test('the extension ignores unknown and malformed webview messages', () => {
  for (const m of [
    undefined, null, 'ready', { type: 'writeFile', path: '/etc/passwd', data: 'x' }, { type: 'command', command: 'workbench.action.terminal.new' },
    { type: 'export', id: 'lsv', format: 'svg', data: '<html><script>alert(1)</script>' },
    { type: 'export', id: 'lsv', format: 'png', data: 'data:text/html;base64,PHNjcmlwdD4=' },
    { type: 'export', id: 'lsv', format: 'png', data: 'data:image/png;base64,<script>' },
    { type: 'export', id: 'lsv', format: 'exe', data: '<svg></svg>' },
    { type: 'export', id: 'lsv', format: 'svg', data: '<svg></svg>', requestId: '1' },
    { type: 'export', id: ['lsv'], format: 'svg', data: '<svg></svg>' },
    { type: 'rendered', uri: 'u', version: 1, ids: [1], ms: 1, firstMs: 1, failed: [], theme: 'dark' },
    { type: 'rendered', uri: 'u', version: 1, ids: [], ms: Number.POSITIVE_INFINITY, firstMs: 1, failed: [], theme: 'dark' },
    { type: 'rendered', uri: 'u', version: 1, ids: [], ms: 1, firstMs: 1, failed: [], theme: 'sepia' },
    { type: 'rendered', uri: 'u', version: 1, ids: [], ms: 1, firstMs: 1, failed: [], theme: 'dark', marks: [1, 2] },
    { type: 'exportFailed', id: 'lsv', message: 'no' },
  ]) assert.equal(fromWebviewMessage(m), undefined, JSON.stringify(m));
});

test('a figure id becomes a file name that opens no folder', () => {
  const taken = new Set<string>();
  assert.equal(figureFileName('calibration-NH3/N', 'svg', taken), 'calibration-NH3_N.svg');
  assert.equal(figureFileName('calibration-NH3_N', 'svg', taken), 'calibration-NH3_N-2.svg', 'two ids that read the same get two files');
  assert.equal(figureFileName('../../.ssh/authorized_keys', 'png'), '_.._.ssh_authorized_keys.png', 'no slash is left');
  assert.equal(figureFileName('...', 'png'), 'figure.png');
});

test('both ends pass every incoming message through the validator and write no HTML', () => {
  // The listeners are the only way in; a refactoring that reads event.data or the raw message directly fails here.
  const main = readFileSync(path.resolve(__dirname, '..', '..', 'client', 'src', 'webview', 'main.ts'), 'utf8');
  const panel = readFileSync(path.resolve(__dirname, '..', '..', 'client', 'src', 'preview', 'preview-panel.ts'), 'utf8');
  assert.match(main, /addEventListener\('message', \(event: MessageEvent<unknown>\) => \{\n[^\n]*\n\s+const msg = toWebviewMessage\(event\.data\);\n\s+if \(!msg\) return;/);
  assert.match(panel, /onDidReceiveMessage\(\(raw: unknown\) => \{\n[^\n]*\n\s+const m = fromWebviewMessage\(raw\);\n\s+if \(m\) void this\.receive\(m\);/);
  for (const source of [main, panel]) assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
});
