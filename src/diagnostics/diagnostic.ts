/**
 * One model for every finding, from a syntax error to a corpus-wide rule: a rule id, a severity word,
 * a message in Indonesian and English, a location, and optionally a hint and related locations.
 */
import type { SourceFile, Span } from './source.js';
import { ownCopy } from '../util/own-copy.js';

export type Severity = 'error' | 'warning' | 'info';
export type Language = 'id' | 'en';

/** A message in both languages the users read. */
export interface Localized {
  id: string;
  en: string;
}

export function localized(id: string, en: string): Localized {
  return { id, en };
}

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: Localized;
}

/** An edit that resolves a finding: the text at [offset, endOffset) of its file becomes `text`. */
export interface Fix {
  offset: number;
  endOffset: number;
  text: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: Localized;
  hint?: Localized;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into the file, for code frames and fixes. */
  offset: number;
  endOffset: number;
  related?: RelatedLocation[];
  /** Set for a finding that `soplint check --fix` can resolve by itself. */
  fix?: Fix;
}

export interface DiagnosticInit {
  ruleId: string;
  severity: Severity;
  message: Localized;
  hint?: Localized;
  related?: { source: SourceFile; span: Span; message: Localized }[];
  /** The replacement for `span` (of the same source) that resolves the finding. */
  fix?: { span: Span; text: string };
}

export function diagnosticAt(source: SourceFile, span: Span, init: DiagnosticInit): Diagnostic {
  const start = source.positionAt(span.start);
  const end = source.positionAt(Math.max(span.end, span.start));
  const diagnostic: Diagnostic = {
    ruleId: init.ruleId,
    severity: init.severity,
    message: ownLocalized(init.message),
    file: source.path,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: span.start,
    endOffset: Math.max(span.end, span.start),
  };
  if (init.hint) diagnostic.hint = ownLocalized(init.hint);
  if (init.fix) diagnostic.fix = { offset: init.fix.span.start, endOffset: init.fix.span.end, text: ownCopy(init.fix.text) };
  if (init.related?.length) {
    diagnostic.related = init.related.map((r) => {
      const rs = r.source.positionAt(r.span.start);
      const re = r.source.positionAt(r.span.end);
      return { file: r.source.path, line: rs.line, column: rs.column, endLine: re.line, endColumn: re.column, message: ownLocalized(r.message) };
    });
  }
  return diagnostic;
}

/** A finding about a whole file (it cannot be read, a baseline entry went stale): placed at 1:1. */
export function fileDiagnostic(file: string, init: Omit<DiagnosticInit, 'related'>): Diagnostic {
  const diagnostic: Diagnostic = {
    ruleId: init.ruleId,
    severity: init.severity,
    message: init.message,
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    offset: 0,
    endOffset: 0,
  };
  if (init.hint) diagnostic.hint = init.hint;
  return diagnostic;
}

/** Messages quote the source; a finding outlives its file's text (see ownCopy). */
const ownLocalized = (message: Localized): Localized => ({ id: ownCopy(message.id), en: ownCopy(message.en) });

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Deterministic order: file, line, column, rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
  );
}

export function text(message: Localized, language: Language): string {
  return message[language];
}
