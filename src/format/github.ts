/**
 * GitHub Actions workflow commands: one annotation per finding, then the full list as plain lines,
 * because GitHub shows only about ten annotations of each kind per step.
 */
import type { Severity } from '../diagnostics/diagnostic.js';
import { relatedLines } from './related.js';
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
  const annotations = input.diagnostics.map((d) => {
    const properties = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `endLine=${d.endLine}`,
      `endColumn=${d.endColumn}`,
      `title=${escapeProperty(`soplint ${d.ruleId}`)}`,
    ].join(',');
    // GitHub shows the message only: the hint and the related locations go into it, one a line.
    const message = (d.hint ? `${d.message[lang]}\n${d.hint[lang]}` : d.message[lang]) + relatedLines(d, lang, lang === 'id' ? 'lihat ' : 'see ');
    return `::${COMMAND[d.severity]} ${properties}::${escapeData(message)}`;
  });
  const plain = input.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message[lang]} [${d.ruleId}]${relatedLines(d, lang, '  ')}`);
  const summary = `soplint: ${input.diagnostics.length} finding(s) in ${input.fileCount} file(s)`;
  return [...annotations, ...plain, summary].join('\n') + '\n';
};
