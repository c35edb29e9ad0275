import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  applyBaseline,
  applyBaselineScopes,
  type BaselineScope,
  baselineKeyIn,
  BaselineError,
  createBaseline,
  readBaseline,
  updateBaseline,
  writeBaseline,
} from '../baseline.js';
import { compareDiagnostics, type Diagnostic, type Language } from '../diagnostics/diagnostic.js';
import { FORMATTERS, REPORT_FORMATS, STREAMING_FORMATTERS } from '../format/registry.js';
import { addTotals, emptyTotals, type ReportTotals, totalsOf } from '../format/types.js';
import type { SourceFile } from '../diagnostics/source.js';
import type { ResolvedConfig } from '../config/types.js';
import { type ContentWriter, writeFileAtomic } from '../io/atomic-write.js';
import { sopGuard } from '../io/guard.js';
import { displayPath } from '../files.js';
import { lint, lintStreamed, type LintOptions, type LintResult } from '../lint.js';
import { defaultJobs } from '../checker/parallel.js';
import { rerunWithoutSnapshot, runtime } from './runtime.js';
import { ALL_RULES } from '../rules/index.js';
import { DEFAULT_CACHE_FILE } from '../checker/cache-location.js';
import { checkConfigs } from './config-option.js';
import { baselineScopes, projectConfig } from './book-baselines.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './exit-codes.js';
import { resolveInputs } from './inputs.js';
import { pickLanguage } from './language.js';
import { progressReporter } from './progress.js';
import { sourcesForFindings } from './sources.js';
import { VERSION } from '../generated/version.js';
import { countOf } from '../util/plural.js';
import { shouldColor } from './color.js';
import { STDIN_NAME } from './stdin.js';
import { terminalText } from '../util/terminal-text.js';
import { addPhaseSince, currentTimings, PHASE, startTimingFromEnvironment } from '../util/timing.js';
import { performance } from 'node:perf_hooks';

export interface OutputTarget {
  format: string;
  file?: string;
}

export interface CheckOptions {
  lang?: string;
  /** `--color` true, `--no-color` false, neither undefined (then the environment decides). */
  color?: boolean;
  config?: string;
  outputs: OutputTarget[];
  maxWarnings?: string;
  quiet?: boolean;
  baseline?: string | boolean;
  updateBaseline?: boolean;
  jobs?: string;
  cache?: boolean;
  cacheLocation?: string;
  /** `--stdin-filename FILE`: FILE's text comes from stdin, and only FILE's findings are reported. */
  stdinFilename?: string;
  /** `--fix`: apply the fixes the findings carry, then report what is left. */
  fix?: boolean;
}

export async function runCheck(paths: string[], options: CheckOptions): Promise<number> {
  // SOPLINT_TIMING: where the run's time went, on stderr (the reports on stdout stay as they are).
  const rows = startTimingFromEnvironment();
  try {
    return await check(paths, options);
  } finally {
    const timings = currentTimings();
    // Nothing timed: the run went on in another process (rerunWithoutSnapshot), which printed its own.
    if (timings && rows !== undefined && !timings.isEmpty()) process.stderr.write(timings.format(rows));
  }
}

async function check(paths: string[], options: CheckOptions): Promise<number> {
  const cwd = process.cwd();
  const { config: cwdConfig, configs } = checkConfigs(options.config, cwd);
  // The baseline records the files as they are on disk, not an editor's unsaved buffer.
  if (options.stdinFilename && options.updateBaseline)
    throw new UsageError('--update-baseline cannot be used with --stdin-filename (the baseline records files as saved, not a buffer)');
  if (options.stdinFilename && options.fix) throw new UsageError('--fix cannot be used with --stdin-filename (it rewrites files on disk, not a buffer)');
  // `-` reads the text from stdin, as most linters do: named by --stdin-filename, else `<stdin>`.
  const dash = paths.includes('-');
  if (dash && options.updateBaseline) throw new UsageError('--update-baseline cannot be used with - (stdin): the baseline records files as saved');
  if (dash && options.fix) throw new UsageError('--fix cannot be used with - (stdin): it rewrites files on disk, and stdin is no file');
  const stdinName = options.stdinFilename ?? (dash ? STDIN_NAME : undefined);
  const stdin = stdinName ? { absolute: resolve(cwd, stdinName), text: readFileSync(0, 'utf8') } : undefined;
  const diskPaths = paths.filter((p) => p !== '-');
  const onDisk = dash && diskPaths.length === 0 ? [] : resolveInputs(diskPaths, cwd);
  // An editor's buffer: checked with the corpus given by the paths, as the file would be once saved.
  const files = stdin && !onDisk.includes(stdin.absolute) ? [...onDisk, stdin.absolute] : onDisk;
  const texts = stdin ? new Map([[stdin.absolute, stdin.text]]) : undefined;
  // A report, cache or baseline written over an SOP (`-o sops/x.sop` for `-o x.sarif`) would destroy it.
  const isAnSop = sopGuard(files);
  const refuseToOverwriteAnSop = (target: string, what: string, option: string) => {
    if (isAnSop(resolve(cwd, target))) {
      throw new UsageError(`will not write ${what} over the SOP file ${displayPath(resolve(cwd, target), cwd)} (give ${option} another file name)`);
    }
  };
  const outputs = options.outputs.length ? options.outputs : [{ format: 'stylish' }];
  for (const o of outputs) {
    if (!FORMATTERS[o.format]) throw new UsageError(`unknown format '${o.format}' (known: ${REPORT_FORMATS.join(', ')})`);
    if (o.file) refuseToOverwriteAnSop(o.file, `the ${o.format} report`, '-o');
  }
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0))
    throw new UsageError(`--max-warnings takes a whole number, found '${options.maxWarnings}'`);

  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs takes a whole number of at least 1, found '${options.jobs}'`);
  const cacheLocation = options.cache || options.cacheLocation ? resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_FILE) : undefined;
  if (cacheLocation) refuseToOverwriteAnSop(cacheLocation, 'the cache', '--cache-location');
  // With a cache from an earlier run most files are usually unchanged: one thread does, and the
  // process need not restart to get worker threads.
  const threads = stdin ? 1 : (jobs ?? (cacheLocation && existsSync(cacheLocation) ? 1 : defaultJobs(files.length)));
  if (threads > 1 && runtime.fromSnapshot) return rerunWithoutSnapshot();
  const lintOptions = { cwd, config: cwdConfig, configs, jobs: threads, cacheLocation, texts, onProgress: progressReporter(files.length) };
  const language = pickLanguage(options.lang);
  // The common run (no --fix, stdin, cache or baseline update): reports written as the files finish.
  if (!options.fix && !stdin && !options.updateBaseline && !cacheLocation && outputs.every((o) => STREAMING_FORMATTERS[o.format])) {
    return streamedCheck(files, lintOptions, { options, outputs, cwd, cwdConfig, language, maxWarnings, isAnSop });
  }
  const result = options.fix ? await fixAndReport(files, lintOptions, language) : await lint(files, lintOptions);
  const config = projectConfig(result.books, cwdConfig);
  if (result.fileCount === 0) {
    throw new UsageError(
      `all ${files.length} .sop file(s) found are ignored by ${config.path ? displayPath(config.path, cwd) : 'the configuration'} (ignores)`,
    );
  }
  let diagnostics = result.diagnostics;
  let checked = new Set(result.index.entries.map((e) => e.file));
  if (stdin) {
    const file = displayPath(stdin.absolute, cwd);
    if (!checked.has(file)) {
      process.stderr.write(
        `soplint: ${terminalText(file)} is ignored by ${config.path ? terminalText(displayPath(config.path, cwd)) : 'the configuration'} (ignores); nothing to check\n`,
      );
      return EXIT_CLEAN;
    }
    diagnostics = diagnostics.filter((d) => d.file === file);
    checked = new Set([file]);
  }

  // Each book's own baseline covers its files (or --baseline FILE covers all of them).
  const scopes = baselineScopes(result.books, checked, options.baseline, config, cwd);
  if (options.updateBaseline) {
    if (scopes.length === 0) throw new UsageError('--update-baseline needs a baseline file: give --baseline FILE or set `baseline:` in .soplintrc.yaml');
    for (const scope of scopes) {
      refuseToOverwriteAnSop(scope.path, 'the baseline', '--baseline');
      // An unreadable old baseline is replaced, not merged: that is how it gets repaired.
      let previous: ReturnType<typeof readBaseline> | undefined;
      try {
        previous = existsSync(scope.path) ? readBaseline(scope.path) : undefined;
      } catch (error) {
        if (!(error instanceof BaselineError)) throw error;
      }
      const baselineKey = baselineKeyIn(scope, cwd);
      const checkedKeys = new Set([...scope.files].map(baselineKey));
      const mine = diagnostics.filter((d) => scope.files.has(d.file));
      writeBaseline(
        scope.path,
        updateBaseline(previous, createBaseline(mine, baselineKey), checkedKeys, (key) => existsSync(resolve(scope.projectDir, key))),
      );
      process.stderr.write(`soplint: wrote ${terminalText(scope.path)}\n`);
    }
  }
  if (typeof options.baseline === 'string' && !existsSync(resolve(cwd, options.baseline))) throw new UsageError(`baseline file not found: ${options.baseline}`);
  const baselined = applyBaselineScopes(diagnostics, scopes, checked, cwd);
  diagnostics = baselined.diagnostics;
  const acceptedByBaseline = baselined.accepted;
  if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');

  const color = shouldColor(options.color);
  const input = {
    diagnostics,
    fileCount: stdin ? checked.size : result.fileCount,
    files: [...checked],
    language,
    // Only the stylish report shows source lines: the others need not read the files again.
    sources: outputs.some((o) => o.format === 'stylish') ? sourcesForFindings(diagnostics, cwd, texts) : new Map(),
    rules: ALL_RULES,
    toolVersion: VERSION,
    acceptedByBaseline,
  };
  const reportStart = performance.now();
  for (const output of outputs) {
    const format = await FORMATTERS[output.format]();
    const text = format({ ...input, color: output.file ? false : color });
    if (output.file) writeFileAtomic(resolve(cwd, output.file), text, { protect: isAnSop });
    else process.stdout.write(text);
  }
  addPhaseSince(PHASE.report, reportStart);
  // Every report went to a file: a person at the terminal still sees the outcome.
  if (outputs.every((o) => o.file)) process.stderr.write(filesSummary(diagnostics, input.fileCount, outputs, language, acceptedByBaseline) + '\n');
  return exitCode(diagnostics, maxWarnings);
}

interface StreamedCheck {
  options: CheckOptions;
  outputs: OutputTarget[];
  cwd: string;
  cwdConfig: ResolvedConfig;
  language: Language;
  maxWarnings?: number;
  isAnSop: (path: string) => boolean;
}

/**
 * `check` with its reports written file by file: the findings of each file are read back from disk,
 * the baseline applied to them, and handed to every report, so memory does not grow with the number
 * of findings. One pass counts them (the JSON and SARIF headers and every summary need the totals),
 * then each report is written. Same bytes as the reports of the whole list.
 */
async function streamedCheck(files: string[], lintOptions: LintOptions, c: StreamedCheck): Promise<number> {
  const { options, outputs, cwd, language } = c;
  const run = await lintStreamed(files, lintOptions);
  const reportStart = performance.now();
  try {
    const config = projectConfig(run.books, c.cwdConfig);
    if (run.fileCount === 0) {
      throw new UsageError(
        `all ${files.length} .sop file(s) found are ignored by ${config.path ? displayPath(config.path, cwd) : 'the configuration'} (ignores)`,
      );
    }
    const checked = new Set(run.index.entries.map((e) => e.file));
    const scopes = baselineScopes(run.books, checked, options.baseline, config, cwd);
    if (typeof options.baseline === 'string' && !existsSync(resolve(cwd, options.baseline)))
      throw new UsageError(`baseline file not found: ${options.baseline}`);
    const baselined = baselineByFile(scopes, checked, cwd);
    const eachFile = (each: (findings: Diagnostic[], accepted: number) => void) =>
      run.forEachFile((file, all) => {
        const { findings, accepted } = baselined(file, all);
        each(options.quiet ? findings.filter((d) => d.severity === 'error') : findings, accepted);
      });
    const totals = emptyTotals();
    let acceptedByBaseline = 0;
    eachFile((findings, accepted) => {
      addTotals(totals, findings);
      acceptedByBaseline += accepted;
    });
    const color = shouldColor(options.color);
    for (const output of outputs) {
      const formatter = await STREAMING_FORMATTERS[output.format]();
      const sources = new Map<string, SourceFile>();
      const head = {
        fileCount: run.fileCount,
        files: [...checked],
        language,
        color: output.file ? false : color,
        sources,
        rules: ALL_RULES,
        toolVersion: VERSION,
        acceptedByBaseline,
        totals,
      };
      const report: ContentWriter = (write) => {
        const writer = formatter.start(head, write);
        for (let pass = 0; pass < (formatter.passes ?? 1); pass++) {
          eachFile((findings) => {
            if (findings.length === 0) return;
            // Only the stylish report shows source lines, read for one file's findings at a time.
            if (output.format === 'stylish') {
              sources.clear();
              for (const [file, source] of sourcesForFindings(findings, cwd)) sources.set(file, source);
            }
            writer.findings(findings, pass);
          });
        }
        writer.end();
      };
      if (output.file) writeFileAtomic(resolve(cwd, output.file), buffered(report), { protect: c.isAnSop });
      else buffered(report)((chunk) => process.stdout.write(chunk));
    }
    if (outputs.every((o) => o.file)) process.stderr.write(`${totalsSummary(totals, run.fileCount, outputs, language, acceptedByBaseline)}\n`);
    return exitCodeOf(totals.errors, totals.warnings, c.maxWarnings);
  } finally {
    addPhaseSince(PHASE.report, reportStart);
    run.close();
  }
}

/** Writes in pieces of about 64 KB: a report of 100,000 files is not 100,000 system calls. */
function buffered(report: ContentWriter): ContentWriter {
  return (write) => {
    let pending: string[] = [];
    let size = 0;
    report((chunk) => {
      pending.push(chunk);
      size += chunk.length;
      if (size >= 65_536) {
        write(pending.join(''));
        pending = [];
        size = 0;
      }
    });
    if (size > 0) write(pending.join(''));
  };
}

/**
 * The baselines applied to one file's findings at a time: what applyBaselineScopes does to the whole
 * list (a baseline counts findings per file and rule), file by file.
 */
function baselineByFile(scopes: BaselineScope[], checked: Set<string>, cwd: string) {
  const loaded = scopes
    .filter((scope) => existsSync(scope.path))
    .map((scope) => ({ scope, baseline: readBaseline(scope.path), keyOf: baselineKeyIn(scope, cwd) }));
  return (file: string, all: Diagnostic[]): { findings: Diagnostic[]; accepted: number } => {
    let findings = all;
    let accepted = 0;
    for (const { scope, baseline, keyOf } of loaded) {
      if (scope.files !== checked && !scope.files.has(file)) continue;
      const applied = applyBaseline(findings, baseline, scope.files.has(file) ? new Set([file]) : new Set(), keyOf);
      findings = [...applied.kept, ...applied.stale].sort(compareDiagnostics);
      accepted += applied.accepted.length;
    }
    return { findings, accepted };
  };
}

/** `--fix`: the files are fixed first; the report is of what is left. */
async function fixAndReport(files: string[], options: LintOptions, language: Language): Promise<LintResult> {
  const { lintAndFix } = await import('../fix.js');
  const { result, fixed, skipped } = await lintAndFix(files, options);
  for (const [file, why] of skipped)
    process.stderr.write(
      language === 'id'
        ? `soplint: ${terminalText(file)} tidak diperbaiki: ${terminalText(why)}\n`
        : `soplint: ${terminalText(file)} not fixed: ${terminalText(why)}\n`,
    );
  const count = [...fixed.values()].reduce((a, b) => a + b, 0);
  if (count > 0) {
    process.stderr.write(
      language === 'id'
        ? `soplint: ${count} temuan diperbaiki di ${fixed.size} berkas\n`
        : `soplint: fixed ${countOf(count, 'finding')} in ${countOf(fixed.size, 'file')}\n`,
    );
  }
  return result;
}

/** One line for stderr when every report was written to a file: the counts and where the reports are. */
export function filesSummary(diagnostics: Diagnostic[], fileCount: number, outputs: OutputTarget[], language: Language, accepted = 0): string {
  return totalsSummary(totalsOf(diagnostics), fileCount, outputs, language, accepted);
}

function totalsSummary(totals: ReportTotals, fileCount: number, outputs: OutputTarget[], language: Language, accepted = 0): string {
  const { errors, warnings, infos } = totals;
  const where = outputs.map((o) => `${terminalText(o.file ?? '')} (${o.format})`).join(', ');
  if (language === 'id') {
    const note = accepted ? ` (${accepted} temuan diterima baseline)` : '';
    return `soplint: ${fileCount} berkas diperiksa: ${errors} galat, ${warnings} peringatan, ${infos} info${note}; laporan ditulis ke ${where}`;
  }
  const note = accepted ? ` (${countOf(accepted, 'finding')} accepted by the baseline)` : '';
  return `soplint: ${countOf(fileCount, 'file')} checked: ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}, ${countOf(infos, 'info')}${note}; reports written to ${where}`;
}

export function exitCode(diagnostics: Diagnostic[], maxWarnings?: number): number {
  const totals = totalsOf(diagnostics);
  return exitCodeOf(totals.errors, totals.warnings, maxWarnings);
}

function exitCodeOf(errors: number, warnings: number, maxWarnings?: number): number {
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`soplint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_CLEAN;
}
