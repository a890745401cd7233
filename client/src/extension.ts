// The VS Code extension: starts the Faraday language server and the plot
// preview, and gets out of the way. All analysis happens in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { FigurePreview, PREVIEW_VIEW_TYPE } from './preview/preview-panel';
import type { PreviewState } from './preview/messages';
import { copyMethods } from './copy-methods';
import type { MethodsFormat } from '../../server/src/methods/document';

let client: LanguageClient | undefined;

/** What the extension exports: the preview, for the extension-host tests. */
export interface FaradayApi {
  preview: FigurePreview;
  /** How long activate() took (the benchmark prints it). */
  activationMs: number;
  /** Resolves with the ms from activation to the language server's start (NaN if it failed). */
  serverStarted: Promise<number>;
}

export function activate(context: vscode.ExtensionContext): FaradayApi {
  const started = performance.now();
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'faraday', scheme: 'file' }, { language: 'faraday', scheme: 'untitled' }],
    // Files of the workspace changed on disk (a new instrument export, an imported protocol saved elsewhere):
    // the server analyses the open protocols again, so values read from them are never stale.
    synchronize: { configurationSection: 'faraday', fileEvents: vscode.workspace.createFileSystemWatcher('**/*') },
    outputChannelName: 'Faraday',
    // Instrument data are read only in a trusted workspace.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('faraday', 'Faraday', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('faraday.restartServer', async () => {
      await client?.restart();
    }),
  );
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
  const preview = new FigurePreview(context.extensionUri, () => client);
  context.subscriptions.push(
    preview,
    // From the command palette, the editor title, or a code lens (which passes the document and the figure).
    vscode.commands.registerCommand('faraday.showPreview', (uri?: string | vscode.Uri, figure?: string) => {
      const commandAt = Date.now();
      const target = uri?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!target) return void vscode.window.showInformationMessage('Open a .faraday file to preview its plots.');
      preview.open(target, figure, commandAt);
    }),
    // From the command palette or the editor's context menu; tests pass the document and the format.
    vscode.commands.registerCommand('faraday.copyMethods', (uri?: string | vscode.Uri, format?: MethodsFormat) => copyMethods(client, uri, format)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: PreviewState | undefined) => preview.restore(panel, state),
    }),
  );
  // Not awaited: the workbench's activation does not wait for the server's process. Requests
  // (the preview's figures, Copy Methods) wait for the start themselves; a failed start is reported by the client.
  const serverStarted = client.start().then(() => performance.now() - started, () => Number.NaN);
  return { preview, activationMs: performance.now() - started, serverStarted };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
