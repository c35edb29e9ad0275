import { localized } from '../../diagnostics/diagnostic.js';
import type { CorpusRule } from '../rule.js';
import { vagueReference } from '../../resolve/references.js';

/**
 * A reference that cannot identify one SOP ("SOP SK", "SOP Keuangan"): after "SOP" comes only an
 * abbreviation of a kind of document or a single word. Reported here, once per place, and by no other
 * xref rule: it is not "unresolved" (no title could resolve it), it cannot be declared as an external
 * SOP, and `--fix` never copies it into Keterkaitan.
 */
export const vague: CorpusRule = {
  meta: {
    id: 'xref/vague',
    description: localized(
      'Rujukan SOP yang tidak dapat dikenali (singkatan atau satu kata).',
      'An SOP reference that cannot be identified (an abbreviation or one word).',
    ),
    rationale: localized(
      'Rujukan harus menunjuk satu SOP. "SOP SK" bisa berarti SOP apa pun yang menghasilkan Surat Keputusan, dan "SOP Keuangan" adalah bidang kerja, bukan prosedur: pembaca tidak dapat menemukan SOP yang dimaksud.',
      'A reference must point at one SOP. "SOP SK" could be any SOP that ends in a Surat Keputusan, and "SOP Keuangan" is a field of work, not a procedure: a reader cannot find the SOP meant.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'corpus',
    fixable: false,
  },
  check(context) {
    const table = context.references;
    for (const entry of context.index.entries) {
      if (!context.isEnabledFor(entry.file)) continue;
      for (const ref of entry.references) {
        const vagueness = vagueReference(ref.text);
        // An SOP of the book with that very title (or number) is identified.
        if (!vagueness || table.resolve(ref.text)) continue;
        context.report({
          file: entry.file,
          location: ref.location,
          message:
            vagueness.kind === 'abbreviation'
              ? localized(
                  `'${ref.text}' tidak dapat dikenali: sesudah 'SOP' hanya ada singkatan '${vagueness.word}', yang bisa berarti banyak SOP; diharapkan judul lengkap SOP itu.`,
                  `'${ref.text}' cannot be identified: after 'SOP' comes only the abbreviation '${vagueness.word}', which many SOPs could share; the SOP's full title is expected.`,
                )
              : localized(
                  `'${ref.text}' tidak dapat dikenali: sesudah 'SOP' hanya ada satu kata, '${vagueness.word}', yang menamai bidang kerja, bukan satu prosedur; diharapkan judul lengkap SOP itu.`,
                  `'${ref.text}' cannot be identified: after 'SOP' comes only one word, '${vagueness.word}', which names a field of work, not one procedure; the SOP's full title is expected.`,
                ),
          hint: localized(
            'tulis judul lengkap SOP yang dimaksud seperti tertulis di lembar identitasnya (dan, bila SOP itu milik instansi lain, deklarasikan judul itu di externalSops)',
            "write the full title of the SOP meant, as its identity sheet spells it (and if that SOP is another office's, declare that title in externalSops)",
          ),
        });
      }
    }
  },
};
