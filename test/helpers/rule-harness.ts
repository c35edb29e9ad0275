/**
 * Running one rule over fixtures: a case is a .sop file, or a folder of .sop files (a small corpus,
 * for corpus rules). `settings.json` beside the cases may declare external SOPs and inputs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CheckSettings, Rule } from '../../src/rules/rule.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import type { Diagnostic, Language } from '../../src/diagnostics/diagnostic.js';
import { formatStylish } from '../../src/format/stylish.js';
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

/** The findings as the stylish report prints them (code frames, hints, related locations), in one language. */
export function formatFindings(findings: Diagnostic[], files: { path: string; text: string }[], language: Language = 'en'): string {
  if (findings.length === 0) return '\n';
  const sources = new Map(files.map((f) => [f.path, new SourceFile(f.path, f.text)]));
  const report = formatStylish(findings, { language, color: false, sources, fileCount: files.length });
  return report.slice(0, report.lastIndexOf('\n\n')) + '\n';
}

/** The ```sop blocks under a heading of a rule's docs page. */
export function docExamples(markdown: string, heading: RegExp): string[] {
  const sections = markdown.split(/^## /m);
  const section = sections.find((s) => heading.test(s.split('\n')[0]));
  if (!section) return [];
  return [...section.matchAll(/```sop\n([\s\S]*?)```/g)].map((m) => m[1]);
}
