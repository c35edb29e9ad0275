/** JUnit XML for GitLab, Jenkins and CircleCI: one test suite per file, one failing test per finding. */
import type { Formatter } from './types.js';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // XML 1.0 cannot carry most control characters at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

export const junitFormatter: Formatter = (input) => {
  const lang = input.language;
  const byFile = new Map<string, typeof input.diagnostics>();
  for (const file of input.files) byFile.set(file, []);
  for (const d of input.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const suites = [...byFile.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, findings]) => {
    const failures = findings.filter((d) => d.severity !== 'info').length;
    const cases = findings.length
      ? findings.map((d) => {
          const name = escapeXml(`${d.ruleId} ${d.line}:${d.column}`);
          const body = escapeXml(`${d.file}:${d.line}:${d.column}: ${d.message[lang]}${d.hint ? `\n${d.hint[lang]}` : ''}`);
          if (d.severity === 'info') return `    <testcase name="${name}" classname="${escapeXml(file)}"><system-out>${body}</system-out></testcase>`;
          return `    <testcase name="${name}" classname="${escapeXml(file)}">\n      <failure message="${escapeXml(d.message[lang])}" type="${d.severity}">${body}</failure>\n    </testcase>`;
        })
      : [`    <testcase name="soplint" classname="${escapeXml(file)}"/>`];
    return `  <testsuite name="${escapeXml(file)}" tests="${Math.max(1, findings.length)}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const total = input.diagnostics.length;
  const failures = input.diagnostics.filter((d) => d.severity !== 'info').length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="soplint" tests="${Math.max(total, byFile.size)}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
};
