/** A snapshot of the CST front end as it was before the embedded-action parser: the oracle of test/syntax/front-end-equivalence.test.ts. */
/** Source text → typed AST + syntax findings: lexer → parser (CST) → AST builder. */
import { buildDocument } from './build.js';
import type { SopDocument } from '../../../src/ast/types.js';
import { compareDiagnostics, type Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { SourceFile } from '../../../src/diagnostics/source.js';
import { encodingDiagnostics } from '../../../src/io/encoding.js';
import { tokenize } from '../../../src/syntax/lexer.js';
import { parseTokens } from './cst-parser.js';
import { lexerDiagnostics, parserDiagnostics } from '../../../src/syntax/syntax-errors.js';

export interface ParseResult {
  document: SopDocument;
  source: SourceFile;
  /** Syntax findings; the document is still built from whatever could be read. */
  diagnostics: Diagnostic[];
}

export function parseSop(text: string, path = '<input>'): ParseResult {
  const source = new SourceFile(path, text);
  const lexed = tokenize(text);
  const { cst, errors } = parseTokens(lexed.tokens);
  const built = buildDocument(cst, lexed.tokens, lexed.groups.comments ?? [], source);
  const diagnostics = [...encodingDiagnostics(source), ...lexerDiagnostics(lexed.errors, source), ...parserDiagnostics(errors, source), ...built.diagnostics];
  return { document: built.document, source, diagnostics: diagnostics.sort(compareDiagnostics) };
}
