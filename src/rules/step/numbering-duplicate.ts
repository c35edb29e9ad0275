import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import type { Step } from '../../ast/types.js';

/** Two steps of one procedure with the same number. */
export const numberingDuplicate: FileRule = {
  meta: {
    id: 'step/numbering-duplicate',
    description: localized('Dua langkah bernomor sama.', 'Two steps with the same number.'),
    rationale: localized(
      'Cabang keputusan menunjuk langkah lewat nomornya; nomor ganda membuat tujuan cabang ambigu.',
      'Decision exits point at steps by number; a duplicate number makes the target ambiguous.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(procedure) {
        const seen = new Map<number, Step>();
        for (const step of procedure.steps) {
          if (step.number === null) continue;
          const first = seen.get(step.number);
          if (!first) {
            seen.set(step.number, step);
            continue;
          }
          context.report({
            span: step.numberSpan,
            message: localized(`Nomor langkah ${step.number} dipakai dua kali.`, `Step number ${step.number} is used twice.`),
            hint: localized('nomori ulang langkah-langkahnya secara berurutan', 'renumber the steps in order'),
            related: [{ span: first.numberSpan, message: localized('pertama dipakai di sini', 'first used here') }],
          });
        }
      },
    };
  },
};
