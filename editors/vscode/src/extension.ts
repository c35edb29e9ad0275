/**
 * The VS Code client of soplint: starts `soplint lsp` over stdio and hands .sop files to it.
 * Which soplint: the `soplint.path` setting; else the workspace's installed soplint
 * (node_modules/.bin/soplint, or node_modules/soplint/dist/soplint.js where no POSIX shell runs it);
 * else the server bundled with this extension (dist/server.js).
 */
import { join } from 'node:path';
import { workspace, window, type ExtensionContext } from 'vscode';
import { findInstalledSoplint } from './find-soplint.js';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function serverOptions(context: ExtensionContext): ServerOptions {
  const configured = workspace.getConfiguration('soplint').get<string>('path')?.trim();
  if (configured) return { command: configured, args: ['lsp'], transport: TransportKind.stdio };
  for (const folder of workspace.workspaceFolders ?? []) {
    const found = findInstalledSoplint(folder.uri.fsPath);
    if (found && 'command' in found) return { command: found.command, args: ['lsp'], transport: TransportKind.stdio, options: { cwd: folder.uri.fsPath } };
    if (found) return { module: found.module, args: ['lsp'], transport: TransportKind.stdio, options: { cwd: folder.uri.fsPath } };
  }
  return { module: context.asAbsolutePath(join('dist', 'server.js')), transport: TransportKind.stdio };
}

export async function activate(context: ExtensionContext): Promise<void> {
  const settings = workspace.getConfiguration('soplint');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sop' },
      { scheme: 'untitled', language: 'sop' },
    ],
    synchronize: {
      configurationSection: 'soplint',
      fileEvents: [workspace.createFileSystemWatcher('**/.soplintrc.{yaml,yml,json}'), workspace.createFileSystemWatcher('**/*.sop')],
    },
    initializationOptions: { lang: settings.get<string>('lang'), debounceMs: settings.get<number>('debounceMs') },
  };
  client = new LanguageClient('soplint', 'soplint', serverOptions(context), clientOptions);
  try {
    await client.start();
  } catch (error) {
    void window.showErrorMessage(`soplint lsp could not start: ${String(error)}. Set 'soplint.path' or install soplint in the workspace (npm i -D soplint).`);
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
