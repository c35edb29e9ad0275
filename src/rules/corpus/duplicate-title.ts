import { localized } from '../../diagnostics/diagnostic.js';
import type { CorpusRule } from '../rule.js';
import type { IndexEntry } from '../../resolve/corpus-index.js';
import { normalizeWords } from '../../util/similarity.js';

/** Two SOPs of the corpus with the same title. */
export const duplicateTitle: CorpusRule = {
  meta: {
    id: 'corpus/duplicate-title',
    description: localized('Dua SOP dengan judul yang sama.', 'Two SOPs with the same title.'),
    rationale: localized(
      'SOP dirujuk dengan judulnya ("SOP Surat Keluar"); dua SOP berjudul sama membuat rujukan ambigu.',
      'SOPs are referred to by title ("SOP Surat Keluar"); two SOPs with the same title make references ambiguous.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'corpus',
    fixable: false,
  },
  check(context) {
    const first = new Map<string, IndexEntry>();
    for (const entry of context.index.entries) {
      if (!entry.title) continue;
      const key = normalizeWords(entry.title.text);
      const previous = first.get(key);
      if (!previous) {
        first.set(key, entry);
        continue;
      }
      context.report({
        file: entry.file,
        location: entry.title.location,
        message: localized(
          `Judul '${entry.title.text}' sudah dipakai oleh ${previous.file}.`,
          `The title '${entry.title.text}' is already used by ${previous.file}.`,
        ),
        hint: localized('bedakan judulnya, atau gabungkan kedua SOP', 'make the titles distinct, or merge the two SOPs'),
        related: [{ file: previous.file, location: previous.title!.location, message: localized('judul yang sama di sini', 'the same title here') }],
      });
    }
  },
};
