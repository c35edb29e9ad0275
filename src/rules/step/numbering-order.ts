import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

/** A step numbered lower than the step before it (flow runs top to bottom). */
export const numberingOrder: FileRule = {
  meta: {
    id: 'step/numbering-order',
    description: localized('Nomor langkah lebih kecil dari langkah sebelumnya.', 'A step numbered lower than the step before it.'),
    rationale: localized(
      'Alur SOP dibaca dari atas ke bawah; nomor yang mundur menandakan baris tertukar atau salah nomor.',
      'An SOP flows top to bottom; a number going backwards means swapped rows or a wrong number.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(procedure) {
        let highest: number | null = null;
        for (const step of procedure.steps) {
          if (step.number === null) continue;
          if (highest !== null && step.number < highest) {
            context.report({
              span: step.numberSpan,
              message: localized(
                `Langkah ${step.number} berada setelah langkah ${highest}; diharapkan nomor lebih dari ${highest}.`,
                `Step ${step.number} comes after step ${highest}; expected a number above ${highest}.`,
              ),
              hint: localized('pindahkan baris ini ke tempatnya, atau perbaiki nomornya', 'move this row to its place, or fix its number'),
            });
          }
          highest = Math.max(highest ?? step.number, step.number);
        }
      },
    };
  },
};
