/**
 * The library API: `lint()` is what `soplint check` runs. Find files, read the config, run the
 * checker's two phases, apply inline suppressions (and the baseline when the caller asks).
 */
import { readFileSync } from 'node:fs';
import { checkCorpus, type CheckInput, type CheckRunResult } from './checker/run.js';
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
}

export type LintResult = CheckRunResult;

/** Lint files on disk (absolute paths). */
export function lintFiles(absolutePaths: string[], options: LintOptions = {}): LintResult {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? defaultConfig();
  const inputs: CheckInput[] = absolutePaths
    .map((absolute) => ({ path: displayPath(absolute, cwd), read: () => readFileSync(absolute, 'utf8') }))
    .filter((input) => !isIgnored(config, input.path));
  return checkCorpus(inputs, { config, rules: options.rules ?? ALL_RULES, onProgress: options.onProgress });
}

/** Lint texts held in memory (editors, tests): `[{ path, text }]`. */
export function lintTexts(files: { path: string; text: string }[], options: Omit<LintOptions, 'cwd'> = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const inputs = files.map((f) => ({ path: f.path, read: () => f.text }));
  return checkCorpus(inputs, { config, rules: options.rules ?? ALL_RULES, onProgress: options.onProgress });
}
