/**
 * The ids of the findings that the pipeline itself reports (syntax, files, suppressions, baseline,
 * a failing rule), in one place for every layer: the lexer and parser below the rules use them as
 * much as the engine does. Their descriptions are in src/rules/builtin-findings.ts.
 */
export const PIPELINE_FINDING = {
  syntaxError: 'syntax/error',
  misplacedLine: 'syntax/misplaced-line',
  duplicateField: 'syntax/duplicate-field',
  invalidValue: 'syntax/invalid-value',
  unknownLabel: 'syntax/unknown-label',
  partlyLost: 'syntax/partly-lost',
  unusedSuppression: 'suppression/unused',
  suppressionWithoutReason: 'suppression/missing-reason',
  staleBaseline: 'baseline/stale',
  unreadableFile: 'io/unreadable',
  encoding: 'io/encoding',
  tooLarge: 'io/too-large',
  ruleError: 'internal/rule-error',
} as const;

export type PipelineFindingId = (typeof PIPELINE_FINDING)[keyof typeof PIPELINE_FINDING];
