import type { FieldValue } from '../../ast/types.js';
import { identityField } from '../../ast/types.js';
import { localized } from '../../diagnostics/diagnostic.js';
import { declaredSpelling } from '../../resolve/references.js';
import type { FileRule } from '../rule.js';
import type { IdentityKey } from '../../syntax/labels.js';
import { IDENTITY_LABELS } from '../../syntax/labels.js';

/** The fields of the official identity sheet that every SOP must fill in (Permenpan RB 35/2012). */
export const REQUIRED_IDENTITY_FIELDS: IdentityKey[] = [
  'nomor',
  'tanggalPembuatan',
  'tanggalRevisi',
  'tanggalEfektif',
  'disahkanOleh',
  'judul',
  'dasarHukum',
  'kualifikasiPelaksana',
  'keterkaitan',
  'peralatan',
  'peringatan',
  'pencatatan',
];

const labelOf = (key: IdentityKey) => IDENTITY_LABELS.find((l) => l.key === key)!.canonical;

/** Every required field of the identity sheet present and not empty. */
export const requiredField: FileRule = {
  meta: {
    id: 'identity/required-field',
    description: localized('Kolom wajib lembar identitas tidak ada atau kosong.', 'A required field of the identity sheet is missing or empty.'),
    rationale: localized(
      'Permenpan RB 35/2012 menetapkan isi lembar identitas; kolom yang kosong (mis. Keterkaitan, Peralatan) membuat SOP tidak dapat disahkan.',
      'Permenpan RB 35/2012 fixes the identity sheet; an empty field (Keterkaitan, Peralatan, ...) keeps the SOP from being approved.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    optionsSchema: {
      type: 'object',
      properties: { fields: { type: 'array', items: { type: 'string', enum: IDENTITY_LABELS.map((l) => l.key) } } },
      additionalProperties: false,
    },
    defaultOptions: { fields: REQUIRED_IDENTITY_FIELDS },
    fixable: false,
  },
  create(context) {
    return {
      document(document) {
        const identity = document.identity;
        // A sheet lost in the source is reported by lost/identity, like every other declared loss.
        if (identity.missing) return;
        const missing: string[] = [];
        for (const key of context.options.fields as IdentityKey[]) {
          const field = identityField(identity, key);
          const label = labelOf(key);
          if (!field) {
            missing.push(label);
            continue;
          }
          // Declared lost ('(hilang)'): the copy's loss, reported once at info by lost/field.
          if (field.marker === 'hilang') continue;
          if (!field.text && field.items.length === 0) {
            const why = field.placeholder
              ? localized(`kosong (hanya tanda isian '${field.placeholder.text}')`, `empty (only the placeholder '${field.placeholder.text}')`)
              : localized('kosong', 'empty');
            // An empty Keterkaitan whose steps do name other SOPs: those are what it should list.
            const referenced = key === 'keterkaitan' ? document.procedures.flatMap((p) => p.steps.flatMap((st) => st.keterangan?.references ?? [])) : [];
            const named = [...new Set(referenced.map((r) => declaredSpelling(r.text, context.settings.externalSops)))];
            const list = named.map((n) => `'- ${n}'`).join(', ');
            context.report({
              span: field.span,
              message: localized(`Kolom '${label}' ${why.id}; diharapkan sebuah isian.`, `The field '${label}' is ${why.en}; a value is expected.`),
              hint: named.length
                ? localized(`langkah-langkahnya merujuk SOP lain: tulis di bawahnya ${list}`, `its steps refer to other SOPs: list them under it, ${list}`)
                : key === 'tanggalRevisi' && field.placeholder
                  ? // Not revised yet ('-'): the form then holds the planned review date.
                    localized(
                      "tulis tanggal revisi terakhir, atau bila belum pernah direvisi tanggal rencana peninjauannya, mis. '13 Oktober 2017'",
                      "write the date of the last revision, or when there has been none the planned review date, e.g. '13 Oktober 2017'",
                    )
                  : localized(`isi '${label}:' sesuai Permenpan RB 35/2012`, `fill in '${label}:' as Permenpan RB 35/2012 asks`),
            });
          }
        }
        if (missing.length) {
          // Where the sheet starts (not a comment above it): its first field, else the first table.
          const fields = Object.values(identity).filter((v): v is FieldValue => typeof v === 'object' && v !== null && 'span' in v);
          const first = fields.map((f) => f.label.span).sort((a, b) => a.start - b.start)[0] ?? document.procedures[0]?.labelSpan;
          context.report({
            span: first ? { start: first.start, end: first.start } : { start: 0, end: 0 },
            message: localized(`Lembar identitas tidak punya kolom: ${missing.join(', ')}.`, `The identity sheet lacks the fields: ${missing.join(', ')}.`),
            hint: localized(`tambahkan baris '${missing[0]}: ...'`, `add a line '${missing[0]}: ...'`),
          });
        }
      },
    };
  },
};
