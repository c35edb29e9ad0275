/** docs/rules/README.md: the table of every rule, generated from the rules' metadata. */
import { BUILTIN_FINDINGS, BUILTIN_FINDINGS_HEADING } from '../src/rules/builtin-findings.js';
import type { Rule } from '../src/rules/rule.js';

export function rulesIndexMarkdown(rules: Rule[]): string {
  const rows = rules.map((r) => {
    const presets = r.meta.presets.map((p) => `\`${p}\``).join(', ');
    return `| [\`${r.meta.id}\`](${r.meta.id}.md) | \`${r.meta.defaultSeverity}\` | ${presets} | ${r.meta.scope} | ${r.meta.fixable ? 'ya / yes' : ''} | ${r.meta.description.id} — ${r.meta.description.en} |`;
  });
  return [
    '# Aturan / Rules',
    '',
    "Generated from the rules' metadata by `npm run generate`; do not edit by hand.",
    '`soplint rules` prints this list; `soplint explain RULE` prints a page. `soplint check --fix` applies',
    'the fixes of the rules marked fixable.',
    '',
    '| rule | severity | presets | scope | fixable | description |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `## ${BUILTIN_FINDINGS_HEADING}`,
    '',
    'Always on, not configurable. Some syntax findings carry a fix, where the line meant is certain',
    '(`2) [staf]` → `2. [staf]`, `Kelengkapn:` → `Kelengkapan:`, `1. Surat` → `- Surat` under a list label).',
    '',
    '| finding | severity | fixable | description |',
    '|---|---|---|---|',
    ...BUILTIN_FINDINGS.map(
      (f) => `| \`${f.id}\` | \`${f.defaultSeverity}\` | ${f.fixable ? 'sebagian / some' : ''} | ${f.description.id} — ${f.description.en} |`,
    ),
    '',
  ].join('\n');
}
