import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import { reachable } from '../../resolve/flow-graph.js';

/** A step that the flow never reaches from the first step. */
export const unreachable: FileRule = {
  meta: {
    id: 'flow/unreachable',
    description: localized('Langkah yang tidak pernah dicapai dari langkah pertama.', 'A step the flow never reaches from the first step.'),
    rationale: localized(
      'Bila semua cabang keputusan melompati sebuah langkah, langkah itu tidak pernah dikerjakan: alurnya salah atau langkahnya berlebih.',
      'When every decision exit jumps over a step, that step is never performed: either the flow is wrong or the step is superfluous.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(_procedure, graph) {
        if (graph.steps.length === 0) return;
        const seen = reachable(graph, [0]);
        const counts = new Map<number, number>();
        for (const s of graph.steps) if (s.number !== null) counts.set(s.number, (counts.get(s.number) ?? 0) + 1);
        graph.steps.forEach((step, index) => {
          if (seen.has(index)) return;
          // A second step of the same number cannot be targeted: step/numbering-duplicate reports the cause once.
          if (step.number !== null && (counts.get(step.number) ?? 0) > 1) return;
          const before = graph.steps[index - 1];
          context.report({
            span: step.numberSpan,
            message: localized(
              `Langkah ${step.number ?? '?'} tidak pernah dicapai dari langkah ${graph.steps[0].number ?? '?'}.`,
              `Step ${step.number ?? '?'} is never reached from step ${graph.steps[0].number ?? '?'}.`,
            ),
            hint: before?.next?.targets.every((t) => t.kind === 'end')
              ? localized(
                  `langkah ${before.number ?? '?'} mengakhiri prosedur ('Lanjut: selesai'): arahkan sebuah cabang atau 'Lanjut:' ke langkah ${step.number ?? '?'}, atau hapus langkah ini`,
                  `step ${before.number ?? '?'} ends the procedure ('Lanjut: selesai'): point an exit or a 'Lanjut:' at step ${step.number ?? '?'}, or delete this step`,
                )
              : before?.decision
                ? localized(
                    `arahkan salah satu cabang keputusan langkah ${before.number ?? '?'} ke langkah ${step.number ?? '?'}`,
                    `point one exit of step ${before.number ?? '?'}'s decision at step ${step.number ?? '?'}`,
                  )
                : localized('periksa nomor tujuan cabang keputusan sebelum langkah ini', 'check the targets of the decisions before this step'),
          });
        });
      },
    };
  },
};
