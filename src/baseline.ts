/**
 * A baseline for adopting soplint on an existing corpus (ESLint's bulk suppressions): the committed
 * count of accepted findings per file and rule. A file/rule with no more findings than accepted is
 * quiet; one more, and all of that file's findings of that rule are reported again. Entries that
 * accept more than exists are stale and reported, so the baseline only ever shrinks.
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { compareDiagnostics, fileDiagnostic, localized, type Diagnostic } from './diagnostics/diagnostic.js';
import { writeFileAtomic } from './io/atomic-write.js';
import { MB, readRegularFile, ReadRefusedError } from './io/read-limited.js';
import { PIPELINE_FINDING } from './diagnostics/pipeline-findings.js';

export const BASELINE_VERSION = 1;
export const STALE_BASELINE_RULE = PIPELINE_FINDING.staleBaseline;

export interface Baseline {
  version: number;
  /** file → rule id → accepted count */
  files: Record<string, Record<string, number>>;
}

/** Syntax and internal findings are never accepted: they mean a file was not fully read. */
const acceptable = (d: Diagnostic) => !/^(syntax|internal|io|baseline)\//.test(d.ruleId);

/** A baseline file that cannot be used: reported as such (exit 2), never as an internal error. */
export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

/** A baseline of the whole book is a few kilobytes; one of 100,000 files a few megabytes. */
export const MAX_BASELINE_BYTES = 64 * MB;

/**
 * The baseline at `path`. Errors name the file and what is wrong, never its content (pointed at the
 * wrong file, a secret one, it must not end up in a CI log).
 */
export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readRegularFile(path, MAX_BASELINE_BYTES);
  } catch (error) {
    if (error instanceof ReadRefusedError) throw new BaselineError(`${error.message}; give --baseline a baseline file`);
    throw error;
  }
  let data: Baseline;
  try {
    data = JSON.parse(text) as Baseline;
  } catch {
    throw new BaselineError(`${path} is not valid JSON; fix it, or write it anew with --update-baseline`);
  }
  if (!isBaseline(data)) {
    throw new BaselineError(`${path} is not a soplint baseline (version ${BASELINE_VERSION}); write it anew with --update-baseline`);
  }
  return data;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Version 1, and for every file a record of rule id → a whole count. */
function isBaseline(data: unknown): data is Baseline {
  if (!isRecord(data) || data.version !== BASELINE_VERSION || !isRecord(data.files)) return false;
  return Object.values(data.files).every(
    (rules) => isRecord(rules) && Object.values(rules).every((count) => Number.isInteger(count) && (count as number) >= 0),
  );
}

/**
 * How a finding's file is named in the baseline: relative to the project (the config's folder), so
 * the same baseline holds whatever folder soplint is run from. Identity by default.
 */
export type BaselineKey = (file: string) => string;
const sameName: BaselineKey = (file) => file;

export function createBaseline(diagnostics: Diagnostic[], keyOf: BaselineKey = sameName): Baseline {
  const files: Baseline['files'] = {};
  for (const d of diagnostics.filter(acceptable)) {
    const key = keyOf(d.file);
    files[key] ??= {};
    files[key][d.ruleId] = (files[key][d.ruleId] ?? 0) + 1;
  }
  const sorted: Baseline['files'] = {};
  for (const file of Object.keys(files).sort()) {
    sorted[file] = Object.fromEntries(Object.entries(files[file]).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return { version: BASELINE_VERSION, files: sorted };
}

/**
 * The baseline after `--update-baseline`: the files checked in this run get their fresh counts; the
 * others keep their entries (a run over part of the book updates only that part), except files that
 * no longer exist.
 */
export function updateBaseline(previous: Baseline | undefined, fresh: Baseline, checkedKeys: Set<string>, stillExists: (key: string) => boolean): Baseline {
  const files: Baseline['files'] = { ...fresh.files };
  for (const [key, rules] of Object.entries(previous?.files ?? {})) {
    if (!checkedKeys.has(key) && stillExists(key)) files[key] = rules;
  }
  const sorted: Baseline['files'] = {};
  for (const key of Object.keys(files).sort()) sorted[key] = files[key];
  return { version: BASELINE_VERSION, files: sorted };
}

export function writeBaseline(path: string, baseline: Baseline): void {
  writeFileAtomic(path, JSON.stringify(baseline, null, 2) + '\n');
}

export interface BaselineResult {
  /** Findings still reported. */
  kept: Diagnostic[];
  /** Findings the baseline accepts. */
  accepted: Diagnostic[];
  /** One finding per stale entry. */
  stale: Diagnostic[];
}

export function applyBaseline(diagnostics: Diagnostic[], baseline: Baseline, checkedFiles: Set<string>, keyOf: BaselineKey = sameName): BaselineResult {
  // Checked files by their baseline name, to report stale entries under the name the user sees.
  const checkedByKey = new Map([...checkedFiles].map((file) => [keyOf(file), file]));
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics.filter(acceptable)) {
    const key = `${keyOf(d.file)}\u0000${d.ruleId}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const accepted = new Set<Diagnostic>();
  for (const [key, group] of groups) {
    const [file, ruleId] = key.split('\u0000');
    const allowed = baseline.files[file]?.[ruleId] ?? 0;
    if (group.length <= allowed) group.forEach((d) => accepted.add(d));
  }
  const stale: Diagnostic[] = [];
  for (const [key, rules] of Object.entries(baseline.files)) {
    const file = checkedByKey.get(key);
    if (file === undefined) continue; // not part of this run
    for (const [ruleId, allowed] of Object.entries(rules)) {
      const actual = groups.get(`${key}\u0000${ruleId}`)?.length ?? 0;
      if (actual >= allowed) continue;
      stale.push(
        fileDiagnostic(file, {
          ruleId: STALE_BASELINE_RULE,
          severity: 'warning',
          message: localized(
            `Baseline menerima ${allowed} temuan ${ruleId} di berkas ini, kini tinggal ${actual}.`,
            `The baseline accepts ${allowed} ${ruleId} finding(s) in this file; ${actual} remain.`,
          ),
          hint: localized('perbarui baseline: soplint check --update-baseline', 'update the baseline: soplint check --update-baseline'),
        }),
      );
    }
  }
  return { kept: diagnostics.filter((d) => !accepted.has(d)), accepted: diagnostics.filter((d) => accepted.has(d)), stale };
}

/** One baseline file and the checked files it covers (see src/cli/book-baselines.ts). */
export interface BaselineScope {
  /** The baseline file. */
  path: string;
  /** What its entries' file names are relative to. */
  projectDir: string;
  /** The checked files it covers (display paths). */
  files: Set<string>;
}

/** A finding's file (a display path, relative to `cwd`) as a baseline in `scope` names it. */
export const baselineKeyIn =
  (scope: BaselineScope, cwd: string): BaselineKey =>
  (file: string) =>
    relative(scope.projectDir, resolve(cwd, file)).split(sep).join('/');

/**
 * Applies each scope's baseline to the findings of the files it covers (a missing baseline file
 * accepts nothing): what is left to report, sorted, and how many findings the baselines accepted.
 * `checked` is every checked file; a scope whose `files` is that very set covers every finding.
 */
export function applyBaselineScopes(
  diagnostics: Diagnostic[],
  scopes: BaselineScope[],
  checked: Set<string>,
  cwd: string,
): { diagnostics: Diagnostic[]; accepted: number } {
  let accepted = 0;
  for (const scope of scopes) {
    if (!existsSync(scope.path)) continue;
    const covered = (d: Diagnostic) => scope.files === checked || scope.files.has(d.file);
    const applied = applyBaseline(diagnostics.filter(covered), readBaseline(scope.path), scope.files, baselineKeyIn(scope, cwd));
    diagnostics = [...diagnostics.filter((d) => !covered(d)), ...applied.kept, ...applied.stale].sort(compareDiagnostics);
    accepted += applied.accepted.length;
  }
  return { diagnostics, accepted };
}
