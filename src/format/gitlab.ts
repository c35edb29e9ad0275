/**
 * GitLab Code Quality (`artifacts: reports: codequality:`), the subset of the Code Climate format
 * GitLab reads (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): one
 * issue per finding, shown in the merge request widget and the changes view.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../diagnostics/diagnostic.js';
import { relatedLine } from './related.js';
import type { Formatter } from './types.js';

// GitLab's scale is info, minor, major, critical, blocker; as ESLint's GitLab formatters map them.
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info' };

export const gitlabFormatter: Formatter = (input) => {
  const lang = input.language;
  // The fingerprint identifies a finding across runs (GitLab compares a branch with its target): the
  // file, the rule and the message, not the line, so that an edit above it does not make it "new";
  // the same finding twice in a file is told apart by its rank.
  const seen = new Map<string, number>();
  const issues = input.diagnostics.map((d) => {
    const key = `${d.file}\0${d.ruleId}\0${d.message.en}`;
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    const related = (d.related ?? []).map((r) => ` (${lang === 'id' ? 'lihat' : 'see'} ${relatedLine(r, lang)})`).join('');
    return {
      description: `${d.message[lang]}${d.hint ? ` (${d.hint[lang]})` : ''}${related}`,
      check_name: d.ruleId,
      fingerprint: createHash('sha256').update(`${key}\0${rank}`).digest('hex').slice(0, 32),
      severity: SEVERITY[d.severity],
      location: { path: d.file.replace(/^\.\//, ''), lines: { begin: d.line, end: Math.max(d.line, d.endLine) } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
};
