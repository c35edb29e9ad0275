/**
 * `soplint lsp`: a language server over stdio, a thin layer over the library. The book is every .sop
 * file under the workspace folder; the editor's buffers replace the files on disk while open.
 * Findings are published after each change (debounced, shorter while checks are cheap), for every file whose findings changed, so
 * cross-references and duplicate numbers update in the other files too. Formatting is `soplint fmt`'s.
 */
import {
  CodeActionKind,
  createConnection,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Language } from '../diagnostics/diagnostic.js';
import { Book, type BookCheck } from './book.js';
import { codeActions, FIX_ALL_KIND } from './code-actions.js';
import { DocumentPaths } from './document-paths.js';
import { answerEditorRequests } from './editor-requests.js';
import { configDiagnostics, findingKey, toLspDiagnostic } from './lsp-diagnostics.js';

export interface LspOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Start the server; resolves when the client ends the session. */
export function runLsp(options: LspOptions = {}): Promise<number> {
  const connection = createConnection(options.input ?? process.stdin, options.output ?? process.stdout);
  // Nothing but the protocol on stdout.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  const server = new SopServer(connection);
  server.listen();
  return new Promise((done) => connection.onExit(() => done(0)));
}

class SopServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly paths = new DocumentPaths();
  private book: Book | undefined;
  private language: Language = 'id';
  private debounceMs = 150;
  /** What a check costs lately (ms), for the pause after typing. */
  private checkCostMs: number | undefined;
  private checkedOnce = false;
  private timer: NodeJS.Timeout | undefined;
  /** A key of what was last published per URI (version and findings), so only changed files are sent again. */
  private readonly published = new Map<string, string>();
  /** The findings last checked per URI, the text they refer to, and their LSP form once converted. */
  private readonly current = new Map<string, { findings: Diagnostic[]; text: string; lsp?: LspDiagnostic[] }>();
  private configUri: string | undefined;
  /** After a change of language: every file's findings are converted and compared again. */
  private republishAll = true;
  /** While the first reading of the book runs in a worker. */
  private warming: Promise<void> | undefined;

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => {
      // The book's first reading goes to a worker thread: hover, completion and the outline answer meanwhile.
      this.warming = this.book
        ?.warmUp()
        .then((count) => {
          if (count) connection.console.info(`soplint: read ${count} files in worker threads`);
        })
        .catch((error) => connection.console.warn(`soplint: reading the book in a worker failed (${String(error)}); reading it here`))
        .finally(() => {
          this.warming = undefined;
        });
      this.schedule(0);
    });
    documents.onDidOpen((e) => this.changed(e.document));
    documents.onDidChangeContent((e) => this.changed(e.document));
    documents.onDidClose((e) => {
      const absolute = this.paths.pathOf(e.document.uri, this.book?.root);
      if (absolute) this.book?.setBuffer(absolute, undefined);
      this.schedule();
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      let reload = false;
      for (const change of changes) {
        const absolute = this.paths.pathOf(change.uri);
        if (!absolute) continue;
        if (/\.soplintrc\.ya?ml$/.test(absolute)) reload = true;
        else if (absolute.endsWith('.sop') && !this.documents.get(change.uri)) this.book?.fileChangedOnDisk(absolute, change.type !== FileChangeType.Deleted);
      }
      if (reload) this.book?.load();
      this.schedule(0);
    });
    connection.onDidChangeConfiguration(({ settings }) => {
      const lang = settings?.soplint?.lang;
      if (lang === 'id' || lang === 'en') this.language = lang;
      if (typeof settings?.soplint?.debounceMs === 'number') this.debounceMs = settings.soplint.debounceMs;
      this.published.clear();
      for (const current of this.current.values()) current.lsp = undefined;
      this.republishAll = true;
      this.schedule(0);
    });
    connection.onCodeAction(({ textDocument, context }) =>
      codeActions(textDocument.uri, context.diagnostics, context.only, this.checkedText(textDocument.uri), this.language),
    );
    answerEditorRequests(connection, {
      at: (uri, position) => this.at(uri, position),
      book: () => this.book!,
      language: () => this.language,
      uriOf: (absolute) => this.paths.uriOf(absolute),
      shown: (uri) => {
        const lsp = this.lspDiagnostics(uri);
        return lsp && { findings: this.current.get(uri)!.findings, lsp };
      },
    });
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = (folder && this.paths.pathOf(folder)) ?? process.cwd();
    const init = (params.initializationOptions ?? {}) as { lang?: string; debounceMs?: number };
    if (init.lang === 'id' || init.lang === 'en') this.language = init.lang;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) this.debounceMs = init.debounceMs;
    this.book = new Book(root);
    this.book.load();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['[', ',', '>', ' ', ':'] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
      },
      serverInfo: { name: 'soplint' },
    };
  }

  private changed(document: TextDocument): void {
    const absolute = this.paths.pathOf(document.uri, this.book?.root);
    if (!absolute || !this.book) return;
    this.book.setBuffer(absolute, document.getText());
    this.schedule();
  }

  /**
   * The pause after a keystroke before checking: `debounceMs` at most, shorter while checks are
   * cheap (four times their recent cost, at least 40 ms), so findings follow typing as soon as
   * checking does not get in its way; a large book's full corpus run keeps the whole pause.
   */
  private typingPause(): number {
    if (this.checkCostMs === undefined) return this.debounceMs;
    return Math.min(this.debounceMs, Math.max(40, Math.round(4 * this.checkCostMs)));
  }

  private schedule(delay = this.typingPause()): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.checkNow(), delay);
  }

  /** Check the book and publish what changed. */
  private checkNow(): void {
    if (!this.book) return;
    if (this.warming) {
      void this.warming.then(() => this.schedule(0));
      return;
    }
    let check: BookCheck;
    const started = performance.now();
    try {
      check = this.book.check();
      // A moving average of what a check costs (the first, reading the whole book, does not count).
      const cost = performance.now() - started;
      if (this.checkedOnce) this.checkCostMs = this.checkCostMs === undefined ? cost : 0.7 * this.checkCostMs + 0.3 * cost;
      this.checkedOnce = true;
    } catch (error) {
      this.connection.console.error(`soplint: check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    }
    // Only the files whose findings are new, and the open documents (a new version to confirm).
    const candidates = new Set(this.republishAll ? check.byFile.keys() : check.changed);
    this.republishAll = false;
    for (const document of this.documents.all()) {
      const absolute = this.paths.pathOf(document.uri, this.book.root);
      if (absolute && check.byFile.has(absolute)) candidates.add(absolute);
    }
    for (const absolute of candidates) {
      const findings = check.byFile.get(absolute)!;
      const uri = this.paths.uriOf(absolute);
      const open = this.documents.get(uri);
      const text = check.texts.get(absolute) ?? '';
      // Findings of an open file refer to the text checked; a newer version waits for its own check.
      if (open && open.getText() !== text) continue;
      const current = this.current.get(uri);
      if (current?.findings !== findings || current.text !== text) this.current.set(uri, { findings, text });
      // Only what changed is converted and sent again (a book of 1,000 files, one file edited).
      const key = `${open?.version ?? ''}\n${findings.map(findingKey).join('\n')}`;
      if (this.published.get(uri) === key || (!open && !this.published.has(uri) && findings.length === 0)) continue;
      this.published.set(uri, key);
      void this.connection.sendDiagnostics({ uri, version: open?.version, diagnostics: this.lspDiagnostics(uri)! });
    }
    // Files that left the book (deleted): clear what was shown for them.
    if (check.full) {
      for (const uri of [...this.published.keys()]) {
        const absolute = this.paths.pathOf(uri);
        if (absolute && !check.byFile.has(absolute) && uri !== this.configUri) {
          this.published.delete(uri);
          this.current.delete(uri);
          void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        }
      }
    }
    this.publishConfigError();
  }

  private publishConfigError(): void {
    const error = this.book?.configError;
    const uri = this.book?.configFile ? this.paths.uriOf(this.book.configFile) : undefined;
    if (this.configUri && this.configUri !== uri) void this.connection.sendDiagnostics({ uri: this.configUri, diagnostics: [] });
    this.configUri = uri;
    if (!uri) return;
    const diagnostics = configDiagnostics(error);
    const key = JSON.stringify(diagnostics);
    if (this.published.get(uri) === key || (!this.published.has(uri) && !error)) return;
    this.published.set(uri, key);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** The LSP form of a file's current findings (converted once per check result). */
  private lspDiagnostics(uri: string): LspDiagnostic[] | undefined {
    const current = this.current.get(uri);
    if (!current) return undefined;
    if (!current.lsp) {
      const doc = this.documents.get(uri) ?? TextDocument.create(uri, 'sop', 0, current.text);
      current.lsp = current.findings.map((d) => toLspDiagnostic(d, doc, this.language, (file) => this.paths.uriOf(this.book!.absoluteOf(file))));
    }
    return current.lsp;
  }

  /** A file's findings and their text, while they refer to the open document's text. */
  private checkedText(uri: string): { findings: Diagnostic[]; text: string } | undefined {
    const current = this.current.get(uri);
    const open = this.documents.get(uri);
    return current && (!open || open.getText() === current.text) ? current : undefined;
  }

  /** The open document at a position, its parse and the offset. */
  private at(uri: string, position: { line: number; character: number }) {
    const doc = this.documents.get(uri);
    const absolute = this.paths.pathOf(uri, this.book?.root);
    if (!doc || !absolute || !this.book) return undefined;
    this.book.setBuffer(absolute, doc.getText());
    const parse = this.book.parse(absolute);
    if (!parse) return undefined;
    return { doc, parse, offset: doc.offsetAt(position) };
  }
}
