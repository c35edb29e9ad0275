import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import { chainOf, documentWordsOption, numberOf, quotedList } from './helpers.js';

/**
 * An Output document that no later step of the forward flow uses and that is not a final product.
 * When the step right after takes an older document instead (a stale document), the finding stands
 * at that step's Kelengkapan, naming the Output it passed over. An unused Output that is the other
 * end of a Kelengkapan nobody produced is reported once, by chain/unproduced-input.
 */
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
    ...documentWordsOption,
  },
  create(context) {
    return {
      procedure(procedure) {
        for (const { step, outputs, staleConsumer } of chainOf(context, procedure).unused) {
          const producer = numberOf(procedure, step);
          const names = outputs.map((o) => o.node.text);
          const plural = names.length > 1;
          const span = { start: outputs[0].node.span.start, end: outputs[outputs.length - 1].node.span.end };
          if (staleConsumer) {
            const consumer = numberOf(procedure, staleConsumer.step);
            const older = numberOf(procedure, staleConsumer.producedBy);
            context.report({
              span: staleConsumer.input.node.span,
              message: localized(
                `Langkah ${consumer} memakai '${staleConsumer.input.node.text}' dari langkah ${older}, bukan Output ${quotedList(names, 'dan')} langkah ${producer}, yang tidak dipakai langkah mana pun.`,
                `Step ${consumer} takes '${staleConsumer.input.node.text}' from step ${older}, not step ${producer}'s Output${plural ? 's' : ''} ${quotedList(names, 'and')}, which no later step uses.`,
              ),
              hint: localized(
                `bila langkah ${consumer} mengolah ${quotedList(names, 'atau')}, tulis namanya di Kelengkapan langkah ${consumer}`,
                `if step ${consumer} works on ${quotedList(names, 'or')}, name it in step ${consumer}'s Kelengkapan`,
              ),
              related: [{ span, message: localized(`Output langkah ${producer} yang tidak dipakai`, `step ${producer}'s unused Output`) }],
            });
            continue;
          }
          context.report({
            span,
            message: localized(
              `Output ${quotedList(names, 'dan')} langkah ${producer} tidak dipakai langkah sesudahnya.`,
              `The Output${plural ? 's' : ''} ${quotedList(names, 'and')} of step ${producer} ${plural ? 'are' : 'is'} not used by a later step.`,
            ),
            hint: localized(
              'samakan nama dokumen ini dengan Kelengkapan langkah yang memakainya',
              'give the document the same name as the Kelengkapan of the step that uses it',
            ),
          });
        }
      },
    };
  },
};
