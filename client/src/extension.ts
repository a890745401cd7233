// The VS Code extension: starts the Faraday language server and gets out of
// the way. All analysis happens in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'faraday', scheme: 'file' }, { language: 'faraday', scheme: 'untitled' }],
    synchronize: { configurationSection: 'faraday' },
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
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
