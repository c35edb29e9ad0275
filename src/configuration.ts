/**
 * The configuration as the library and the CLI use it: the config layer bound to soplint's own rules
 * (config/ receives the list of rules; only this layer, above the rules, chooses it).
 */
import { dirname, resolve } from 'node:path';
import { defaultConfig as defaultConfigFor } from './config/default.js';
import { findConfigFile, loadConfigFile as loadConfigFileFor } from './config/load.js';
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

/** Which configuration a file is checked with. Files given the same configuration object form one book. */
export interface ConfigLookup {
  forFile(absolutePath: string): ResolvedConfig;
}

/**
 * Each file's configuration is the nearest .soplintrc.yaml at or above the file's folder, as Prettier
 * and EditorConfig find theirs; files with none above them share the default. Each config file is
 * read once, and every file under it gets the same object: that is how the run groups files into
 * books.
 */
export class NearestConfigs implements ConfigLookup {
  private readonly byFolder = new Map<string, ResolvedConfig>();
  private readonly byPath = new Map<string, ResolvedConfig>();
  private fallback: ResolvedConfig | undefined;

  /** `cwd`: what findings' paths and the configs' globs are relative to. */
  constructor(private readonly cwd = process.cwd()) {}

  forFile(absolutePath: string): ResolvedConfig {
    const folder = dirname(resolve(this.cwd, absolutePath));
    let config = this.byFolder.get(folder);
    if (!config) {
      const path = findConfigFile(folder);
      config = path ? this.load(path) : (this.fallback ??= defaultConfig());
      this.byFolder.set(folder, config);
    }
    return config;
  }

  private load(path: string): ResolvedConfig {
    let config = this.byPath.get(path);
    if (!config) this.byPath.set(path, (config = loadConfigFile(path, this.cwd)));
    return config;
  }
}
