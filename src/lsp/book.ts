/**
 * The book an editor works on: every .sop file under the workspace folder, checked the way
 * `soplint check` checks them, with the editor's unsaved buffers in place of the files on disk.
 *
 * Kept incremental for large books: phase 1 (parse, resolve, file rules) is kept per file and redone
 * only for the files that changed; phase 2 (corpus rules: cross-references, duplicate numbers) runs
 * over the whole book only when a changed file's corpus entry changed in more than its locations
 * (corpus-phase.ts), and suppressions only for the files whose findings changed. So typing in a step
 * costs one file's phase 1, and the findings are exactly those of `soplint check` on the book.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSop, type ParseResult } from '../ast/parse.js';
import { checkFile, type FileOutcome } from '../checker/file-phase.js';
import { checkFilesInWorkers, defaultJobs, workerScript } from '../checker/parallel.js';
import type { CheckRunResult } from '../checker/run.js';
import { isIgnored } from '../config/resolve-settings.js';
import type { ResolvedConfig } from '../config/types.js';
import { ConfigError, defaultConfig, findConfigFile, loadConfigFile } from '../configuration.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath, findSopFiles } from '../files.js';
import type { CorpusIndex } from '../resolve/corpus-index.js';
import { ReferenceTable } from '../resolve/references.js';
import { ALL_RULES } from '../rules/index.js';
import type { FileRule } from '../rules/rule.js';
import { IncrementalCorpusPhase } from './corpus-phase.js';

interface BookFile {
  /** As findings print it: relative to the workspace folder, POSIX slashes. */
  path: string;
  /** The editor's buffer, while the file is open. */
  buffer?: string;
  /** Phase 1 of the text last checked; absent when the file changed since. */
  outcome?: FileOutcome;
  /** The text phase 1 read. */
  checkedText?: string;
}

export interface BookCheck {
  result: CheckRunResult;
  /** Findings by absolute path (every file of the book, also those without findings). */
  byFile: Map<string, Diagnostic[]>;
  /** The text each file's findings refer to (their offsets), by absolute path. */
  texts: Map<string, string>;
  /** The files (absolute paths) whose findings are new since the last check; the others' arrays are the same. */
  changed: Set<string>;
  /** Whether the corpus rules ran over the whole book. */
  full: boolean;
}

const fileRules = (): FileRule[] => ALL_RULES.filter((rule): rule is FileRule => rule.meta.scope === 'file');

export class Book {
  config: ResolvedConfig = defaultConfig();
  configFile: string | undefined;
  configError: ConfigError | undefined;
  private readonly files = new Map<string, BookFile>();
  private readonly rules = fileRules();
  private last: BookCheck | undefined;
  private parsed = new Map<string, { text: string; result: ParseResult }>();
  private readonly corpusPhase = new IncrementalCorpusPhase(ALL_RULES);

  constructor(readonly root: string) {}

  /** Read the configuration and find the book's files (again: after a config change). */
  load(): void {
    this.loadConfig();
    const found = findSopFiles([this.root], this.root).files;
    const keep = new Set(found);
    for (const [absolute, file] of this.files) if (!keep.has(absolute) && file.buffer === undefined) this.files.delete(absolute);
    for (const absolute of found) if (!this.files.has(absolute)) this.files.set(absolute, { path: displayPath(absolute, this.root) });
    this.invalidateAll();
  }

  private loadConfig(): void {
    this.configFile = findConfigFile(this.root);
    this.configError = undefined;
    this.config = defaultConfig();
    if (!this.configFile) return;
    try {
      this.config = loadConfigFile(this.configFile, this.root);
    } catch (error) {
      if (error instanceof ConfigError || (error as Error)?.name === 'ConfigError') this.configError = error as ConfigError;
      else throw error;
    }
  }

  invalidateAll(): void {
    for (const file of this.files.values()) file.outcome = undefined;
  }

  /** The editor's text of a file (open or changed), or undefined to go back to the file on disk. */
  setBuffer(absolute: string, text: string | undefined): void {
    const file = this.files.get(absolute);
    if (!file) {
      if (text === undefined) return;
      this.files.set(absolute, { path: displayPath(absolute, this.root), buffer: text });
      return;
    }
    if (file.buffer === text && file.outcome) return;
    // A buffer closed without ever being saved (an untitled document) leaves the book.
    if (text === undefined && !existsSync(absolute)) {
      this.files.delete(absolute);
      return;
    }
    file.buffer = text;
    file.outcome = undefined;
  }

  /** A file changed, appeared or went away on disk. */
  fileChangedOnDisk(absolute: string, exists: boolean): void {
    const file = this.files.get(absolute);
    if (!exists) {
      if (file && file.buffer === undefined) this.files.delete(absolute);
      return;
    }
    if (file) file.outcome = undefined;
    else this.files.set(absolute, { path: displayPath(absolute, this.root) });
  }

  has(absolute: string): boolean {
    return this.files.has(absolute);
  }

  pathOf(absolute: string): string | undefined {
    return this.files.get(absolute)?.path;
  }

  absoluteOf(path: string): string {
    for (const [absolute, file] of this.files) if (file.path === path) return absolute;
    return join(this.root, path);
  }

  /** The current text of a file: the editor's buffer, else the file on disk. */
  textOf(absolute: string): string | undefined {
    const file = this.files.get(absolute);
    if (file?.buffer !== undefined) return file.buffer;
    try {
      return readFileSync(absolute, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The parse of a file's current text (cached per text), for hover, completion and the outline. */
  parse(absolute: string): ParseResult | undefined {
    const text = this.textOf(absolute);
    if (text === undefined) return undefined;
    const cached = this.parsed.get(absolute);
    if (cached?.text === text) return cached.result;
    const result = parseSop(text, this.files.get(absolute)?.path ?? displayPath(absolute, this.root));
    this.parsed.set(absolute, { text, result });
    return result;
  }

  /**
   * Phase 1 of every file not checked yet, in worker threads (at least one), so that the server's
   * thread keeps answering the editor while a large book is read the first time. Without the
   * bundled worker script (the server bundled into the editor extension), nothing is done here and
   * check() reads them in this thread.
   */
  async warmUp(): Promise<number> {
    const pending = [...this.files].filter(([absolute, file]) => !file.outcome && file.buffer === undefined && !isIgnored(this.config, file.path) && absolute);
    if (pending.length < 50 || !workerScript() || process.env.SOPLINT_LSP_WORKERS === '0') return 0;
    const config = this.config;
    const outcomes = await checkFilesInWorkers(
      pending.map(([absolute, file]) => ({ path: file.path, absolute })),
      config,
      Math.max(1, defaultJobs(pending.length)),
    );
    pending.forEach(([absolute, file], i) => {
      // Changed meanwhile (opened, edited, config reloaded): check() does it again.
      if (this.config !== config || file.buffer !== undefined || this.files.get(absolute) !== file) return;
      file.outcome = outcomes[i];
      file.checkedText = undefined;
    });
    return pending.length;
  }

  /** Check the book: phase 1 again for the files that changed, then the corpus phase as far as they need it. */
  check(): BookCheck {
    const checked: [string, BookFile][] = [];
    const rerun = new Set<string>();
    for (const [absolute, file] of this.files) {
      if (isIgnored(this.config, file.path)) continue;
      if (!file.outcome) {
        let text: string | undefined;
        file.outcome = checkFile(
          file.path,
          () => {
            text = file.buffer ?? readFileSync(absolute, 'utf8');
            return text;
          },
          this.config,
          this.rules,
        );
        file.checkedText = text;
        rerun.add(file.path);
      } else if (file.checkedText === undefined && file.outcome.entry) {
        // Read by a worker (warmUp): the text its findings' offsets refer to, read once here.
        try {
          file.checkedText = readFileSync(absolute, 'utf8');
        } catch {
          file.outcome = undefined;
        }
      }
      if (file.outcome) checked.push([absolute, file]);
    }
    checked.sort(([, a], [, b]) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const outcomes = checked.map(([, file]) => file.outcome!);
    const corpus = this.corpusPhase.run(outcomes, this.config, rerun);
    const byFile = new Map<string, Diagnostic[]>();
    const texts = new Map<string, string>();
    const changed = new Set<string>();
    for (const [absolute, file] of checked) {
      byFile.set(absolute, corpus.byPath.get(file.path)!);
      if (corpus.changed.has(file.path)) changed.add(absolute);
      if (file.checkedText !== undefined) texts.set(absolute, file.checkedText);
    }
    const config = this.config;
    let references: ReferenceTable | undefined;
    const index: CorpusIndex = { entries: outcomes.flatMap((o) => (o.entry ? [o.entry] : [])) };
    const result: CheckRunResult = {
      // In path order, each file's sorted: the order of `soplint check`.
      diagnostics: checked.flatMap(([absolute]) => byFile.get(absolute)!),
      suppressed: corpus.suppressed,
      fileCount: outcomes.length,
      index,
      books: [
        {
          config,
          files: outcomes.map((o) => o.path),
          // Built when asked (hover, definition): not on every keystroke.
          get references() {
            references ??= new ReferenceTable(index, config.settings.externalSops);
            return references;
          },
        },
      ],
    };
    this.last = { result, byFile, texts, changed, full: corpus.full };
    return this.last;
  }

  get lastCheck(): BookCheck | undefined {
    return this.last;
  }

  /** "SOP ..." references resolved against the book as last checked. */
  references(): ReferenceTable {
    return this.last?.result.books[0].references ?? new ReferenceTable({ entries: [] }, this.config.settings.externalSops);
  }

  get size(): number {
    return this.files.size;
  }
}
