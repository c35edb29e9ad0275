/**
 * One walk over a document calls every enabled file rule's visitors. A rule that throws becomes an
 * `internal/rule-error` finding and the walk goes on with the other rules.
 */
import type { SopDocument } from '../ast/types.js';
import { diagnosticAt, localized, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/source.js';
import type { CheckSettings, FileRule, FileRuleContext, FileVisitors } from '../rules/rule.js';
import type { FileSymbols } from '../resolve/resolve.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';
import { currentTimings } from '../util/timing.js';

export interface EnabledFileRule {
  rule: FileRule;
  severity: Severity;
  options: Record<string, unknown>;
}

export function walkDocument(document: SopDocument, source: SourceFile, symbols: FileSymbols, rules: EnabledFileRule[], settings: CheckSettings): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Each kind of visitor in a list of its own, made once per document: a step is then handed only to
  // the rules that visit steps, without asking each rule of the run whether it does.
  const visiting: { [K in keyof FileVisitors]-?: { id: string; visit: NonNullable<FileVisitors[K]> }[] } = { document: [], procedure: [], step: [] };
  const failed = new Set<string>();
  const internalError = (ruleId: string, error: unknown) =>
    !failed.has(ruleId) &&
    failed.add(ruleId) &&
    diagnostics.push(
      diagnosticAt(
        source,
        { start: 0, end: 0 },
        {
          ruleId: PIPELINE_FINDING.ruleError,
          severity: 'error',
          message: localized(`Aturan ${ruleId} gagal: ${String(error)}`, `The rule ${ruleId} failed: ${String(error)}`),
          hint: localized('ini kesalahan soplint, bukan berkas Anda; laporkan', 'this is a bug in soplint, not in your file; please report it'),
        },
      ),
    );
  // SOPLINT_TIMING: each visitor wrapped in a timer; off, the visitors are called as they are.
  const timings = currentTimings();
  const timed = <F extends (...args: never[]) => void>(id: string, visit: F): F => (timings ? timings.rule(id, visit) : visit);
  for (const { rule, severity, options } of rules) {
    try {
      const context: FileRuleContext = {
        document,
        source,
        symbols,
        options: { ...rule.meta.defaultOptions, ...options },
        settings,
        report: ({ span, message, hint, related, fix }) =>
          diagnostics.push(
            diagnosticAt(source, span, {
              ruleId: rule.meta.id,
              severity,
              message,
              hint,
              related: related?.map((r) => ({ source, span: r.span, message: r.message })),
              fix: rule.meta.fixable ? fix : undefined,
            }),
          ),
      };
      const visitors = timings ? timings.measureRule(rule.meta.id, () => rule.create(context)) : rule.create(context);
      if (visitors.document) visiting.document.push({ id: rule.meta.id, visit: timed(rule.meta.id, visitors.document) });
      if (visitors.procedure) visiting.procedure.push({ id: rule.meta.id, visit: timed(rule.meta.id, visitors.procedure) });
      if (visitors.step) visiting.step.push({ id: rule.meta.id, visit: timed(rule.meta.id, visitors.step) });
    } catch (error) {
      internalError(rule.meta.id, error);
    }
  }
  const call = <K extends keyof FileVisitors>(key: K, ...args: Parameters<NonNullable<FileVisitors[K]>>) => {
    for (const { id, visit } of visiting[key]) {
      try {
        (visit as (...a: unknown[]) => void)(...args);
      } catch (error) {
        internalError(id, error);
      }
    }
  };
  call('document', document);
  for (const resolved of symbols.procedures) {
    call('procedure', resolved.procedure, resolved.graph);
    if (visiting.step.length === 0) continue;
    resolved.procedure.steps.forEach((step, index) => call('step', { step, index, procedure: resolved.procedure, graph: resolved.graph }));
  }
  return diagnostics;
}
