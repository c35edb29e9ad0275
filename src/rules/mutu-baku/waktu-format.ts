import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import { TIME_UNITS } from '../../ast/values.js';
import { suggestDuration } from '../../ast/value-suggestions.js';
import { isPartlyLost, writtenAsIs } from '../../ast/values.js';

/** A Waktu that is not a number and a unit, "Seketika" or "Menyesuaikan". */
export const waktuFormat: FileRule = {
  meta: {
    id: 'mutu-baku/waktu-format',
    description: localized('Waktu tidak berbentuk angka dan satuan.', 'A Waktu that is not a number and a unit.'),
    rationale: localized(
      'Waktu adalah standar yang diukur; hanya angka dengan satuan yang dapat dijumlahkan menjadi waktu total SOP.',
      "Waktu is a measured standard; only a number with a unit can be summed into the SOP's total time.",
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: true,
  },
  create(context) {
    const valid = [...TIME_UNITS.map((u) => `<angka> ${u}`), 'Seketika', 'Menyesuaikan', '<waktu> (<keterangan>)', '<waktu> / <waktu>'].join(', ');
    return {
      step({ step }) {
        const waktu = step.waktu;
        // A Waktu partly lost in the source ("sesuai lama…") is reported as such (syntax/partly-lost).
        if (!waktu?.text || waktu.duration || isPartlyLost(waktu.text.text)) return;
        // A dash or dots for "nothing" count as an empty cell (mutu-baku/missing-field says so).
        const meant = suggestDuration(waktu.text.text);
        const hint = meant ? localized(`maksudnya '${meant}'?`, `did you mean '${meant}'?`) : localized(`bentuk yang sah: ${valid}`, `valid forms: ${valid}`);
        context.report({
          span: waktu.text.span,
          message: localized(
            `Waktu '${waktu.text.text}' tidak dikenali; diharapkan angka dan satuan (menit, jam, jam kerja, hari, hari kerja, minggu, bulan), 'Seketika' atau 'Menyesuaikan'.`,
            `The Waktu '${waktu.text.text}' is not understood; expected a number and a unit (menit, jam, jam kerja, hari, hari kerja, minggu, bulan), 'Seketika' or 'Menyesuaikan'.`,
          ),
          hint,
          // The suggestion is the same Waktu in the form's spelling; only a value on one line is replaced.
          fix: meant && writtenAsIs(context.source.text, waktu.text) ? { span: waktu.text.span, text: meant } : undefined,
        });
      },
    };
  },
};
