/**
 * The identity sheet as the official table (Permenpan RB 35/2012): the unit's header (with the
 * office's logo) beside Nomor SOP, the dates, Disahkan oleh and Nama SOP; below, Dasar Hukum |
 * Kualifikasi Pelaksana, Keterkaitan | Peralatan/Perlengkapan, Peringatan | Pencatatan dan Pendataan.
 * The fields other offices print go where their forms put them, and only when written: No. Revisi
 * under Tanggal Revisi; Tujuan | Ruang Lingkup and Definisi | Persyaratan above Dasar Hukum;
 * Catatan Pelaksanaan across the foot of the sheet.
 */
import type { FieldValue, Identity } from '../../../ast/types.js';
import { markup } from '../text/escape.js';
import { fieldHtml, fieldPlain } from './fields.js';

/** What a missing name or NIP prints as under the signature: a line to write on. */
export const SIGNATURE_BLANK = '........................................';
/** The height of the place for the signature and the stamp. */
export const SIGNATURE_HEIGHT_MM = 15;

const HEAD_ROWS: Array<[string, (i: Identity) => FieldValue | undefined, 'optional'?]> = [
  ['Nomor SOP', (i) => i.nomor],
  ['Tanggal Pembuatan', (i) => i.tanggalPembuatan],
  ['Tanggal Revisi', (i) => i.tanggalRevisi],
  ['No. Revisi', (i) => i.revisi, 'optional'],
  ['Tanggal Efektif', (i) => i.tanggalEfektif],
  ['Disahkan oleh', (i) => i.disahkanOleh],
  ['Nama SOP', (i) => i.judul],
];

/** Pairs printed by other offices' forms above the official ones, when either field is written. */
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

/** Whether the SOP has anything to print on an identity sheet. */
export function hasIdentity(identity: Identity): boolean {
  return identity.missing || Object.entries(identity).some(([key, value]) => key !== 'missing' && value !== undefined);
}

/**
 * Disahkan oleh as offices sign it: the official's position, the place for the signature and the
 * stamp, then the name and the NIP (left as blanks to fill in when the source has none).
 */
function approval(identity: Identity): string {
  const position = fieldPlain(identity.disahkanOleh);
  const name = fieldPlain(identity.namaPengesah);
  const nip = fieldPlain(identity.nipPengesah);
  if (!position && !name && !nip) return '';
  return [
    position ? `<p>${markup(position)}</p>` : '',
    '<div class="signature" role="img" aria-label="Tempat tanda tangan dan cap"></div>',
    `<p class="signer">${markup(name || SIGNATURE_BLANK)}</p>`,
    `<p>NIP. ${markup(nip || SIGNATURE_BLANK)}</p>`,
  ].join('');
}

function unitHeader(identity: Identity, logo: string | undefined): string {
  const lines = [fieldPlain(identity.instansi), fieldPlain(identity.unitKerja)].filter(Boolean);
  const image = logo ? `<img class="logo" src="${markup(logo)}" alt="Logo ${markup(lines[0] ?? 'instansi')}">` : '';
  return image + lines.map((line) => `<p>${markup(line)}</p>`).join('');
}

/** `logo`: the image to print in the unit's header (a data: URL or a path the page can load). */
export function identitySheet(identity: Identity, logo?: string): string {
  if (identity.missing && !hasOtherFields(identity)) {
    return '<section class="sheet identity" aria-label="Lembar identitas"><p class="marker">Lembar identitas SOP tidak ada dalam sumber.</p></section>';
  }
  const rows: string[] = [];
  const head = HEAD_ROWS.filter(([, get, optional]) => !optional || get(identity));
  head.forEach(([label, get], i) => {
    const value = label === 'Disahkan oleh' ? approval(identity) : markup(fieldPlain(get(identity)));
    const unit = i === 0 ? `<td class="unit" rowspan="${head.length}" colspan="2">${unitHeader(identity, logo)}</td>` : '';
    rows.push(`<tr>${unit}<th scope="row">${label}</th><td>${value}</td></tr>`);
  });
  const officePairs = OFFICE_PAIRS.filter(([[, left], [, right]]) => identity[left] || identity[right]);
  for (const [[leftLabel, leftKey], [rightLabel, rightKey]] of [...officePairs, ...PAIRS]) {
    rows.push(`<tr class="pair-head"><th scope="col" colspan="2">${leftLabel}</th><th scope="col" colspan="2">${rightLabel}</th></tr>`);
    const left = fieldHtml(identity[leftKey] as FieldValue | undefined);
    const right = fieldHtml(identity[rightKey] as FieldValue | undefined);
    rows.push(`<tr class="pair-body"><td colspan="2">${left}</td><td colspan="2">${right}</td></tr>`);
  }
  if (identity.catatanPelaksanaan) {
    rows.push('<tr class="pair-head"><th scope="col" colspan="4">Catatan Pelaksanaan</th></tr>');
    rows.push(`<tr class="pair-body"><td colspan="4">${fieldHtml(identity.catatanPelaksanaan)}</td></tr>`);
  }
  const paraf = identity.paraf?.items.length ? parafTable(identity.paraf) : '';
  return [
    '<section class="sheet identity" aria-label="Lembar identitas">',
    '<table class="identity">',
    '<caption class="visually-hidden">Lembar identitas SOP</caption>',
    '<colgroup><col class="unit-a"><col class="unit-b"><col class="label"><col class="value"></colgroup>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    paraf,
    '</section>',
  ].join('\n');
}

function hasOtherFields(identity: Identity): boolean {
  return Object.entries(identity).some(([key, value]) => key !== 'missing' && key !== 'identitas' && value !== undefined);
}

/** The initialling boxes printed under the sheet. */
function parafTable(paraf: FieldValue): string {
  const heads = paraf.items.map((item) => `<th scope="col">${markup(item.text)}</th>`).join('');
  const boxes = paraf.items.map(() => '<td></td>').join('');
  return `<table class="paraf"><caption class="visually-hidden">Paraf</caption><thead><tr>${heads}</tr></thead><tbody><tr>${boxes}</tr></tbody></table>`;
}
