/** Random text and mutations of SOPs, for the property runs of the front end. */
import fc from 'fast-check';

/** Pieces that matter to the lexer and parser, to make random text interesting. */
export const tricky = fc.constantFrom(
  '\n',
  '\r\n',
  '\r',
  '\t',
  '  ',
  '\uFEFF',
  '#',
  '# soplint-disable-next-line x -- y\n',
  '->',
  '→',
  ',',
  ':',
  '[',
  ']',
  '[a]',
  '1.',
  '?.',
  '12.',
  '- ',
  '=',
  'a = A\n',
  'Keputusan:',
  'Kelengkapan:',
  'Waktu: 1 jam',
  'Prosedur:',
  'Pelaksana:\n',
  'Hilang: 1-?',
  'Identitas: (hilang)',
  '(kosong)',
  'Judul SOP:',
  'Ya -> ',
  'SOP ',
  '\u0000',
  '😀',
);

export const randomText = fc.array(fc.oneof(fc.string(), tricky), { maxLength: 60 }).map((parts) => parts.join(''));

export const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(tricky, fc.string()) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

export function mutate(text: string, m: Mutation): string {
  const at = text.length ? m.at % text.length : 0;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'duplicateLine': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
  }
}

const word = fc.constantFrom(
  'Surat',
  'permohonan',
  'Kabid',
  'SOP Surat Keluar',
  'Ya',
  'Tidak',
  'lengkap',
  '2 hari',
  '(hilang)',
  '(kosong)',
  '...',
  '…',
  '-',
  'x',
);
const words = fc.array(word, { minLength: 0, maxLength: 4 }).map((w) => w.join(' '));
const indent = fc.constantFrom('', '  ', '     ', '\t', '        ');
const target = fc.constantFrom('4', '12', 'selesai', 'Selesai', '?', 'x', '', '4 dan 5', '-> 3');
const exit = fc.oneof(
  fc.tuple(words, target).map(([label, to]) => `${label} -> ${to}`),
  fc.tuple(words, target).map(([label, to]) => `${label} → ${to}`),
  target,
  words,
);
const label = fc.constantFrom(
  'Judul SOP',
  'Nomor SOP',
  'Tanggal Pembuatan',
  'Tanggal Efektif',
  'Disahkan oleh',
  'Dasar Hukum',
  'Keterkaitan',
  'Peralatan/Perlengkapan',
  'Peringatan',
  'Pencatatan dan Pendataan',
  'Kualifikasi Pelaksana',
  'Identitas',
  'Persyaratan',
  'Kelengkapan',
  'Kelengkapn',
  'Waktu',
  'Output',
  'Keterangan',
  'Catatan',
  'Simbol',
  'Hasil',
);

/** One line of an SOP-shaped file: every kind the grammar knows, well and badly formed. */
const line = fc.oneof(
  fc.tuple(indent, label, words).map(([i, l, v]) => `${i}${l}: ${v}`),
  fc.tuple(indent, words).map(([i, v]) => `${i}- ${v}`),
  fc.tuple(indent, words).map(([i, v]) => `${i}${v}`),
  fc.tuple(indent, words).map(([i, v]) => `${i}Prosedur: ${v}`),
  fc.tuple(indent, words).map(([i, v]) => `${i}Pelaksana:${v ? ` ${v}` : ''}`),
  fc.tuple(indent, fc.constantFrom('kabid', 'jfu', 'tim', 'kasubbid pe'), words).map(([i, id, v]) => `${i}${id} = ${v}`),
  fc
    .tuple(indent, fc.constantFrom('1', '2', '3', '4', '12', '?', 'x', '2)'), fc.constantFrom('', '[kabid]', '[jfu, tim]', '[]', '[kabid'), words)
    .map(([i, n, a, v]) => `${i}${n}. ${a} ${v}`),
  fc.tuple(indent, fc.array(exit, { maxLength: 3 }), fc.boolean()).map(([i, exits, comma]) => `${i}Keputusan: ${exits.join(', ')}${comma ? ',' : ''}`),
  fc.tuple(indent, fc.array(target, { maxLength: 3 }), fc.boolean()).map(([i, targets, comma]) => `${i}Lanjut: ${targets.join(', ')}${comma ? ',' : ''}`),
  fc.tuple(indent, fc.constantFrom('1-11', '12-?', 'x', '', '3')).map(([i, r]) => `${i}Hilang: ${r}`),
  fc.constantFrom('', '# komentar', '# soplint-disable-next-line flow/handover -- ya', 'Identitas: (hilang)'),
);

/** A file of such lines, with a file's usual frame now and then (identity, a procedure, its actors). */
export const sopText = fc
  .tuple(fc.boolean(), fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'))
  .map(([framed, lines, eol]) =>
    (framed ? ['Judul SOP: Contoh', 'Prosedur: Contoh', 'Pelaksana:', '  kabid = Kabid', '  jfu = JFU', ...lines] : lines).join(eol),
  );
