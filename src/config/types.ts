/** The configuration as the checker sees it, once loaded and validated (see src/config/load.ts). */
import type { Severity } from '../diagnostics/diagnostic.js';
import type { CheckSettings, Preset } from '../rules/rule.js';

export interface RuleSetting {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

export interface ConfigOverride {
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** Settings of `soplint fmt` (the `fmt:` key). */
export interface FmtSettings {
  /** Prose is wrapped at this column; unset: fmt's default (100). */
  width?: number;
}

/** Settings of the `limits:` key: the largest file and the most steps checked (see src/io/limits.ts). */
export interface LimitSettings {
  maxFileSize?: number;
  maxSteps?: number;
}

export interface ResolvedConfig {
  /** Where it was read from, or null for the built-in default. */
  path: string | null;
  preset: Preset;
  /** Settings of every known rule after the preset and the top-level `rules`. */
  rules: Record<string, RuleSetting>;
  overrides: ConfigOverride[];
  ignores: string[];
  settings: CheckSettings;
  /** Baseline file (accepted findings), relative to the config's folder, if any. */
  baseline: string | null;
  /** `limits:` settings, when the file has them. */
  limits?: LimitSettings;
  /** `fmt:` settings, when the file has them. */
  fmt?: FmtSettings;
}
