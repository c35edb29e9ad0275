/**
 * The identity sheet as the official table (Permenpan RB 35/2012): the unit's header beside Nomor SOP,
 * the dates, Disahkan oleh and Nama SOP; below, Dasar Hukum | Kualifikasi Pelaksana, Keterkaitan |
 * Peralatan/Perlengkapan, Peringatan | Pencatatan dan Pendataan.
 */
import type { FieldValue, Identity } from '../../../ast/types.js';
import { markup } from '../text/escape.js';
import { fieldHtml, fieldPlain } from './fields.js';

/** What a missing name or NIP prints as under the signature: a line to write on. */
export const SIGNATURE_BLANK = '........................................';
/** The height of the place for the signature and the stamp. */
export const SIGNATURE_HEIGHT_MM = 15;

const HEAD_ROWS: Array<[string, (i: Identity) => FieldValue | undefined]> = [
  ['Nomor SOP', (i) => i.nomor],
  ['Tanggal Pembuatan', (i) => i.tanggalPembuatan],
  ['Tanggal Revisi', (i) => i.tanggalRevisi],
  ['Tanggal Efektif', (i) => i.tanggalEfektif],
  ['Disahkan oleh', (i) => i.disahkanOleh],
  ['Nama SOP', (i) => i.judul],
];

const PAIRS: Array<[[string, keyof Identity], [string, keyof Identity]]> = [
  [['Dasar Hukum', 'dasarHukum'], ['Kualifikasi Pelaksana', 'kualifikasiPelaksana']],
  [['Keterkaitan', 'keterkaitan'], ['Peralatan/Perlengkapan', 'peralatan']],
  [['Peringatan', 'peringatan'], ['Pencatatan dan Pendataan', 'pencatatan']],
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

function unitHeader(identity: Identity): string {
  const lines = [fieldPlain(identity.instansi), fieldPlain(identity.unitKerja)].filter(Boolean);
  return lines.map((line) => `<p>${markup(line)}</p>`).join('');
}

export function identitySheet(identity: Identity): string {
  if (identity.missing && !hasOtherFields(identity)) {
    return '<section class="sheet identity" aria-label="Lembar identitas"><p class="marker">Lembar identitas SOP tidak ada dalam sumber.</p></section>';
  }
  const rows: string[] = [];
  HEAD_ROWS.forEach(([label, get], i) => {
    const value = label === 'Disahkan oleh' ? approval(identity) : markup(fieldPlain(get(identity)));
    const unit = i === 0 ? `<td class="unit" rowspan="${HEAD_ROWS.length}" colspan="2">${unitHeader(identity)}</td>` : '';
    rows.push(`<tr>${unit}<th scope="row">${label}</th><td>${value}</td></tr>`);
  });
  for (const [[leftLabel, leftKey], [rightLabel, rightKey]] of PAIRS) {
    rows.push(`<tr class="pair-head"><th scope="col" colspan="2">${leftLabel}</th><th scope="col" colspan="2">${rightLabel}</th></tr>`);
    const left = fieldHtml(identity[leftKey] as FieldValue | undefined);
    const right = fieldHtml(identity[rightKey] as FieldValue | undefined);
    rows.push(`<tr class="pair-body"><td colspan="2">${left}</td><td colspan="2">${right}</td></tr>`);
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
