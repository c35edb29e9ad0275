/** The ids of the findings the AST builder reports, and how its parts report them. */
import type { Localized } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/source.js';

export const SYNTAX = {
  duplicate: 'syntax/duplicate-field',
  invalid: 'syntax/invalid-value',
  misplaced: 'syntax/misplaced-line',
  unknownLabel: 'syntax/unknown-label',
  partlyLost: 'syntax/partly-lost',
} as const;

/** A fix is given only where the line meant is certain (the hint writes it out). */
export type Report = (span: Span, ruleId: string, message: Localized, hint?: Localized, fix?: { span: Span; text: string }) => void;
