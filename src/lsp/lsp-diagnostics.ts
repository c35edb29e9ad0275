/** soplint findings in the LSP's form, and what their form depends on. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Language } from '../diagnostics/diagnostic.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';
import type { ConfigError } from '../configuration.js';
import { docsLink } from './document-paths.js';

/** Where a finding's fix lives on the LSP diagnostic (`data`), for code actions. */
export interface FindingData {
  ruleId: string;
  fix?: { range: Range; newText: string };
}

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A finding as the editor shows it; `uriOfFile` turns a related location's file into a URI. */
export function toLspDiagnostic(d: Diagnostic, doc: TextDocument, language: Language, uriOfFile: (file: string) => string): LspDiagnostic {
  const data: FindingData = { ruleId: d.ruleId };
  if (d.fix) data.fix = { range: { start: doc.positionAt(d.fix.offset), end: doc.positionAt(d.fix.endOffset) }, newText: d.fix.text };
  const lsp: LspDiagnostic = {
    range: { start: doc.positionAt(d.offset), end: doc.positionAt(d.endOffset) },
    severity: SEVERITY[d.severity],
    source: 'soplint',
    code: d.ruleId,
    message: d.hint ? `${d.message[language]}\n= ${d.hint[language]}` : d.message[language],
    data,
  };
  const link = docsLink(d.ruleId);
  if (link) lsp.codeDescription = { href: link };
  if (d.ruleId === PIPELINE_FINDING.unusedSuppression) lsp.tags = [DiagnosticTag.Unnecessary];
  if (d.related?.length) {
    lsp.relatedInformation = d.related.map((r) => ({
      location: {
        uri: uriOfFile(r.file),
        range: { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } },
      },
      message: r.message[language],
    }));
  }
  return lsp;
}

/** A configuration error at its line, or nothing when the configuration reads. */
export function configDiagnostics(error: ConfigError | undefined): LspDiagnostic[] {
  if (!error) return [];
  const at = { line: error.line - 1, character: Math.max(0, error.column - 1) };
  return [{ range: { start: at, end: at }, severity: DiagnosticSeverity.Error, source: 'soplint', message: error.message }];
}

/** What a finding's LSP form depends on, to tell whether a file's findings changed. */
export const findingKey = (d: Diagnostic) =>
  `${d.ruleId} ${d.severity} ${d.offset} ${d.endOffset} ${d.message.en} ${d.hint?.en ?? ''} ${d.fix ? `${d.fix.offset} ${d.fix.endOffset} ${d.fix.text}` : ''} ${d.related?.map((r) => `${r.file}:${r.line}:${r.column}`).join(',') ?? ''}`;

export function within(range: Range, position: { line: number; character: number }): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}
