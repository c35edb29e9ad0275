/** docs/rules/README.md: the table of every rule, generated from the rules' metadata. */
import type { Rule } from './rule.js';

export function rulesIndexMarkdown(rules: Rule[]): string {
  const rows = rules.map((r) => {
    const presets = r.meta.presets.map((p) => `\`${p}\``).join(', ');
    return `| [\`${r.meta.id}\`](${r.meta.id}.md) | \`${r.meta.defaultSeverity}\` | ${presets} | ${r.meta.scope} | ${r.meta.description.id} — ${r.meta.description.en} |`;
  });
  return [
    '# Aturan / Rules',
    '',
    'Generated from the rules\' metadata by `npm run generate`; do not edit by hand.',
    '`soplint rules` prints this list; `soplint explain RULE` prints a page.',
    '',
    '| rule | severity | presets | scope | description |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'Findings of the pipeline itself (always on, not configurable): `syntax/error`, `syntax/misplaced-line`,',
    '`syntax/duplicate-field`, `syntax/invalid-value`, `syntax/unknown-label` (the file could not be read as',
    'written), `suppression/unused`, `suppression/missing-reason`, `baseline/stale`, `io/unreadable`,',
    '`internal/rule-error`.',
    '',
  ].join('\n');
}
