/** A real LSP client for the tests: `soplint lsp` started as a process, JSON-RPC over its stdio. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { fromRoot } from '../helpers/paths.js';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    message: string;
    code?: string;
    severity?: number;
    data?: unknown;
    source?: string;
  }[];
}

/** A copy of the bundled book in a temp folder, with a .soplintrc.yaml; removed by dispose(). */
export function copyOfBook(config = 'preset: recommended\n'): { root: string; uri: (name: string) => string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'soplint-lsp-'));
  cpSync(fromRoot('sops'), join(root, 'sops'), { recursive: true, filter: (src) => !src.includes(`${join('sops', 'source')}`) && !src.endsWith('.json') });
  writeFileSync(join(root, '.soplintrc.yaml'), config);
  return { root, uri: (name) => pathToFileURL(join(root, name)).href, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishedDiagnostics[] = [];
  private waiters: { test: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  stderr = '';
  /** window/logMessage messages. */
  readonly log: string[] = [];

  /** `command`: the script to start with Node and its arguments (default: the built CLI's `lsp`). */
  constructor(command: string[] = [fromRoot('dist/soplint.js'), 'lsp', '--stdio']) {
    this.process = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => this.log.push(params.message));
    this.connection.onRequest('workspace/configuration', () => []);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(root: string, initializationOptions: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'book' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The next publishDiagnostics (already received or to come, after `since`) that passes `test`. */
  waitForDiagnostics(test: (p: PublishedDiagnostics) => boolean, since = 0, timeoutMs = 60_000): Promise<PublishedDiagnostics> {
    const already = this.published.slice(since).find(test);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sop', version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 10_000);
      this.process.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

export const readText = (path: string) => readFileSync(path, 'utf8');
