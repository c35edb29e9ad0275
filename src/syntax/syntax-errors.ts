/** Lexer and parser errors, worded for the people who write SOPs. */
import type { ILexingError, IRecognitionException } from 'chevrotain';
import { diagnosticAt, localized, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/source.js';
import { decodeParserError } from './parser-messages.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';

export const SYNTAX_ERROR_RULE = PIPELINE_FINDING.syntaxError;

/** Consecutive unexpected characters on one line become one finding. */
export function lexerDiagnostics(errors: ILexingError[], source: SourceFile): Diagnostic[] {
  const merged: { offset: number; length: number }[] = [];
  for (const error of errors) {
    const last = merged[merged.length - 1];
    if (last && last.offset + last.length === error.offset && !/[\r\n]/.test(source.text.slice(error.offset, error.offset + error.length))) {
      last.length += error.length;
    } else merged.push({ offset: error.offset, length: error.length });
  }
  return merged.map(({ offset, length }) => {
    const found = source.text.slice(offset, offset + length).trim();
    return diagnosticAt(
      source,
      { start: offset, end: offset + length },
      {
        ruleId: SYNTAX_ERROR_RULE,
        severity: 'error',
        message: localized(`Teks tak terduga '${found}'.`, `Unexpected text '${found}'.`),
        hint: localized(
          "pada baris 'Keputusan:' tulis cabang seperti 'Ya -> 4, Tidak -> 2'",
          "on a 'Keputusan:' line write exits such as 'Ya -> 4, Tidak -> 2'",
        ),
      },
    );
  });
}

const AFTER: Record<string, [string, string]> = {
  decision: ["setelah 'Keputusan:'", "after 'Keputusan:'"],
  decisionExit: ['pada cabang keputusan', 'in a decision exit'],
  next: ["setelah 'Lanjut:'", "after 'Lanjut:'"],
  flowTarget: ['sebagai tujuan', 'as a target'],
};

const ARROW = "'->'";

export function parserDiagnostics(errors: IRecognitionException[], source: SourceFile): Diagnostic[] {
  return errors.map((error) => {
    const payload = decodeParserError(error.message);
    const token = error.token;
    const atEnd = token.tokenType?.name === 'EOF' || Number.isNaN(token.startOffset);
    const start = atEnd ? source.text.length : token.startOffset;
    const end = atEnd ? source.text.length : token.startOffset + token.image.length;
    const expected = payload?.expected ?? [];
    const found = atEnd ? 'akhir berkas' : `'${token.image.trim()}'`;
    const foundEn = atEnd ? 'the end of the file' : `'${token.image.trim()}'`;
    const [whereId, whereEn] = AFTER[payload?.rule ?? ''] ?? ['', ''];
    const expectedText = expected.join(' / ') || 'text';
    let message = localized(
      `Diharapkan ${expectedText}${whereId ? ' ' + whereId : ''}, ditemukan ${found}.`,
      `Expected ${expectedText}${whereEn ? ' ' + whereEn : ''}, found ${foundEn}.`,
    );
    if (payload?.rule === 'flowTarget' || (expected.includes('a step number') && payload?.kind === 'mismatched')) {
      message = localized(
        `Diharapkan nomor langkah, 'selesai' atau '?' setelah ${ARROW}, ditemukan ${found}.`,
        `Expected a step number, 'selesai' or '?' after ${ARROW}, found ${foundEn}.`,
      );
    } else if (expected.includes(ARROW)) {
      message = localized(
        `Diharapkan ${ARROW} antara label cabang dan nomor langkah, ditemukan ${found}.`,
        `Expected ${ARROW} between the exit label and the step number, found ${foundEn}.`,
      );
    }
    return diagnosticAt(
      source,
      { start, end },
      {
        ruleId: SYNTAX_ERROR_RULE,
        severity: 'error',
        message,
        hint:
          payload?.rule === 'next'
            ? localized(
                "bentuk baris lanjut: 'Lanjut: 14', 'Lanjut: 14, 15', 'Lanjut: selesai' atau 'Lanjut: ?'",
                "a next-step line looks like 'Lanjut: 14', 'Lanjut: 14, 15', 'Lanjut: selesai' or 'Lanjut: ?'",
              )
            : localized("bentuk cabang keputusan: 'Ya -> 4, Tidak -> 2'", "a decision exit looks like 'Ya -> 4, Tidak -> 2'"),
      },
    );
  });
}
