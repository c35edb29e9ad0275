import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import { artifactSimilarity, containsArtifact, normalizeArtifact } from '../../resolve/artifacts.js';

/**
 * From this similarity on, the nearest Output is most likely the same document spelled differently
 * ("Telaahan kegiatan" / "telahan kegiatan"); below it (one shared word of two: "susunan acara" /
 * "tempat acara") it may just as well be another document, and the hint says both possibilities.
 */
const SAME_DOCUMENT_LIKELY = 0.75;

/**
 * A Kelengkapan item that no earlier step of the flow produced and that is not declared as coming
 * from outside: the chain Output → Kelengkapan is the quality control of the SOP.
 */
export const unproducedInput: FileRule = {
  meta: {
    id: 'chain/unproduced-input',
    description: localized('Kelengkapan yang tidak dihasilkan langkah sebelumnya.', 'A Kelengkapan item that no earlier step produces.'),
    rationale: localized(
      'Output sebuah langkah adalah Kelengkapan langkah berikutnya; Kelengkapan yang tidak pernah dihasilkan menandakan langkah yang hilang, Output yang salah salin, atau masukan dari luar yang belum dinyatakan.',
      'The Output of one step is the Kelengkapan of the next; an input nobody produced points to a missing step, a miscopied Output, or an outside input not yet declared.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    const declaredOutside = [
      ...(context.document.identity.masukanLuar?.items ?? []).map((i) => normalizeArtifact(i.text)),
      ...context.settings.externalInputs.map(normalizeArtifact),
    ];
    return {
      procedure(procedure, graph) {
        const resolved = context.symbols.procedures.find((p) => p.procedure === procedure)!;
        const firstInputs = resolved.inputs[0]?.map((i) => i.key) ?? [];
        procedure.steps.forEach((step, index) => {
          if (index === 0) return; // the first step's inputs come from outside by definition
          // Outputs of steps on lost pages are unknown: do not guess.
          if (step.number === null || procedure.missing.some((m) => m.from < step.number!)) return;
          const ancestors = graph.ancestors(index);
          // The common case, an exact match, needs no list of everything available.
          const exactlyAvailable = (key: string) =>
            firstInputs.includes(key) || declaredOutside.includes(key) || (resolved.producersOf.get(key)?.some((i) => ancestors.has(i)) ?? false);
          const unmatched = resolved.inputs[index].filter((input) => !exactlyAvailable(input.key));
          if (unmatched.length === 0) return;
          const producers = [...ancestors].sort((a, b) => a - b);
          const available = new Set([...firstInputs, ...declaredOutside]);
          for (const i of producers) for (const item of resolved.outputs[i]) available.add(item.key);
          for (const input of unmatched) {
            if (containsArtifact(available, input.key)) continue;
            // A step reached again through a loop is not a name to suggest for its own input.
            const produced = producers
              .filter((i) => i !== index)
              .flatMap((i) => resolved.outputs[i].map((item) => ({ item, step: procedure.steps[i] })));
            const nearest = produced
              .map((p) => ({ ...p, score: artifactSimilarity(p.item.key, input.key, 0.5) }))
              .filter((p) => p.score >= 0.5)
              .sort((a, b) => b.score - a.score || b.step.span.start - a.step.span.start)[0];
            const previousIndex = Math.max(-1, ...graph.incoming[index].map((e) => e.from).filter((i) => i < index));
            const previous = previousIndex >= 0 ? procedure.steps[previousIndex] : undefined;
            const previousOutput = previous?.output?.text?.text ?? previous?.output?.items.map((i) => i.text).join(', ');
            let message = localized(
              `Kelengkapan '${input.node.text}' tidak dihasilkan oleh langkah sebelumnya.`,
              `'${input.node.text}' is not produced by an earlier step.`,
            );
            if (nearest) {
              message = localized(
                `Kelengkapan '${input.node.text}' tidak dihasilkan oleh langkah sebelumnya; langkah ${nearest.step.number ?? '?'} menghasilkan '${nearest.item.node.text}'.`,
                `'${input.node.text}' is not produced by an earlier step; step ${nearest.step.number ?? '?'} produces '${nearest.item.node.text}'.`,
              );
            } else if (previous && previousOutput) {
              message = localized(
                `Kelengkapan '${input.node.text}' tidak dihasilkan oleh langkah sebelumnya; langkah ${previous.number ?? '?'} menghasilkan '${previousOutput}'.`,
                `'${input.node.text}' is not produced by an earlier step; step ${previous.number ?? '?'} produces '${previousOutput}'.`,
              );
            }
            context.report({
              span: input.node.span,
              message,
              hint: !nearest
                ? localized(`bila '${input.node.text}' datang dari luar SOP ini, tulis di 'Masukan Luar:'`, `if '${input.node.text}' comes from outside this SOP, list it under 'Masukan Luar:'`)
                : nearest.score >= SAME_DOCUMENT_LIKELY
                  ? localized(`samakan namanya dengan Output langkah ${nearest.step.number ?? '?'}: '${nearest.item.node.text}'`, `use the same name as step ${nearest.step.number ?? '?'}'s Output: '${nearest.item.node.text}'`)
                  : localized(
                      `bila ini dokumen yang sama dengan '${nearest.item.node.text}' (langkah ${nearest.step.number ?? '?'}), samakan namanya; bila datang dari luar SOP ini, tulis di 'Masukan Luar:'`,
                      `if this is the same document as step ${nearest.step.number ?? '?'}'s '${nearest.item.node.text}', use one name for both; if it comes from outside this SOP, list it under 'Masukan Luar:'`,
                    ),
            });
          }
        });
      },
    };
  },
};
