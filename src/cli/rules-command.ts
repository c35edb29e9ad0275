import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_FINDINGS } from '../rules/builtin-findings.js';
import { docsPath } from '../rules/rule.js';
import { ALL_RULES, findRule } from '../rules/index.js';
import { closest } from '../util/similarity.js';
import { EXIT_CLEAN, UsageError } from './exit-codes.js';
import { pickLanguage } from './language.js';

/** The package root: dist/ or src/cli/ lives one or two folders below it. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function runRules(options: { lang?: string }): number {
  const language = pickLanguage(options.lang);
  const width = Math.max(...ALL_RULES.map((r) => r.meta.id.length));
  const lines = ALL_RULES.map((r) => {
    const presets = r.meta.presets.includes('recommended') ? 'recommended' : 'strict';
    const fix = r.meta.fixable ? (language === 'id' ? 'ya' : 'yes') : '';
    return `${r.meta.id.padEnd(width)}  ${r.meta.defaultSeverity.padEnd(7)}  ${presets.padEnd(11)}  ${r.meta.scope.padEnd(6)}  ${fix.padEnd(3)}  ${r.meta.description[language]}`;
  });
  process.stdout.write(`${'rule'.padEnd(width)}  severity preset       scope   fix  description\n${lines.join('\n')}\n`);
  return EXIT_CLEAN;
}

export function runExplain(id: string): number {
  const rule = findRule(id);
  const builtin = BUILTIN_FINDINGS.find((f) => f.id === id);
  if (!rule && builtin) {
    process.stdout.write(
      `# ${builtin.id}\n\n${builtin.description.id} — ${builtin.description.en}\n\n` +
        `Temuan dari soplint sendiri, bukan dari sebuah aturan: selalu aktif, tidak dapat diatur. Severity: \`${builtin.defaultSeverity}\`.\n` +
        `A finding of soplint itself, not of a rule: always on, not configurable. Severity: \`${builtin.defaultSeverity}\`.\n\n` +
        (builtin.fixable
          ? 'Sebagian temuannya membawa perbaikan, bila baris yang dimaksud pasti: `soplint check --fix` menerapkannya.\nSome of its findings carry a fix, where the line meant is certain: `soplint check --fix` applies it.\n\n'
          : '') +
        `See ${docsPath(builtin.id)}\n`,
    );
    return EXIT_CLEAN;
  }
  if (!rule) {
    const suggestion = closest(id, [...ALL_RULES.map((r) => r.meta.id), ...BUILTIN_FINDINGS.map((f) => f.id)]);
    throw new UsageError(`unknown rule '${id}'${suggestion ? `; did you mean '${suggestion}'?` : ''} (soplint rules lists them)`);
  }
  const page = join(packageRoot(), docsPath(rule.meta.id));
  process.stdout.write(existsSync(page) ? readFileSync(page, 'utf8') : `# ${rule.meta.id}\n\n${rule.meta.description.en}\n\n${rule.meta.rationale.en}\n`);
  return EXIT_CLEAN;
}
