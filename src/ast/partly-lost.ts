/**
 * Cells whose content is partly lost in the source ("Informasi P…", "Surat (…) Kepala"): kept as
 * written, and reported at info level so that the report lists what the source lacks.
 */
import { localized } from '../diagnostics/diagnostic.js';
import type { FieldValue, SopDocument, TextNode } from './types.js';
import { isPartlyLost } from './values.js';

interface Where {
  id: string;
  en: string;
}

export type ReportInfo = (span: TextNode['span'], message: ReturnType<typeof localized>, hint: ReturnType<typeof localized>) => void;

/** Every partly lost cell of a document: a field's text (or, without one, each of its items), a Kegiatan, a title. */
export function reportPartlyLost(document: SopDocument, report: ReportInfo): void {
  const cell = (node: TextNode | null | undefined, where: Where) => {
    if (!node || !isPartlyLost(node.text)) return;
    report(
      node.span,
      localized(
        `Isi ${where.id} sebagian hilang di sumber: '${shortened(node.text)}'; ditulis apa adanya.`,
        `Part of ${where.en} is lost in the source: '${shortened(node.text)}'; it is kept as written.`,
      ),
      localized(
        'lengkapi dari dokumen asli bila ada; bila tidak, biarkan tanda … sebagai catatan',
        'complete it from the original document if there is one; if not, leave the … as the record',
      ),
    );
  };
  const field = (value: FieldValue | undefined, where: Where) => {
    if (!value) return;
    if (value.text) cell(value.text, where);
    // Items split from the text are the same cell; only a list's own items are cells of their own.
    const ownItems = value.text ? value.items.filter((item) => item.span.start >= value.text!.span.end) : value.items;
    for (const item of ownItems) cell(item, where);
  };
  for (const value of Object.values(document.identity)) {
    if (typeof value === 'object' && value && 'label' in value) field(value, { id: `'${value.label.text}'`, en: `'${value.label.text}'` });
  }
  for (const procedure of document.procedures) {
    cell(procedure.title, { id: "judul 'Prosedur'", en: "the 'Prosedur' title" });
    for (const step of procedure.steps) {
      const n = step.number ?? '?';
      cell(step.kegiatan, { id: `Kegiatan langkah ${n}`, en: `the Kegiatan of step ${n}` });
      for (const value of [step.kelengkapan, step.waktu, step.output, step.keterangan, step.catatan]) {
        if (value) field(value, { id: `'${value.label.text}' langkah ${n}`, en: `the '${value.label.text}' of step ${n}` });
      }
    }
  }
}

function shortened(text: string): string {
  return text.length > 50 ? `${text.slice(0, 24)} … ${text.slice(-23)}` : text;
}
