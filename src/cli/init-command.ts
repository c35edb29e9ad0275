import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ruleSettingsFor, isIgnored } from '../config/resolve-settings.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { displayPath } from '../files.js';
import { checkConfigs } from './config-option.js';
import { EXIT_CLEAN, UsageError } from './exit-codes.js';
import { DEFAULT_FMT_WIDTH } from '../fmt/format.js';

export const STARTER_CONFIG = `# soplint configuration; every key is described in docs/configuration.md of the soplint package.
# preset: recommended (default) or strict
preset: recommended

# Rule levels: off, info, warn, error; or [level, { options }]
rules: {}
  # step/numbering-gap: error

# SOPs of other offices that your SOPs refer to (they cannot be checked here).
# externalSops:
#   - SOP Surat Keluar
externalSops: []

# Kelengkapan that come from outside any SOP.
externalInputs: []

# Files never checked.
ignores: []

# Accepted findings of an existing corpus: \`soplint check sops/ --update-baseline\` writes this file;
# commit it, and only new findings fail the check.
baseline: .soplint-baseline.json
`;

export function runInit(cwd: string): number {
  const path = join(cwd, '.soplintrc.yaml');
  if (existsSync(path)) throw new UsageError(`${path} already exists; not overwritten`);
  writeFileAtomic(path, STARTER_CONFIG);
  process.stdout.write(`wrote ${displayPath(path, cwd)}\n`);
  return EXIT_CLEAN;
}

export function runPrintConfig(file: string, configOption: string | undefined): number {
  const cwd = process.cwd();
  // The file's own configuration (the nearest above its folder), as `check` uses it.
  const { config: cwdConfig, configs } = checkConfigs(configOption, cwd);
  const config = configs?.forFile(resolve(cwd, file)) ?? cwdConfig;
  const path = displayPath(resolve(cwd, file), cwd);
  const effective = {
    file: path,
    config: config.path ? displayPath(config.path, cwd) : null,
    ignored: isIgnored(config, path) || isIgnored(cwdConfig, path),
    preset: config.preset,
    rules: Object.fromEntries(
      Object.entries(ruleSettingsFor(config, path)).map(([id, s]) => [id, Object.keys(s.options).length ? [s.severity, s.options] : s.severity]),
    ),
    externalSops: config.settings.externalSops,
    externalInputs: config.settings.externalInputs,
    baseline: config.baseline ? displayPath(config.baseline, cwd) : null,
    fmt: { width: config.fmt?.width ?? DEFAULT_FMT_WIDTH },
  };
  process.stdout.write(JSON.stringify(effective, null, 2) + '\n');
  return EXIT_CLEAN;
}
