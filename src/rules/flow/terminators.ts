import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

const SYMBOL_NAME = { terminator: 'kapsul', process: 'kotak', decision: 'belah ketupat' } as const;

/** The first and the last step of a procedure are drawn as terminators (kapsul). */
export const terminators: FileRule = {
  meta: {
    id: 'flow/terminators',
    description: localized('Langkah pertama dan terakhir bukan simbol kapsul (mulai/selesai).', 'The first or last step is not a terminator (kapsul).'),
    rationale: localized(
      'Permenpan RB 35/2012: alur dimulai dan diakhiri dengan simbol kapsul. Keputusan pada langkah pertama atau terakhir berarti awal atau akhir alur tidak jelas.',
      'Permenpan RB 35/2012: a flow starts and ends with a capsule. A decision as the first or last step leaves the start or end of the flow unclear.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(procedure, graph) {
        const { steps, missing } = procedure;
        if (steps.length === 0) return;
        const first = steps[0];
        const last = steps[steps.length - 1];
        const lostBefore = first.number !== null && missing.some((m) => m.from < first.number!);
        const lostAfter = last.number !== null && missing.some((m) => m.from > last.number!);
        const check = (step: typeof first, which: { id: string; en: string }) => {
          if (step.symbol === 'terminator') return;
          context.report({
            span: step.numberSpan,
            message: localized(
              `Langkah ${which.id} (${step.number ?? '?'}) digambar sebagai ${SYMBOL_NAME[step.symbol]}; diharapkan kapsul.`,
              `The ${which.en} step (${step.number ?? '?'}) is drawn as a ${SYMBOL_NAME[step.symbol]}; a capsule (terminator) is expected.`,
            ),
            hint: step.decision
              ? localized(
                  'tambahkan langkah mulai/selesai tersendiri sebelum/sesudah keputusan ini',
                  'add a separate start/end step before/after this decision',
                )
              : localized("hapus 'Simbol:' dari langkah ini atau tulis 'Simbol: kapsul'", "remove 'Simbol:' from this step or write 'Simbol: kapsul'"),
          });
        };
        // A first row that receives the work and decides at once ("menerima ... dan melakukan
        // verifikasi", then one row per outcome) is where the flow visibly starts, as long as no
        // exit comes back to it: only a loop to the first step leaves the start unclear.
        const startsAtDecision = first.symbol === 'decision' && !first.explicitSymbol && graph.incoming[0].length === 0;
        if (!lostBefore && !startsAtDecision) check(first, { id: 'pertama', en: 'first' });
        // A last step whose 'Lanjut:' goes on (to a step, or to one lost in the source) is not where the flow ends.
        const lastGoesOn = last.next?.targets.some((t) => t.kind !== 'end') ?? false;
        if (!lostAfter && steps.length > 1 && !lastGoesOn) check(last, { id: 'terakhir', en: 'last' });
        // 'Lanjut: selesai' ends the procedure early: that step is an end too (drawn as a capsule).
        for (const step of steps.slice(1, -1)) {
          if (step.next && step.next.targets.length > 0 && step.next.targets.every((t) => t.kind === 'end')) check(step, { id: 'akhir', en: 'ending' });
        }
      },
    };
  },
};
