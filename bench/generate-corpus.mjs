// Writes a realistic synthetic corpus: N SOPs shaped like the BKBPM book (10-20 steps, 4-6 actors,
// review decisions that return to the typist, cross-references to declared external SOPs, to each
// other, to undeclared SOPs and a few misspelled), as .sop and as the same data
// in YAML and in JSON, for the corpus benchmark. Deterministic (seeded), so runs are comparable.
// Usage: node bench/generate-corpus.mjs N OUTDIR
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

const [count = '1000', outDir = 'bench/corpus-1k'] = process.argv.slice(2);
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(random() * list.length)];

const ACTORS = [
  ['kasubbid', 'Kasubbid PE & PKM'],
  ['jfu', 'JFU Subbid'],
  ['kabid', 'Kabid PMKS'],
  ['sekretaris', 'Sekretaris'],
  ['kaban', 'Kaban BKBPM'],
  ['tim', 'Tim Penilai'],
  ['hukum', 'Bagian Hukum'],
];
const DOCS = ['Telaahan', 'Konsep laporan', 'Naskah Kerangka Acuan', 'Surat undangan', 'Rancangan Keputusan', 'Laporan akhir', 'Daftar hadir', 'Notulen rapat'];
const VERBS = ['Membuat', 'Mengetik', 'Memeriksa', 'Mempelajari', 'Menyiapkan', 'Melaksanakan', 'Mendokumentasikan', 'Menyerahkan'];
const TIMES = ['30 menit', '1 jam', '2 jam', '1 hari', '2 hari', '5 hari', '1 minggu'];
const EXTERNAL = ['SOP Surat Keluar', 'SOP Pembentukan Tim', 'SOP SPPD', 'SOP Penetapan Produk Hukum'];
// Other offices' SOPs that a corpus mentions without declaring them: unresolved, with "did you mean".
const UNDECLARED = ['SOP Pengelolaan Arsip', 'SOP Pengadaan Barang', 'SOP Perjalanan Dinas Luar Daerah', 'SOP Penyusunan Renstra', 'SOP Cuti Pegawai'];
const TOTAL = Number(count);

/** The SOPs one SOP refers to: mostly declared externals and other SOPs of the corpus by title, a few
 * undeclared ones, and now and then a misspelled corpus title (each one different). */
function referencesOf(i) {
  const refs = [pick(EXTERNAL)];
  if (random() < 0.5) refs.push(`SOP Prosedur Kegiatan Nomor ${Math.floor(random() * TOTAL)}`);
  if (random() < 0.05) refs.push(pick(UNDECLARED));
  if (random() < 0.03) refs.push(`SOP Prosedur Kegiatn Nomor ${Math.floor(random() * TOTAL)}`);
  if (random() < 0.3) refs.push(pick(EXTERNAL));
  return refs.filter((v, k, a) => a.indexOf(v) === k && v !== `SOP Prosedur Kegiatan Nomor ${i}`);
}

function makeSop(i) {
  const actors = ACTORS.slice(0, 4 + Math.floor(random() * 3));
  const stepCount = 10 + Math.floor(random() * 11);
  const refs = referencesOf(i);
  const steps = [];
  let produced = 'RKA';
  const actorOf = (n) => (n === 1 ? actors[0] : actors[(n * 7 + i) % actors.length]);
  for (let n = 1; n <= stepCount; n++) {
    const actor = actorOf(n);
    const output = `${pick(DOCS)} ${n}`;
    // To the next step's actor, but for about 3% of the steps (the real book's rate: flow/handover
    // finds 6 in its 254 steps, 7 before a transcription slip was corrected), to another.
    const receiver = n < stepCount && random() < 0.97 ? actorOf(n + 1) : pick(actors);
    const step = {
      nomor: n,
      pelaksana: [actor[0]],
      kegiatan: `${pick(VERBS)} ${output.toLowerCase()} dan meneruskan kepada ${receiver[1]} untuk ditindaklanjuti sesuai ketentuan yang berlaku.`,
      kelengkapan: [produced],
      waktu: pick(TIMES),
      output: [output],
    };
    if (n > 2 && n < stepCount && random() < 0.2) step.keputusan = { Ya: n + 1, Tidak: n - 1 };
    if (random() < 0.15) step.keterangan = pick(refs);
    steps.push(step);
    produced = output;
  }
  return {
    nomor: `SOP-${1000 + i}/BKBPM`,
    judul: `Prosedur Kegiatan Nomor ${i}`,
    tanggalPembuatan: '13 Oktober 2015',
    tanggalRevisi: '13 Oktober 2017',
    tanggalEfektif: '04 Januari 2016',
    disahkanOleh: 'Pj. Walikota Banjarmasin',
    dasarHukum: ['Permenpan dan RB No. 35 Tahun 2012 tentang Pedoman Penyusunan SOP AP', 'Peraturan Daerah Kota Banjarmasin Nomor 28 Tahun 2011'],
    kualifikasiPelaksana: ['Memahami tugas pokok dan fungsi', 'Mampu mengoperasikan komputer'],
    keterkaitan: refs,
    peralatan: ['Perangkat Komputer', 'Alat Tulis Kantor'],
    peringatan: 'SOP ini prosedur baku, jika tidak dilaksanakan akan mengakibatkan keterlambatan.',
    pencatatan: ['Disimpan sebagai data elektronik dan manual'],
    pelaksana: Object.fromEntries(actors),
    langkah: steps,
  };
}

function toSop(s) {
  const list = (label, items) => `${label}:\n${items.map((x) => `  - ${x}`).join('\n')}`;
  const lines = [
    'Instansi: Pemerintah Kota Banjarmasin',
    `Nomor SOP: ${s.nomor}`,
    `Tanggal Pembuatan: ${s.tanggalPembuatan}`,
    `Tanggal Revisi: ${s.tanggalRevisi}`,
    `Tanggal Efektif: ${s.tanggalEfektif}`,
    `Disahkan oleh: ${s.disahkanOleh}`,
    `Judul SOP: ${s.judul}`,
    list('Dasar Hukum', s.dasarHukum),
    list('Kualifikasi Pelaksana', s.kualifikasiPelaksana),
    list('Keterkaitan', s.keterkaitan),
    list('Peralatan/Perlengkapan', s.peralatan),
    `Peringatan: ${s.peringatan}`,
    list('Pencatatan dan Pendataan', s.pencatatan),
    `Prosedur: ${s.judul}`,
    'Pelaksana:',
    ...Object.entries(s.pelaksana).map(([id, label]) => `  ${id} = ${label}`),
  ];
  for (const step of s.langkah) {
    lines.push(`  ${step.nomor}. [${step.pelaksana.join(', ')}] ${step.kegiatan}`);
    lines.push(`     Kelengkapan: ${step.kelengkapan.join(', ')}`, `     Waktu: ${step.waktu}`, `     Output: ${step.output.join(', ')}`);
    if (step.keterangan) lines.push(`     Keterangan: ${step.keterangan}`);
    if (step.keputusan)
      lines.push(
        `     Keputusan: ${Object.entries(step.keputusan)
          .map(([k, v]) => `${k} -> ${v}`)
          .join(', ')}`,
      );
  }
  return lines.join('\n') + '\n';
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, 'sop'), { recursive: true });
mkdirSync(join(outDir, 'yaml'), { recursive: true });
mkdirSync(join(outDir, 'json'), { recursive: true });
writeFileSync(join(outDir, '.soplintrc.yaml'), `externalSops:\n${EXTERNAL.map((e) => `  - ${e}`).join('\n')}\nexternalInputs:\n  - RKA\n`);
for (let i = 0; i < TOTAL; i++) {
  const sop = makeSop(i);
  const name = `sop-${String(i).padStart(6, '0')}`;
  writeFileSync(join(outDir, 'sop', `${name}.sop`), toSop(sop));
  writeFileSync(join(outDir, 'yaml', `${name}.yaml`), stringify(sop));
  writeFileSync(join(outDir, 'json', `${name}.json`), `${JSON.stringify(sop, null, 2)}\n`);
}
console.log(`wrote ${count} SOPs to ${outDir}`);
