/**
 * The library API under `soplint check`: read files, parse them, collect findings.
 * (The checker's rules run over the parsed documents; see src/checker.)
 */
import { readFileSync } from 'node:fs';
import type { SopDocument } from './ast/types.js';
import { compareDiagnostics, diagnosticAt, localized, type Diagnostic } from './diagnostics/diagnostic.js';
import { SourceFile } from './diagnostics/source.js';
import { displayPath } from './files.js';
import { parseSop } from './parse.js';

export interface LintedFile {
  path: string;
  source: SourceFile;
  document: SopDocument;
}

export interface LintResult {
  files: LintedFile[];
  diagnostics: Diagnostic[];
}

export interface LintOptions {
  cwd?: string;
  onProgress?: (done: number, total: number) => void;
}

export function readSource(absolute: string, cwd: string): { source?: SourceFile; diagnostic?: Diagnostic } {
  const path = displayPath(absolute, cwd);
  try {
    return { source: new SourceFile(path, readFileSync(absolute, 'utf8')) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    const empty = new SourceFile(path, '');
    return {
      diagnostic: diagnosticAt(empty, { start: 0, end: 0 }, {
        ruleId: 'io/unreadable',
        severity: 'error',
        message: localized(`Berkas tidak dapat dibaca (${reason}).`, `The file cannot be read (${reason}).`),
      }),
    };
  }
}

/** Parse every file; syntax findings for each. */
export function lintFiles(absolutePaths: string[], options: LintOptions = {}): LintResult {
  const cwd = options.cwd ?? process.cwd();
  const files: LintedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  absolutePaths.forEach((absolute, index) => {
    const { source, diagnostic } = readSource(absolute, cwd);
    if (diagnostic) diagnostics.push(diagnostic);
    if (source) {
      const parsed = parseSop(source.text, source.path);
      files.push({ path: source.path, source: parsed.source, document: parsed.document });
      diagnostics.push(...parsed.diagnostics);
    }
    options.onProgress?.(index + 1, absolutePaths.length);
  });
  return { files, diagnostics: diagnostics.sort(compareDiagnostics) };
}
