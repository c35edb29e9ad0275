import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

/** An SOP without a procedure table, or a procedure table without a single step. */
export const noSteps: FileRule = {
  meta: {
    id: 'flow/no-steps',
    description: localized(
      'SOP tanpa tabel prosedur, atau tabel prosedur tanpa langkah.',
      'An SOP without a procedure table, or a procedure table without steps.',
    ),
    rationale: localized(
      'Permenpan RB 35/2012: inti SOP AP adalah diagram alir langkah-langkahnya. Tanpa langkah tidak ada yang dapat diperiksa (pelaksana, mutu baku, alur); bila tabelnya hilang di sumber, hal itu dinyatakan ("Prosedur: (hilang)"), bukan didiamkan.',
      'Permenpan RB 35/2012: the heart of an SOP AP is the flowchart of its steps. Without steps nothing can be checked (actors, Mutu Baku, flow); when the table is lost in the source, that is said ("Prosedur: (hilang)"), not left silent.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      document(document) {
        if (document.procedures.length > 0) return;
        context.report({
          span: { start: 0, end: 0 },
          message: localized(
            "SOP ini tidak punya tabel prosedur: diharapkan baris 'Prosedur:' diikuti langkah-langkahnya, tidak ditemukan satu pun.",
            "This SOP has no procedure table: a 'Prosedur:' line followed by its steps is expected, none was found.",
          ),
          hint: localized(
            "tambahkan 'Prosedur: <judul>' dan langkahnya ('1. [pelaksana] Kegiatan'); bila tabelnya hilang di sumber, tulis 'Prosedur: (hilang)'",
            "add 'Prosedur: <title>' and its steps ('1. [actor] Kegiatan'); when the table is lost in the source, write 'Prosedur: (hilang)'",
          ),
        });
      },
      procedure(procedure) {
        // A table lost in the source ('Prosedur: (hilang)') or steps declared lost ('Hilang: 1-?') are
        // said, not silent: the file is faithful to a defective source, as the corpus's SOP-307 is.
        if (procedure.steps.length > 0 || procedure.missing.length > 0 || procedure.titleMarker === 'hilang') return;
        const named = procedure.title ? ` '${procedure.title.text}'` : '';
        context.report({
          span: procedure.labelSpan,
          message: localized(
            `Prosedur${named} tidak punya langkah: diharapkan paling sedikit satu langkah bernomor, tidak ditemukan satu pun.`,
            `The procedure${named} has no steps: at least one numbered step is expected, none was found.`,
          ),
          hint: localized(
            "tulis langkahnya di bawah 'Prosedur:' ('1. [pelaksana] Kegiatan'); bila langkahnya hilang di sumber, tulis 'Hilang: 1-?' di bawahnya",
            "write its steps under 'Prosedur:' ('1. [actor] Kegiatan'); when the steps are lost in the source, write 'Hilang: 1-?' under it",
          ),
        });
      },
    };
  },
};
