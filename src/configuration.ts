/**
 * The configuration as the library and the CLI use it: the config layer bound to soplint's own rules
 * (config/ receives the list of rules; only this layer, above the rules, chooses it).
 */
import { defaultConfig as defaultConfigFor } from './config/default.js';
import { loadConfigFile as loadConfigFileFor } from './config/load.js';
import type { ResolvedConfig } from './config/types.js';
import type { Preset } from './rules/rule.js';
import { ALL_RULES } from './rules/index.js';

export { ConfigError, findConfigFile } from './config/load.js';

/** The configuration used when no .soplintrc.yaml is found. */
export function defaultConfig(preset: Preset = 'recommended'): ResolvedConfig {
  return defaultConfigFor(ALL_RULES, preset);
}

/** Read and validate a .soplintrc.yaml; globs in it are taken relative to its folder, paths to `cwd`. */
export function loadConfigFile(path: string, cwd = process.cwd()): ResolvedConfig {
  return loadConfigFileFor(path, cwd, ALL_RULES);
}
