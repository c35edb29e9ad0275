import { localized } from '../../diagnostics/diagnostic.js';
import { UNKNOWN_ACTOR_ID } from '../../ast/types.js';
import type { FileRule } from '../rule.js';

/** A Pelaksana column that no step of its procedure uses. */
export const unusedActor: FileRule = {
  meta: {
    id: 'actor/unused',
    description: localized('Kolom pelaksana tidak dipakai langkah mana pun.', 'An actor column that no step uses.'),
    rationale: localized(
      'Kolom kosong di tabel prosedur biasanya berarti pelaksana sebuah langkah salah ditulis, atau kolomnya sisa dari SOP lain.',
      'An empty column in the procedure table usually means a step names the wrong actor, or the column was copied from another SOP.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(procedure) {
        // A table whose pages are partly lost cannot show that a column is unused.
        if (procedure.missing.length > 0 || procedure.steps.length === 0) return;
        const used = new Set(procedure.steps.flatMap((s) => s.actors.map((a) => a.id.toLowerCase())));
        // A step whose actor is lost ('[?]') may be the work of any column.
        if (used.has(UNKNOWN_ACTOR_ID)) return;
        const declaredHere = !procedure.actorsInherited;
        for (const actor of procedure.actors) {
          if (used.has(actor.id.toLowerCase())) continue;
          context.report({
            span: declaredHere ? actor.idSpan : procedure.labelSpan,
            message: localized(
              `Kolom pelaksana '${actor.id}' (${actor.label}) tidak dipakai langkah mana pun${declaredHere ? '' : ' dalam prosedur ini'}.`,
              `The actor column '${actor.id}' (${actor.label}) is not used by any step${declaredHere ? '' : ' of this procedure'}.`,
            ),
            hint: localized(
              `hapus kolom itu, atau tulis [${actor.id}] pada langkah yang dilaksanakannya`,
              `delete the column, or write [${actor.id}] on the steps it performs`,
            ),
          });
        }
      },
    };
  },
};
