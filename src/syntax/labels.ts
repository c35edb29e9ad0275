/**
 * The labels of the official SOP AP form, with the variants seen in the wild.
 * One table drives the lexer, the parser's messages and the "did you mean" of unknown labels.
 */

export type IdentityKey =
  | 'instansi'
  | 'unitKerja'
  | 'nomor'
  | 'tanggalPembuatan'
  | 'tanggalRevisi'
  | 'tanggalEfektif'
  | 'disahkanOleh'
  | 'namaPengesah'
  | 'nipPengesah'
  | 'judul'
  | 'dasarHukum'
  | 'kualifikasiPelaksana'
  | 'keterkaitan'
  | 'peralatan'
  | 'peringatan'
  | 'pencatatan'
  | 'paraf'
  | 'masukanLuar'
  | 'revisi'
  | 'tujuan'
  | 'ruangLingkup'
  | 'definisi'
  | 'persyaratan'
  | 'catatanPelaksanaan'
  | 'logo'
  | 'identitas';

export type StepFieldKey = 'kelengkapan' | 'waktu' | 'output' | 'keterangan' | 'catatan' | 'simbol';

export type BlockKey = 'pelaksana' | 'prosedur' | 'keputusan' | 'hilang' | 'lanjut';

export interface LabelSpec<K extends string> {
  key: K;
  /** The label as the official form prints it; first in messages and renderers. */
  canonical: string;
  aliases: string[];
  /**
   * The same label read as a step field when it stands under a step: `Persyaratan:` is the
   * administrative requirements of the identity sheet, and under a step an alias of Kelengkapan.
   */
  inStep?: StepFieldKey;
}

export const IDENTITY_LABELS: LabelSpec<IdentityKey>[] = [
  { key: 'instansi', canonical: 'Instansi', aliases: ['Pemerintah'] },
  { key: 'unitKerja', canonical: 'Unit Kerja', aliases: ['Unit'] },
  { key: 'nomor', canonical: 'Nomor SOP', aliases: ['Nomor', 'No SOP', 'No. SOP'] },
  { key: 'tanggalPembuatan', canonical: 'Tanggal Pembuatan', aliases: [] },
  { key: 'tanggalRevisi', canonical: 'Tanggal Revisi', aliases: [] },
  { key: 'tanggalEfektif', canonical: 'Tanggal Efektif', aliases: ['Tanggal Pengesahan'] },
  { key: 'disahkanOleh', canonical: 'Disahkan oleh', aliases: [] },
  { key: 'namaPengesah', canonical: 'Nama Pengesah', aliases: [] },
  { key: 'nipPengesah', canonical: 'NIP Pengesah', aliases: ['NIP'] },
  { key: 'judul', canonical: 'Judul SOP', aliases: ['Nama SOP', 'Judul'] },
  { key: 'dasarHukum', canonical: 'Dasar Hukum', aliases: [] },
  { key: 'kualifikasiPelaksana', canonical: 'Kualifikasi Pelaksana', aliases: [] },
  { key: 'keterkaitan', canonical: 'Keterkaitan', aliases: [] },
  { key: 'peralatan', canonical: 'Peralatan/Perlengkapan', aliases: ['Peralatan', 'Perlengkapan'] },
  { key: 'peringatan', canonical: 'Peringatan', aliases: [] },
  { key: 'pencatatan', canonical: 'Pencatatan dan Pendataan', aliases: ['Pencatatan'] },
  { key: 'paraf', canonical: 'Paraf', aliases: [] },
  { key: 'masukanLuar', canonical: 'Masukan Luar', aliases: [] },
  { key: 'revisi', canonical: 'No. Revisi', aliases: ['Nomor Revisi', 'No Revisi', 'Revisi'] },
  { key: 'tujuan', canonical: 'Tujuan', aliases: [] },
  { key: 'ruangLingkup', canonical: 'Ruang Lingkup', aliases: [] },
  { key: 'definisi', canonical: 'Definisi', aliases: [] },
  { key: 'persyaratan', canonical: 'Persyaratan', aliases: [], inStep: 'kelengkapan' },
  { key: 'catatanPelaksanaan', canonical: 'Catatan Pelaksanaan', aliases: [] },
  { key: 'logo', canonical: 'Logo', aliases: [] },
  { key: 'identitas', canonical: 'Identitas', aliases: [] },
];

export const STEP_FIELD_LABELS: LabelSpec<StepFieldKey>[] = [
  { key: 'kelengkapan', canonical: 'Kelengkapan', aliases: ['Persyaratan/Kelengkapan'] },
  { key: 'waktu', canonical: 'Waktu', aliases: [] },
  { key: 'output', canonical: 'Output', aliases: ['Keluaran'] },
  { key: 'keterangan', canonical: 'Keterangan', aliases: ['Ket'] },
  { key: 'catatan', canonical: 'Catatan', aliases: [] },
  { key: 'simbol', canonical: 'Simbol', aliases: [] },
];

export const BLOCK_LABELS: LabelSpec<BlockKey>[] = [
  { key: 'pelaksana', canonical: 'Pelaksana', aliases: [] },
  { key: 'prosedur', canonical: 'Prosedur', aliases: [] },
  { key: 'keputusan', canonical: 'Keputusan', aliases: [] },
  { key: 'hilang', canonical: 'Hilang', aliases: [] },
  // Where a step goes next when that is not the step written below it: `Lanjut: 14`, `Lanjut: selesai`.
  { key: 'lanjut', canonical: 'Lanjut', aliases: ['Lanjut ke'] },
];

/** Identity fields whose value is a list of items (one per `- ` line). */
export const LIST_IDENTITY_KEYS: ReadonlySet<IdentityKey> = new Set<IdentityKey>([
  'dasarHukum',
  'kualifikasiPelaksana',
  'keterkaitan',
  'peralatan',
  'pencatatan',
  'paraf',
  'masukanLuar',
  'definisi',
  'persyaratan',
]);

/**
 * Identity fields that take text or a list: text on the label's line stays text, and `- ` or
 * numbered lines under the label are its items.
 */
export const TEXT_OR_LIST_IDENTITY_KEYS: ReadonlySet<IdentityKey> = new Set<IdentityKey>(['ruangLingkup', 'catatanPelaksanaan']);

/** Every label spelling, for "did you mean" on an unknown label. */
export function allLabelSpellings(): string[] {
  return [...IDENTITY_LABELS, ...STEP_FIELD_LABELS, ...BLOCK_LABELS].flatMap((l) => [l.canonical, ...l.aliases]);
}

/** A case-insensitive regex source that matches any spelling of the label followed by a colon. */
export function labelPattern(spec: LabelSpec<string>): RegExp {
  const spellings = [spec.canonical, ...spec.aliases].sort((a, b) => b.length - a.length);
  const alternatives = spellings.map((s) =>
    s
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/ /g, '[ \\t]+')
      .replace(/\//g, '[ \\t]*\\/[ \\t]*'),
  );
  return new RegExp(`(?:${alternatives.join('|')})[ \\t]*:`, 'i');
}
