// Extension-host suite: the same checks an @vscode/test-electron run would
// make, through the vscode API, inside a real VS Code.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

const workspace = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;

async function openSample(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(path.join(workspace(), 'au28cu12-si.faraday'));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function waitForDiagnostics(uri: vscode.Uri, predicate: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (predicate(now)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (predicate(d)) {
        sub.dispose();
        resolve(d);
      }
    });
  });
}

/** Merges figures into the timing file the driver copies to dist/e2e-preview-timing.json (the benchmark prints it). */
function recordTiming(fields: Record<string, unknown>): void {
  if (!process.env.FARADAY_E2E_RESULTS) return;
  const file = path.join(path.dirname(process.env.FARADAY_E2E_RESULTS), 'preview-timing.json');
  let timing: Record<string, unknown> = {};
  try { timing = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>; } catch { /* the first figures of this run */ }
  writeFileSync(file, JSON.stringify({ ...timing, ...fields }));
}

type Breakdown = { extension: Record<string, number>; webview: Record<string, number>; server?: Record<string, number> };
type Report = { ids: string[]; ms: number; firstMs: number; totalMs: number; failed: { id: string; message: string }[]; breakdown?: Breakdown };
type Api = { activationMs: number; serverStarted: Promise<number>; preview: { onDidRender: vscode.Event<Report> } };

/** Runs the preview command and waits for its render report; ms from the command to the report. */
async function openPreview(doc: vscode.TextDocument, focus: string): Promise<{ report: Report; commandToRenderMs: number }> {
  const api = vscode.extensions.getExtension<Api>('faraday-lab.faraday')!.exports;
  const rendered = new Promise<Report>((resolve) => {
    const sub = api.preview.onDidRender((r) => {
      sub.dispose();
      resolve(r);
    });
  });
  const started = Date.now();
  await vscode.commands.executeCommand('faraday.showPreview', doc.uri.toString(), focus);
  const report = await rendered;
  return { report, commandToRenderMs: Date.now() - started };
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('faraday.preview'));
}

function position(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  return doc.positionAt(doc.getText().indexOf(needle) + offset);
}

describe('Faraday in the extension host', () => {
  it('activates for .faraday files and publishes the diagnostics', async () => {
    const doc = await openSample();
    assert.equal(doc.languageId, 'faraday');
    const d = await waitForDiagnostics(doc.uri, (x) => x.some((y) => y.code && String(typeof y.code === 'object' ? y.code.value : y.code) === 'FD0301'));
    assert.ok(d.some((y) => y.message === 'unknown species `Me2SAu`; did you mean `Me2SAuCl`?'));
  });

  it('Copy Methods Section puts the experimental section on the clipboard', async () => {
    const doc = await openSample();
    const result = await vscode.commands.executeCommand<{ text: string; notes: { code: string }[] }>('faraday.copyMethods', doc.uri, 'md');
    assert.match(result.text, /^E\(RHE\) = E\(Ag\/AgCl\) \+ 0\.198 V \+ 0\.059 × pH$/m);
    assert.ok(result.notes.some((n) => n.code === 'FD0901'));
    assert.equal(await vscode.env.clipboard.readText(), result.text);
  });

  it('hover on 20 mg CuCl shows 0.2020 mmol', async () => {
    const doc = await openSample();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position(doc, '20 mg CuCl', 8));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /0\.2020 mmol/);
  });

  it('completion after `vs` offers reference electrodes', async () => {
    const doc = await openSample();
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position(doc, 'vs SHE', 3));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('SCE'));
  });

  it('a quick fix is offered for the unknown species', async () => {
    const doc = await openSample();
    const at = position(doc, 'Me2SAu ');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at));
    assert.ok(actions.some((a) => a.title === 'Change to `Me2SAuCl`'));
  });

  it('inlay hints show the set-point of -0.8 V vs RHE', async () => {
    const doc = await openSample();
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.some((l) => l.includes('−1.057 V vs Ag/AgCl')));
  });

  // The server's answers carry result ids for the editor's deltas; this API command shows the tokens without them.
  it('semantic tokens reach the editor, each on its word', async () => {
    const doc = await openSample();
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
    const found: { text: string; type: string }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i]!;
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1]! : tokens.data[i + 1]!;
      found.push({ text: doc.lineAt(line).text.slice(character, character + tokens.data[i + 2]!), type: legend.tokenTypes[tokens.data[i + 3]!]! });
    }
    assert.ok(found.length > 500, `${found.length} tokens`);
    assert.ok(found.some((t) => t.text === 'CuCl' && t.type === 'variable'), 'the species of 20 mg CuCl');
    assert.ok(found.some((t) => t.text === 'RHE' && t.type === 'referenceElectrode'));
  });

  it('the plot preview draws every figure of the sample in a webview', async function () {
    this.timeout(60000);
    const doc = await openSample();
    const api = vscode.extensions.getExtension<Api>('faraday-lab.faraday')!.exports;
    const { report: r, commandToRenderMs } = await openPreview(doc, 'fe');
    assert.deepEqual(r.failed, []);
    for (const id of ['uvvis', 'lsv', 'it', 'fe', 'calibration-nessler', 'calibration-griess', 'cdl', 'nyquist']) assert.ok(r.ids.includes(id), `${id} drawn (drew ${r.ids.join(', ')})`);
    // Time to the first and to the last figure, where it went, and the activation, for the benchmark's figures.
    assert.ok(r.breakdown, 'the first render reports its breakdown');
    recordTiming({ commandToRenderMs, commandToFirstMs: Math.round(commandToRenderMs - (r.ms - r.firstMs)), webviewRenderMs: r.ms, figures: r.ids.length, activationMs: Math.round(api.activationMs), serverStartMs: Math.round(await api.serverStarted), breakdown: r.breakdown });
  });

  it('an empty webview panel says hello (the floor the workbench sets), and the preview opens again', async function () {
    this.timeout(60000);
    // The same kind of panel with a page that only posts one message: what the workbench alone costs.
    const started = Date.now();
    const panel = vscode.window.createWebviewPanel('faraday-e2e.empty', 'Empty', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
    const created = Date.now();
    const hello = new Promise<{ at: number; documentStart: number }>((resolve) => panel.webview.onDidReceiveMessage((m: { at: number; documentStart: number }) => resolve(m)));
    const nonce = 'e2eFloor' + Math.random().toString(36).slice(2);
    panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head>`
      + `<body><script nonce="${nonce}">acquireVsCodeApi().postMessage({ at: performance.timeOrigin + performance.now(), documentStart: performance.timeOrigin });</script></body></html>`;
    const htmlSet = Date.now();
    const m = await hello;
    const received = Date.now();
    panel.dispose();
    const emptyWebview = { panelCreated: created - started, htmlSet: htmlSet - started, documentStart: Math.round(m.documentStart - started), scriptRan: Math.round(m.at - started), messageReceived: received - started };
    assert.ok(emptyWebview.messageReceived >= emptyWebview.htmlSet);
    recordTiming({ emptyWebview });
    // The preview closed and opened again: a second panel, as the empty one was.
    for (const tab of previewTabs()) await vscode.window.tabGroups.close(tab);
    const { report, commandToRenderMs } = await openPreview(await openSample(), 'fe');
    assert.deepEqual(report.failed, []);
    recordTiming({ reopen: { commandToRenderMs, commandToFirstMs: Math.round(commandToRenderMs - (report.ms - report.firstMs)), breakdown: report.breakdown } });
    // Hidden behind another editor in its group, then shown again by the command; then that editor is closed.
    const group = previewTabs()[0]!.group.viewColumn;
    const other = await vscode.workspace.openTextDocument(path.join(workspace(), 'neutral-sce-n2.faraday'));
    await vscode.window.showTextDocument(other, { viewColumn: group, preserveFocus: true });
    assert.ok(!previewTabs()[0]!.isActive, 'the preview is hidden');
    const shown = await openPreview(await vscode.workspace.openTextDocument(path.join(workspace(), 'au28cu12-si.faraday')), 'fe');
    assert.deepEqual(shown.report.failed, []);
    recordTiming({ reshow: { commandToRenderMs: shown.commandToRenderMs, figures: shown.report.ids.length, breakdown: shown.report.breakdown } });
    const otherTab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === other.uri.toString() && t.group.viewColumn === group);
    if (otherTab) await vscode.window.tabGroups.close(otherTab);
  });

  it('the preview exports a drawn figure as SVG and as PNG', async function () {
    this.timeout(30000);
    const api = vscode.extensions.getExtension<{ preview: { exportFigure(id: string, format: 'svg' | 'png', target: vscode.Uri): Promise<void> } }>('faraday-lab.faraday')!.exports;
    const svg = vscode.Uri.file(path.join(workspace(), 'fe-export.svg'));
    const png = vscode.Uri.file(path.join(workspace(), 'fe-export.png'));
    await api.preview.exportFigure('fe', 'svg', svg);
    await api.preview.exportFigure('fe', 'png', png);
    const text = readFileSync(svg.fsPath, 'utf8');
    assert.match(text, /^<svg /);
    // Three products at three potentials, as drawn in the webview.
    assert.equal((text.match(/aria-roledescription="bar"/g) ?? []).length, 9);
    assert.equal(readFileSync(png.fsPath).subarray(1, 4).toString('latin1'), 'PNG');
    await vscode.workspace.fs.delete(svg);
    await vscode.workspace.fs.delete(png);
  });

  it('the preview follows edits (debounced), the active editor and the colour theme', async function () {
    this.timeout(90000);
    type Render = { uri: string; version: number; ids: string[]; theme: 'dark' | 'light'; totalMs: number; breakdown?: Breakdown };
    const api = vscode.extensions.getExtension<{ preview: { onDidRender: vscode.Event<Render> } }>('faraday-lab.faraday')!.exports;
    const next = (predicate: (r: Render) => boolean) =>
      new Promise<Render>((resolve) => {
        const sub = api.preview.onDidRender((r) => {
          if (!predicate(r)) return;
          sub.dispose();
          resolve(r);
        });
      });
    // Each wait names itself when it fails.
    const within = <T>(what: string, p: Promise<T>, ms = 20000) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no render: ${what}`)), ms))]);
    const doc = await openSample();
    const sample = doc.uri.toString();
    // An edit of a reading: the figures of the new version are drawn.
    const original = 'NH3-N absorbance 0.099';
    const start = doc.positionAt(doc.getText().indexOf(original));
    const range = new vscode.Range(start, start.translate(0, original.length));
    const before = doc.version;
    const edited = next((r) => r.uri === sample && r.version > before);
    const change = new vscode.WorkspaceEdit();
    change.replace(doc.uri, range, 'NH3-N absorbance 0.120');
    assert.ok(await vscode.workspace.applyEdit(change));
    const afterEditRender = await within('after the edit', edited);
    assert.ok(afterEditRender.ids.includes('fe'));
    // Re-render after an edit, from the request (after the preview's debounce) to the figures drawn, for the benchmark.
    recordTiming({ editRerenderMs: afterEditRender.totalMs, editBreakdown: afterEditRender.breakdown });
    const afterEdit = doc.version;
    const reverted = next((r) => r.uri === sample && r.version > afterEdit);
    const back = new vscode.WorkspaceEdit();
    back.replace(doc.uri, range, original);
    assert.ok(await vscode.workspace.applyEdit(back));
    await within('after the revert', reverted);
    await doc.save();
    // Another Faraday editor becomes active: the preview shows its file.
    const other = await vscode.workspace.openTextDocument(path.join(workspace(), 'neutral-sce-n2.faraday'));
    const followed = next((r) => r.uri === other.uri.toString());
    await vscode.window.showTextDocument(other, vscode.ViewColumn.One);
    await within('for the other editor', followed);
    // A theme of the other kind (light ↔ dark): drawn again with its colours, then back.
    const settings = vscode.workspace.getConfiguration('workbench');
    const wasLight = [vscode.ColorThemeKind.Light, vscode.ColorThemeKind.HighContrastLight].includes(vscode.window.activeColorTheme.kind);
    const [otherTheme, otherKind, ownKind] = wasLight ? ['Default Dark Modern', 'dark', 'light'] as const : ['Default Light Modern', 'light', 'dark'] as const;
    const switched = next((r) => r.theme === otherKind);
    await settings.update('colorTheme', otherTheme, vscode.ConfigurationTarget.Global);
    await within(`in the ${otherKind} theme`, switched);
    const restored = next((r) => r.theme === ownKind);
    await settings.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await within(`back in the ${ownKind} theme`, restored);
    await openSample();
  });
});
