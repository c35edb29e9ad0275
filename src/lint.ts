/**
 * The library API: `lint()` is what `soplint check` runs. Find files, read the config, run the
 * checker's two phases, apply inline suppressions (and the baseline when the caller asks).
 */
import { readFileSync, statSync } from 'node:fs';
import type { FileStamp } from './checker/cache.js';
import { checkFilesInWorkers, defaultJobs } from './checker/parallel.js';
import type { FileOutcome } from './checker/file-phase.js';
import { checkCorpus, checkFilesInProcess, finishRun, type CheckInput, type CheckRunOptions, type CheckRunResult } from './checker/run.js';
import type { Rule } from './rules/rule.js';
import { defaultConfig } from './configuration.js';
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
  /** Keep phase-1 results of unchanged files in this file between runs (`--cache`). */
  cacheLocation?: string;
  /** Texts to check instead of what is on disk, by absolute path (an editor's unsaved buffer). */
  texts?: Map<string, string>;
}

export type LintResult = CheckRunResult;

/** The files to check: display paths, minus those the config ignores. */
function filesToCheck(absolutePaths: string[], cwd: string, config: ResolvedConfig): CheckedFile[] {
  return absolutePaths.map((absolute) => ({ path: displayPath(absolute, cwd), absolute })).filter((file) => !isIgnored(config, file.path));
}

const reader = (file: CheckedFile): CheckInput => ({ path: file.path, read: () => readFileSync(file.absolute, 'utf8') });

/** Lint files on disk (absolute paths), in this thread. */
export function lintFiles(absolutePaths: string[], options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const inputs = filesToCheck(absolutePaths, options.cwd ?? process.cwd(), config).map(reader);
  return checkCorpus(inputs, { config, rules: options.rules ?? ALL_RULES, knownRules: ALL_RULES, onProgress: options.onProgress });
}

/** Lint texts held in memory (editors, tests): `[{ path, text }]`. */
export function lintTexts(files: { path: string; text: string }[], options: Omit<LintOptions, 'cwd'> = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const inputs = files.map((f) => ({ path: f.path, read: () => f.text }));
  return checkCorpus(inputs, { config, rules: options.rules ?? ALL_RULES, knownRules: ALL_RULES, onProgress: options.onProgress });
}

/**
 * Lint files on disk, spreading phase 1 over worker threads when the run is large, and reusing the
 * results of unchanged files when a cache is given. Same result as lintFiles, in the same order.
 */
export async function lint(absolutePaths: string[], options: LintOptions = {}): Promise<LintResult> {
  const config = options.config ?? defaultConfig();
  const rules = options.rules ?? ALL_RULES;
  const files = filesToCheck(absolutePaths, options.cwd ?? process.cwd(), config);
  const run = { config, rules, knownRules: ALL_RULES, onProgress: options.onProgress };
  const texts = options.texts;
  if (texts?.size) {
    // Texts held in memory: checked here, in this thread, and never stored in or taken from the cache.
    const inputs = files.map((file) => {
      const text = texts.get(file.absolute);
      return text === undefined ? reader(file) : { path: file.path, read: () => text };
    });
    return checkCorpus(inputs, run);
  }
  const outcomes = options.cacheLocation ? await checkFilesWithCache(files, run, options.cacheLocation, options.jobs) : await checkFiles(files, run, options.jobs);
  return finishRun(outcomes, run);
}

/** Phase 1 with a cache: stored results for unchanged files, the others checked and stored. */
async function checkFilesWithCache(files: CheckedFile[], run: CheckRunOptions, location: string, jobs?: number): Promise<FileOutcome[]> {
  const { ResultCache, cacheKey } = await import('./checker/cache.js');
  const cache = ResultCache.load(location, cacheKey(run.config, run.rules));
  const outcomes: FileOutcome[] = [];
  // Only stamps and hashes are kept for the files to check: phase 1 reads them again (no texts held).
  const misses: { file: CheckedFile; at: number; stamp?: FileStamp; hash?: string }[] = [];
  files.forEach((file, at) => {
    try {
      const stats = statSync(file.absolute);
      const stamp = { size: stats.size, mtimeMs: stats.mtimeMs };
      const cached = cache.lookupByStamp(file.absolute, file.path, stamp);
      if (cached) {
        outcomes[at] = cached;
        return;
      }
      const hash = ResultCache.hash(readFileSync(file.absolute, 'utf8'));
      const same = cache.lookupByContent(file.absolute, file.path, stamp, hash);
      if (same) outcomes[at] = same;
      else misses.push({ file, at, stamp, hash });
    } catch {
      misses.push({ file, at }); // unreadable: phase 1 reports it, nothing is stored
    }
  });
  const fresh = await checkFiles(misses.map((m) => m.file), run, jobs);
  misses.forEach((miss, i) => {
    outcomes[miss.at] = fresh[i];
    if (miss.stamp && miss.hash) cache.store(miss.file.absolute, miss.stamp, miss.hash, fresh[i]);
  });
  cache.save();
  return outcomes;
}

type CheckedFile = { path: string; absolute: string };

/** Phase 1 for these files: in worker threads when there are many, else here. */
async function checkFiles(files: CheckedFile[], run: CheckRunOptions, jobs?: number): Promise<FileOutcome[]> {
  // Custom rule sets cannot be sent to a worker; only the built-in rules run in parallel.
  const threads = run.rules === ALL_RULES ? (jobs ?? defaultJobs(files.length)) : 1;
  if (threads > 1) return checkFilesInWorkers(files, run.config, threads, run.onProgress);
  return checkFilesInProcess(files.map(reader), run);
}
