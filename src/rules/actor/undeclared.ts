import { localized } from '../../diagnostics/diagnostic.js';
import { UNKNOWN_ACTOR_ID } from '../../ast/types.js';
import type { FileRule } from '../rule.js';
import { closest, normalizeWords } from '../../util/similarity.js';

/** A step's actor that is not one of the procedure's Pelaksana columns. */
export const undeclaredActor: FileRule = {
  meta: {
    id: 'actor/undeclared',
    description: localized('Pelaksana langkah tidak ada di kolom Pelaksana.', "A step's actor is not a declared Pelaksana column."),
    rationale: localized(
      'Simbol langkah digambar di kolom pelaksananya; pelaksana yang tidak dideklarasikan tidak punya kolom, sehingga bagan tidak dapat digambar.',
      "A step's symbol is drawn in its actor's column; an undeclared actor has no column, so the chart cannot be drawn.",
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: true,
  },
  create(context) {
    const byProcedure = new Map(context.symbols.procedures.map((p) => [p.procedure, p]));
    return {
      step({ step, procedure }) {
        const resolved = byProcedure.get(procedure)!;
        const declared = [...resolved.actors.values()];
        for (const ref of step.actors) {
          if (resolved.actors.has(ref.id.toLowerCase())) continue;
          if (ref.id === UNKNOWN_ACTOR_ID) continue; // '[?]': lost in the source, actor/unknown says so
          const ids = declared.map((a) => a.id);
          const written = normalizeWords(ref.id);
          const byLabel =
            closest(
              ref.id,
              declared.map((a) => a.label),
            ) ?? declared.find((a) => written.startsWith(normalizeWords(a.label)) || normalizeWords(a.label).startsWith(written))?.label;
          // The column's label written for its id ("[Kabid PMKS]" for [kabid]) is certain to mean that column.
          const labelled = declared.filter((a) => normalizeWords(a.label) === written);
          const exact = labelled.length === 1 ? labelled[0] : undefined;
          const suggestion = exact?.id ?? closest(ref.id, ids) ?? declared.find((a) => a.label === byLabel)?.id;
          const list = declared.map((a) => `${a.id} (${a.label})`).join(', ');
          context.report({
            span: ref.span,
            message: list
              ? localized(
                  `Pelaksana '${ref.id}' tidak dideklarasikan; kolom yang ada: ${list}.`,
                  `The actor '${ref.id}' is not declared; the columns are: ${list}.`,
                )
              : localized(
                  `Pelaksana '${ref.id}' tidak dideklarasikan; prosedur ini belum punya kolom Pelaksana.`,
                  `The actor '${ref.id}' is not declared; this procedure has no Pelaksana columns yet.`,
                ),
            hint: exact
              ? localized(
                  `'${ref.id}' adalah label kolom '${exact.id}'; di dalam [...] tulis id-nya: '${exact.id}'`,
                  `'${ref.id}' is the label of the column '${exact.id}'; inside [...] write its id: '${exact.id}'`,
                )
              : suggestion
                ? localized(`maksudnya '${suggestion}'?`, `did you mean '${suggestion}'?`)
                : list
                  ? localized(`tambahkan '${ref.id} = <label>' ke blok Pelaksana`, `add '${ref.id} = <label>' to the Pelaksana block`)
                  : localized(
                      `tulis blok 'Pelaksana:' dengan baris '${ref.id} = <label>' di bawah 'Prosedur:'`,
                      `write a 'Pelaksana:' block with a line '${ref.id} = <label>' under 'Prosedur:'`,
                    ),
            fix: exact ? { span: ref.span, text: exact.id } : undefined,
          });
        }
      },
    };
  },
};
