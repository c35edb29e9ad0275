import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

/**
 * Steps declared lost in the source (`Hilang: 12-?`). Not the author's fault, but a reviewer must see
 * everywhere the document is incomplete, and a flow that runs into a lost range ends there unseen.
 */
export const lostSteps: FileRule = {
  meta: {
    id: 'lost/steps',
    description: localized("Langkah yang dinyatakan hilang di sumber ('Hilang: 12-?').", "Steps declared lost in the source ('Hilang: 12-?')."),
    rationale: localized(
      'Halaman yang hilang tidak boleh lenyap dari laporan: pemeriksa perlu tahu di mana dokumen tidak lengkap, dan alur yang berakhir di rentang yang hilang tidak dapat diperiksa sampai selesai.',
      'Lost pages must not vanish from the report: a reviewer needs to know where the document is incomplete, and a flow that ends in a lost range cannot be checked to its end.',
    ),
    defaultSeverity: 'info',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(procedure) {
        const title = procedure.title?.text ?? '';
        for (const lost of procedure.missing) {
          const range = lost.to === null ? `${lost.from}-?` : lost.from === lost.to ? `${lost.from}` : `${lost.from}-${lost.to}`;
          const one = lost.to !== null && lost.from === lost.to;
          const toTheEnd = lost.to === null || !procedure.steps.some((s) => s.number !== null && s.number > lost.to!);
          const where = title ? localized(` dalam '${title}'`, ` in '${title}'`) : localized('', '');
          context.report({
            span: lost.span,
            message: toTheEnd
              ? localized(
                  `Langkah ${range}${where.id} hilang di sumber; alur prosedur berakhir di bagian yang hilang, jadi akhirnya tidak dapat diperiksa.`,
                  `Step${one ? '' : 's'} ${range}${where.en} ${one ? 'is' : 'are'} lost in the source; the procedure's flow ends in the lost part, so its end cannot be checked.`,
                )
              : localized(
                  `Langkah ${range}${where.id} hilang di sumber.`,
                  `Step${one ? '' : 's'} ${range}${where.en} ${one ? 'is' : 'are'} lost in the source.`,
                ),
            hint: localized('lengkapi dari dokumen asli bila halamannya ditemukan', 'complete it from the original document if the pages are found'),
          });
        }
      },
    };
  },
};
