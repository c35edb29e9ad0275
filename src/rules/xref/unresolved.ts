import { localized } from '../../diagnostics/diagnostic.js';
import type { CorpusRule } from '../rule.js';
import { referenceParts, vagueReference } from '../../resolve/references.js';

/**
 * A reference that should resolve in the book and does not: a misspelling of one of its names ("SOP
 * Pembentukn Tim"), or a number with the book's own unit code that no SOP of the book has
 * ("SOP-999/BKBPM"). A name the book simply does not hold is xref/not-in-book's (one info per name),
 * and "SOP SK" is xref/vague's.
 */
export const unresolved: CorpusRule = {
  meta: {
    id: 'xref/unresolved',
    description: localized(
      'Rujukan ke SOP yang salah tulis atau bernomor buku ini tetapi tidak ada.',
      "A reference that misspells a known SOP, or a number of the book's own that no SOP has.",
    ),
    rationale: localized(
      'Rujukan "SOP ..." harus menunjuk SOP yang ada. Nama yang hampir sama dengan SOP yang dikenal (di korpus ini atau di externalSops) adalah salah tulis; nomor dengan kode unit buku ini yang tidak dimiliki SOP mana pun menunjuk SOP yang tidak ada.',
      'An "SOP ..." reference must point at an SOP that exists. A name a few letters from a known SOP (of this corpus, or declared in externalSops) is a misspelling; a number with the book\'s own unit code that no SOP of the book has points at nothing.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'corpus',
    fixable: false,
  },
  check(context) {
    const table = context.references;
    const unitCodes = new Set(context.index.entries.flatMap((e) => (e.unitCode ? [e.unitCode.text.toUpperCase()] : [])));
    for (const entry of context.index.entries) {
      if (!context.isEnabledFor(entry.file)) continue;
      for (const ref of entry.references) {
        // "SOP SK" is xref/vague's: no title could resolve it.
        if (table.resolve(ref.text) || vagueReference(ref.text)) continue;
        const meant = table.nearMiss(ref.text);
        const ownNumber = !meant && ownUnitNumber(ref.text, unitCodes);
        if (!meant && !ownNumber) continue;
        context.report({
          file: entry.file,
          location: ref.location,
          message: meant
            ? localized(
                `'${ref.text}' tidak ditemukan di korpus maupun di daftar SOP eksternal; hampir sama dengan '${meant}'.`,
                `'${ref.text}' is neither an SOP of the corpus nor a declared external SOP; it is a near miss of '${meant}'.`,
              )
            : localized(
                `'${ref.text}' memakai kode unit buku ini (${ownNumber}), tetapi tidak ada SOP bernomor itu di korpus.`,
                `'${ref.text}' carries the book's own unit code (${ownNumber}), but no SOP of the corpus has that number.`,
              ),
          hint: meant
            ? localized(`maksudnya '${meant}'?`, `did you mean '${meant}'?`)
            : localized(
                'periksa nomornya pada Nomor SOP yang dirujuk, atau tambahkan berkas SOP itu ke buku',
                "check the number against the referred SOP's Nomor SOP, or add that SOP's file to the book",
              ),
        });
      }
    }
  },
};

/** "SOP-999/BKBPM" in a book whose SOPs are numbered '/BKBPM': the unit code, else undefined. */
function ownUnitNumber(text: string, unitCodes: Set<string>): string | undefined {
  if (referenceParts(text).number === undefined) return undefined;
  const code = /\/([^\s/]+)\s*$/.exec(text.trim())?.[1]?.toUpperCase();
  return code && unitCodes.has(code) ? code : undefined;
}
