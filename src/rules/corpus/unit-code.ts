import { localized } from '../../diagnostics/diagnostic.js';
import type { CorpusRule } from '../rule.js';

/** The unit code in the SOP numbers spelled more than one way (BKBPM, BKBMP, BKBPMP). */
export const unitCode: CorpusRule = {
  meta: {
    id: 'corpus/unit-code',
    description: localized('Kode unit pada Nomor SOP ditulis dengan lebih dari satu ejaan.', 'The unit code of the SOP numbers is spelled more than one way.'),
    rationale: localized(
      'Kode unit adalah bagian tetap dari nomor surat dinas; ejaan yang berbeda (BKBPM/BKBMP) membuat arsip dan rujukan tidak konsisten.',
      'The unit code is a fixed part of an official number; different spellings (BKBPM/BKBMP) make the archive and references inconsistent.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'corpus',
    fixable: true,
  },
  check(context) {
    const counts = new Map<string, number>();
    const withCode = context.index.entries.filter((e) => e.unitCode);
    for (const entry of withCode) counts.set(entry.unitCode!.text, (counts.get(entry.unitCode!.text) ?? 0) + 1);
    if (counts.size < 2) return;
    // The most used spelling is taken as the intended one; a tie goes to the one seen first.
    const [major, runnerUp] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    // Fixed only when the corpus itself settles the spelling; a tie is the author's call.
    const certain = major[1] > runnerUp[1];
    const summary = [...counts.entries()].map(([code, n]) => `${code} (${n})`).join(', ');
    for (const entry of withCode) {
      const code = entry.unitCode!;
      if (code.text === major[0]) continue;
      context.report({
        file: entry.file,
        location: code.location,
        message: localized(
          `Kode unit '${code.text}' berbeda dari ejaan yang paling banyak dipakai, '${major[0]}'; ejaan di korpus: ${summary}.`,
          `The unit code '${code.text}' differs from the most used spelling, '${major[0]}'; spellings in the corpus: ${summary}.`,
        ),
        hint: localized(`tulis '${major[0]}'`, `write '${major[0]}'`),
        fix: certain ? { offset: code.location.offset, endOffset: code.location.endOffset, text: major[0] } : undefined,
      });
    }
  },
};
