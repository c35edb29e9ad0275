/**
 * Finding and reading `.soplintrc.yaml`: walk up from a folder (each file's: see NearestConfigs),
 * parse the YAML, validate it against schemas/config.schema.json, check rule ids and options, and
 * resolve it into the settings the checker uses. Every error points at its line in the config file.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { MB, readRegularFile, ReadRefusedError } from '../io/read-limited.js';
import validateConfig from '../generated/config-validator.js';
import type { Preset, Rule } from '../rules/rule.js';
import { BUILTIN_FINDING_IDS } from '../rules/builtin-findings.js';
import { closest } from '../util/similarity.js';
import { globLiteral, globProblem } from '../util/glob.js';
import { vagueReference } from '../resolve/references.js';
import { presetRules } from './presets.js';
import type { ConfigOverride, ResolvedConfig, RuleSetting } from './types.js';
import { validateRuleOptions } from './rule-options.js';

export const CONFIG_FILE_NAMES = ['.soplintrc.yaml', '.soplintrc.yml'];

/** A configuration is a few kilobytes; more is not one (or is an attack). */
export const MAX_CONFIG_BYTES = 1 * MB;
/** Aliases a configuration may expand (yaml's default allows a billion-laughs of megabytes). */
export const MAX_ALIAS_COUNT = 100;

const TOP_LEVEL_KEYS = ['preset', 'rules', 'overrides', 'ignores', 'externalSops', 'externalInputs', 'baseline', 'limits', 'fmt'];
const FMT_KEYS = ['width'];
const LIMITS_KEYS = ['maxFileSize', 'maxSteps'];

/**
 * A key or rule id as an error quotes it: only when it is one soplint could mean (a rule id's shape,
 * 'category/name', or a near miss of a setting's name): `--config` pointed at a file that is not a
 * configuration (a key file, a secret) must not print that file's content into a CI log.
 */
function quotedName(name: string, known: readonly string[] = []): string {
  if (/^[a-z][a-z0-9-]{0,30}\/[a-z0-9-]{1,40}$/.test(name) || (name.length <= 40 && closest(name, [...known]))) return `'${name}'`;
  return `(a name of ${[...name].length} characters that is no setting soplint knows; not quoted)`;
}

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
  limits?: { maxFileSize?: number; maxSteps?: number };
  fmt?: { width?: number };
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
  let text: string;
  try {
    text = readRegularFile(path, MAX_CONFIG_BYTES);
  } catch (error) {
    // A FIFO, a device (/dev/zero) or a huge file: refused cleanly (exit 2), nothing of it quoted.
    if (error instanceof ReadRefusedError)
      throw new ConfigError(displayName, 1, 1, `cannot be used as a configuration: ${error.message.slice(path.length + 1)}`);
    throw error;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number, message: string): ConfigError => {
    const { line, col } = lineCounter.linePos(offset);
    return new ConfigError(displayName, line, col, message);
  };
  if (document.errors.length) {
    const error = document.errors[0];
    // yaml's message may go on to quote the line: only its first clause, up to ' at line', is kept.
    throw at(error.pos[0], `invalid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  // An alias bomb (aliases of aliases, each doubling what they stand for) is refused at its first alias.
  let js: unknown;
  try {
    js = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let first: number | undefined;
    visit(document, {
      Alias(_, node) {
        first ??= node.range?.[0];
        return visit.BREAK;
      },
    });
    throw at(first ?? 0, `too many YAML aliases (more than ${MAX_ALIAS_COUNT} expanded): write the settings out instead of '*alias' references`);
  }
  // An empty key (`rules:` with only comments under it) means "nothing set", not null.
  const raw = Object.fromEntries(Object.entries((js ?? {}) as Record<string, unknown>).filter(([, v]) => v !== null)) as RawConfig;
  if (!validateConfig(raw)) {
    const error = validateConfig.errors![0];
    const node = nodeAt(document, error.instancePath);
    const where = error.instancePath || '/';
    // The keys that may stand where an unknown one was found.
    const keys = error.instancePath === '/fmt' ? FMT_KEYS : error.instancePath === '/limits' ? LIMITS_KEYS : TOP_LEVEL_KEYS;
    const detail =
      error.keyword === 'additionalProperties'
        ? `unknown key ${quotedName((error.params as { additionalProperty: string }).additionalProperty, keys)}`
        : error.message;
    const offset = node?.range?.[0] ?? 0;
    throw at(offset, `${where}: ${detail}${error.keyword === 'additionalProperties' ? ` (known: ${keys.join(', ')})` : ''}`);
  }
  // An external SOP is declared by a name that identifies it: "SOP SK" would make every vague
  // reference to it resolve, and --fix would copy it into Keterkaitan.
  for (const [i, name] of (raw.externalSops ?? []).entries()) {
    const vagueness = vagueReference(name);
    if (!vagueness) continue;
    const what = vagueness.kind === 'abbreviation' ? `only the abbreviation '${vagueness.word}'` : `only one word, '${vagueness.word}'`;
    throw at(
      nodeAt(document, `/externalSops/${i}`)?.range?.[0] ?? 0,
      `/externalSops/${i}: '${name}' cannot be declared as an external SOP: after 'SOP' comes ${what}, which does not identify one SOP; write the SOP's full title as its office's book spells it (e.g. 'SOP Penyusunan Surat Keputusan Kepala Badan')`,
    );
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
        throw at(node?.range?.[0] ?? 0, `unknown rule ${quotedName(id)}${builtin}${suggestion ? `; did you mean '${suggestion}'?` : ''}`);
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
  // A glob that would take too long to match is refused at its line.
  const globs = [
    ...(raw.ignores ?? []).map((glob, i) => ({ glob, pointer: `/ignores/${i}` })),
    ...(raw.overrides ?? []).flatMap((o, i) => o.files.map((glob, j) => ({ glob, pointer: `/overrides/${i}/files/${j}` }))),
  ];
  for (const { glob, pointer } of globs) {
    const problem = globProblem(glob.replace(/^\.\//, ''));
    if (problem) throw at(nodeAt(document, pointer)?.range?.[0] ?? 0, problem);
  }
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
    ...(raw.limits ? { limits: { ...raw.limits } } : {}),
    ...(raw.fmt ? { fmt: { ...raw.fmt } } : {}),
  };
}

/** Globs are written relative to the config's folder; findings' paths are relative to the cwd. */
function rebase(glob: string, configDir: string, cwd: string): string {
  const prefix = relative(cwd, configDir).split(sep).join('/');
  // The folder's name is literal: "BKBPM (2015)" is no glob group.
  return prefix ? `${globLiteral(prefix)}/${glob.replace(/^\.\//, '')}` : glob.replace(/^\.\//, '');
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
