import type { Preset } from '../checker/rule.js';
import { ALL_RULES } from '../rules/index.js';
import { presetRules } from './presets.js';
import type { ResolvedConfig } from './types.js';

/** The configuration used when no .soplintrc.yaml is found. */
export function defaultConfig(preset: Preset = 'recommended'): ResolvedConfig {
  return {
    path: null,
    preset,
    rules: presetRules(preset, ALL_RULES),
    overrides: [],
    ignores: [],
    settings: { externalSops: [], externalInputs: [] },
    baseline: null,
  };
}
