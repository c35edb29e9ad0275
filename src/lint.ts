/**
 * The library API: `lint()` is what `soplint check` runs over files it is given: group them into
 * books by configuration, run the checker's two phases per book, apply inline suppressions and,
 * when given one (`baseline`), a baseline file. Finding the files is the caller's (the CLI's) part.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { applyBaselineScopes } from './baseline.js';
import type { FileStamp } from './checker/cache.js';
import { checkFilesInWorkers, defaultJobs } from './checker/parallel.js';
import { checkFile, type FileOutcome } from './checker/file-phase.js';
import {
  checkCorpus,
  checkFilesInProcess,
  corpusPhase,
  fileFindings,
  finishRun,
  mergeRuns,
  type Book,
  type CheckInput,
  type CheckRunOptions,
  type CheckRunResult,
} from './checker/run.js';
import { FindingSpool } from './checker/spool.js';
import { boundHeapGrowth } from './checker/heap-growth.js';
import { compareDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { CorpusIndex, IndexEntry } from './resolve/corpus-index.js';
import { EntryStore, packEntry } from './resolve/packed-entry.js';
import type { FileRule, Rule } from './rules/rule.js';
import { defaultConfig, type ConfigLookup } from './configuration.js';
import { isIgnored } from './config/resolve-settings.js';
import type { ResolvedConfig } from './config/types.js';
import { displayPath } from './files.js';
import { ALL_RULES } from './rules/index.js';
import { terminalText } from './util/terminal-text.js';
import { readSopFile } from './io/limits.js';

export interface LintOptions {
  cwd?: string;
  /**
   * The configuration. Alone, it is every file's (`--config`): the files form one book. With
   * `configs`, it is the working directory's configuration, whose `ignores` still apply.
   */
  config?: ResolvedConfig;
  /**
   * Each file's own configuration (e.g. `new NearestConfigs(cwd)`: the nearest .soplintrc.yaml
   * above the file). Files given the same configuration form a book; corpus rules run per book.
   */
  configs?: ConfigLookup;
  rules?: Rule[];
  onProgress?: (done: number, total: number) => void;
  /** Worker threads for phase 1 (default: one per core for large runs of the bundled CLI). */
  jobs?: number;
  /** Keep phase-1 results of unchanged files in this file between runs (`--cache`). */
  cacheLocation?: string;
  /** Texts to check instead of what is on disk, by absolute path (an editor's unsaved buffer). */
  texts?: Map<string, string>;
  /**
   * A baseline file (`soplint check --baseline FILE`) applied to every checked file's findings:
   * those it accepts are left out of `diagnostics` (counted in `acceptedByBaseline`), stale entries
   * are reported. Its entries name files relative to the configuration's folder, else its own.
   */
  baseline?: string;
}

export interface LintResult extends CheckRunResult {
  /** Findings left out because the baseline accepts them (0 without `baseline`). */
  acceptedByBaseline: number;
}

/** Applies `options.baseline` (if any) to a run's findings. */
function withBaseline(result: CheckRunResult, options: LintOptions): LintResult {
  if (!options.baseline) return { ...result, acceptedByBaseline: 0 };
  const cwd = options.cwd ?? process.cwd();
  const path = resolve(cwd, options.baseline);
  const project = options.config?.path ?? result.books[0]?.config.path;
  const checked = new Set(result.index.entries.map((e) => e.file));
  const scope = { path, projectDir: project ? dirname(project) : dirname(path), files: checked };
  const applied = applyBaselineScopes(result.diagnostics, [scope], checked, cwd);
  return { ...result, diagnostics: applied.diagnostics, acceptedByBaseline: applied.accepted };
}

type CheckedFile = { path: string; absolute: string };

/** The files to check, by book (in the order each book's first file is given), minus those ignored. */
function booksOf(absolutePaths: string[], options: LintOptions): { config: ResolvedConfig; files: CheckedFile[] }[] {
  const cwd = options.cwd ?? process.cwd();
  const single = options.configs ? undefined : (options.config ?? defaultConfig());
  const books = new Map<ResolvedConfig, CheckedFile[]>();
  for (const absolute of absolutePaths) {
    const config = single ?? options.configs!.forFile(absolute);
    const path = displayPath(absolute, cwd);
    if (isIgnored(config, path) || (options.configs && options.config && isIgnored(options.config, path))) continue;
    let files = books.get(config);
    if (!files) books.set(config, (files = []));
    files.push({ path, absolute });
  }
  // Even with every file ignored, a run has a book: what its result reports is "nothing checked".
  if (books.size === 0) return [{ config: single ?? options.config ?? defaultConfig(), files: [] }];
  return [...books].map(([config, files]) => ({ config, files }));
}

const reader = (file: CheckedFile): CheckInput => ({ path: file.path, read: (maxBytes) => readSopFile(file.absolute, maxBytes), absolute: file.absolute });

/** Lint files on disk (absolute paths), in this thread. */
export function lintFiles(absolutePaths: string[], options: LintOptions = {}): LintResult {
  const rules = options.rules ?? ALL_RULES;
  return withBaseline(
    mergeRuns(
      booksOf(absolutePaths, options).map((book) =>
        checkCorpus(book.files.map(reader), { config: book.config, rules, knownRules: ALL_RULES, onProgress: options.onProgress }),
      ),
    ),
    options,
  );
}

/** Lint texts held in memory (editors, tests): `[{ path, text }]`, one book with `config`. */
export function lintTexts(files: { path: string; text: string }[], options: Omit<LintOptions, 'cwd' | 'configs'> = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const inputs = files.map((f) => ({ path: f.path, read: () => f.text }));
  return withBaseline(checkCorpus(inputs, { config, rules: options.rules ?? ALL_RULES, knownRules: ALL_RULES, onProgress: options.onProgress }), options);
}

/**
 * Lint files on disk, spreading phase 1 over worker threads when the run is large, and reusing the
 * results of unchanged files when a cache is given. Same result as lintFiles, in the same order.
 */
export async function lint(absolutePaths: string[], options: LintOptions = {}): Promise<LintResult> {
  const rules = options.rules ?? ALL_RULES;
  const books = booksOf(absolutePaths, options);
  const texts = options.texts;
  const total = books.reduce((sum, book) => sum + book.files.length, 0);
  let before = 0;
  const results: CheckRunResult[] = [];
  const cache = options.cacheLocation && !texts?.size ? await openCache(options.cacheLocation, rules) : undefined;
  for (const book of books) {
    // Progress counts over the whole run, book after book.
    const offset = before;
    const onProgress = options.onProgress && ((done: number) => options.onProgress!(offset + done, total));
    const run = { config: book.config, rules, knownRules: ALL_RULES, onProgress };
    before += book.files.length;
    if (texts?.size) {
      // Texts held in memory: checked here, in this thread, and never stored in or taken from the cache.
      const inputs = book.files.map((file) => {
        const text = texts.get(file.absolute);
        return text === undefined ? reader(file) : { path: file.path, read: () => text };
      });
      results.push(checkCorpus(inputs, run));
      continue;
    }
    const outcomes = cache ? await checkFilesWithCache(book.files, run, cache, options.jobs) : await checkFiles(book.files, run, options.jobs);
    results.push(finishRun(outcomes, run));
  }
  cache?.results.save();
  return withBaseline(mergeRuns(results), options);
}

/** The cache, loaded only when asked for (a run without --cache never loads the module). */
async function openCache(location: string, rules: Rule[]) {
  const cache = await import('./checker/cache.js');
  // A damaged cache is ignored and rebuilt; the one line that says so goes to stderr.
  const notice = (message: string) => process.stderr.write(`soplint: ${terminalText(message)}\n`);
  return { results: cache.ResultCache.load(location, cache.cacheKey(rules), notice), configKey: cache.configKey, hashText: cache.hashText };
}
type OpenCache = Awaited<ReturnType<typeof openCache>>;

/** Phase 1 with a cache: stored results for unchanged files, the others checked and stored. */
async function checkFilesWithCache(
  files: CheckedFile[],
  run: CheckRunOptions,
  { results: cache, configKey, hashText }: OpenCache,
  jobs?: number,
): Promise<FileOutcome[]> {
  // A file's stored result counts only if it was checked with the same configuration (its book's).
  const config = configKey(run.config);
  const outcomes: FileOutcome[] = [];
  // Only stamps and hashes are kept for the files to check: phase 1 reads them again (no texts held).
  const misses: { file: CheckedFile; at: number; stamp?: FileStamp; hash?: string }[] = [];
  files.forEach((file, at) => {
    try {
      const stats = statSync(file.absolute);
      const stamp = { size: stats.size, mtimeMs: stats.mtimeMs };
      const cached = cache.lookupByStamp(file.absolute, file.path, stamp, config);
      if (cached) {
        outcomes[at] = cached;
        return;
      }
      const hash = hashText(readFileSync(file.absolute, 'utf8'));
      const same = cache.lookupByContent(file.absolute, file.path, stamp, hash, config);
      if (same) outcomes[at] = same;
      else misses.push({ file, at, stamp, hash });
    } catch {
      misses.push({ file, at }); // unreadable: phase 1 reports it, nothing is stored
    }
  });
  const fresh = await checkFiles(
    misses.map((m) => m.file),
    run,
    jobs,
  );
  misses.forEach((miss, i) => {
    outcomes[miss.at] = fresh[i];
    if (miss.stamp && miss.hash) cache.store(miss.file.absolute, miss.stamp, miss.hash, config, fresh[i]);
  });
  return outcomes;
}

/** Phase 1 for these files: in worker threads when there are many, else here. */
async function checkFiles(files: CheckedFile[], run: CheckRunOptions, jobs?: number): Promise<FileOutcome[]> {
  // Custom rule sets cannot be sent to a worker; only the built-in rules run in parallel.
  const threads = run.rules === ALL_RULES ? (jobs ?? defaultJobs(files.length)) : 1;
  if (threads > 1) return checkFilesInWorkers(files, run.config, threads, run.onProgress);
  return checkFilesInProcess(files.map(reader), run);
}

/** A run whose findings are handed out file by file (`lintStreamed`): nothing but the index is held. */
export interface StreamedLint {
  fileCount: number;
  /** Every book's entries, book after book. */
  index: CorpusIndex;
  books: Book[];
  /**
   * Each file's findings, as `lint()` reports them (corpus rules' and suppressions' included, sorted),
   * file after file in the order of the report (the files sorted by display path). Files without
   * findings are given too, with none. May be called more than once (a report's passes).
   */
  forEachFile(each: (file: string, findings: Diagnostic[]) => void): void;
  /** Removes the findings kept on disk. */
  close(): void;
}

/**
 * `lint()` for a report written as it goes: phase 1 keeps each file's findings on disk, not in memory
 * (the index entries, which corpus rules need, stay); phase 2 runs per book; then `forEachFile` reads
 * each file's findings back, adds the corpus rules' and applies its suppressions. Same findings in the
 * same order as `lint()` without a baseline (the caller applies it, file by file). Without a cache
 * and without texts in memory (those runs use `lint()`).
 */
export async function lintStreamed(absolutePaths: string[], options: LintOptions = {}): Promise<StreamedLint> {
  const rules = options.rules ?? ALL_RULES;
  const books = booksOf(absolutePaths, options);
  const total = books.reduce((sum, book) => sum + book.files.length, 0);
  boundHeapGrowth(total);
  const spool = new FindingSpool();
  // The entries of the whole run stay until the report is written: packed, ~1.5 KB each instead of ~11.
  const store = new EntryStore();
  const entries: IndexEntry[] = [];
  const entryOf = new Map<string, IndexEntry>();
  const corpusFindings = new Map<string, Diagnostic[]>();
  const paths: string[] = [];
  const done: Book[] = [];
  let knownRuleIds: string[] = [];
  let before = 0;
  try {
    for (const book of books) {
      const offset = before;
      const onProgress = options.onProgress && ((count: number) => options.onProgress!(offset + count, total));
      const run = { config: book.config, rules, knownRules: ALL_RULES, onProgress };
      before += book.files.length;
      const bookEntries: (IndexEntry | undefined)[] = new Array(book.files.length);
      await checkFilesEach(book.files, run, options.jobs, (outcome, position) => {
        spool.put(outcome.path, outcome.diagnostics);
        bookEntries[position] = outcome.entry && packEntry(outcome.entry, store);
      });
      // In the order of the book's files, as lint() has them (workers answer in any order).
      const index: CorpusIndex = { entries: bookEntries.filter((e): e is IndexEntry => e !== undefined) };
      const corpus = corpusPhase(index, run);
      for (const [file, list] of corpus.findings) corpusFindings.set(file, list);
      knownRuleIds = corpus.knownRuleIds;
      for (const entry of index.entries) {
        entries.push(entry);
        entryOf.set(entry.file, entry);
      }
      for (const file of book.files) paths.push(file.path);
      done.push({ config: book.config, files: book.files.map((f) => f.path), references: corpus.references });
    }
  } catch (error) {
    spool.close();
    throw error;
  }
  const order = [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    fileCount: paths.length,
    index: { entries },
    books: done,
    forEachFile(each) {
      for (const file of order) {
        const { kept } = fileFindings(spool.get(file), corpusFindings.get(file), entryOf.get(file), knownRuleIds);
        each(file, kept.sort(compareDiagnostics));
      }
    },
    close: () => spool.close(),
  };
}

/** Phase 1 for these files, each outcome handed to `each` with its position: in worker threads when there are many. */
async function checkFilesEach(files: CheckedFile[], run: CheckRunOptions, jobs: number | undefined, each: (outcome: FileOutcome, position: number) => void) {
  const threads = run.rules === ALL_RULES ? (jobs ?? defaultJobs(files.length)) : 1;
  if (threads > 1) {
    await checkFilesInWorkers(files, run.config, threads, run.onProgress, each);
    return;
  }
  const fileRules = run.rules.filter((rule): rule is FileRule => rule.meta.scope === 'file');
  files.forEach((file, position) => {
    each(
      checkFile(file.path, (maxBytes) => readSopFile(file.absolute, maxBytes), run.config, fileRules, file.absolute),
      position,
    );
    run.onProgress?.(position + 1, files.length);
  });
}
