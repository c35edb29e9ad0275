/** The built-in presets: `recommended` (the default) and `strict` (every rule, at least a warning). */
import type { Preset, Rule } from '../rules/rule.js';
import type { RuleSetting } from './types.js';

export function presetRules(preset: Preset, rules: readonly Rule[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const rule of rules) {
    const on = rule.meta.presets.includes(preset);
    let severity = rule.meta.defaultSeverity;
    if (preset === 'strict' && severity === 'info') severity = 'warning';
    settings[rule.meta.id] = { severity: on ? severity : 'off', options: { ...rule.meta.defaultOptions } };
  }
  return settings;
}
