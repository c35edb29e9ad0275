import type { Actor } from '../../ast/types.js';
import { localized, type Localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

/** A step that names no actor: its symbol has no column to be drawn in. */
export const missingActor: FileRule = {
  meta: {
    id: 'actor/missing',
    description: localized('Langkah tanpa pelaksana.', 'A step without an actor.'),
    rationale: localized(
      'Setiap kegiatan harus jelas siapa pelaksananya; simbolnya digambar di kolom pelaksana itu.',
      "Every activity must say who does it; its symbol is drawn in that actor's column.",
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
        context.report({
          span: step.numberSpan,
          message: localized(
            `Langkah ${number} tidak menyebut pelaksana; diharapkan salah satu dari: ${ids}.`,
            `Step ${number} names no actor; expected one of: ${ids}.`,
          ),
          hint: hintFor(step.kegiatan.text, procedure.actors, number),
        });
      },
    };
  },
};

/**
 * The line to write. "4. kabid Menandatangani": the actor was written without its brackets;
 * "4. [kabid Menandatangani": its bracket was left open; otherwise an example with the first column.
 */
function hintFor(kegiatan: string, actors: Actor[], number: number | string): Localized {
  const unclosed = kegiatan.startsWith('[') && !kegiatan.includes(']');
  const [firstWord, ...rest] = kegiatan.replace(/^\[/, '').split(' ');
  const actor = actors.find((a) => a.id.toLowerCase() === firstWord?.toLowerCase());
  if (!actor) {
    const example = `'${number}. [${actors[0]?.id ?? 'kabid'}] ...'`;
    return localized(`tulis pelaksananya setelah nomor, mis. ${example}`, `write the actor after the number, e.g. ${example}`);
  }
  const line = `'${number}. [${actor.id}] ${rest.join(' ')}'`;
  return unclosed
    ? localized(`kurung siku pelaksana belum ditutup: tulis ${line}`, `the actor's bracket is not closed: write ${line}`)
    : localized(
        `'${firstWord}' tampaknya pelaksananya: tulis dalam kurung siku, ${line}`,
        `'${firstWord}' looks like the actor: write it in brackets, ${line}`,
      );
}
