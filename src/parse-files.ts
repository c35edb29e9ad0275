/** Read and parse files for the emitters: documents plus their syntax findings. */
import { readFileSync } from 'node:fs';
import type { SopDocument } from './ast/types.js';
import { compareDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { SourceFile } from './diagnostics/source.js';
import { displayPath } from './files.js';
import { parseSop } from './ast/parse.js';

export interface ParsedFile {
  path: string;
  source: SourceFile;
  document: SopDocument;
}

export function parseFiles(absolutePaths: string[], cwd = process.cwd()): { files: ParsedFile[]; diagnostics: Diagnostic[] } {
  const files: ParsedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const absolute of absolutePaths) {
    const path = displayPath(absolute, cwd);
    const parsed = parseSop(readFileSync(absolute, 'utf8'), path);
    files.push({ path, source: parsed.source, document: parsed.document });
    for (const d of parsed.diagnostics) diagnostics.push(d);
  }
  return { files, diagnostics: diagnostics.sort(compareDiagnostics) };
}
