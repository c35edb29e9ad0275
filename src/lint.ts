/**
 * The library API: `lint()` is what `soplint check` runs. Find files, read the config, run the
 * checker's two phases, apply inline suppressions (and the baseline when the caller asks).
 */
import { readFileSync } from 'node:fs';
import { checkFilesInWorkers, defaultJobs } from './checker/parallel.js';
import { checkCorpus, finishRun, type CheckInput, type CheckRunResult } from './checker/run.js';
import type { Rule } from './checker/rule.js';
import { defaultConfig } from './config/default.js';
import { isIgnored } from './config/resolve-settings.js';
import type { ResolvedConfig } from './config/types.js';
import { displayPath } from './files.js';
import { ALL_RULES } from './rules/index.js';

export interface LintOptions {
  cwd?: string;
  config?: ResolvedConfig;
  rules?: Rule[];
  onProgress?: (done: number, total: number) => void;
  /** Worker threads for phase 1 (default: one per core for large runs of the bundled CLI). */
  jobs?: number;
}

export type LintResult = CheckRunResult;

/** The files to check: display paths, minus those the config ignores. */
function filesToCheck(absolutePaths: string[], cwd: string, config: ResolvedConfig): { path: string; absolute: string }[] {
  return absolutePaths.map((absolute) => ({ path: displayPath(absolute, cwd), absolute })).filter((file) => !isIgnored(config, file.path));
}

const reader = (file: { path: string; absolute: string }): CheckInput => ({ path: file.path, read: () => readFileSync(file.absolute, 'utf8') });

/** Lint files on disk (absolute paths), in this thread. */
export function lintFiles(absolutePaths: string[], options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const inputs = filesToCheck(absolutePaths, options.cwd ?? process.cwd(), config).map(reader);
  return checkCorpus(inputs, { config, rules: options.rules ?? ALL_RULES, onProgress: options.onProgress });
}

/** Lint texts held in memory (editors, tests): `[{ path, text }]`. */
export function lintTexts(files: { path: string; text: string }[], options: Omit<LintOptions, 'cwd'> = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const inputs = files.map((f) => ({ path: f.path, read: () => f.text }));
  return checkCorpus(inputs, { config, rules: options.rules ?? ALL_RULES, onProgress: options.onProgress });
}

/**
 * Lint files on disk, spreading phase 1 over worker threads when the run is large. Same result as
 * lintFiles, in the same order.
 */
export async function lint(absolutePaths: string[], options: LintOptions = {}): Promise<LintResult> {
  const config = options.config ?? defaultConfig();
  const rules = options.rules ?? ALL_RULES;
  const files = filesToCheck(absolutePaths, options.cwd ?? process.cwd(), config);
  // Custom rule sets cannot be sent to a worker; only the built-in rules run in parallel.
  const jobs = rules === ALL_RULES ? (options.jobs ?? defaultJobs(files.length)) : 1;
  if (jobs > 1) {
    const outcomes = await checkFilesInWorkers(files, config, jobs, options.onProgress);
    return finishRun(outcomes, { config, rules });
  }
  return checkCorpus(files.map(reader), { config, rules, onProgress: options.onProgress });
}
