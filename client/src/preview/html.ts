// The preview page: a strict Content-Security-Policy with a nonce, scripts and
// styles only from the extension's dist folder, nothing remote. The page script
// comes first and says "ready"; vega's runtime, the larger one, runs after it.
import * as vscode from 'vscode';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'preview.js'));
  const vega = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'vega.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'preview.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data: blob:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Faraday plots</title>
</head>
<body>
<p id="status">Loading…</p>
<main id="figures"></main>
<script nonce="${n}" src="${script}"></script>
<script nonce="${n}" src="${vega}"></script>
</body>
</html>`;
}
