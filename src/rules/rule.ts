/**
 * What a rule is: its metadata beside its code (ESLint's rule format, bpmnlint's one-rule-per-file).
 * A file rule subscribes to node kinds and is called during the one walk over each document; a corpus
 * rule runs once over the corpus index after every file has been read.
 */
import type { Procedure, SopDocument, Step } from '../ast/types.js';
import { BUILTIN_FINDING_IDS, BUILTIN_FINDINGS_ANCHOR } from './builtin-findings.js';
import type { Diagnostic, Fix, Localized, Severity } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../diagnostics/source.js';
import type { FlowGraph } from '../resolve/flow-graph.js';
import type { CorpusIndex, Location } from '../resolve/corpus-index.js';
import type { ReferenceTable } from '../resolve/references.js';
import type { FileSymbols } from '../resolve/resolve.js';

export type Preset = 'recommended' | 'strict';
export type RuleScope = 'file' | 'corpus';

export interface RuleMeta {
  /** Stable, namespaced, kebab-case: also the file name, the docs page and the test folder. */
  id: string;
  /** One line: what the rule finds. */
  description: Localized;
  /** Why it matters to a reviewer of SOPs (the docs page's opening). */
  rationale: Localized;
  defaultSeverity: Severity;
  /** Presets that turn the rule on; `strict` includes everything in `recommended`. */
  presets: Preset[];
  scope: RuleScope;
  /** JSON Schema of the rule's options object, if it has any. */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /** Whether its findings carry a fix that `soplint check --fix` applies (only when the fix is certain). */
  fixable: boolean;
}

export interface Report {
  span: Span;
  message: Localized;
  hint?: Localized;
  related?: { span: Span; message: Localized }[];
  /** Only from a rule whose meta says `fixable: true`. */
  fix?: { span: Span; text: string };
}

export interface FileRuleContext {
  document: SopDocument;
  source: SourceFile;
  symbols: FileSymbols;
  options: Record<string, unknown>;
  settings: CheckSettings;
  report(report: Report): void;
}

export interface StepVisit {
  step: Step;
  index: number;
  procedure: Procedure;
  graph: FlowGraph;
}

export interface FileVisitors {
  document?(document: SopDocument): void;
  procedure?(procedure: Procedure, graph: FlowGraph): void;
  step?(visit: StepVisit): void;
}

export interface FileRule {
  meta: RuleMeta & { scope: 'file' };
  create(context: FileRuleContext): FileVisitors;
}

export interface CorpusReport {
  file: string;
  location: Location;
  message: Localized;
  hint?: Localized;
  related?: { file: string; location: Location; message: Localized }[];
  /** Only from a rule whose meta says `fixable: true`; offsets in `file`. */
  fix?: Fix;
}

export interface CorpusRuleContext {
  index: CorpusIndex;
  /** The book's SOP references resolved against its SOPs and externalSops: built once per book. */
  references: ReferenceTable;
  settings: CheckSettings;
  options: Record<string, unknown>;
  /** Whether the rule is on for this file (per-path overrides). */
  isEnabledFor(file: string): boolean;
  report(report: CorpusReport): void;
}

export interface CorpusRule {
  meta: RuleMeta & { scope: 'corpus' };
  check(context: CorpusRuleContext): void;
}

export type Rule = FileRule | CorpusRule;

/** Project-wide facts the rules need from the configuration. */
export interface CheckSettings {
  /** Names of SOPs that live in other offices' books: references to them resolve. */
  externalSops: string[];
  /** Inputs that come from outside any SOP (RKA, Program Kerja, DPA, ...). */
  externalInputs: string[];
  /**
   * What the image at a path relative to the checked .sop file is, when the file is on disk (the
   * engine gives it; rules read no files). Absent for text checked in memory.
   */
  imageAt?: (relative: string) => 'png' | 'jpeg' | 'svg' | 'other' | 'missing';
}

/** The rule's docs page, relative to the project root (shipped with the package). */
export function docsPath(ruleId: string): string {
  // The pipeline's own findings share one section of the rules index.
  if (BUILTIN_FINDING_IDS.includes(ruleId)) return `docs/rules/README.md#${BUILTIN_FINDINGS_ANCHOR}`;
  return `docs/rules/${ruleId}.md`;
}

export type { Diagnostic };
