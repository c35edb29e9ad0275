import { localized } from '../../diagnostics/diagnostic.js';
import type { CorpusRule } from '../rule.js';

/** Two SOPs of the corpus with the same number (ignoring the unit code's spelling). */
export const duplicateNumber: CorpusRule = {
  meta: {
    id: 'corpus/duplicate-number',
    description: localized('Dua SOP memakai nomor yang sama.', 'Two SOPs have the same number.'),
    rationale: localized(
      'Nomor SOP adalah kunci rujukan antar-SOP dan arsip; nomor ganda membuat rujukan ambigu.',
      'The SOP number is the key that other SOPs and the archive refer to; a duplicate makes references ambiguous.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'corpus',
    fixable: false,
  },
  check(context) {
    const first = new Map<string, { file: string; text: string; location: import('../../resolve/corpus-index.js').Location }>();
    for (const entry of context.index.entries) {
      if (!entry.numberDigits || !entry.number) continue;
      const previous = first.get(entry.numberDigits);
      if (!previous) {
        first.set(entry.numberDigits, { file: entry.file, text: entry.number.text, location: entry.number.location });
        continue;
      }
      context.report({
        file: entry.file,
        location: entry.number.location,
        message: localized(
          `Nomor ${entry.number.text} sudah dipakai oleh ${previous.file} (${previous.text}).`,
          `The number ${entry.number.text} is already used by ${previous.file} (${previous.text}).`,
        ),
        hint: localized('beri SOP ini nomor yang belum dipakai', 'give this SOP a number that is not taken'),
        related: [{ file: previous.file, location: previous.location, message: localized('pertama dipakai di sini', 'first used here') }],
      });
    }
  },
};
