import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

/** An identity sheet declared lost in the source (`Identitas: (hilang)`), reported like every other loss. */
export const lostIdentity: FileRule = {
  meta: {
    id: 'lost/identity',
    description: localized(
      "Lembar identitas yang dinyatakan hilang di sumber ('Identitas: (hilang)').",
      "An identity sheet declared lost in the source ('Identitas: (hilang)').",
    ),
    rationale: localized(
      'Tanpa lembar identitas, nomor, tanggal dan pengesahan SOP tidak diketahui. Itu bukan kesalahan penulis salinan, tetapi pemeriksa perlu melihatnya, sama seperti langkah dan tabel yang hilang.',
      "Without its identity sheet an SOP's number, dates and approval are unknown. That is not the transcriber's fault, but a reviewer needs to see it, as with lost steps and tables.",
    ),
    defaultSeverity: 'info',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      document(document) {
        if (!document.identity.missing) return;
        context.report({
          span: document.identity.identitas?.span ?? { start: 0, end: 0 },
          message: localized('Lembar identitas SOP ini hilang di sumber.', "This SOP's identity sheet is lost in the source."),
          hint: localized('lengkapi lembar identitas dari dokumen asli bila ada', 'fill in the identity sheet from the original document if one exists'),
        });
      },
    };
  },
};
