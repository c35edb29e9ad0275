/**
 * Suppression comments: `# soplint-disable-next-line RULE[, RULE] -- reason` covers the next line
 * that is not blank or a comment (and, when that line starts a step, the whole step);
 * `# soplint-disable RULE -- reason` covers the whole file. They are kept in the AST; the checker
 * gives them meaning (and reports the unused ones).
 */
import { localized, type Localized } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../diagnostics/source.js';
import { readDirective } from '../util/text-scan.js';
import type { Comment, Procedure, SuppressionDirective } from './types.js';

export function readDirectives(
  source: SourceFile,
  comments: Comment[],
  procedures: Procedure[],
  report: (span: Span, message: Localized, hint?: Localized) => void,
): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  for (const comment of comments) {
    const match = readDirective(comment.text.trim());
    if (!match) continue;
    const kind = match[1] === 'soplint-disable-next-line' ? 'next-line' : 'file';
    const ruleIds = (match[2] ?? '').split(/[\s,]+/).filter(Boolean);
    const reason = match[3]?.trim() || null;
    if (ruleIds.length === 0) {
      report(
        comment.span,
        localized(`'${match[1]}' tanpa nama aturan.`, `'${match[1]}' without a rule id.`),
        localized(`mis. '# ${match[1]} step/numbering-gap -- alasan'`, `e.g. '# ${match[1]} step/numbering-gap -- reason'`),
      );
      continue;
    }
    let appliesToLine: number | null = null;
    let appliesToEndLine: number | null = null;
    if (kind === 'next-line') {
      const line = nextCodeLine(source, source.positionAt(comment.span.start).line);
      appliesToLine = line;
      appliesToEndLine = line;
      const step = procedures.flatMap((p) => p.steps).find((s) => source.positionAt(s.span.start).line === line);
      if (step) appliesToEndLine = source.positionAt(step.span.end).line;
    }
    directives.push({ kind, ruleIds, reason, appliesToLine, appliesToEndLine, span: comment.span });
  }
  return directives;
}

function nextCodeLine(source: SourceFile, afterLine: number): number | null {
  for (let line = afterLine + 1; line <= source.lineCount; line++) {
    const text = source.lineText(line).trim();
    if (text && !text.startsWith('#')) return line;
  }
  return null;
}
