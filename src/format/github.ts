/**
 * GitHub Actions workflow commands: one annotation per finding, then the full list as plain lines,
 * because GitHub shows only about ten annotations of each kind per step.
 * Text from the files (names, messages quoting them) is escaped by terminalText before the workflow
 * command escaping: the log renders ANSI sequences, and a line break in a plain line could start a
 * workflow command of its own (`::error ...`, `::add-mask::`).
 */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { terminalText } from '../util/terminal-text.js';
import { relatedLine } from './related.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value (file, title): also ':' and ','. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const githubFormatter: Formatter = (input) => {
  const lang = input.language;
  const t = terminalText;
  const related = (d: Diagnostic, prefix: string) => (d.related ?? []).map((r) => `\n${prefix}${t(relatedLine(r, lang))}`).join('');
  const annotations = input.diagnostics.map((d) => {
    const properties = [
      `file=${escapeProperty(t(d.file))}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `endLine=${d.endLine}`,
      `endColumn=${d.endColumn}`,
      `title=${escapeProperty(`soplint ${d.ruleId}`)}`,
    ].join(',');
    // GitHub shows the message only: the hint and the related locations go into it, one a line.
    const message = (d.hint ? `${t(d.message[lang])}\n${t(d.hint[lang])}` : t(d.message[lang])) + related(d, lang === 'id' ? 'lihat ' : 'see ');
    return `::${COMMAND[d.severity]} ${properties}::${escapeData(message)}`;
  });
  const plain = input.diagnostics.map((d) => `${t(d.file)}:${d.line}:${d.column}: ${d.severity} ${t(d.message[lang])} [${d.ruleId}]${related(d, '  ')}`);
  const summary = `soplint: ${input.diagnostics.length} finding(s) in ${input.fileCount} file(s)`;
  return [...annotations, ...plain, summary].join('\n') + '\n';
};
