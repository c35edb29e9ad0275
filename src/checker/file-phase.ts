/**
 * Phase 1 of a check, for one file: parse, resolve, run the file rules in one walk. Returns only what
 * the rest of the run needs (findings and the corpus-index entry), so it can run in a worker thread.
 */
import { fileDiagnostic, localized, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ruleSettingsFor } from '../config/resolve-settings.js';
import type { ResolvedConfig } from '../config/types.js';
import { parseSop } from '../ast/parse.js';
import { indexEntry, type IndexEntry } from '../resolve/corpus-index.js';
import { resolveDocument } from '../resolve/resolve.js';
import type { FileRule } from '../rules/rule.js';
import { walkDocument, type EnabledFileRule } from './walk.js';
import { imageNextTo } from '../io/image-kind.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';
import { limitsOf, TooLargeError, tooLargeFile, tooManySteps } from '../io/limits.js';
import { inPhase, PHASE } from '../util/timing.js';

export interface FileOutcome {
  path: string;
  diagnostics: Diagnostic[];
  /** Absent when the file could not be read. */
  entry?: IndexEntry;
}

/**
 * `read` is given the largest size to read (limits.maxFileSize): a reader of files stops there and
 * throws TooLargeError; a text given in memory is measured here.
 */
export function checkFile(path: string, read: (maxBytes: number) => string, config: ResolvedConfig, fileRules: FileRule[], absolute?: string): FileOutcome {
  const limits = limitsOf(config.limits);
  let text: string;
  try {
    text = inPhase(PHASE.read, () => read(limits.maxFileSize));
    // UTF-8 takes at most 3 bytes per UTF-16 unit: only a long text is measured exactly.
    if (text.length * 3 > limits.maxFileSize) {
      const size = Buffer.byteLength(text, 'utf8');
      if (size > limits.maxFileSize) throw new TooLargeError(size, limits.maxFileSize);
    }
  } catch (error) {
    if (error instanceof TooLargeError) return { path, diagnostics: [tooLargeFile(path, error.size, error.limit)] };
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      path,
      diagnostics: [
        fileDiagnostic(path, {
          ruleId: PIPELINE_FINDING.unreadableFile,
          severity: 'error',
          message: localized(`Berkas tidak dapat dibaca (${reason}).`, `The file cannot be read (${reason}).`),
        }),
      ],
    };
  }
  const { document, source, diagnostics } = inPhase(PHASE.parse, () => parseSop(text, path));
  // Too many steps: the syntax findings and one io/too-large, no rule, no entry in the book's index.
  const steps = document.procedures.reduce((sum, p) => sum + p.steps.length, 0);
  if (steps > limits.maxSteps) return { path, diagnostics: [...diagnostics, tooManySteps(path, steps, limits.maxSteps)] };
  const symbols = inPhase(PHASE.resolve, () => resolveDocument(document, source));
  const settings = ruleSettingsFor(config, path);
  const enabled: EnabledFileRule[] = [];
  for (const rule of fileRules) {
    const setting = settings[rule.meta.id];
    if (setting && setting.severity !== 'off') enabled.push({ rule, severity: setting.severity, options: setting.options });
  }
  const settingsOfFile = absolute ? { ...config.settings, imageAt: imageNextTo(absolute) } : config.settings;
  const findings = inPhase(PHASE.fileRules, () => walkDocument(document, source, symbols, enabled, settingsOfFile));
  return {
    path,
    diagnostics: [...diagnostics, ...findings],
    entry: inPhase(PHASE.index, () => indexEntry(document, source, symbols.references)),
  };
}
