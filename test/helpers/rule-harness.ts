/**
 * Running one rule over fixtures: a case is a .sop file, or a folder of .sop files (a small corpus,
 * for corpus rules). `settings.json` beside the cases may declare external SOPs and inputs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CheckSettings, Rule } from '../../src/rules/rule.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { formatCodeFrame } from '../../src/diagnostics/code-frame.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SourceFile } from '../../src/diagnostics/source.js';
import { lintTexts } from '../../src/lint.js';
import { ALL_RULES } from '../../src/rules/index.js';

export interface RuleCase {
  name: string;
  files: { path: string; text: string }[];
}

export function readCases(folder: string): RuleCase[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .flatMap((name): RuleCase[] => {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) {
        const files = readdirSync(full)
          .filter((f) => f.endsWith('.sop'))
          .sort()
          .map((f) => ({ path: `${name}/${f}`, text: readFileSync(join(full, f), 'utf8') }));
        return [{ name, files }];
      }
      if (!name.endsWith('.sop')) return [];
      return [{ name: basename(name, '.sop'), files: [{ path: name, text: readFileSync(full, 'utf8') }] }];
    });
}

export function readSettings(folder: string): CheckSettings {
  const file = join(folder, 'settings.json');
  const base: CheckSettings = { externalSops: [], externalInputs: [] };
  return existsSync(file) ? { ...base, ...JSON.parse(readFileSync(file, 'utf8')) } : base;
}

/** Every rule on at its default severity, so a rule is tested whatever its preset. */
export function configFor(settings: CheckSettings): ResolvedConfig {
  const rules = Object.fromEntries(ALL_RULES.map((r) => [r.meta.id, { severity: r.meta.defaultSeverity, options: { ...r.meta.defaultOptions } }]));
  return { path: null, preset: 'strict', rules, overrides: [], ignores: [], settings, baseline: null };
}

export function findingsOf(rule: Rule, files: { path: string; text: string }[], settings: CheckSettings): Diagnostic[] {
  return lintTexts(files, { config: configFor(settings) }).diagnostics.filter((d) => d.ruleId === rule.meta.id);
}

export function formatFindings(findings: Diagnostic[], files: { path: string; text: string }[]): string {
  const sources = new Map(files.map((f) => [f.path, new SourceFile(f.path, f.text)]));
  return findings.map((d) => formatCodeFrame(d, sources.get(d.file), 'en')).join('\n\n') + '\n';
}

/** The ```sop blocks under a heading of a rule's docs page. */
export function docExamples(markdown: string, heading: RegExp): string[] {
  const sections = markdown.split(/^## /m);
  const section = sections.find((s) => heading.test(s.split('\n')[0]));
  if (!section) return [];
  return [...section.matchAll(/```sop\n([\s\S]*?)```/g)].map((m) => m[1]);
}
