import type { Preset, Rule } from '../rules/rule.js';
import { presetRules } from './presets.js';
import type { ResolvedConfig } from './types.js';

/** The configuration used when no .soplintrc.yaml is found. */
export function defaultConfig(rules: readonly Rule[], preset: Preset = 'recommended'): ResolvedConfig {
  return {
    path: null,
    preset,
    rules: presetRules(preset, rules),
    overrides: [],
    ignores: [],
    settings: { externalSops: [], externalInputs: [] },
    baseline: null,
  };
}
