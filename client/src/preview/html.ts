// The preview page: a strict Content-Security-Policy with a nonce, nothing
// remote. The page script, its style sheet and vega's runtime are read from
// the extension's dist/webview folder and written into the page under the
// nonce: the webview runs them without fetching them through its service
// worker (a round trip through the workbench: 55-160 ms for vega's runtime in
// the e2e). The page script comes first and says "ready" before vega's runtime
// is evaluated, so the figures are on their way meanwhile.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

/** dist/webview files written into the page, read once. */
const inlined = new Map<string, string>();
function inline(extensionUri: vscode.Uri, name: string, closing: string): string {
  let text = inlined.get(name);
  if (text === undefined) {
    text = readFileSync(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name).fsPath, 'utf8');
    // A closing tag inside would end the element early, and `<!--` can change how the rest of a script is
    // read: the bundles have neither, and one that does is refused.
    for (const refused of [closing, '<!--']) {
      if (text.toLowerCase().includes(refused)) throw new Error(`dist/webview/${name} holds ${refused} and cannot be written into the page`);
    }
    inlined.set(name, text);
  }
  return text;
}

export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data: blob:`,
    `style-src 'nonce-${n}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">${inline(extensionUri, 'preview.css', '</style')}</style>
<title>Faraday plots</title>
</head>
<body>
<p id="status">Loading…</p>
<main id="figures"></main>
<script nonce="${n}">${inline(extensionUri, 'preview.js', '</script')}</script>
<script nonce="${n}">${inline(extensionUri, 'vega.js', '</script')}</script>
</body>
</html>`;
}
