/** Read and parse files for the emitters: documents plus their syntax findings. */
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_STEPS, readSopFile, TooLargeError, tooLargeFile, tooManySteps } from './io/limits.js';
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
    let text: string;
    try {
      text = readSopFile(absolute, DEFAULT_MAX_FILE_SIZE);
    } catch (error) {
      // A file over the size limit is left out with its finding, never read whole.
      if (!(error instanceof TooLargeError)) throw error;
      diagnostics.push(tooLargeFile(path, error.size, error.limit));
      continue;
    }
    const parsed = parseSop(text, path);
    const steps = parsed.document.procedures.reduce((sum, p) => sum + p.steps.length, 0);
    if (steps > DEFAULT_MAX_STEPS) {
      diagnostics.push(...parsed.diagnostics, tooManySteps(path, steps, DEFAULT_MAX_STEPS));
      continue;
    }
    files.push({ path, source: parsed.source, document: parsed.document });
    for (const d of parsed.diagnostics) diagnostics.push(d);
  }
  return { files, diagnostics: diagnostics.sort(compareDiagnostics) };
}
