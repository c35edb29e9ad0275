import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

/** A step without a number (`?.`). */
export const unnumbered: FileRule = {
  meta: {
    id: 'step/unnumbered',
    description: localized('Langkah tanpa nomor.', 'A step without a number.'),
    rationale: localized(
      'Langkah tanpa nomor tidak dapat dirujuk oleh cabang keputusan maupun oleh pembaca.',
      'A step without a number cannot be referred to by a decision exit or a reader.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      step({ step, index, procedure }) {
        if (step.number !== null) return;
        const before = procedure.steps
          .slice(0, index)
          .reverse()
          .find((s) => s.number !== null)?.number;
        const suggested = before === undefined || before === null ? 1 : before + 1;
        context.report({
          span: step.numberSpan,
          message: localized('Langkah ini tidak bernomor; diharapkan sebuah nomor urut.', 'This step has no number; a step number is expected.'),
          hint: localized(
            `beri nomor, mis. '${suggested}.', dan nomori ulang langkah sesudahnya`,
            `number it, e.g. '${suggested}.', and renumber the steps after it`,
          ),
        });
      },
    };
  },
};
