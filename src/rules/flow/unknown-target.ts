import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

/** A flow whose target the source has lost: 'Lanjut: ?' or 'Tidak -> ?'. Listed, not blamed. */
export const unknownTarget: FileRule = {
  meta: {
    id: 'flow/unknown-target',
    description: localized("Tujuan alur yang hilang di sumber ('Lanjut: ?', 'Tidak -> ?').", "A flow target the source has lost ('Lanjut: ?', 'Tidak -> ?')."),
    rationale: localized(
      'Dokumen yang rusak atau terpotong kadang tidak menunjukkan ke mana alur sebuah langkah pergi. Itu bukan kesalahan penyalin: laporan mendaftar apa yang tidak ada di sumber, agar dapat dilengkapi dari dokumen aslinya.',
      "A damaged or cut source sometimes does not show where a step goes. That is not the transcriber's defect: the report lists what the source lacks, so that it can be completed from the original document.",
    ),
    defaultSeverity: 'info',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      step({ step, index, graph }) {
        for (const terminal of graph.terminalsOf[index]) {
          if (terminal.kind !== 'unknown') continue;
          const number = step.number ?? '?';
          const where =
            terminal.via === 'exit'
              ? localized(`cabang '${terminal.label ?? ''}' langkah ${number}`, `the exit '${terminal.label ?? ''}' of step ${number}`)
              : localized(`langkah ${number}`, `step ${number}`);
          context.report({
            span: terminal.span,
            message: localized(
              `Sumber tidak menunjukkan ke mana ${where.id} berlanjut (ditulis '?').`,
              `The source does not show where ${where.en} goes next (written '?').`,
            ),
            hint: localized(
              "bila dokumen aslinya dapat dibaca, tulis nomor langkah tujuannya atau 'selesai'",
              "when the original document can be read, write the target step's number or 'selesai'",
            ),
          });
        }
      },
    };
  },
};
