/** Per-file rule settings: preset → `rules` → matching `overrides`, in that order. */
import { matchesGlob } from '../util/glob.js';
import type { ResolvedConfig, RuleSetting } from './types.js';

export function ruleSettingsFor(config: ResolvedConfig, file: string): Record<string, RuleSetting> {
  const matching = config.overrides.filter((o) => o.files.some((glob) => matchesGlob(file, glob)));
  if (matching.length === 0) return config.rules;
  const merged = { ...config.rules };
  for (const override of matching) {
    for (const [id, setting] of Object.entries(override.rules)) {
      merged[id] = { severity: setting.severity, options: { ...merged[id]?.options, ...setting.options } };
    }
  }
  return merged;
}

export function isIgnored(config: ResolvedConfig, file: string): boolean {
  return config.ignores.some((glob) => matchesGlob(file, glob));
}
