import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

/** A procedure table declared lost in the source (`Prosedur: (hilang)`). */
export const lostProcedure: FileRule = {
  meta: {
    id: 'lost/procedure',
    description: localized(
      "Tabel prosedur yang dinyatakan hilang di sumber ('Prosedur: (hilang)').",
      "A procedure table declared lost in the source ('Prosedur: (hilang)').",
    ),
    rationale: localized(
      'SOP tanpa tabel prosedur tidak dapat diperiksa alurnya; laporan menyebutnya agar tidak ada yang mengira SOP itu lengkap.',
      'An SOP without its procedure table has no flow to check; the report says so, so that nobody takes the SOP for complete.',
    ),
    defaultSeverity: 'info',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(procedure) {
        if (procedure.titleMarker !== 'hilang') return;
        const some = procedure.steps.length > 0;
        context.report({
          span: procedure.labelSpan,
          message: some
            ? localized('Judul tabel prosedur ini hilang di sumber.', "This procedure table's title is lost in the source.")
            : localized(
                'Tabel prosedur ini hilang di sumber: tidak ada langkah yang dapat diperiksa.',
                'This procedure table is lost in the source: there are no steps to check.',
              ),
          hint: localized('lengkapi dari dokumen asli bila halamannya ditemukan', 'complete it from the original document if the pages are found'),
        });
      },
    };
  },
};
