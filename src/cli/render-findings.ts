/**
 * The findings of the SOPs about to be rendered, as `soplint check` would report them: each file
 * checked with its book (the nearest .soplintrc.yaml) and its book's baseline applied. A drawing of
 * an invalid SOP is not silent: render prints these on stderr, and `--strict` refuses to draw.
 */
import { applyBaselineScopes } from '../baseline.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lint, lintTexts } from '../lint.js';
import { baselineScopes, projectConfig } from './book-baselines.js';
import { checkConfigs } from './config-option.js';

export async function findingsBeforeRender(files: string[], cwd: string, stdin?: { path: string; text: string }): Promise<Diagnostic[]> {
  const { config: cwdConfig, configs } = checkConfigs(undefined, cwd);
  const fromStdin = stdin ? lintTexts([stdin], { config: cwdConfig }).diagnostics : [];
  if (files.length === 0) return fromStdin;
  const result = await lint(files, { cwd, config: cwdConfig, configs, jobs: 1 });
  const checked = new Set(result.index.entries.map((e) => e.file));
  const scopes = baselineScopes(result.books, checked, undefined, projectConfig(result.books, cwdConfig), cwd);
  return [...applyBaselineScopes(result.diagnostics, scopes, checked, cwd).diagnostics, ...fromStdin];
}
