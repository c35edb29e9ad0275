/**
 * The identity sheet's content as plain rows, for the renderers that draw the table themselves
 * (PDF, Word): the same fields, labels and order as the HTML form's identity sheet
 * (src/emit/form/html/identity-sheet.ts).
 */
import type { FieldValue, Identity } from '../../ast/types.js';
import { fieldPlain } from '../form/html/fields.js';
import { hasIdentity, SIGNATURE_BLANK } from '../form/html/identity-sheet.js';
import { MISSING_IDENTITY } from '../form/layout/notice.js';

export interface IdentityRow {
  label: string;
  /** One entry per printed line or paragraph. */
  lines: string[];
  /** Disahkan oleh: `lines` (the position), then the place to sign and stamp, then name and NIP. */
  signature?: { name: string; nip: string };
}

export interface IdentityPairCell {
  label: string;
  /** Paragraphs; a list of several items is numbered ("1. ..."). */
  paragraphs: string[];
}

export type IdentityModel =
  | { kind: 'none' }
  | { kind: 'missing'; message: string }
  | {
      kind: 'sheet';
      /** Instansi and Unit Kerja, printed large beside the head rows. */
      unit: string[];
      head: IdentityRow[];
      pairs: Array<[IdentityPairCell, IdentityPairCell]>;
      /** Catatan Pelaksanaan across the foot of the sheet, when written. */
      foot: IdentityPairCell | null;
      /** Labels of the initialling boxes (Paraf), if the source has them. */
      paraf: string[];
    };

export { MISSING_IDENTITY };

const HEAD: Array<[string, (i: Identity) => FieldValue | undefined]> = [
  ['Nomor SOP', (i) => i.nomor],
  ['Tanggal Pembuatan', (i) => i.tanggalPembuatan],
  ['Tanggal Revisi', (i) => i.tanggalRevisi],
  ['No. Revisi', (i) => i.revisi],
  ['Tanggal Efektif', (i) => i.tanggalEfektif],
  ['Disahkan oleh', (i) => i.disahkanOleh],
  ['Nama SOP', (i) => i.judul],
];

/** Printed by other offices' forms above the official pairs, when either field is written. */
const OFFICE_PAIRS: Array<[[string, keyof Identity], [string, keyof Identity]]> = [
  [
    ['Tujuan', 'tujuan'],
    ['Ruang Lingkup', 'ruangLingkup'],
  ],
  [
    ['Definisi', 'definisi'],
    ['Persyaratan', 'persyaratan'],
  ],
];

const PAIRS: Array<[[string, keyof Identity], [string, keyof Identity]]> = [
  [
    ['Dasar Hukum', 'dasarHukum'],
    ['Kualifikasi Pelaksana', 'kualifikasiPelaksana'],
  ],
  [
    ['Keterkaitan', 'keterkaitan'],
    ['Peralatan/Perlengkapan', 'peralatan'],
  ],
  [
    ['Peringatan', 'peringatan'],
    ['Pencatatan dan Pendataan', 'pencatatan'],
  ],
];

/** A field as paragraphs: its text, or its items (numbered when several), markers spelled out. */
export function fieldParagraphs(field: FieldValue | undefined): string[] {
  if (!field || field.marker === 'kosong') return [];
  if (field.marker === 'hilang') return ['(hilang dari sumber)'];
  const paragraphs: string[] = [];
  if (field.text) paragraphs.push(field.text.text);
  const splitOfText = field.text && field.items.every((item) => item.span.start >= field.text!.span.start && item.span.end <= field.text!.span.end);
  if (field.items.length && !splitOfText) {
    if (field.items.length === 1) paragraphs.push(field.items[0].text);
    else paragraphs.push(...field.items.map((item, i) => `${i + 1}. ${item.text}`));
  }
  return paragraphs;
}

function approvalRow(identity: Identity): IdentityRow {
  const position = fieldPlain(identity.disahkanOleh);
  const name = fieldPlain(identity.namaPengesah);
  const nip = fieldPlain(identity.nipPengesah);
  const row: IdentityRow = { label: 'Disahkan oleh', lines: [position].filter(Boolean) };
  if (position || name || nip) row.signature = { name: name || SIGNATURE_BLANK, nip: `NIP. ${nip || SIGNATURE_BLANK}` };
  return row;
}

export function identityModel(identity: Identity): IdentityModel {
  if (!hasIdentity(identity)) return { kind: 'none' };
  const others = Object.entries(identity).some(([key, value]) => key !== 'missing' && key !== 'identitas' && value !== undefined);
  if (identity.missing && !others) return { kind: 'missing', message: MISSING_IDENTITY };
  // No. Revisi only when written, as the HTML form prints it.
  const head = HEAD.filter(([label, get]) => label !== 'No. Revisi' || get(identity)).map(([label, get]) =>
    label === 'Disahkan oleh' ? approvalRow(identity) : { label, lines: [fieldPlain(get(identity))].filter(Boolean) },
  );
  const officePairs = OFFICE_PAIRS.filter(([[, left], [, right]]) => identity[left] || identity[right]);
  const cell = ([label, key]: [string, keyof Identity]): IdentityPairCell => ({ label, paragraphs: fieldParagraphs(identity[key] as FieldValue | undefined) });
  return {
    kind: 'sheet',
    unit: [fieldPlain(identity.instansi), fieldPlain(identity.unitKerja)].filter(Boolean),
    head,
    pairs: [...officePairs, ...PAIRS].map(([left, right]) => [cell(left), cell(right)]),
    foot: identity.catatanPelaksanaan ? { label: 'Catatan Pelaksanaan', paragraphs: fieldParagraphs(identity.catatanPelaksanaan) } : null,
    paraf: identity.paraf?.items.map((item) => item.text) ?? [],
  };
}
