/** A small SOP that touches every construct, run once while the startup snapshot is built. */
export const WARM_UP_SOP = `# warm-up
Instansi: Pemerintah Kota
Nomor SOP: SOP-001/UNIT
Tanggal Pembuatan: 13 Oktober 2015
Tanggal Revisi: 2017-10-13
Tanggal Efektif: 04 Januari 2016
Disahkan oleh: Kepala
Judul SOP: Contoh
Dasar Hukum:
  - Permenpan RB 35/2012
Keterkaitan:
  - SOP Surat Keluar
Peringatan: (kosong)
Prosedur: Contoh
Pelaksana:
  a = Kasubbid
  b = JFU Subbid
  # soplint-disable-next-line step/numbering-gap -- contoh
  1. [a] Membuat telaahan dan memerintahkan JFU Subbid untuk mengetik.
     Kelengkapan: RKA, Program Kerja dan DPA
     Waktu: 30 menit
     Output: Konsep telaahan
  2. [b] Mengetik telaahan
     Kelengkapan: Konsep telaahan
     Waktu: 1 jam
     Output: Telaahan
     Keterangan: SOP Surat Keluar
  3. [a] Memeriksa, jika setuju meneruskan ke Kabid, jika tidak setuju dikembalikan kepada JFU Subbid.
     Kelengkapan: Telaahan
     Waktu: 2 hari kerja
     Output: Telaahan berparaf
     Keputusan: Ya -> 5, Tidak -> 2
  5. [a, c] Selesai
     Kelengkapan: Telaahan diparaf
     Waktu: Seketika
     Output: Arsip
`;
