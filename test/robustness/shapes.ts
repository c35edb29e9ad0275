/**
 * The pathological shapes of issue 19, each at a chosen size: inputs that once took super-linear time
 * (a regular expression that backtracked, or a loop that rescanned the rest of the text).
 */
import { readFileSync } from 'node:fs';
import { fromRoot } from '../helpers/paths.js';

const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');

const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));

/** Each shape: a name and a function from a size in bytes to a text of about that size. */
export const SHAPES: Record<string, (bytes: number) => string> = {
  'spaces in a Keputusan line': (n) => CLEAN.replace('Keputusan: Ya -> 4, Tidak -> 2', `Keputusan: Ya${fill(' ', n)}x`),
  'spaces in a Keputusan line before an arrow': (n) =>
    CLEAN.replace('Keputusan: Ya -> 4, Tidak -> 2', `Keputusan: Ya -> 4,${fill(' ', n)}Tidak${fill(' ', n / 4)}-`),
  'spaces in a suppression comment': (n) => CLEAN.replace('  4. [kabid]', `  # soplint-disable-next-line${fill(' ', n)}x\n  4. [kabid]`),
  'spaces in a suppression comment before a reason': (n) =>
    CLEAN.replace('  4. [kabid]', `  # soplint-disable-next-line step/x${fill(' ', n)}-${fill(' ', n / 4)}\n  4. [kabid]`),
  'spaces in a Keterangan mentioning an SOP': (n) => CLEAN.replace('Keterangan: SOP Surat Keluar', `Keterangan: SOP${fill(' ', n)}x`),
  'words in a Keterangan mentioning an SOP': (n) => CLEAN.replace('Keterangan: SOP Surat Keluar', `Keterangan: lihat SOP ${fill('Surat ', n)}`),
  'spaces after a comma in a continued Kelengkapan': (n) =>
    CLEAN.replace('     Kelengkapan: RKA\n', `     Kelengkapan: RKA,${fill(' ', n)}\n       Nota,${fill(' ', n / 4)}x\n`),
  'spaces in a Kelengkapan': (n) => CLEAN.replace('     Kelengkapan: RKA\n', `     Kelengkapan: RKA${fill(' ', n)}Nota\n`),
  'dots in an Output': (n) => CLEAN.replace('Output: Konsep telaahan', `Output: Konsep${fill('.', n)}x`),
  'spaces and dots in an Output': (n) => CLEAN.replace('Output: Konsep telaahan', `Output: Konsep${fill(' .', n)}x`),
  'a Keterkaitan item of many words': (n) => CLEAN.replace('  - SOP Surat Keluar\nPeralatan', `  - SOP ${fill('Surat Keluar Masuk ', n)}\nPeralatan`),
  'many Keterkaitan items': (n) => CLEAN.replace('  - SOP Surat Keluar\nPeralatan', `${fill('  - SOP Surat Keluar Nomor Satu\n', n)}Peralatan`),
  'a long Judul SOP': (n) => CLEAN.replace('Judul SOP: Contoh Bersih', `Judul SOP: ${fill('Pelayanan ', n)}`),
  'a long Judul SOP without spaces': (n) => CLEAN.replace('Judul SOP: Contoh Bersih', `Judul SOP: ${fill('x', n)}`),
  'spaces in a step line': (n) => CLEAN.replace('  4. [kabid] Menandatangani', `  4. [kabid]${fill(' ', n)}Menandatangani`),
  'spaces in a Waktu': (n) => CLEAN.replace('Waktu: 1 hari', `Waktu: 1${fill(' ', n)}x`),
  'digits in a Waktu': (n) => CLEAN.replace('Waktu: 1 hari', `Waktu: ${fill('1', n)} hari`),
  'spaces in a date': (n) => CLEAN.replace('Tanggal Pembuatan: 13 Oktober 2015', `Tanggal Pembuatan: 13${fill(' ', n)}x`),
  'spaces in Nomor SOP': (n) => CLEAN.replace('Nomor SOP: SOP-901/BKBPM', `Nomor SOP: SOP-901${fill(' ', n)}/x`),
  'a long Kegiatan of hand-overs': (n) => CLEAN.replace('Mengetik telaahan dan menyerahkan kepada Kasubbid.', `${fill('menyerahkan kepada ', n)}Kasubbid.`),
  'brackets in a step line': (n) => CLEAN.replace('  4. [kabid] Menandatangani', `  4. ${fill('[', n)}kabid Menandatangani`),
  'a long line of one letter': (n) => `${CLEAN}\n${fill('a', n)}\n`,
  'a long line of spaces and colons': (n) => `${CLEAN}\n${fill(' .', n)}\n`,
  'many blank-ish lines': (n) => `${CLEAN}${fill('   \n', n)}`,
  'the book repeated': (n) => {
    const step = '  5. [kabid] Mengarsipkan surat.\n     Kelengkapan: Surat\n     Waktu: 10 menit\n     Output: Arsip\n';
    return CLEAN + fill(step, n);
  },
};

/**
 * An SOP of `count` steps in one chain (each step's Kelengkapan is the Output of the one before); with
 * `decisions`, every step but the last is a decision whose 'Tidak' goes back one step.
 */
export function manySteps(count: number, decisions = false): string {
  const head = CLEAN.slice(0, CLEAN.indexOf('  1. [kasubbid]'));
  const lines: string[] = [head];
  for (let n = 1; n <= count; n++) {
    const actor = n % 2 === 0 ? 'jfu' : 'kasubbid';
    lines.push(`  ${n}. [${actor}] Memeriksa berkas ${n} dan meneruskannya.`);
    lines.push(`     Kelengkapan: ${n === 1 ? 'RKA' : `Berkas ${n - 1}`}`);
    lines.push('     Waktu: 10 menit');
    lines.push(`     Output: Berkas ${n}`);
    if (decisions && n < count) lines.push(`     Keputusan: Ya -> ${n + 1}, Tidak -> ${Math.max(1, n - 1)}`);
  }
  return lines.join('\n') + '\n';
}
