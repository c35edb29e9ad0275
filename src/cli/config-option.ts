import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultConfig, findConfigFile, loadConfigFile, NearestConfigs, type ConfigLookup } from '../configuration.js';
import type { ResolvedConfig } from '../config/types.js';
import { UsageError } from './exit-codes.js';

/** --config FILE, else the nearest .soplintrc.yaml above the working directory, else the default. */
export function loadProjectConfig(option: string | undefined, cwd: string): ResolvedConfig {
  if (option) {
    const path = resolve(cwd, option);
    if (!existsSync(path)) throw new UsageError(`config file not found: ${option}`);
    if (statSync(path).isDirectory())
      throw new UsageError(`--config takes a file, and ${option} is a folder (e.g. --config ${option.replace(/\/$/, '')}/.soplintrc.yaml)`);
    return loadConfigFile(path, cwd);
  }
  const found = findConfigFile(cwd);
  return found ? loadConfigFile(found, cwd) : defaultConfig();
}

/**
 * The configurations of a check. `--config FILE` is every file's. Without it each file has the
 * nearest .soplintrc.yaml above its own folder (`configs`), and the one above the working directory
 * (`config`) still ignores what it lists.
 */
export function checkConfigs(option: string | undefined, cwd: string): { config: ResolvedConfig; configs?: ConfigLookup } {
  const config = loadProjectConfig(option, cwd);
  return option ? { config } : { config, configs: new NearestConfigs(cwd) };
}
