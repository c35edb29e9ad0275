/** soplint's library API: the same stages the CLI runs. */
export { parseSop, type ParseResult } from './ast/parse.js';
export { lint, lintFiles, lintTexts, type LintOptions, type LintResult } from './lint.js';
export { lintAndFix, fixTexts, type FixResult } from './fix.js';
export { applyFixes } from './checker/apply-fixes.js';
export { renderJson, toSopJson } from './emit/json.js';
export { loadEmitter, FORMATS, EMITTERS, type Emitter, type RenderInput, withLogo } from './emit/registry.js';
export type { Logo, LogoMediaType } from './io/logo-file.js';
export { FORMATTERS, REPORT_FORMATS } from './format/registry.js';
export type { Formatter, ReportInput } from './format/types.js';
export { formatReport, render } from './report.js';
export {
  applyBaseline,
  applyBaselineScopes,
  createBaseline,
  readBaseline,
  updateBaseline,
  writeBaseline,
  BaselineError,
  type Baseline,
  type BaselineResult,
  type BaselineScope,
} from './baseline.js';
export { buildFlowGraph } from './resolve/flow-graph.js';
export { ALL_RULES, findRule } from './rules/index.js';
export { defaultConfig, loadConfigFile, NearestConfigs, type ConfigLookup } from './configuration.js';
export type { SopDocument, Step, Procedure } from './ast/types.js';
export type { Diagnostic, Fix, Severity, Localized } from './diagnostics/diagnostic.js';
