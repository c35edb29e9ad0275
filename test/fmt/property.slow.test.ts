/**
 * `soplint fmt` over generated SOPs: idempotent, and the formatted text reads as the same SOP (same
 * document, same syntax findings). The prose is made of ordinary words and of words that would start
 * a line differently (a label, a list dash, a step number, a comment, an actor column, an arrow), so
 * that wrapping is tried at every kind of break point.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { formatSop } from '../../src/fmt/format.js';
import { documentShape, findingShape } from '../../src/fmt/verify.js';

// Property runs parse and format a few thousand documents: minutes on a busy 2-vCPU machine.
vi.setConfig({ testTimeout: 300_000 });

const plain = ['berkas', 'surat', 'Kabid', 'memeriksa', 'dan', 'kepada', 'izin', 'SOP', 'Surat', 'Keluar', 'permohonan', 'ke', 'langkah'];
const hostile = [
  '2.',
  '12.',
  '2)',
  '?.',
  'x.',
  '[a]',
  '[a,',
  '-',
  '–',
  '->',
  '→',
  '#',
  'a=b',
  '=',
  'a',
  'b',
  'Waktu:',
  'Hasil:',
  'Kelengkapn:',
  'No.',
  'Urut:',
  'Catatan',
  ':',
  '10:30',
  'Ya',
  'Tidak',
  'selesai',
  '(kosong)',
  '(hilang)',
  'Informasi P…',
  'soplint-disable-next-line',
];
const word = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...plain) }, { weight: 2, arbitrary: fc.constantFrom(...hostile) });
const prose = fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));
/** Text that may stand first on a line (a line starting with a hostile word is another construct). */
const lineProse = fc.tuple(fc.constantFrom(...plain), prose).map(([first, rest]) => `${first} ${rest}`);
const indent = fc.constantFrom('', ' ', '  ', '    ', '\t');
const identityLabel = fc.constantFrom('Instansi', 'pemerintah', 'Unit Kerja', 'Nomor SOP', 'judul', 'Judul SOP', 'Peringatan', 'Tujuan', 'Dasar Hukum');
const fieldLabel = fc.constantFrom('Kelengkapan', 'Waktu', 'Output', 'keluaran', 'Keterangan', 'Catatan');

const comment = fc.constantFrom('# catatan penyalin', '# soplint-disable-next-line chain/unproduced-input -- uji');

const step = (n: number) =>
  fc
    .record({
      head: indent,
      actor: fc.constantFrom('a', 'b', 'a, b'),
      text: lineProse,
      more: fc.option(lineProse, { nil: undefined }),
      fields: fc.uniqueArray(fc.tuple(fieldLabel, indent, prose, fc.option(lineProse, { nil: undefined })), {
        selector: (f) => f[0].toLowerCase().replace('keluaran', 'output'),
        maxLength: 4,
      }),
      comment: fc.option(comment, { nil: undefined }),
      fieldComment: fc.option(comment, { nil: undefined }),
      decision: fc.boolean(),
    })
    .map((s) =>
      [
        ...(s.comment ? [`${s.head}${s.comment}`] : []),
        `${s.head}${n}. [${s.actor}] ${s.text}`,
        ...(s.more ? [`         ${s.more}`] : []),
        ...s.fields.flatMap(([label, ind, value, more], i) => [
          ...(i === 0 && s.fieldComment ? [`${ind}   ${s.fieldComment}`] : []),
          `${ind}   ${label}: ${label.toLowerCase() === 'waktu' ? '1 jam' : value}`,
          ...(more && label.toLowerCase() !== 'waktu' ? [`${ind}        ${more}`] : []),
        ]),
        ...(s.decision ? [`${s.head}   Keputusan: Ya -> ${n}, Tidak lengkap -> selesai`] : []),
      ].join('\n'),
    );

/** A list field of the identity sheet: items with long text, and lines continuing them. */
const listField = fc
  .tuple(
    fc.constantFrom('Dasar Hukum', 'Keterkaitan', 'Peralatan', 'Kualifikasi Pelaksana'),
    fc.array(fc.tuple(indent, lineProse, fc.option(lineProse, { nil: undefined })), { minLength: 1, maxLength: 3 }),
  )
  .map(([label, items]) => [`${label}:`, ...items.flatMap(([ind, item, more]) => [`${ind}- ${item}`, ...(more ? [`${ind}    ${more}`] : [])])].join('\n'));

const sop = fc
  .record({
    identity: fc.array(fc.tuple(identityLabel, indent, prose, fc.option(lineProse, { nil: undefined })), { maxLength: 5 }),
    lists: fc.array(listField, { maxLength: 2 }),
    // Steps numbered from 1, or from 8 after a declared loss (two-digit numbers move the fields' column).
    first: fc.constantFrom(1, 8),
    count: fc.integer({ min: 1, max: 5 }),
    crlf: fc.boolean(),
  })
  .chain((r) => fc.tuple(...Array.from({ length: r.count }, (_, i) => step(r.first + i))).map((steps) => ({ ...r, steps })))
  .map(({ identity, lists, first, steps, crlf }) => {
    const text = [
      ...identity.flatMap(([l, i, v, more]) => [`${i}${l}: ${v}`, ...(more ? [`  ${more}`] : [])]),
      ...lists,
      '',
      'Prosedur: Uji',
      'Pelaksana:',
      '  a = Petugas A',
      ' b =   Petugas B',
      ...(first > 1 ? [`  Hilang: 1-${first - 1}`] : []),
      ...steps,
      '',
    ].join('\n');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

const hasErrors = (text: string) => parseSop(text).diagnostics.some((d) => d.severity === 'error');

describe('soplint fmt over generated SOPs', () => {
  it('is idempotent and keeps the document and its syntax findings', () => {
    let wrapped = 0;
    let checked = 0;
    fc.assert(
      fc.property(sop, fc.integer({ min: 40, max: 120 }), (text, width) => {
        // fmt refuses a file with syntax errors; the generator makes few of them.
        fc.pre(!hasErrors(text));
        checked++;
        const once = formatSop(text, { width });
        expect(formatSop(once, { width })).toBe(once);
        const before = parseSop(text);
        const after = parseSop(once);
        expect(documentShape(after)).toBe(documentShape(before));
        expect(findingShape(after)).toEqual(findingShape(before));
        if (once.split(/\r?\n/).length > text.split(/\r?\n/).length) wrapped++;
      }),
      { numRuns: 600, maxSkipsPerRun: 10 },
    );
    // The run said something about wrapping: many documents had lines split.
    expect(checked).toBeGreaterThanOrEqual(600);
    expect(wrapped).toBeGreaterThan(checked / 4);
  });
});
