/** Quick fixes from the findings' fix edits, and "fix all" as one pass of `soplint check --fix`. */
import { type CodeAction, CodeActionKind, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes } from '../checker/apply-fixes.js';
import type { Diagnostic, Language } from '../diagnostics/diagnostic.js';
import type { FindingData } from './lsp-diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.soplint`;

/** A file's findings and the text they were found in. */
export interface CheckedText {
  findings: Diagnostic[];
  text: string;
}

/**
 * The actions for the diagnostics the editor asks about; `only` narrows the kinds. `checked` is
 * undefined while the file's findings refer to another text than the open document's.
 */
export function codeActions(
  uri: string,
  diagnostics: LspDiagnostic[],
  only: string[] | undefined,
  checked: CheckedText | undefined,
  language: Language,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of diagnostics) {
      const data = d.data as FindingData | undefined;
      if (d.source !== 'soplint' || !data?.fix) continue;
      actions.push({
        title: data.fix.newText
          ? `soplint: ${language === 'id' ? 'perbaiki' : 'fix'} (${data.ruleId})`
          : `soplint: ${language === 'id' ? 'hapus' : 'remove'} (${data.ruleId})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: data.fix.range, newText: data.fix.newText }] } },
      });
    }
  }
  const all = checked && fixAll(uri, checked);
  if (all && (wants(FIX_ALL_KIND) || (wants(CodeActionKind.QuickFix) && actions.length && all.length > 1))) {
    actions.push({
      title: language === 'id' ? `soplint: perbaiki semua yang bisa diperbaiki (${all.length})` : `soplint: fix all auto-fixable problems (${all.length})`,
      kind: wants(FIX_ALL_KIND) && only ? FIX_ALL_KIND : CodeActionKind.QuickFix,
      edit: { changes: { [uri]: all } },
    });
  }
  return actions;
}

/** Every fix of a file's findings that can be applied together. */
function fixAll(uri: string, { findings, text }: CheckedText): TextEdit[] | undefined {
  const fixes = findings.flatMap((d) => (d.fix ? [d.fix] : []));
  if (fixes.length === 0) return undefined;
  const doc = TextDocument.create(uri, 'sop', 0, text);
  return applyFixes(text, fixes).applied.map((f) => ({
    range: { start: doc.positionAt(f.offset), end: doc.positionAt(f.endOffset) },
    newText: f.text,
  }));
}
