/**
 * Inline suppressions: a finding is dropped when a directive of its file names its rule and covers
 * its line. A directive that suppressed nothing, or that gives no reason, is itself reported.
 */
import type { SuppressionDirective } from '../ast/types.js';
import { localized, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Location } from '../resolve/corpus-index.js';
import { closest } from '../util/similarity.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';

export const UNUSED_DIRECTIVE_RULE = PIPELINE_FINDING.unusedSuppression;
export const MISSING_REASON_RULE = PIPELINE_FINDING.suppressionWithoutReason;

function covers(directive: SuppressionDirective, d: Diagnostic): boolean {
  if (!directive.ruleIds.includes(d.ruleId)) return false;
  if (directive.kind === 'file') return true;
  return directive.appliesToLine !== null && d.line >= directive.appliesToLine && d.line <= (directive.appliesToEndLine ?? directive.appliesToLine);
}

/** Syntax and internal findings cannot be suppressed: they mean the file was not fully read. */
const UNSUPPRESSIBLE = /^(?:syntax|internal|io)\//;
const unsuppressible = (d: Diagnostic) => UNSUPPRESSIBLE.test(d.ruleId);

export function applySuppressions(
  file: string,
  diagnostics: Diagnostic[],
  directives: SuppressionDirective[],
  locations: Location[],
  knownRuleIds: readonly string[],
): { kept: Diagnostic[]; suppressed: Diagnostic[]; directiveFindings: Diagnostic[] } {
  const used = new Set<SuppressionDirective>();
  const kept: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const d of diagnostics) {
    const directive = unsuppressible(d) ? undefined : directives.find((dir) => covers(dir, d));
    if (directive) {
      used.add(directive);
      suppressed.push(d);
    } else kept.push(d);
  }
  const directiveFindings: Diagnostic[] = [];
  const finding = (directive: SuppressionDirective, ruleId: string, message: ReturnType<typeof localized>, hint: ReturnType<typeof localized>) => {
    const location = locations[directives.indexOf(directive)];
    directiveFindings.push({ ruleId, severity: 'warning', message, hint, file, ...location });
  };
  for (const directive of directives) {
    const unknown = directive.ruleIds.filter((id) => !knownRuleIds.includes(id));
    for (const id of unknown) {
      const meant = closest(id, knownRuleIds);
      finding(
        directive,
        UNUSED_DIRECTIVE_RULE,
        localized(`Penekanan menyebut aturan yang tidak dikenal: '${id}'.`, `The suppression names an unknown rule: '${id}'.`),
        meant
          ? localized(`maksudnya '${meant}'?`, `did you mean '${meant}'?`)
          : localized("'soplint rules' menampilkan daftar aturan", "'soplint rules' lists the rules"),
      );
    }
    const known = directive.ruleIds.filter((id) => knownRuleIds.includes(id));
    if (!used.has(directive) && known.length > 0 && known.every((id) => UNSUPPRESSIBLE.test(id))) {
      finding(
        directive,
        UNUSED_DIRECTIVE_RULE,
        localized(
          `Temuan ${known.join(', ')} tidak dapat ditekan: artinya berkas tidak terbaca sepenuhnya.`,
          `${known.join(', ')} findings cannot be suppressed: they mean the file was not fully read.`,
        ),
        localized('perbaiki baris yang ditunjuk temuan itu, lalu hapus komentar ini', 'fix the line that finding points at, then delete this comment'),
      );
    } else if (!used.has(directive) && unknown.length === 0) {
      finding(
        directive,
        UNUSED_DIRECTIVE_RULE,
        localized(
          `Penekanan untuk ${directive.ruleIds.join(', ')} tidak menekan temuan apa pun.`,
          `The suppression of ${directive.ruleIds.join(', ')} suppresses nothing.`,
        ),
        localized('hapus komentar ini, atau periksa nama aturan dan barisnya', 'delete this comment, or check the rule id and the line it applies to'),
      );
    }
    if (!directive.reason) {
      finding(
        directive,
        MISSING_REASON_RULE,
        localized('Penekanan tanpa alasan.', 'A suppression without a reason.'),
        localized("tambahkan alasannya: '-- sumber memang melompati langkah 5'", "add the reason: '-- the source really skips step 5'"),
      );
    }
  }
  return { kept, suppressed, directiveFindings };
}
