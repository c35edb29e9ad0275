/**
 * Finding and reading `.soplintrc.yaml`: walk up from the working directory (or take --config),
 * parse the YAML, validate it against schemas/config.schema.json, check rule ids and options, and
 * resolve it into the settings the checker uses. Every error points at its line in the config file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import validateConfig from '../generated/config-validator.js';
import type { Preset, Rule } from '../rules/rule.js';
import { BUILTIN_FINDING_IDS } from '../rules/builtin-findings.js';
import { closest } from '../util/similarity.js';
import { presetRules } from './presets.js';
import type { ConfigOverride, ResolvedConfig, RuleSetting } from './types.js';
import { validateRuleOptions } from './rule-options.js';

export const CONFIG_FILE_NAMES = ['.soplintrc.yaml', '.soplintrc.yml'];

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(`${file}:${line}:${column}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** The nearest config file at or above `cwd`, or undefined. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

interface RawConfig {
  preset?: Preset;
  rules?: Record<string, RawSetting>;
  overrides?: { files: string[]; rules: Record<string, RawSetting> }[];
  ignores?: string[];
  externalSops?: string[];
  externalInputs?: string[];
  baseline?: string;
}
type RawLevel = 'off' | 'info' | 'warn' | 'warning' | 'error';
type RawSetting = RawLevel | [RawLevel] | [RawLevel, Record<string, unknown>];

function toSetting(raw: RawSetting, rule: Rule | undefined): RuleSetting {
  const [level, options] = Array.isArray(raw) ? raw : [raw, undefined];
  const severity = level === 'warn' ? 'warning' : level;
  return { severity, options: { ...rule?.meta.defaultOptions, ...options } };
}

/** Load a config file; `displayName` is how errors name it (relative to the working directory). */
/** `rules`: every rule soplint knows (the config layer receives the list; it never imports it). */
export function loadConfigFile(path: string, cwd: string, rules: readonly Rule[]): ResolvedConfig {
  const displayName = relative(cwd, path).split(sep).join('/') || path;
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number, message: string): ConfigError => {
    const { line, col } = lineCounter.linePos(offset);
    return new ConfigError(displayName, line, col, message);
  };
  if (document.errors.length) {
    const error = document.errors[0];
    throw at(error.pos[0], `invalid YAML: ${error.message.split('\n')[0]}`);
  }
  // An empty key (`rules:` with only comments under it) means "nothing set", not null.
  const raw = Object.fromEntries(Object.entries((document.toJS() ?? {}) as Record<string, unknown>).filter(([, v]) => v !== null)) as RawConfig;
  if (!validateConfig(raw)) {
    const error = validateConfig.errors![0];
    const node = nodeAt(document, error.instancePath);
    const where = error.instancePath || '/';
    const detail = error.keyword === 'additionalProperties' ? `unknown key '${(error.params as { additionalProperty: string }).additionalProperty}'` : error.message;
    const offset = node?.range?.[0] ?? 0;
    throw at(offset, `${where}: ${detail}${error.keyword === 'additionalProperties' ? ' (known: preset, rules, overrides, ignores, externalSops, externalInputs, baseline)' : ''}`);
  }
  const known = new Map(rules.map((r) => [r.meta.id, r]));
  const checkRules = (settings: Record<string, RawSetting> | undefined, path: string): Record<string, RuleSetting> => {
    const out: Record<string, RuleSetting> = {};
    for (const [id, value] of Object.entries(settings ?? {})) {
      const rule = known.get(id);
      if (!rule) {
        const node = keyNodeAt(document, `${path}/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        const suggestion = closest(id, [...known.keys()]);
        const builtin = BUILTIN_FINDING_IDS.includes(id) ? ' (a built-in finding, not a configurable rule)' : '';
        throw at(node?.range?.[0] ?? 0, `unknown rule '${id}'${builtin}${suggestion ? `; did you mean '${suggestion}'?` : ''}`);
      }
      const setting = toSetting(value, rule);
      const problem = validateRuleOptions(rule, setting.options);
      if (problem) {
        const node = nodeAt(document, `${path}/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        throw at(node?.range?.[0] ?? 0, `options of ${id}: ${problem}`);
      }
      out[id] = setting;
    }
    return out;
  };
  const preset = raw.preset ?? 'recommended';
  const base = presetRules(preset, rules);
  const topLevel = checkRules(raw.rules, '/rules');
  const overrides: ConfigOverride[] = (raw.overrides ?? []).map((o, i) => ({
    files: o.files.map((glob) => rebase(glob, dirname(path), cwd)),
    rules: checkRules(o.rules, `/overrides/${i}/rules`),
  }));
  return {
    path,
    preset,
    rules: { ...base, ...topLevel },
    overrides,
    ignores: (raw.ignores ?? []).map((glob) => rebase(glob, dirname(path), cwd)),
    settings: { externalSops: raw.externalSops ?? [], externalInputs: raw.externalInputs ?? [] },
    baseline: raw.baseline ? resolve(dirname(path), raw.baseline) : null,
  };
}

/** Globs are written relative to the config's folder; findings' paths are relative to the cwd. */
function rebase(glob: string, configDir: string, cwd: string): string {
  const prefix = relative(cwd, configDir).split(sep).join('/');
  return prefix ? `${prefix}/${glob.replace(/^\.\//, '')}` : glob.replace(/^\.\//, '');
}

function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The YAML node at a JSON pointer, for error positions. */
function nodeAt(document: Document, pointer: string): YamlNode | undefined {
  let node: unknown = document.contents;
  for (const segment of segments(pointer)) {
    if (isMap(node)) node = node.items.find((pair) => String((pair.key as { value?: unknown })?.value) === segment)?.value;
    else if (isSeq(node)) node = node.items[Number(segment)];
    else return undefined;
  }
  return node as YamlNode | undefined;
}

/** The key node of the last segment of a pointer (a misspelt rule id is reported at its key). */
function keyNodeAt(document: Document, pointer: string): YamlNode | undefined {
  const parts = segments(pointer);
  const last = parts.pop();
  const parent = nodeAt(document, parts.length ? `/${parts.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '');
  if (!isMap(parent)) return undefined;
  return parent.items.find((pair) => String((pair.key as { value?: unknown })?.value) === last)?.key as YamlNode | undefined;
}
