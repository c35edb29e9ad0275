/** Source text → typed AST + syntax findings: lexer → parser (typed nodes; see parser.ts for its two passes) → AST builder. */
import { buildDocument } from './build.js';
import type { SopDocument } from './types.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceFile } from '../diagnostics/source.js';
import { encodingDiagnostics } from '../io/encoding.js';
import { tokenize } from '../syntax/lexer.js';
import { parseTokens } from '../syntax/parser.js';
import { lexerDiagnostics, parserDiagnostics } from '../syntax/syntax-errors.js';

export interface ParseResult {
  document: SopDocument;
  source: SourceFile;
  /** Syntax findings; the document is still built from whatever could be read. */
  diagnostics: Diagnostic[];
}

export function parseSop(text: string, path = '<input>'): ParseResult {
  const source = new SourceFile(path, text);
  const lexed = tokenize(text);
  const { tree, errors } = parseTokens(lexed.tokens);
  const built = buildDocument(tree, lexed.tokens, lexed.groups.comments ?? [], source);
  const diagnostics = [...encodingDiagnostics(source), ...lexerDiagnostics(lexed.errors, source), ...parserDiagnostics(errors, source), ...built.diagnostics];
  return { document: built.document, source, diagnostics: diagnostics.sort(compareDiagnostics) };
}
