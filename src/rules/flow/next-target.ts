import { isDeclaredLost } from '../../resolve/flow-graph.js';
import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

/** A 'Lanjut:' to a step this procedure does not have, or back to its own step. */
export const nextTarget: FileRule = {
  meta: {
    id: 'flow/next-target',
    description: localized(
      "'Lanjut:' ke langkah yang tidak ada, atau ke langkahnya sendiri.",
      "A 'Lanjut:' to a step that does not exist, or to its own step.",
    ),
    rationale: localized(
      "'Lanjut:' menggambar panah ke langkah yang disebutnya; panah ke langkah yang tidak ada memutus alur, panah ke langkah itu sendiri berputar tanpa akhir.",
      "'Lanjut:' draws an arrow to the step it names; an arrow to a step that does not exist breaks the flow, one to the step itself loops for ever.",
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      step({ step, index, graph }) {
        if (!step.next) return;
        const numbers = graph.steps.map((s) => s.number).filter((n): n is number => n !== null);
        for (const target of step.next.targets) {
          if (target.kind !== 'step') continue;
          if (target.number === step.number) {
            context.report({
              span: target.span,
              message: localized(
                `'Lanjut: ${target.number}' kembali ke langkah ${step.number} itu sendiri.`,
                `'Lanjut: ${target.number}' leads back to step ${step.number} itself.`,
              ),
              hint: localized('tulis langkah yang benar-benar dikerjakan berikutnya', 'write the step that really comes next'),
            });
          }
        }
        for (const { exit } of graph.unresolved.filter((u) => u.from === index && u.via === 'next')) {
          const target = exit.target!;
          // A step on a page lost in the source exists; it just cannot be shown.
          if (isDeclaredLost(graph.procedure, target)) continue;
          context.report({
            span: exit.targetSpan,
            message: localized(
              `'Lanjut:' menuju langkah ${target}, yang tidak ada; langkah yang ada: ${numbers.join(', ')}.`,
              `'Lanjut:' leads to step ${target}, which does not exist; the steps are: ${numbers.join(', ')}.`,
            ),
            hint: localized(
              "perbaiki nomor tujuannya; bila tujuannya hilang di sumber tulis 'Lanjut: ?', bila prosedur berakhir di sini tulis 'Lanjut: selesai'",
              "fix the target number; when the source has lost it write 'Lanjut: ?', when the procedure ends here write 'Lanjut: selesai'",
            ),
          });
        }
      },
    };
  },
};
