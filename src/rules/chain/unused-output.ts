import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import { containsArtifact } from '../../resolve/artifacts.js';

/** An Output that no later step uses and that is not a final product of the procedure. */
export const unusedOutput: FileRule = {
  meta: {
    id: 'chain/unused-output',
    description: localized('Output yang tidak dipakai langkah sesudahnya.', 'An Output that no later step uses.'),
    rationale: localized(
      'Output antara yang tidak menjadi Kelengkapan langkah berikutnya sering berarti nama dokumen yang berubah di tengah alur.',
      'An intermediate Output that never becomes a later Kelengkapan often means a document whose name changed along the flow.',
    ),
    defaultSeverity: 'info',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(procedure, graph) {
        const resolved = context.symbols.procedures.find((p) => p.procedure === procedure)!;
        const last = procedure.steps.length - 1;
        procedure.steps.forEach((step, index) => {
          if (index === last || graph.outgoing[index].length === 0) return; // final products
          if (step.number === null || procedure.missing.some((m) => m.from > step.number!)) return; // consumers may be lost
          const descendants = graph.descendants(index);
          // The common case, an exact match, needs no list of everything consumed.
          const unmatched = resolved.outputs[index].filter((output) => !resolved.consumersOf.get(output.key)?.some((i) => descendants.has(i)));
          if (unmatched.length === 0) return;
          const consumed = new Set<string>();
          for (const i of descendants) for (const item of resolved.inputs[i]) consumed.add(item.key);
          const unused = unmatched.filter((output) => !containsArtifact(consumed, output.key));
          if (unused.length === 0) return;
          const next = procedure.steps[index + 1];
          // Quoted as written, less a trailing separator ("Kerangka Acuan,").
          const nextInput = (next?.kelengkapan?.text?.text ?? next?.kelengkapan?.items.map((i) => i.text).join(', '))?.replace(/[\s,;]+$/, '');
          const names = unused.map((o) => `'${o.node.text}'`).join(', ');
          const plural = unused.length > 1;
          context.report({
            span: { start: unused[0].node.span.start, end: unused[unused.length - 1].node.span.end },
            message: localized(
              `Output ${names} langkah ${step.number} tidak dipakai langkah sesudahnya${nextInput ? `; langkah ${next.number ?? '?'} memerlukan '${nextInput}'` : ''}.`,
              `The Output${plural ? 's' : ''} ${names} of step ${step.number} ${plural ? 'are' : 'is'} not used by a later step${nextInput ? `; step ${next.number ?? '?'} needs '${nextInput}'` : ''}.`,
            ),
            hint: localized('samakan nama dokumen ini dengan Kelengkapan langkah yang memakainya', 'give the document the same name as the Kelengkapan of the step that uses it'),
          });
        });
      },
    };
  },
};
