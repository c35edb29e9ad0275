import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';
import { SourceFile } from '../diagnostics/source.js';

/**
 * Re-read only the files that have findings or their related locations, for code frames (the checker
 * does not keep texts); `texts` stand in for files.
 */
export function sourcesForFindings(diagnostics: Diagnostic[], cwd = process.cwd(), texts?: Map<string, string>): Map<string, SourceFile> {
  const sources = new Map<string, SourceFile>();
  // A file too large to check is not read for a code frame either.
  const tooLarge = new Set(diagnostics.filter((d) => d.ruleId === PIPELINE_FINDING.tooLarge).map((d) => d.file));
  for (const file of new Set(diagnostics.flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]))) {
    if (tooLarge.has(file)) continue;
    try {
      const absolute = resolve(cwd, file);
      sources.set(file, new SourceFile(file, texts?.get(absolute) ?? readFileSync(absolute, 'utf8')));
    } catch {
      // Unreadable: the finding prints without a code frame.
    }
  }
  return sources;
}
