import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import { reachable } from '../../resolve/flow-graph.js';

/** A step from which the flow can never reach the end of the procedure. */
export const deadEnd: FileRule = {
  meta: {
    id: 'flow/dead-end',
    description: localized('Langkah yang tidak pernah sampai ke akhir prosedur.', 'A step from which the end of the procedure is never reached.'),
    rationale: localized(
      'Setiap jalur harus berakhir di simbol selesai; jalur yang berputar tanpa jalan keluar tidak pernah menyelesaikan layanan.',
      'Every path must end at the end symbol; a path that loops with no way out never completes the service.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(_procedure, graph) {
        const last = graph.steps.length - 1;
        if (last < 0) return;
        // The procedure finishes at its last step, at a 'selesai' and (not the author's defect) at a lost target.
        const canFinish = reachable(graph, graph.finishes, 'backward');
        const earlyEnds = graph.terminals.some((t) => t.kind === 'end');
        const fromStart = reachable(graph, [0]);
        graph.steps.forEach((step, index) => {
          // Steps the start never reaches are flow/unreachable's to report.
          if (canFinish.has(index) || !fromStart.has(index)) return;
          context.report({
            span: step.numberSpan,
            message:
              earlyEnds || !graph.finishes.includes(last)
                ? localized(
                    `Dari langkah ${step.number ?? '?'} alur tidak pernah sampai ke akhir prosedur (langkah terakhir ${graph.steps[last].number ?? '?'} atau 'selesai').`,
                    `From step ${step.number ?? '?'} the flow never reaches an end of the procedure (the last step ${graph.steps[last].number ?? '?'} or a 'selesai').`,
                  )
                : localized(
                    `Dari langkah ${step.number ?? '?'} alur tidak pernah sampai ke langkah terakhir (${graph.steps[last].number ?? '?'}).`,
                    `From step ${step.number ?? '?'} the flow never reaches the last step (${graph.steps[last].number ?? '?'}).`,
                  ),
            hint: localized(
              "beri keputusan di jalur ini sebuah cabang yang maju (mis. Ya -> langkah berikutnya), atau tulis 'Lanjut: selesai' pada langkah tempat prosedur berakhir",
              "give a decision on this path an exit that moves forward (e.g. Ya -> the next step), or write 'Lanjut: selesai' on the step where the procedure ends",
            ),
          });
        });
      },
    };
  },
};
