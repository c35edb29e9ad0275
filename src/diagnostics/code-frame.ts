/**
 * Human output in the actionlint style:
 *   sops/x.sop:14:9: error <message> [rule-id]
 *      14 |   3. [kasubid] Memeriksa ...
 *         |       ^~~~~~~~
 *   = did you mean 'kasubbid'?
 * Text from the files (names, messages quoting them, the source line) is shown escaped by
 * terminalText: a .sop file cannot send escape sequences, bell or bidi controls to the terminal.
 */
import type { Diagnostic, Language } from './diagnostic.js';
import type { SourceFile } from './source.js';
import { terminalText } from '../util/terminal-text.js';

export interface Painter {
  location(s: string): string;
  severity(s: string, severity: Diagnostic['severity']): string;
  rule(s: string): string;
  underline(s: string): string;
  hint(s: string): string;
}

export const plainPainter: Painter = {
  location: (s) => s,
  severity: (s) => s,
  rule: (s) => s,
  underline: (s) => s,
  hint: (s) => s,
};

export function formatHeader(d: Diagnostic, language: Language, paint: Painter = plainPainter): string {
  return `${paint.location(`${terminalText(d.file)}:${d.line}:${d.column}:`)} ${paint.severity(d.severity, d.severity)} ${terminalText(d.message[language])} ${paint.rule(`[${d.ruleId}]`)}`;
}

export function formatCodeFrame(d: Diagnostic, source: SourceFile | undefined, language: Language, paint: Painter = plainPainter): string {
  const lines = [formatHeader(d, language, paint)];
  if (source && d.line <= source.lineCount) {
    const { text, before, width } = excerpt(source, d);
    const gutter = String(d.line);
    const pad = ' '.repeat(gutter.length);
    lines.push(` ${gutter} | ${text}`);
    lines.push(` ${pad} | ${' '.repeat(before)}${paint.underline('^' + '~'.repeat(width - 1))}`);
  }
  if (d.hint) lines.push(paint.hint(` = ${terminalText(d.hint[language])}`));
  return lines.join('\n');
}

/**
 * A location's line as shown (tabs as spaces, escaped by terminalText), with where its underline
 * starts and how wide it is: measured on the escaped text, where an escaped character takes 4 or 6
 * columns.
 */
export function excerpt(
  source: SourceFile,
  at: { line: number; column: number; endLine: number; endColumn: number },
): { text: string; before: number; width: number } {
  const raw = source.lineText(at.line).replace(/\t/g, ' ');
  const end = at.endLine === at.line ? Math.max(at.endColumn, at.column + 1) : raw.length + 1;
  const before = terminalText(raw.slice(0, at.column - 1)).length + Math.max(0, at.column - 1 - raw.length);
  const width = Math.max(1, terminalText(raw.slice(at.column - 1, end - 1)).length + Math.max(0, end - Math.max(at.column, raw.length + 1)));
  return { text: terminalText(raw), before, width };
}
