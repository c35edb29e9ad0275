import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import { stronglyConnected, type FlowGraph } from '../../resolve/flow-graph.js';

/** The loops of the flow: strongly connected components of more than one step, or a step that leads to itself. */
function cycles(graph: FlowGraph): number[][] {
  const successors = graph.outgoing.map((edges) => edges.map((e) => e.to));
  return stronglyConnected(graph.steps.length, (v) => successors[v])
    .components.filter((component) => component.length > 1 || graph.outgoing[component[0]].some((e) => e.to === component[0]))
    .map((component) => component.sort((a, b) => a - b));
}

/** A loop in the flow with no decision (belah ketupat) on it: it would repeat for ever. */
export const loopWithoutDecision: FileRule = {
  meta: {
    id: 'flow/loop-without-decision',
    description: localized('Perulangan alur tanpa simbol keputusan.', 'A loop in the flow with no decision on it.'),
    rationale: localized(
      'Alur hanya boleh kembali ke langkah sebelumnya lewat keputusan (mis. "Tidak: dikembalikan untuk diperbaiki"); tanpa keputusan perulangan tidak pernah berhenti.',
      'A flow may go back only through a decision ("Tidak: returned for correction"); without one the loop never ends.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(_procedure, graph) {
        for (const component of cycles(graph)) {
          if (component.some((i) => graph.steps[i].symbol === 'decision')) continue;
          const steps = component.map((i) => graph.steps[i].number ?? '?').join(', ');
          const first = graph.steps[component[0]];
          context.report({
            span: first.numberSpan,
            message: localized(
              `Langkah ${steps} membentuk perulangan tanpa keputusan (belah ketupat).`,
              `Steps ${steps} form a loop with no decision (diamond) on it.`,
            ),
            hint: component.some((i) => graph.steps[i].explicitSymbol)
              ? localized(
                  "gambar langkah yang bercabang sebagai keputusan: hapus 'Simbol:' yang menimpanya",
                  "draw the branching step as a decision: remove the 'Simbol:' that overrides it",
                )
              : localized(
                  "jadikan langkah yang kembali sebuah keputusan dengan cabang yang keluar dari perulangan, mis. 'Keputusan: Ya -> N, Tidak -> M' sebagai ganti 'Lanjut:'",
                  "make the step that goes back a decision with an exit out of the loop, e.g. 'Keputusan: Ya -> N, Tidak -> M' instead of 'Lanjut:'",
                ),
          });
        }
      },
    };
  },
};
