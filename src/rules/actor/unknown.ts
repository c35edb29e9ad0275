import { localized } from '../../diagnostics/diagnostic.js';
import { UNKNOWN_ACTOR_ID } from '../../ast/types.js';
import type { FileRule } from '../rule.js';

/** A step whose actor the source does not let anyone read: '[?]'. Listed, not blamed. */
export const unknownActor: FileRule = {
  meta: {
    id: 'actor/unknown',
    description: localized("Pelaksana langkah yang tidak terbaca di sumber ('[?]').", "A step's actor that cannot be read in the source ('[?]')."),
    rationale: localized(
      'Pada pindaian atau salinan teks, simbol bagan sering hilang sehingga kolom pelaksana sebuah langkah tidak diketahui. Itu dinyatakan dengan [?], bukan ditebak; laporan mendaftarnya agar dapat dilengkapi dari dokumen aslinya.',
      "In scans and text copies the chart's symbols are often lost, so a step's actor column is unknown. That is said with [?], not guessed; the report lists it so that it can be completed from the original document.",
    ),
    defaultSeverity: 'info',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      step({ step, procedure }) {
        const ref = step.actors.find((a) => a.id === UNKNOWN_ACTOR_ID);
        if (!ref) return;
        const ids = procedure.actors.map((a) => a.id).join(', ');
        const known = step.actors.filter((a) => a.id !== UNKNOWN_ACTOR_ID).map((a) => a.id);
        context.report({
          span: ref.span,
          message: localized(
            `Pelaksana langkah ${step.number ?? '?'} tidak terbaca di sumber (ditulis [?])${known.length ? `; yang terbaca: ${known.join(', ')}` : ''}.`,
            `The actor of step ${step.number ?? '?'} cannot be read in the source (written [?])${known.length ? `; the ones read: ${known.join(', ')}` : ''}.`,
          ),
          hint: ids
            ? localized(`bila dokumen aslinya dapat dibaca, tulis id kolomnya: ${ids}`, `when the original document can be read, write its column's id: ${ids}`)
            : localized(
                "bila dokumen aslinya dapat dibaca, tambahkan kolom di bawah 'Pelaksana:' dan tulis id-nya",
                "when the original document can be read, add the column under 'Pelaksana:' and write its id",
              ),
        });
      },
    };
  },
};
