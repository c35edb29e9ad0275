import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

/** Step numbers that jump (1, 2, 3, 4, 6): a step was dropped or misnumbered. Lost ranges are not gaps. */
export const numberingGap: FileRule = {
  meta: {
    id: 'step/numbering-gap',
    description: localized('Nomor langkah melompat (1, 2, 3, 4, 6).', 'Step numbers skip a number (1, 2, 3, 4, 6).'),
    rationale: localized(
      'Nomor yang melompat berarti sebuah langkah hilang atau salah nomor; pembaca tidak tahu apakah ada kegiatan yang terlewat.',
      'A skipped number means a step was dropped or misnumbered; a reader cannot tell whether an activity is missing.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(procedure) {
        let previous: number | null = null;
        // Rows without a number since the last numbered one: they are where the skipped numbers went.
        let unnumbered = 0;
        for (const step of procedure.steps) {
          if (step.number === null) {
            unnumbered++;
            continue;
          }
          if (previous !== null && step.number > previous + 1) {
            const from = previous + 1;
            const to = step.number - 1;
            const declaredLost = procedure.missing.some((m) => m.from <= from && (m.to === null || m.to >= to));
            // 1, ?., ?., 4: the unnumbered rows fill the gap; step/unnumbered reports them, one defect, one finding.
            const filledByUnnumbered = unnumbered >= to - from + 1;
            if (!declaredLost && !filledByUnnumbered) {
              const skipped = from === to ? `${from}` : `${from}-${to}`;
              context.report({
                span: step.numberSpan,
                message: localized(
                  `Nomor langkah melompat dari ${previous} ke ${step.number}: diharapkan ${previous + 1}, ditemukan ${step.number}.`,
                  `Step numbers jump from ${previous} to ${step.number}: expected ${previous + 1}, found ${step.number}.`,
                ),
                hint: localized(
                  `nomori ulang langkahnya, atau bila langkah ${skipped} hilang di sumber tulis 'Hilang: ${skipped}'`,
                  `renumber the steps, or if ${from === to ? 'step' : 'steps'} ${skipped} ${from === to ? 'is' : 'are'} lost in the source write 'Hilang: ${skipped}'`,
                ),
              });
            }
          }
          previous = Math.max(previous ?? step.number, step.number);
          unnumbered = 0;
        }
      },
    };
  },
};
