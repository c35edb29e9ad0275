/**
 * flow/text-mismatch on real sentences: Kegiatan texts of the bundled book (sops/) and of other
 * offices' SOPs (test/fixtures/offices/), and the phrasings the issue names, each checked both ways:
 * in an SOP whose chart goes where the sentence says (no finding) and in one whose chart goes
 * elsewhere (one finding). Sentences that only look like flow ("setelah proses selesai") never
 * give a finding.
 */
import { describe, expect, it } from 'vitest';
import { textMismatch } from '../../../src/rules/flow/text-mismatch.js';
import { implicitDecision } from '../../../src/rules/flow/implicit-decision.js';
import { findingsOf } from '../../helpers/rule-harness.js';

const settings = { externalSops: [], externalInputs: [] };

/** Five steps: 1 [loket], 2 [jfu], 3 [kasubbid], 4 [the sentence, kabid], 5 [loket]. */
function sop(sentence: string, fields: string[]): string {
  return [
    'Prosedur: P',
    'Pelaksana:',
    '  loket    = Petugas Loket',
    '  jfu      = JFU Subbid',
    '  kasubbid = Kasubbid',
    '  kabid    = Kabid',
    '  1. [loket] Menerima berkas permohonan',
    '  2. [jfu] Mengetik konsep surat',
    '  3. [kasubbid] Memeriksa konsep surat',
    `  4. [kabid] ${sentence}`,
    ...fields.map((f) => `     ${f}`),
    '  5. [loket] Menyerahkan surat kepada pemohon',
    '  6. [loket] Selesai',
    '',
  ].join('\n');
}

const findings = (text: string) => findingsOf(textMismatch, [{ path: 'x.sop', text }], settings).map((d) => d.message.en);

/** [sentence, fields where the chart agrees, fields where it does not]. */
const BOTH_WAYS: Array<[string, string[], string[]]> = [
  // Returns to an actor, as the book writes them (sop-506, sop-308, sop-405, ...).
  [
    'Memeriksa dan mengoreksi hasil ketikan usulan kerangka acuan kegiatan, jika setuju meneruskan ke Kabid, jika tidak setuju dikembalikan kepada JFU Subbid untuk diperbaiki.',
    ['Keputusan: Ya -> 5, Tidak -> 2'],
    ['Keputusan: Ya -> 5, Tidak -> selesai'],
  ],
  [
    'Menerima dan memeriksa konsep, jika tidak setuju naskah dikembalikan ke Kasubbid untuk diperbaiki',
    ['Keputusan: Ya -> 5, Tidak -> 3'],
    ['Keputusan: Ya -> 5, Tidak -> ?'],
  ],
  [
    'Membubuhkan tanda tangan, jika tidak setuju maka akan dikembalikan ke Kasubbid untuk diperbaiki',
    ['Keputusan: Setuju -> 5, Tidak -> 3'],
    ['Keputusan: Setuju -> 5, Tidak -> selesai'],
  ],
  ['Jika tidak setuju mengembalikan kepada JFU Subbid untuk diperbaiki', ['Keputusan: Ya -> 5, Tidak -> 2'], ['Keputusan: Ya -> 5, Tidak -> selesai']],
  [
    'Jika tidak sesuai akan dikembalikan ke JFU Subbid untuk dilengkapi',
    ['Keputusan: Sesuai -> 5, Tidak sesuai -> 2'],
    ['Keputusan: Sesuai -> 5, Tidak sesuai -> selesai'],
  ],
  ['Memeriksa konsep dan meneruskan kepada Petugas Loket, lalu berkas yang salah dikembalikan kepada Kasubbid untuk dikoreksi', ['Lanjut: 5, 3'], []],
  // Steps by number, as other offices' SOPs and the issue write them.
  ['Apabila berkas belum lengkap, kembali ke langkah 1', ['Keputusan: Lengkap -> 5, Belum -> 1'], ['Keputusan: Lengkap -> 5, Belum -> 3']],
  ['Meminta pemohon melengkapi berkas, kembali ke langkah 2', ['Lanjut: 2'], []],
  ['Berkas diperbaiki, kemudian proses kembali ke langkah no. 3', ['Lanjut: 3'], []],
  ['Bila sudah ditandatangani dilanjutkan ke langkah 6', ['Lanjut: 6'], []],
  ['Proses dilanjutkan ke langkah nomor 6', ['Lanjut: 6'], []],
  ['Lanjut ke kegiatan no. 6', ['Lanjut: 6'], []],
  ['Bila ada kekeliruan diulangi dari langkah 1', ['Keputusan: Benar -> 5, Keliru -> 1'], ['Keputusan: Benar -> 5, Keliru -> 3']],
  ['Jika tidak sesuai kembali ke tahap 2', ['Keputusan: Sesuai -> 5, Tidak -> 2'], ['Keputusan: Sesuai -> 5, Tidak -> 1']],
  ['Jika ada kekeliruan kembali ke langkah sebelumnya', ['Keputusan: Benar -> 5, Keliru -> 3'], ['Keputusan: Benar -> 5, Keliru -> 2']],
  // The end of the procedure.
  ['Menolak permohonan yang tidak memenuhi syarat, prosedur berhenti', ['Lanjut: selesai'], []],
  ['Permohonan ditolak dan proses dihentikan', ['Lanjut: selesai'], []],
  ['Jika tidak memenuhi syarat, prosedur berakhir', ['Keputusan: Memenuhi -> 5, Tidak memenuhi -> selesai'], ['Keputusan: Memenuhi -> 5, Tidak memenuhi -> 3']],
  ['Berkas dikembalikan kepada pemohon, proses pelayanan selesai', ['Lanjut: selesai'], []],
];

/** Sentences of the book and the offices' SOPs that say nothing about where the flow goes. */
const NEVER: string[] = [
  'Setelah proses selesai, menyerahkan berkas kepada Petugas Loket',
  'Membuat laporan pencanangan dan rencana tindak lanjut kemudian menyerahkan ke Petugas Loket',
  'Dan setelah selesai kegiatan memerintahkan Petugas Loket untuk mengarsipkan',
  'Menandatangani surat dan memberikan arahan serta mengembalikan kepada Petugas Loket',
  'Jika tidak akan dikembalikan ke kelurahan untuk diperbaiki',
  'Mengisi formulir pendaftaran yang disediakan petugas pelayanan, setelah diisi dikembalikan lagi ke petugas',
  'Meneruskan surat, lanjut dengan mengirim kepada SKPD terkait',
  'Bila surat tersebut salah alamat maka akan dikembalikan',
  'Menunggu hingga proses selesai lalu menyerahkan kepada Petugas Loket',
  'Memeriksa, sesuai langkah 2 pada SOP Surat Masuk',
  'Melaporkan kegiatan yang sudah selesai',
];

describe('flow/text-mismatch on real sentences', () => {
  it.each(BOTH_WAYS)('%s', (sentence, agree, disagree) => {
    expect(findings(sop(sentence, agree))).toEqual([]);
    // Without the fields that say it (the flow goes on to step 5), or with the chart pointing elsewhere.
    for (const fields of [disagree, ...(disagree.length ? [] : [[]])]) {
      const found = findings(sop(sentence, fields));
      expect(found, fields.join(' ')).toHaveLength(1);
      expect(found[0]).toMatch(/^The Kegiatan of step 4 (sends the work to|says the procedure ends)/);
    }
  });

  it('leaves an unmodelled "jika ..., jika tidak ..." to flow/implicit-decision, whose hint names the exit', () => {
    const text = sop('Memeriksa berkas; jika tidak memenuhi syarat, prosedur berhenti', []);
    expect(findings(text)).toEqual([]);
    const implicit = findingsOf(implicitDecision, [{ path: 'x.sop', text }], settings);
    expect(implicit.map((d) => d.hint?.en)).toEqual(["add 'Keputusan: Ya -> 5, Tidak -> selesai'"]);
    const back = findingsOf(implicitDecision, [{ path: 'x.sop', text: sop('Memeriksa berkas; bila tidak lengkap kembali ke langkah 2', []) }], settings);
    expect(back.map((d) => d.hint?.en)).toEqual(["add 'Keputusan: Ya -> 5, Tidak -> 2'"]);
  });

  it.each(NEVER)('never a finding: %s', (sentence) => {
    expect(findings(sop(sentence, []))).toEqual([]);
    expect(findings(sop(sentence, ['Lanjut: 2']))).toEqual([]);
  });
});
