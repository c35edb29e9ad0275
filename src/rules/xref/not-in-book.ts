import { localized } from '../../diagnostics/diagnostic.js';
import type { CorpusRule } from '../rule.js';
import { referenceParts, vagueReference } from '../../resolve/references.js';
import type { IndexedReference } from '../../resolve/corpus-index.js';
import { countOf } from '../../util/plural.js';

/** Mentions shown as related locations; the message counts the rest. */
const MAX_RELATED = 5;

/**
 * An SOP the checked files do not hold and the configuration does not declare: another office's SOP,
 * or one of this office's book that is not in the folder. Not a defect of the document that names it,
 * so one info per name for the whole run (at its first mention, the others as related locations),
 * not an error at every mention. A misspelling of a known SOP is xref/unresolved's; "SOP SK" is
 * xref/vague's.
 */
export const notInBook: CorpusRule = {
  meta: {
    id: 'xref/not-in-book',
    description: localized(
      'SOP yang dirujuk tidak ada di berkas yang diperiksa dan tidak dideklarasikan di externalSops.',
      'A referred SOP is not among the checked files and not declared in externalSops.',
    ),
    rationale: localized(
      'Folder yang diperiksa sering hanya memuat sebagian buku SOP sebuah instansi, dan SOP merujuk SOP instansi lain. Rujukan seperti itu bukan cacat dokumen; pemeriksa hanya perlu tahu SOP mana yang tidak dapat diperiksanya. Satu info per nama: deklarasikan di externalSops, atau tambahkan berkasnya ke folder.',
      "A checked folder often holds only part of an office's SOP book, and SOPs refer to other offices' SOPs. Such a reference is no defect of the document; the reviewer only needs to know which SOPs could not be checked. One info per name: declare it in externalSops, or add its file to the folder.",
    ),
    defaultSeverity: 'info',
    presets: ['recommended', 'strict'],
    scope: 'corpus',
    fixable: false,
  },
  check(context) {
    const table = context.references;
    const mentions = new Map<string, { file: string; ref: IndexedReference }[]>();
    for (const entry of context.index.entries) {
      if (!context.isEnabledFor(entry.file)) continue;
      for (const ref of entry.references) {
        if (table.resolve(ref.text) || vagueReference(ref.text) || table.nearMiss(ref.text)) continue;
        const key = referenceParts(ref.text).whole;
        if (!key) continue;
        const list = mentions.get(key) ?? [];
        if (list.length === 0) mentions.set(key, list);
        list.push({ file: entry.file, ref });
      }
    }
    for (const [, list] of mentions) {
      const [first, ...others] = list;
      const files = new Set(list.map((m) => m.file)).size;
      const more = others.length > MAX_RELATED ? others.length - MAX_RELATED : 0;
      const times =
        list.length === 1
          ? localized('', '')
          : localized(` (dirujuk ${list.length} kali di ${files} berkas)`, ` (named ${countOf(list.length, 'time')} in ${countOf(files, 'file')})`);
      context.report({
        file: first.file,
        location: first.ref.location,
        message: localized(
          `'${first.ref.text}' tidak ada di berkas yang diperiksa dan tidak dideklarasikan di externalSops${times.id}: rujukan ke SOP ini tidak dapat diperiksa.`,
          `'${first.ref.text}' is not among the checked files nor declared in externalSops${times.en}: references to it cannot be checked.`,
        ),
        hint: localized(
          `bila SOP itu milik buku lain (instansi lain, atau bagian buku ini yang tidak ada di folder), tambahkan judul lengkapnya ke externalSops di .soplintrc.yaml; bila seharusnya ada di buku ini, tambahkan berkasnya`,
          `if it belongs to another book (another office's, or a part of this book not in the folder), add its full title to externalSops in .soplintrc.yaml; if it belongs in this book, add its file`,
        ),
        related: others.slice(0, MAX_RELATED).map((m) => ({
          file: m.file,
          location: m.ref.location,
          message:
            more && m === others[MAX_RELATED - 1]
              ? localized(`juga dirujuk di sini (dan ${more} tempat lain)`, `also named here (and ${more} more)`)
              : localized('juga dirujuk di sini', 'also named here'),
        })),
      });
    }
  },
};
