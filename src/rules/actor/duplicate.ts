import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import type { Actor } from '../../ast/types.js';
import { normalizeWords } from '../../util/similarity.js';

/** Two columns with the same id, or with the same printed label. */
export const duplicateActor: FileRule = {
  meta: {
    id: 'actor/duplicate',
    description: localized('Dua kolom pelaksana dengan nama atau label yang sama.', 'Two actor columns with the same id or label.'),
    rationale: localized(
      'Kolom ganda membuat tidak jelas di kolom mana simbol langkah digambar.',
      'A duplicated column makes it unclear in which column a step symbol is drawn.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(procedure) {
        if (procedure.actorsInherited) return; // reported once, where the shared block is declared
        check(procedure.actors);
      },
      document(document) {
        const shared = document.procedures.find((p) => p.actorsInherited);
        if (shared) check(shared.actors);
      },
    };
    function check(actors: Actor[]) {
      const byId = new Map<string, Actor>();
      const byLabel = new Map<string, Actor>();
      for (const actor of actors) {
        const idKey = actor.id.toLowerCase();
        const labelKey = normalizeWords(actor.label);
        const sameId = byId.get(idKey);
        const sameLabel = byLabel.get(labelKey);
        if (sameId) {
          context.report({
            span: actor.idSpan,
            message: localized(`Kolom pelaksana '${actor.id}' dideklarasikan dua kali.`, `The actor column '${actor.id}' is declared twice.`),
            hint: localized('hapus salah satunya, atau beri nama pendek yang berbeda', 'delete one, or give them different short names'),
            related: [{ span: sameId.idSpan, message: localized('pertama dideklarasikan di sini', 'first declared here') }],
          });
        } else if (sameLabel) {
          context.report({
            span: actor.span,
            message: localized(
              `Kolom '${actor.id}' dan '${sameLabel.id}' sama-sama berlabel '${actor.label}'.`,
              `The columns '${actor.id}' and '${sameLabel.id}' are both labelled '${actor.label}'.`,
            ),
            hint: localized(`pakai satu kolom '${sameLabel.id}' untuk keduanya`, `use the one column '${sameLabel.id}' for both`),
            related: [{ span: sameLabel.span, message: localized('label yang sama di sini', 'the same label here') }],
          });
        }
        if (!sameId) byId.set(idKey, actor);
        if (!sameLabel) byLabel.set(labelKey, actor);
      }
    }
  },
};
