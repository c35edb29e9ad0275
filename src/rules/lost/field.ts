import type { FieldValue } from '../../ast/types.js';
import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

const isField = (v: unknown): v is FieldValue => typeof v === 'object' && v !== null && 'label' in v && 'span' in v && 'items' in v;

/**
 * A field or cell declared lost in the source (`Nomor SOP: (hilang)`, `Output: (hilang)`): reported
 * once, at info, like every other declared loss; identity/required-field and mutu-baku/missing-field
 * leave it alone, because the loss is the copy's, not a defect of the office's document.
 */
export const lostField: FileRule = {
  meta: {
    id: 'lost/field',
    description: localized("Kolom yang dinyatakan hilang di sumber ('(hilang)').", "A field or cell declared lost in the source ('(hilang)')."),
    rationale: localized(
      'Kolom yang hilang di salinan bukan kesalahan dokumen kantor, tetapi pemeriksa perlu tahu di mana isinya tidak diketahui. Dilaporkan sekali, sebagai info, bukan sebagai kolom wajib yang kosong.',
      "A field lost in the copy is not a defect of the office's document, but a reviewer needs to know where its content is unknown. Reported once, at info, not as an empty required field.",
    ),
    defaultSeverity: 'info',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    // One finding per place: the identity sheet, or a step (a row whose cells are all lost is one loss).
    const report = (fields: FieldValue[], where: { id: string; en: string }) => {
      if (fields.length === 0) return;
      fields.sort((a, b) => a.span.start - b.span.start);
      const names = fields.map((f) => `'${f.label.text}'`).join(', ');
      const one = fields.length === 1;
      context.report({
        span: { start: fields[0].span.start, end: fields[fields.length - 1].span.end },
        message: localized(
          `Kolom ${names}${where.id} hilang di sumber.`,
          `The field${one ? '' : 's'} ${names}${where.en} ${one ? 'is' : 'are'} lost in the source.`,
        ),
        hint: localized('lengkapi dari dokumen asli bila ditemukan', 'complete it from the original document if it is found'),
      });
    };
    return {
      document(document) {
        if (document.identity.missing) return;
        report(
          Object.values(document.identity)
            .filter(isField)
            .filter((f) => f.marker === 'hilang'),
          { id: ' lembar identitas', en: ' of the identity sheet' },
        );
      },
      step({ step }) {
        const n = step.number ?? '?';
        report(
          Object.values(step)
            .filter(isField)
            .filter((f) => f.marker === 'hilang'),
          { id: ` langkah ${n}`, en: ` of step ${n}` },
        );
      },
    };
  },
};
