/**
 * The editor's questions about one open document (hover, completion, definition, references,
 * rename, outline, formatting, folding), answered from its parse and the book's last check.
 */
import {
  CompletionItemKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  FoldingRangeKind,
  type Position,
  type Range,
  SymbolKind,
  type TextEdit,
} from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Language } from '../diagnostics/diagnostic.js';
import type { ParseResult } from '../ast/parse.js';
import type { Book } from './book.js';
import { docsLink } from './document-paths.js';
import { actorIdAt, actorOccurrences, completionsAt, definitionAt, foldingRanges, hoverAt, type OutlineItem, outline, ruleSummary } from './features.js';
import { configuredWidth, formatDocument, hunksAsReplacements } from './formatting.js';
import { within } from './lsp-diagnostics.js';

/** An open document at a position: its text, its parse and the offset. */
export interface DocumentAt {
  doc: TextDocument;
  parse: ParseResult;
  offset: number;
}

/** What the requests need from the server. */
export interface EditorState {
  at(uri: string, position: Position): DocumentAt | undefined;
  book(): Book;
  language(): Language;
  uriOf(absolute: string): string;
  /** A file's findings and their LSP form, index for index. */
  shown(uri: string): { findings: Diagnostic[]; lsp: LspDiagnostic[] } | undefined;
}

const TOP: Position = { line: 0, character: 0 };

export function answerEditorRequests(connection: Connection, state: EditorState): void {
  const rangeOf = (at: DocumentAt, span: { start: number; end: number }): Range => ({
    start: at.doc.positionAt(span.start),
    end: at.doc.positionAt(span.end),
  });

  connection.onHover(({ textDocument, position }) => {
    const at = state.at(textDocument.uri, position);
    if (!at) return null;
    const parts: string[] = [];
    let range: Range | undefined;
    const shown = state.shown(textDocument.uri);
    for (const [i, d] of (shown?.lsp ?? []).entries()) {
      if (!within(d.range, position)) continue;
      parts.push(ruleSummary(shown!.findings[i], state.language(), docsLink));
      range ??= d.range;
    }
    const answer = hoverAt(at.parse.document, at.offset, state.book().references(), state.language());
    if (answer) {
      parts.unshift(answer.markdown);
      range = rangeOf(at, answer.span);
    }
    return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range } : null;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const at = state.at(textDocument.uri, position);
    if (!at) return [];
    const kinds = { label: CompletionItemKind.Keyword, actor: CompletionItemKind.Variable, step: CompletionItemKind.Reference, sop: CompletionItemKind.File };
    const book = state.book();
    return completionsAt(
      at.parse.document,
      at.doc.getText(),
      at.offset,
      book.lastCheck?.result.index ?? { entries: [] },
      book.config.settings.externalSops,
    ).map((c, i) => ({
      label: c.label,
      kind: kinds[c.kind],
      detail: c.detail,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range: { start: at.doc.positionAt(c.replaceFrom), end: position }, newText: c.insertText },
    }));
  });

  connection.onDefinition(({ textDocument, position }) => {
    const at = state.at(textDocument.uri, position);
    if (!at) return null;
    const book = state.book();
    const target = definitionAt(at.parse.document, at.offset, book.references(), (path) => book.absoluteOf(path));
    if (!target) return null;
    if (target.span) return { uri: textDocument.uri, range: rangeOf(at, target.span) };
    const l = target.location!;
    return {
      uri: state.uriOf(target.file!),
      range: { start: { line: l.line - 1, character: l.column - 1 }, end: { line: l.endLine - 1, character: l.endColumn - 1 } },
    };
  });

  /** The actor id under the cursor, with every place it is declared and used. */
  const actorAt = (uri: string, position: Position) => {
    const at = state.at(uri, position);
    const actor = at && actorIdAt(at.parse.document, at.offset);
    return at && actor ? { at, actor, ...actorOccurrences(at.parse.document, actor.id) } : undefined;
  };

  connection.onReferences(({ textDocument, position, context }) => {
    const found = actorAt(textDocument.uri, position);
    if (!found) return null;
    const spans = [...(context.includeDeclaration ? found.declarations : []), ...found.references];
    return spans.map((s) => ({ uri: textDocument.uri, range: rangeOf(found.at, s) }));
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const found = actorAt(textDocument.uri, position);
    return found ? { range: rangeOf(found.at, found.actor.span), placeholder: found.actor.id } : null;
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const found = actorAt(textDocument.uri, position);
    if (!found) return null;
    if (!/^[A-Za-z_][\w.&-]*$/.test(newName)) throw new Error(`'${newName}' is not an actor id (letters, digits, _ . & -, starting with a letter)`);
    const edits: TextEdit[] = [...found.declarations, ...found.references].map((s) => ({ range: rangeOf(found.at, s), newText: newName }));
    return { changes: { [textDocument.uri]: edits } };
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const at = state.at(textDocument.uri, TOP);
    if (!at) return [];
    const kinds = { identity: SymbolKind.File, procedure: SymbolKind.Namespace, step: SymbolKind.Event, decision: SymbolKind.Enum };
    const toSymbol = (item: OutlineItem): DocumentSymbol => ({
      name: item.name || '(kosong)',
      detail: item.detail,
      kind: kinds[item.kind],
      range: rangeOf(at, item.span),
      selectionRange: rangeOf(at, item.selection),
      children: item.children.map(toSymbol),
    });
    return outline(at.parse.document).map(toSymbol);
  });

  connection.onDocumentFormatting(({ textDocument }) => {
    const at = state.at(textDocument.uri, TOP);
    if (!at) return [];
    const text = at.doc.getText();
    const answer = formatDocument(text, at.parse, configuredWidth(state.book().config));
    if ('refused' in answer) {
      // As `soplint fmt`: nothing is rewritten; the editor shows the syntax errors already.
      connection.console.info(
        answer.refused === 'syntax'
          ? `soplint: ${textDocument.uri} tidak dirapikan: perbaiki kesalahan sintaks dulu (not formatted: fix the syntax errors first)`
          : `soplint: ${textDocument.uri} tidak dirapikan: tata letak baru terbaca berbeda (not formatted: the new layout would read differently; please report)`,
      );
      return [];
    }
    return hunksAsReplacements(text, answer.edits, answer.eol).map((r) => ({ range: rangeOf(at, { start: r.start, end: r.end }), newText: r.newText }));
  });

  connection.onFoldingRanges(({ textDocument }) => {
    const at = state.at(textDocument.uri, TOP);
    if (!at) return [];
    return foldingRanges(at.parse.document, (offset) => at.doc.positionAt(offset).line).map((r) => ({
      startLine: r.start,
      endLine: r.end,
      kind: r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
    }));
  });
}
