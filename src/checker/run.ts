/**
 * A check run in two phases. Phase 1, per file: parse, resolve, run the file rules in one walk, and
 * keep only the file's corpus-index entry and findings. Phase 2: corpus rules over the index.
 * Then suppressions, per file. Deterministic order: file, line, column, rule.
 */
import { compareDiagnostics, localized, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { SourceFile } from '../diagnostics/source.js';
import { ruleSettingsFor } from '../config/resolve-settings.js';
import type { ResolvedConfig } from '../config/types.js';
import { parseSop } from '../parse.js';
import { indexEntry, locate, type CorpusIndex } from './corpus-index.js';
import { resolveDocument } from './resolve.js';
import type { CorpusRule, FileRule, Rule } from './rule.js';
import { applySuppressions } from './suppressions.js';
import { walkDocument, type EnabledFileRule } from './walk.js';

export interface CheckInput {
  /** Repo-relative path with POSIX slashes, as findings print it. */
  path: string;
  read(): string;
}

export interface CheckRunOptions {
  config: ResolvedConfig;
  rules: Rule[];
  onProgress?: (done: number, total: number) => void;
}

export interface CheckRunResult {
  diagnostics: Diagnostic[];
  /** Findings dropped by inline suppressions (for --print of suppressed, and for tests). */
  suppressed: Diagnostic[];
  fileCount: number;
  index: CorpusIndex;
}

const isFileRule = (rule: Rule): rule is FileRule => rule.meta.scope === 'file';
const isCorpusRule = (rule: Rule): rule is CorpusRule => rule.meta.scope === 'corpus';

export function checkCorpus(inputs: CheckInput[], options: CheckRunOptions): CheckRunResult {
  const { config, rules } = options;
  const fileRules = rules.filter(isFileRule);
  const corpusRules = rules.filter(isCorpusRule);
  const index: CorpusIndex = { entries: [] };
  const perFile = new Map<string, Diagnostic[]>();
  const lineIndexes = new Map<string, SourceFile>();

  inputs.forEach((input, position) => {
    let text: string;
    try {
      text = input.read();
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      perFile.set(input.path, [
        {
          ruleId: 'io/unreadable',
          severity: 'error',
          message: localized(`Berkas tidak dapat dibaca (${reason}).`, `The file cannot be read (${reason}).`),
          file: input.path,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          offset: 0,
          endOffset: 0,
        },
      ]);
      options.onProgress?.(position + 1, inputs.length);
      return;
    }
    const { document, source, diagnostics } = parseSop(text, input.path);
    const symbols = resolveDocument(document, source);
    const settings = ruleSettingsFor(config, input.path);
    const enabled: EnabledFileRule[] = [];
    for (const rule of fileRules) {
      const setting = settings[rule.meta.id];
      if (setting && setting.severity !== 'off') enabled.push({ rule, severity: setting.severity, options: setting.options });
    }
    const findings = [...diagnostics, ...walkDocument(document, source, symbols, enabled, config.settings)];
    perFile.set(input.path, findings);
    index.entries.push(indexEntry(document, source, symbols.references));
    // Suppressions need line numbers of directives only; keep the (small) line index when there are any.
    if (document.directives.length) lineIndexes.set(input.path, source);
    options.onProgress?.(position + 1, inputs.length);
  });

  for (const rule of corpusRules) {
    const base = config.rules[rule.meta.id];
    if (!base || base.severity === 'off') continue;
    const severityFor = (file: string): Severity | 'off' => ruleSettingsFor(config, file)[rule.meta.id]?.severity ?? 'off';
    try {
      rule.check({
        index,
        settings: config.settings,
        options: { ...rule.meta.defaultOptions, ...base.options },
        isEnabledFor: (file) => severityFor(file) !== 'off',
        report: ({ file, location, message, hint, related }) => {
          const severity = severityFor(file);
          if (severity === 'off') return;
          const d: Diagnostic = { ruleId: rule.meta.id, severity, message, file, ...location };
          if (hint) d.hint = hint;
          if (related?.length) d.related = related.map((r) => ({ file: r.file, line: r.location.line, column: r.location.column, endLine: r.location.endLine, endColumn: r.location.endColumn, message: r.message }));
          const list = perFile.get(file) ?? [];
          list.push(d);
          perFile.set(file, list);
        },
      });
    } catch (error) {
      const first = index.entries[0];
      if (first) {
        perFile.get(first.file)?.push({
          ruleId: 'internal/rule-error',
          severity: 'error',
          message: localized(`Aturan ${rule.meta.id} gagal: ${String(error)}`, `The rule ${rule.meta.id} failed: ${String(error)}`),
          file: first.file,
          ...first.fileStart,
        });
      }
    }
  }

  const diagnostics: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const entry of index.entries) {
    const findings = perFile.get(entry.file) ?? [];
    const source = lineIndexes.get(entry.file);
    if (!source) {
      diagnostics.push(...findings);
      continue;
    }
    const result = applySuppressions(entry.file, findings, entry.directives, (span) => locate(source, span));
    diagnostics.push(...result.kept, ...result.directiveFindings);
    suppressed.push(...result.suppressed);
  }
  const indexed = new Set(index.entries.map((e) => e.file));
  for (const [file, findings] of perFile) if (!indexed.has(file)) diagnostics.push(...findings);
  return { diagnostics: diagnostics.sort(compareDiagnostics), suppressed, fileCount: inputs.length, index };
}
