/**
 * JUnit XML for GitLab, Jenkins and CircleCI: one test suite per file, one test case per finding
 * (failing for errors and warnings, passing for infos, whose text goes into the suite's system-out).
 * Valid against the strict Apache Ant JUnit schema (test/format/JUnit.xsd): every suite has `id`,
 * `package`, `timestamp`, `hostname`, `time`, `properties`, `system-out` and `system-err`; the
 * `testsuites` root takes no attributes there.
 * Text from the files (names, messages quoting them) is escaped by terminalText: CI pages show these
 * messages in consoles that render ANSI sequences, and bidi controls would reorder what they show.
 */
import { hostname as osHostname } from 'node:os';
import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeXml, escapeXmlAttribute } from '../util/xml-text.js';
import { terminalText } from '../util/terminal-text.js';
import { relatedLine } from './related.js';
import type { Formatter } from './types.js';

export { escapeXml };

/** An attribute value: also line breaks and tabs as references, which attribute normalisation would turn into spaces. */
const attribute = escapeXmlAttribute;

/** `2026-12-02T04:00:00`: the schema's ISO 8601 form, without a time zone (UTC). */
export const junitTimestamp = (date: Date): string => date.toISOString().slice(0, 19);

export const junitFormatter: Formatter = (input) => {
  const lang = input.language;
  const timestamp = input.timestamp ?? junitTimestamp(new Date());
  const host = input.hostname || osHostname() || 'localhost';
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of input.files) byFile.set(file, []);
  for (const d of input.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const t = terminalText;
  const text = (d: Diagnostic) =>
    `${t(d.file)}:${d.line}:${d.column}: ${d.severity} ${t(d.message[lang])} [${d.ruleId}]${d.hint ? `\n${t(d.hint[lang])}` : ''}${(d.related ?? []).map((r) => `\n  ${t(relatedLine(r, lang))}`).join('')}`;
  const suites = [...byFile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, findings], id) => {
      const failures = findings.filter((d) => d.severity !== 'info');
      const infos = findings.filter((d) => d.severity === 'info');
      const classname = attribute(t(file));
      const cases = findings.length
        ? findings.map((d) => {
            const name = attribute(`${d.ruleId} ${d.line}:${d.column}`);
            if (d.severity === 'info') return `    <testcase name="${name}" classname="${classname}" time="0"/>`;
            return `    <testcase name="${name}" classname="${classname}" time="0">\n      <failure message="${attribute(t(d.message[lang]))}" type="${d.severity}">${escapeXml(text(d))}</failure>\n    </testcase>`;
          })
        : [`    <testcase name="soplint" classname="${classname}" time="0"/>`];
      const systemOut = infos.map((d) => escapeXml(text(d))).join('\n');
      const dir = posix.dirname(file);
      return [
        `  <testsuite name="${attribute(t(file))}" package="${attribute(t(dir === '.' ? 'soplint' : dir))}" id="${id}" timestamp="${timestamp}" hostname="${attribute(host)}" tests="${Math.max(1, findings.length)}" failures="${failures.length}" errors="0" skipped="0" time="0">`,
        `    <properties>\n      <property name="soplint.version" value="${attribute(input.toolVersion)}"/>\n    </properties>`,
        ...cases,
        `    <system-out>${systemOut}</system-out>`,
        '    <system-err></system-err>',
        '  </testsuite>',
      ].join('\n');
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
};
