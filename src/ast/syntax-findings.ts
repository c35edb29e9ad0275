/** The ids of the findings the AST builder reports, and how its parts report them. */
import type { Localized } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/source.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';

export const SYNTAX = {
  duplicate: PIPELINE_FINDING.duplicateField,
  invalid: PIPELINE_FINDING.invalidValue,
  misplaced: PIPELINE_FINDING.misplacedLine,
  unknownLabel: PIPELINE_FINDING.unknownLabel,
  partlyLost: PIPELINE_FINDING.partlyLost,
} as const;

/** A fix is given only where the line meant is certain (the hint writes it out). */
export type Report = (span: Span, ruleId: string, message: Localized, hint?: Localized, fix?: { span: Span; text: string }) => void;
