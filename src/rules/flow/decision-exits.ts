import { localized } from '../../diagnostics/diagnostic.js';
import { isDeclaredLost, type FlowGraph } from '../../resolve/flow-graph.js';
import type { FileRule } from '../rule.js';
import type { DecisionExit } from '../../ast/types.js';

/** What two exits must differ in: the step, or the end; a lost target ('?') is never the same as another. */
const targetKey = (exit: DecisionExit, i: number) => (exit.to.kind === 'step' ? `s${exit.to.number}` : exit.to.kind === 'end' ? 'end' : `unknown${i}`);

/**
 * What every decision of a procedure shares, computed once per flow graph (not once per decision: a
 * flow of 100,000 decisions would build the list of step numbers 100,000 times).
 */
const shared = new WeakMap<FlowGraph, { numbers: () => string; unresolvedFrom: Map<number, FlowGraph['unresolved']> }>();
function perGraph(graph: FlowGraph) {
  let entry = shared.get(graph);
  if (!entry) {
    let numbers: string | undefined;
    const unresolvedFrom = new Map<number, FlowGraph['unresolved']>();
    for (const u of graph.unresolved) {
      if (u.via !== 'exit') continue;
      const list = unresolvedFrom.get(u.from) ?? [];
      list.push(u);
      unresolvedFrom.set(u.from, list);
    }
    entry = {
      numbers: () =>
        (numbers ??= graph.steps
          .map((s) => s.number)
          .filter((n): n is number => n !== null)
          .join(', ')),
      unresolvedFrom,
    };
    shared.set(graph, entry);
  }
  return entry;
}

/** Every decision has two or more labelled exits, with distinct labels, to steps that exist. */
export const decisionExits: FileRule = {
  meta: {
    id: 'flow/decision-exits',
    description: localized(
      'Keputusan dengan cabang kurang dari dua, tanpa label, semuanya ke langkah yang sama, atau ke langkah yang tidak ada.',
      'A decision with fewer than two exits, an unlabelled exit, every exit to the same step, or an exit to a missing step.',
    ),
    rationale: localized(
      'Belah ketupat selalu bercabang (Ya/Tidak atau lebih); cabang ke langkah yang tidak ada memutus alur.',
      'A diamond always branches (Ya/Tidak or more); an exit to a step that does not exist breaks the flow.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      step({ step, index, graph }) {
        const decision = step.decision;
        if (!decision) return;
        const exits = decision.exits;
        if (exits.length < 2) {
          const next = graph.steps[index + 1]?.number;
          context.report({
            span: decision.span,
            message: localized(
              `Keputusan langkah ${step.number ?? '?'} punya ${exits.length === 0 ? 'tidak ada' : exits.length} cabang; diharapkan paling sedikit dua.`,
              `The decision of step ${step.number ?? '?'} has ${exits.length === 0 ? 'no exits' : exits.length === 1 ? 'one exit' : `${exits.length} exits`}; at least two are expected.`,
            ),
            hint: localized(
              `mis. 'Keputusan: Ya -> ${next ?? 'N'}, Tidak -> ${graph.steps[Math.max(0, index - 1)]?.number ?? 'N'}'`,
              `e.g. 'Keputusan: Ya -> ${next ?? 'N'}, Tidak -> ${graph.steps[Math.max(0, index - 1)]?.number ?? 'N'}'`,
            ),
          });
        }
        const labels = new Map<string, number>();
        for (const exit of exits) {
          if (exit.label) {
            const key = exit.label.toLowerCase();
            if (labels.has(key)) {
              context.report({
                span: exit.span,
                message: localized(
                  `Label cabang '${exit.label}' dipakai dua kali pada keputusan ini.`,
                  `The exit label '${exit.label}' is used twice in this decision.`,
                ),
                hint: localized('beri setiap cabang label yang berbeda (Ya/Tidak)', 'give each exit a different label (Ya/Tidak)'),
              });
            }
            labels.set(key, exit.target ?? -1);
          }
          if (exit.target !== null && exit.target === step.number) {
            context.report({
              span: exit.targetSpan,
              message: localized(
                `Cabang '${exit.label ?? ''}' kembali ke langkah ${step.number} itu sendiri.`,
                `The exit '${exit.label ?? ''}' leads back to step ${step.number} itself.`,
              ),
              hint: localized(
                'arahkan ke langkah yang memperbaiki (mis. langkah sebelumnya)',
                'point it at the step that does the correction (e.g. the step before)',
              ),
            });
          }
        }
        // "Ya -> 3, Tidak -> 3": whatever is decided, the flow goes on the same way.
        const targets = new Set(exits.map(targetKey));
        if (exits.length >= 2 && targets.size === 1) {
          const where = exits[0].to.kind === 'step' ? `langkah ${exits[0].target}` : "'selesai'";
          const whereEn = exits[0].to.kind === 'step' ? `step ${exits[0].target}` : "'selesai'";
          const back = graph.steps[Math.max(0, index - 1)]?.number ?? 'N';
          context.report({
            span: decision.span,
            message: localized(
              `Semua cabang keputusan langkah ${step.number ?? '?'} menuju ${where}; diharapkan cabang ke langkah yang berbeda, keputusan ini tidak mengubah apa pun.`,
              `Every exit of step ${step.number ?? '?'}'s decision leads to ${whereEn}; exits to different steps are expected, as written the decision changes nothing.`,
            ),
            hint: localized(
              `arahkan cabang penolakan ke langkah yang memperbaiki, mis. '${exits[exits.length - 1].label ?? 'Tidak'} -> ${back}'; atau hapus 'Keputusan:' bila langkah ini tidak memutuskan apa pun`,
              `point the rejecting exit at the step that does the correction, e.g. '${exits[exits.length - 1].label ?? 'Tidak'} -> ${back}'; or remove 'Keputusan:' if this step decides nothing`,
            ),
          });
        }
        for (const { exit } of perGraph(graph).unresolvedFrom.get(index) ?? []) {
          if (exit.target === null) continue;
          // A step on a page lost in the source exists; it just cannot be shown.
          const target = exit.target;
          if (isDeclaredLost(graph.procedure, target)) continue;
          context.report({
            span: exit.targetSpan,
            message: localized(
              `Cabang '${exit.label ?? ''}' menuju langkah ${exit.target}, yang tidak ada; langkah yang ada: ${perGraph(graph).numbers()}.`,
              `The exit '${exit.label ?? ''}' leads to step ${exit.target}, which does not exist; the steps are: ${perGraph(graph).numbers()}.`,
            ),
            hint: localized('perbaiki nomor tujuan cabang', 'fix the target step number'),
          });
        }
      },
    };
  },
};
