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
import { type StreamingFormatter, wholeReport } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value (file, title): also ':' and ','. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Two passes over the findings: the annotations, then the plain lines; then the summary. */
export const githubStreaming: StreamingFormatter = {
  passes: 2,
  start(head, write) {
    const lang = head.language;
    const t = terminalText;
    const related = (d: Diagnostic, prefix: string) => (d.related ?? []).map((r) => `\n${prefix}${t(relatedLine(r, lang))}`).join('');
    const annotation = (d: Diagnostic) => {
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
    };
    const plain = (d: Diagnostic) => `${t(d.file)}:${d.line}:${d.column}: ${d.severity} ${t(d.message[lang])} [${d.ruleId}]${related(d, '  ')}`;
    return {
      findings(batch, pass) {
        for (const d of batch) write(`${pass === 0 ? annotation(d) : plain(d)}\n`);
      },
      end() {
        write(`soplint: ${head.totals.findings} finding(s) in ${head.fileCount} file(s)\n`);
      },
    };
  },
};

export const githubFormatter = wholeReport(githubStreaming);
