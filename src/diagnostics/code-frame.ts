/**
 * Human output in the actionlint style:
 *   sops/x.sop:14:9: error <message> [rule-id]
 *      14 |   3. [kasubid] Memeriksa ...
 *         |       ^~~~~~~~
 *   = did you mean 'kasubbid'?
 */
import type { Diagnostic, Language } from './diagnostic.js';
import type { SourceFile } from './source.js';

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
  return `${paint.location(`${d.file}:${d.line}:${d.column}:`)} ${paint.severity(d.severity, d.severity)} ${d.message[language]} ${paint.rule(`[${d.ruleId}]`)}`;
}

export function formatCodeFrame(d: Diagnostic, source: SourceFile | undefined, language: Language, paint: Painter = plainPainter): string {
  const lines = [formatHeader(d, language, paint)];
  if (source && d.line <= source.lineCount) {
    const lineText = source.lineText(d.line).replace(/\t/g, ' ');
    const gutter = String(d.line);
    const pad = ' '.repeat(gutter.length);
    const width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, lineText.length - d.column + 1);
    lines.push(` ${gutter} | ${lineText}`);
    lines.push(` ${pad} | ${' '.repeat(d.column - 1)}${paint.underline('^' + '~'.repeat(width - 1))}`);
  }
  if (d.hint) lines.push(paint.hint(` = ${d.hint[language]}`));
  return lines.join('\n');
}
