/**
 * A check run in two phases. Phase 1, per file (in worker threads for large runs): parse, resolve,
 * run the file rules, keep only the findings and the corpus-index entry. Phase 2: corpus rules over
 * the index. Then suppressions, per file. Deterministic order: file, line, column, rule.
 *
 * A run covers one book: the files checked with one configuration. Several books (each folder with
 * its own .soplintrc.yaml) are several runs, whose results `mergeRuns` joins.
 */
import { compareDiagnostics, localized, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { ruleSettingsFor } from '../config/resolve-settings.js';
import type { ResolvedConfig } from '../config/types.js';
import type { CorpusIndex, IndexEntry } from '../resolve/corpus-index.js';
import { ReferenceTable } from '../resolve/references.js';
import { checkFile, type FileOutcome } from './file-phase.js';
import type { CorpusRule, FileRule, Rule } from '../rules/rule.js';
import { applySuppressions } from './suppressions.js';
import { BUILTIN_FINDING_IDS } from '../rules/builtin-findings.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';
import { currentTimings, inPhase, PHASE } from '../util/timing.js';

export interface CheckInput {
  /** Repo-relative path with POSIX slashes, as findings print it. */
  path: string;
  /** The text; a file reader reads at most `maxBytes` (see checkFile). */
  read(maxBytes: number): string;
  /** The file on disk, when it is one: images it names (Logo:) are looked up next to it. */
  absolute?: string;
}

export interface CheckRunOptions {
  config: ResolvedConfig;
  rules: Rule[];
  /** Every rule soplint knows (the engine receives the list): what a suppression may name. Default: `rules`. */
  knownRules?: readonly Rule[];
  onProgress?: (done: number, total: number) => void;
}

/** The files checked with one configuration: corpus rules see one book at a time. */
export interface Book {
  config: ResolvedConfig;
  /** Display paths, in the order given. */
  files: string[];
  /** The book's references resolved, as its corpus rules saw them (for editors and renderers). */
  references: ReferenceTable;
}

export interface CheckRunResult {
  diagnostics: Diagnostic[];
  /** Findings dropped by inline suppressions. */
  suppressed: Diagnostic[];
  fileCount: number;
  /** Every book's entries, book after book. */
  index: CorpusIndex;
  /** The books checked, in the order their first file was given. */
  books: Book[];
}

const isFileRule = (rule: Rule): rule is FileRule => rule.meta.scope === 'file';
const isCorpusRule = (rule: Rule): rule is CorpusRule => rule.meta.scope === 'corpus';

/** Phase 1 in this thread. */
export function checkFilesInProcess(inputs: CheckInput[], options: CheckRunOptions): FileOutcome[] {
  const fileRules = options.rules.filter(isFileRule);
  return inputs.map((input, position) => {
    const outcome = checkFile(input.path, input.read, options.config, fileRules, input.absolute);
    options.onProgress?.(position + 1, inputs.length);
    return outcome;
  });
}

export function checkCorpus(inputs: CheckInput[], options: CheckRunOptions): CheckRunResult {
  return finishRun(checkFilesInProcess(inputs, options), options);
}

/** Phase 2 and suppressions, over the outcomes of phase 1 (from this thread or from workers). */
export function finishRun(outcomes: FileOutcome[], options: CheckRunOptions): CheckRunResult {
  const { config } = options;
  const index: CorpusIndex = { entries: outcomes.flatMap((o) => (o.entry ? [o.entry] : [])) };
  const corpus = corpusPhase(index, options);
  const diagnostics: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const outcome of outcomes) {
    const result = fileFindings(outcome.diagnostics, corpus.findings.get(outcome.path), outcome.entry, corpus.knownRuleIds);
    append(diagnostics, result.kept);
    append(suppressed, result.suppressed);
  }
  return {
    diagnostics: diagnostics.sort(compareDiagnostics),
    suppressed,
    fileCount: outcomes.length,
    index,
    books: [{ config, files: outcomes.map((o) => o.path), references: corpus.references }],
  };
}

/** What phase 2 gives: the corpus rules' findings by file, the book's references, what suppressions may name. */
export interface CorpusPhase {
  findings: Map<string, Diagnostic[]>;
  references: ReferenceTable;
  knownRuleIds: string[];
}

/** Phase 2: the corpus rules over a book's index (phase 1's findings are not needed, nor kept). */
export function corpusPhase(index: CorpusIndex, options: CheckRunOptions): CorpusPhase {
  const { config, rules } = options;
  const findings = new Map<string, Diagnostic[]>();
  // The book's references are resolved once, for every corpus rule.
  const references = inPhase(PHASE.corpusRules, () => {
    const references = new ReferenceTable(index, config.settings.externalSops);
    const timings = currentTimings();
    for (const rule of rules.filter(isCorpusRule)) {
      if (timings) timings.measureRule(rule.meta.id, () => runCorpusRule(rule, index, references, config, findings));
      else runCorpusRule(rule, index, references, config, findings);
    }
    return references;
  });
  // What a suppression may name: every rule soplint has (not only those of this run) and its own findings.
  const knownRuleIds = [...new Set([...(options.knownRules ?? []), ...rules].map((r) => r.meta.id)), ...BUILTIN_FINDING_IDS];
  return { findings, references, knownRuleIds };
}

/**
 * One file's findings as reported: phase 1's, then the corpus rules', less those its inline
 * suppressions drop, plus the findings about the suppressions themselves. Not sorted.
 */
export function fileFindings(
  phase1: readonly Diagnostic[],
  corpus: readonly Diagnostic[] | undefined,
  entry: IndexEntry | undefined,
  knownRuleIds: readonly string[],
): { kept: Diagnostic[]; suppressed: Diagnostic[] } {
  const findings: Diagnostic[] = [];
  append(findings, phase1);
  if (corpus) append(findings, corpus);
  if (!entry || entry.directives.length === 0) return { kept: findings, suppressed: [] };
  const result = applySuppressions(entry.file, findings, entry.directives, entry.directiveLocations, knownRuleIds);
  const kept = result.kept;
  append(kept, result.directiveFindings);
  return { kept, suppressed: result.suppressed };
}

/** `target.push(...items)` without spreading: a file of 150,000 findings would overflow the stack. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}

/** The results of several books' runs as one. */
export function mergeRuns(results: CheckRunResult[]): CheckRunResult {
  if (results.length === 1) return results[0];
  return {
    diagnostics: results.flatMap((r) => r.diagnostics).sort(compareDiagnostics),
    suppressed: results.flatMap((r) => r.suppressed),
    fileCount: results.reduce((sum, r) => sum + r.fileCount, 0),
    index: { entries: results.flatMap((r) => r.index.entries) },
    books: results.flatMap((r) => r.books),
  };
}

function runCorpusRule(rule: CorpusRule, index: CorpusIndex, references: ReferenceTable, config: ResolvedConfig, perFile: Map<string, Diagnostic[]>): void {
  const base = config.rules[rule.meta.id];
  if (!base || base.severity === 'off') return;
  const severityFor = (file: string): Severity | 'off' => ruleSettingsFor(config, file)[rule.meta.id]?.severity ?? 'off';
  const add = (file: string, d: Diagnostic) => {
    const list = perFile.get(file) ?? [];
    list.push(d);
    perFile.set(file, list);
  };
  try {
    rule.check({
      index,
      references,
      settings: config.settings,
      options: { ...rule.meta.defaultOptions, ...base.options },
      isEnabledFor: (file) => severityFor(file) !== 'off',
      report: ({ file, location, message, hint, related, fix }) => {
        const severity = severityFor(file);
        if (severity === 'off') return;
        const d: Diagnostic = { ruleId: rule.meta.id, severity, message, file, ...location };
        if (hint) d.hint = hint;
        if (fix && rule.meta.fixable) d.fix = fix;
        if (related?.length) {
          d.related = related.map((r) => ({
            file: r.file,
            line: r.location.line,
            column: r.location.column,
            endLine: r.location.endLine,
            endColumn: r.location.endColumn,
            message: r.message,
          }));
        }
        add(file, d);
      },
    });
  } catch (error) {
    const first = index.entries[0];
    if (first) {
      add(first.file, {
        ruleId: PIPELINE_FINDING.ruleError,
        severity: 'error',
        message: localized(`Aturan ${rule.meta.id} gagal: ${String(error)}`, `The rule ${rule.meta.id} failed: ${String(error)}`),
        file: first.file,
        ...first.fileStart,
      });
    }
  }
}
