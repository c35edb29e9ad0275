/**
 * `soplint lsp`: a language server over stdio, a thin layer over the library. The book is every .sop
 * file under the workspace folder; the editor's buffers replace the files on disk while open.
 * Findings are published after each change (debounced, shorter while checks are cheap), for every file whose findings changed, so
 * cross-references and duplicate numbers update in the other files too. Formatting is `soplint fmt`'s.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  FileChangeType,
  FoldingRangeKind,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes } from '../checker/apply-fixes.js';
import type { Diagnostic, Language } from '../diagnostics/diagnostic.js';
import { docsPath } from '../rules/rule.js';
import { Book, type BookCheck } from './book.js';
import { configuredWidth, formatDocument, hunksAsReplacements } from './formatting.js';
import { actorIdAt, actorOccurrences, completionsAt, definitionAt, foldingRanges, hoverAt, outline, ruleSummary, type OutlineItem } from './features.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';

export interface LspOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Where a finding's fix lives on the LSP diagnostic (`data`), for code actions. */
interface FindingData {
  ruleId: string;
  fix?: { range: Range; newText: string };
}

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};
const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.soplint`;

/**
 * Files by path, and the editor's documents that are no file yet (VS Code's `untitled:Untitled-1`):
 * those are checked as if they were a file in the workspace folder, named after the URI.
 */
const unsaved = new Map<string, string>();
const unsavedByPath = new Map<string, string>();
function pathOfUri(uri: string, root = process.cwd()): string | undefined {
  if (uri.startsWith('file:')) return resolve(fileURLToPath(uri));
  if (!uri.startsWith('untitled:')) return undefined;
  let path = unsaved.get(uri);
  if (!path) {
    const name = decodeURIComponent(uri.slice('untitled:'.length)).replace(/[^\w.-]+/g, '-');
    path = join(root, name.endsWith('.sop') ? name : `${name}.sop`);
    unsaved.set(uri, path);
    unsavedByPath.set(path, uri);
  }
  return path;
}
const uriOf = (absolute: string) => unsavedByPath.get(absolute) ?? pathToFileURL(absolute).href;

/** The package's docs folder, when shipped beside this build (dist/../docs). */
function docsLink(ruleId: string): string | undefined {
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    const [path, anchor] = docsPath(ruleId).split('#');
    for (let i = 0; i < 4; i++, dir = dirname(dir)) {
      const page = join(dir, path);
      if (existsSync(page)) return `${pathToFileURL(page).href}${anchor ? `#${anchor}` : ''}`;
    }
  } catch {
    // no file URL for this build (bundled into the editor extension)
  }
  return undefined;
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
      const absolute = pathOfUri(e.document.uri, this.book?.root);
      if (absolute) this.book?.setBuffer(absolute, undefined);
      this.schedule();
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      let reload = false;
      for (const change of changes) {
        const absolute = pathOfUri(change.uri);
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
    connection.onCodeAction((params) => this.codeActions(params.textDocument.uri, params.context.diagnostics, params.context.only));
    connection.onHover(({ textDocument, position }) => {
      const at = this.at(textDocument.uri, position);
      if (!at) return null;
      const parts: string[] = [];
      let range: Range | undefined;
      const current = this.current.get(textDocument.uri);
      for (const [i, d] of (this.lspDiagnostics(textDocument.uri) ?? []).entries()) {
        if (!within(d.range, position)) continue;
        parts.push(ruleSummary(current!.findings[i], this.language, docsLink));
        range ??= d.range;
      }
      const answer = hoverAt(at.parse.document, at.offset, this.book!.references(), this.language);
      if (answer) {
        parts.unshift(answer.markdown);
        range = { start: at.doc.positionAt(answer.span.start), end: at.doc.positionAt(answer.span.end) };
      }
      return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range } : null;
    });
    connection.onCompletion(({ textDocument, position }) => {
      const at = this.at(textDocument.uri, position);
      if (!at) return [];
      const kinds = { label: CompletionItemKind.Keyword, actor: CompletionItemKind.Variable, step: CompletionItemKind.Reference, sop: CompletionItemKind.File };
      return completionsAt(
        at.parse.document,
        at.doc.getText(),
        at.offset,
        this.book!.lastCheck?.result.index ?? { entries: [] },
        this.book!.config.settings.externalSops,
      ).map((c, i) => ({
        label: c.label,
        kind: kinds[c.kind],
        detail: c.detail,
        sortText: String(i).padStart(4, '0'),
        textEdit: { range: { start: at.doc.positionAt(c.replaceFrom), end: position }, newText: c.insertText },
      }));
    });
    connection.onDefinition(({ textDocument, position }) => {
      const at = this.at(textDocument.uri, position);
      if (!at) return null;
      const target = definitionAt(at.parse.document, at.offset, this.book!.references(), (path) => this.book!.absoluteOf(path));
      if (!target) return null;
      if (target.span) return { uri: textDocument.uri, range: { start: at.doc.positionAt(target.span.start), end: at.doc.positionAt(target.span.end) } };
      const l = target.location!;
      return {
        uri: uriOf(target.file!),
        range: { start: { line: l.line - 1, character: l.column - 1 }, end: { line: l.endLine - 1, character: l.endColumn - 1 } },
      };
    });
    connection.onReferences(({ textDocument, position, context }) => {
      const at = this.at(textDocument.uri, position);
      const actor = at && actorIdAt(at.parse.document, at.offset);
      if (!at || !actor) return null;
      const { declarations, references } = actorOccurrences(at.parse.document, actor.id);
      const spans = [...(context.includeDeclaration ? declarations : []), ...references];
      return spans.map((s) => ({ uri: textDocument.uri, range: { start: at.doc.positionAt(s.start), end: at.doc.positionAt(s.end) } }));
    });
    connection.onPrepareRename(({ textDocument, position }) => {
      const at = this.at(textDocument.uri, position);
      const actor = at && actorIdAt(at.parse.document, at.offset);
      if (!at || !actor) return null;
      return { range: { start: at.doc.positionAt(actor.span.start), end: at.doc.positionAt(actor.span.end) }, placeholder: actor.id };
    });
    connection.onRenameRequest(({ textDocument, position, newName }) => {
      const at = this.at(textDocument.uri, position);
      const actor = at && actorIdAt(at.parse.document, at.offset);
      if (!at || !actor) return null;
      if (!/^[A-Za-z_][\w.&-]*$/.test(newName)) throw new Error(`'${newName}' is not an actor id (letters, digits, _ . & -, starting with a letter)`);
      const { declarations, references } = actorOccurrences(at.parse.document, actor.id);
      const edits: TextEdit[] = [...declarations, ...references].map((s) => ({
        range: { start: at.doc.positionAt(s.start), end: at.doc.positionAt(s.end) },
        newText: newName,
      }));
      return { changes: { [textDocument.uri]: edits } };
    });
    connection.onDocumentSymbol(({ textDocument }) => {
      const at = this.at(textDocument.uri, { line: 0, character: 0 });
      if (!at) return [];
      const kinds = { identity: SymbolKind.File, procedure: SymbolKind.Namespace, step: SymbolKind.Event, decision: SymbolKind.Enum };
      const toSymbol = (item: OutlineItem): DocumentSymbol => ({
        name: item.name || '(kosong)',
        detail: item.detail,
        kind: kinds[item.kind],
        range: { start: at.doc.positionAt(item.span.start), end: at.doc.positionAt(item.span.end) },
        selectionRange: { start: at.doc.positionAt(item.selection.start), end: at.doc.positionAt(item.selection.end) },
        children: item.children.map(toSymbol),
      });
      return outline(at.parse.document).map(toSymbol);
    });
    connection.onDocumentFormatting(({ textDocument }) => {
      const at = this.at(textDocument.uri, { line: 0, character: 0 });
      if (!at) return [];
      const text = at.doc.getText();
      const answer = formatDocument(text, at.parse, configuredWidth(this.book!.config));
      if ('refused' in answer) {
        // As `soplint fmt`: nothing is rewritten; the editor shows the syntax errors already.
        this.connection.console.info(
          answer.refused === 'syntax'
            ? `soplint: ${textDocument.uri} tidak dirapikan: perbaiki kesalahan sintaks dulu (not formatted: fix the syntax errors first)`
            : `soplint: ${textDocument.uri} tidak dirapikan: tata letak baru terbaca berbeda (not formatted: the new layout would read differently; please report)`,
        );
        return [];
      }
      return hunksAsReplacements(text, answer.edits, answer.eol).map((r) => ({
        range: { start: at.doc.positionAt(r.start), end: at.doc.positionAt(r.end) },
        newText: r.newText,
      }));
    });
    connection.onFoldingRanges(({ textDocument }) => {
      const at = this.at(textDocument.uri, { line: 0, character: 0 });
      if (!at) return [];
      return foldingRanges(at.parse.document, (offset) => at.doc.positionAt(offset).line).map((r) => ({
        startLine: r.start,
        endLine: r.end,
        kind: r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
      }));
    });
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = (folder && pathOfUri(folder)) ?? process.cwd();
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
    const absolute = pathOfUri(document.uri, this.book?.root);
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
      const absolute = pathOfUri(document.uri, this.book.root);
      if (absolute && check.byFile.has(absolute)) candidates.add(absolute);
    }
    for (const absolute of candidates) {
      const findings = check.byFile.get(absolute)!;
      const uri = uriOf(absolute);
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
        const absolute = pathOfUri(uri);
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
    const uri = this.book?.configFile ? uriOf(this.book.configFile) : undefined;
    if (this.configUri && this.configUri !== uri) void this.connection.sendDiagnostics({ uri: this.configUri, diagnostics: [] });
    this.configUri = uri;
    if (!uri) return;
    const diagnostics: LspDiagnostic[] = error
      ? [
          {
            range: {
              start: { line: error.line - 1, character: Math.max(0, error.column - 1) },
              end: { line: error.line - 1, character: Math.max(0, error.column - 1) },
            },
            severity: DiagnosticSeverity.Error,
            source: 'soplint',
            message: error.message,
          },
        ]
      : [];
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
      current.lsp = current.findings.map((d) => this.toLsp(d, doc));
    }
    return current.lsp;
  }

  private toLsp(d: Diagnostic, doc: TextDocument): LspDiagnostic {
    const range = { start: doc.positionAt(d.offset), end: doc.positionAt(d.endOffset) };
    const data: FindingData = { ruleId: d.ruleId };
    if (d.fix) data.fix = { range: { start: doc.positionAt(d.fix.offset), end: doc.positionAt(d.fix.endOffset) }, newText: d.fix.text };
    const lsp: LspDiagnostic = {
      range,
      severity: SEVERITY[d.severity],
      source: 'soplint',
      code: d.ruleId,
      message: d.hint ? `${d.message[this.language]}\n= ${d.hint[this.language]}` : d.message[this.language],
      data,
    };
    const link = docsLink(d.ruleId);
    if (link) lsp.codeDescription = { href: link };
    if (d.ruleId === PIPELINE_FINDING.unusedSuppression) lsp.tags = [DiagnosticTag.Unnecessary];
    if (d.related?.length && this.book) {
      lsp.relatedInformation = d.related.map((r) => ({
        location: {
          uri: uriOf(this.book!.absoluteOf(r.file)),
          range: { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } },
        },
        message: r.message[this.language],
      }));
    }
    return lsp;
  }

  private codeActions(uri: string, diagnostics: LspDiagnostic[], only?: string[]): CodeAction[] {
    const actions: CodeAction[] = [];
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of diagnostics) {
        const data = d.data as FindingData | undefined;
        if (d.source !== 'soplint' || !data?.fix) continue;
        actions.push({
          title: data.fix.newText
            ? `soplint: ${this.language === 'id' ? 'perbaiki' : 'fix'} (${data.ruleId})`
            : `soplint: ${this.language === 'id' ? 'hapus' : 'remove'} (${data.ruleId})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: { changes: { [uri]: [{ range: data.fix.range, newText: data.fix.newText }] } },
        });
      }
    }
    const all = this.fixAll(uri);
    if (all && (wants(FIX_ALL_KIND) || (wants(CodeActionKind.QuickFix) && actions.length && all.length > 1))) {
      actions.push({
        title:
          this.language === 'id' ? `soplint: perbaiki semua yang bisa diperbaiki (${all.length})` : `soplint: fix all auto-fixable problems (${all.length})`,
        kind: wants(FIX_ALL_KIND) && only ? FIX_ALL_KIND : CodeActionKind.QuickFix,
        edit: { changes: { [uri]: all } },
      });
    }
    return actions;
  }

  /** Every fix of a file's current findings that can be applied together (one pass of --fix). */
  private fixAll(uri: string): TextEdit[] | undefined {
    const current = this.current.get(uri);
    const open = this.documents.get(uri);
    if (!current || (open && open.getText() !== current.text)) return undefined;
    const fixes = current.findings.flatMap((d) => (d.fix ? [d.fix] : []));
    if (fixes.length === 0) return undefined;
    const doc = open ?? TextDocument.create(uri, 'sop', 0, current.text);
    return applyFixes(current.text, fixes).applied.map((f) => ({
      range: { start: doc.positionAt(f.offset), end: doc.positionAt(f.endOffset) },
      newText: f.text,
    }));
  }

  /** The open document at a position, its parse and the offset. */
  private at(uri: string, position: { line: number; character: number }) {
    const doc = this.documents.get(uri);
    const absolute = pathOfUri(uri, this.book?.root);
    if (!doc || !absolute || !this.book) return undefined;
    this.book.setBuffer(absolute, doc.getText());
    const parse = this.book.parse(absolute);
    if (!parse) return undefined;
    return { doc, parse, offset: doc.offsetAt(position) };
  }
}

/** What a finding's LSP form depends on, to tell whether a file's findings changed. */
const findingKey = (d: Diagnostic) =>
  `${d.ruleId} ${d.severity} ${d.offset} ${d.endOffset} ${d.message.en} ${d.hint?.en ?? ''} ${d.fix ? `${d.fix.offset} ${d.fix.endOffset} ${d.fix.text}` : ''} ${d.related?.map((r) => `${r.file}:${r.line}:${r.column}`).join(',') ?? ''}`;

function within(range: Range, position: { line: number; character: number }): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}
