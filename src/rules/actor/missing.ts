import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../../checker/rule.js';

/** A step that names no actor: its symbol has no column to be drawn in. */
export const missingActor: FileRule = {
  meta: {
    id: 'actor/missing',
    description: localized('Langkah tanpa pelaksana.', 'A step without an actor.'),
    rationale: localized(
      'Setiap kegiatan harus jelas siapa pelaksananya; simbolnya digambar di kolom pelaksana itu.',
      'Every activity must say who does it; its symbol is drawn in that actor\'s column.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      step({ step, procedure }) {
        if (step.actors.length > 0) return;
        const ids = procedure.actors.map((a) => a.id).join(', ') || '—';
        const number = step.number ?? '?';
        // "4. kabid Menandatangani": the actor was written without its brackets.
        const [firstWord, ...rest] = step.kegiatan.text.split(' ');
        const unbracketed = procedure.actors.find((a) => a.id.toLowerCase() === firstWord?.toLowerCase());
        context.report({
          span: step.numberSpan,
          message: localized(
            `Langkah ${number} tidak menyebut pelaksana; diharapkan salah satu dari: ${ids}.`,
            `Step ${number} names no actor; expected one of: ${ids}.`,
          ),
          hint: unbracketed
            ? localized(
                `'${firstWord}' tampaknya pelaksananya: tulis dalam kurung siku, '${number}. [${unbracketed.id}] ${rest.join(' ')}'`,
                `'${firstWord}' looks like the actor: write it in brackets, '${number}. [${unbracketed.id}] ${rest.join(' ')}'`,
              )
            : localized(`tulis pelaksananya setelah nomor, mis. '${number}. [${procedure.actors[0]?.id ?? 'kabid'}] ...'`, `write the actor after the number, e.g. '${number}. [${procedure.actors[0]?.id ?? 'kabid'}] ...'`),
        });
      },
    };
  },
};
