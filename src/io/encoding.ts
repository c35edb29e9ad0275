/** Text that did not decode: a file saved in another encoding than UTF-8 (Windows-1252, Latin-1). */
import { diagnosticAt, localized, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/source.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';

export const ENCODING_RULE = PIPELINE_FINDING.encoding;

/**
 * Node decodes the bytes that are not UTF-8 as U+FFFD; the first one is reported (with how many more
 * there are), so the author knows to re-save the file before reading any other finding about its words.
 */
export function encodingDiagnostics(source: SourceFile): Diagnostic[] {
  const first = source.text.indexOf('\uFFFD');
  if (first < 0) return [];
  let count = 0;
  for (let at = first; at >= 0; at = source.text.indexOf('\uFFFD', at + 1)) count++;
  const more = count > 1 ? localized(` (dan ${count - 1} lagi)`, ` (and ${count - 1} more)`) : localized('', '');
  return [
    diagnosticAt(
      source,
      { start: first, end: first + 1 },
      {
        ruleId: ENCODING_RULE,
        severity: 'error',
        message: localized(
          `Berkas ini bukan UTF-8: diharapkan teks UTF-8, ditemukan karakter yang tidak terbaca${more.id}.`,
          `This file is not UTF-8: UTF-8 text is expected, an unreadable character was found${more.en}.`,
        ),
        hint: localized(
          'simpan ulang berkas sebagai UTF-8 (mis. di Notepad: Simpan Sebagai, Pengodean: UTF-8), lalu periksa huruf yang rusak',
          'save the file again as UTF-8 (e.g. in Notepad: Save As, Encoding: UTF-8), then check the damaged letters',
        ),
      },
    ),
  ];
}
