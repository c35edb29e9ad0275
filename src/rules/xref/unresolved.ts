import { localized } from '../../diagnostics/diagnostic.js';
import type { CorpusRule } from '../rule.js';

/** A reference to an SOP that is neither in the corpus nor a declared external SOP. */
export const unresolved: CorpusRule = {
  meta: {
    id: 'xref/unresolved',
    description: localized('Rujukan ke SOP yang tidak dikenal.', 'A reference to an unknown SOP.'),
    rationale: localized(
      'Rujukan "SOP ..." harus menunjuk SOP yang ada: di korpus ini, atau SOP instansi lain yang dideklarasikan di konfigurasi (externalSops).',
      'An "SOP ..." reference must point at an SOP that exists: in this corpus, or another office\'s SOP declared in the configuration (externalSops).',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'corpus',
    fixable: false,
  },
  check(context) {
    const table = context.references;
    for (const entry of context.index.entries) {
      if (!context.isEnabledFor(entry.file)) continue;
      for (const ref of entry.references) {
        if (table.resolve(ref.text)) continue;
        const suggestion = table.suggest(ref.text);
        context.report({
          file: entry.file,
          location: ref.location,
          message: localized(
            `'${ref.text}' tidak ditemukan di korpus maupun di daftar SOP eksternal.`,
            `'${ref.text}' is neither an SOP of the corpus nor a declared external SOP.`,
          ),
          hint: suggestion
            ? localized(`maksudnya '${suggestion}'?`, `did you mean '${suggestion}'?`)
            : localized(
                `tambahkan '${ref.text}' ke externalSops di .soplintrc.yaml bila SOP itu milik instansi lain`,
                `add '${ref.text}' to externalSops in .soplintrc.yaml if it is another office's SOP`,
              ),
        });
      }
    }
  },
};
