// "Faraday: Copy Methods Section": asks the language server for the
// experimental section of a protocol and puts it on the clipboard. The notes
// on what the text leaves out go to the Faraday output channel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { METHODS_REQUEST, type MethodsResult } from '../../server/src/lsp/protocol';
import type { MethodsFormat } from '../../server/src/methods/document';

const FORMAT_NAMES: Record<MethodsFormat, string> = { md: 'Markdown', tex: 'LaTeX', 'docx-ready-md': 'Markdown for Pandoc → Word' };

export async function copyMethods(client: LanguageClient | undefined, uri?: string | vscode.Uri, format?: MethodsFormat): Promise<MethodsResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  const target = uri?.toString() ?? (editor?.document.languageId === 'faraday' ? editor.document.uri.toString() : undefined);
  if (!target) {
    void vscode.window.showInformationMessage('Open a .faraday file to copy its Methods section.');
    return undefined;
  }
  if (!client) return undefined;
  const chosen = format ?? vscode.workspace.getConfiguration('faraday').get<MethodsFormat>('methods.format', 'md');
  // The language server analyses the text it has: open the document so it has it.
  await vscode.workspace.openTextDocument(vscode.Uri.parse(target));
  const result = await client.sendRequest<MethodsResult | null>(METHODS_REQUEST, { uri: target, format: chosen });
  if (!result) {
    void vscode.window.showErrorMessage(`Cannot write the Methods section: ${target} is not open in the language server.`);
    return undefined;
  }
  await vscode.env.clipboard.writeText(result.text);
  const name = vscode.Uri.parse(target).path.split('/').pop() ?? target;
  if (result.notes.length > 0) {
    for (const n of result.notes) client.outputChannel.appendLine(`${name}:${n.range.start.line + 1}:${n.range.start.character + 1}: ${n.severity} ${n.code} ${n.message}`);
    void vscode.window.showInformationMessage(`Methods section of ${name} copied (${FORMAT_NAMES[result.format]}); ${result.notes.length} note${result.notes.length === 1 ? '' : 's'} on what it leaves out in the Faraday output.`, 'Show notes').then((choice) => {
      if (choice) client.outputChannel.show(true);
    });
  } else {
    void vscode.window.showInformationMessage(`Methods section of ${name} copied (${FORMAT_NAMES[result.format]}).`);
  }
  return result;
}
