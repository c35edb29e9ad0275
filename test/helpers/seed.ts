/**
 * Reading the OCR source of the corpus (sops/source/): the step rows of its procedure tables and the
 * reviewed list of OCR corrections.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fromRoot } from './paths.js';

export const SOURCE_DIR = fromRoot('sops/source');

export function seedText(): string {
  const file = readdirSync(SOURCE_DIR).find((f) => /^000_.*\.txt$/.test(f));
  if (!file) throw new Error('the seed copy is missing from sops/source/');
  return readFileSync(`${SOURCE_DIR}/${file}`, 'utf8');
}

export interface Correction {
  line: number;
  ocr: string;
  corrected: string;
  note: string;
}

export function corrections(): Correction[] {
  const rows = readFileSync(`${SOURCE_DIR}/ocr-corrections.tsv`, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim());
  return rows.map((row) => {
    const [line, ocr, corrected, note = ''] = row.split('\t');
    return { line: Number(line), ocr, corrected, note };
  });
}

export interface SeedStep {
  /** 1-based line of the seed. */
  line: number;
  /** The number as printed, null for a row without one. */
  number: number | null;
  /** The Kegiatan cell as the OCR has it. */
  kegiatan: string;
}

const IDENTITY_LABELS = /^(Nomor SOP|Tanggal|Disahkan|Judul SOP|Dasar Hukum|Keterkaitan|Peringatan|No\.?|Kegiatan)\b/;

/**
 * A step row: a number (with or without a dot), a tab, the Kegiatan cell; or a row that starts with
 * a tab and then carries at least three cells (a step whose number is missing in the source).
 */
export function seedSteps(text = seedText()): SeedStep[] {
  const steps: SeedStep[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const numbered = /^(\d+)\.?\t([^\t]+)/.exec(raw);
    if (numbered?.[2].trim()) {
      steps.push({ line: i + 1, number: Number(numbered[1]), kegiatan: numbered[2] });
      return;
    }
    const unnumbered = /^\t([^\t]+)/.exec(raw);
    const isHeader = /\t(Kelengkapan|Waktu|Output)\b/.test(raw);
    if (unnumbered && !isHeader && !IDENTITY_LABELS.test(unnumbered[1]) && raw.split('\t').filter((c) => c.trim()).length >= 3) {
      steps.push({ line: i + 1, number: null, kegiatan: unnumbered[1] });
    }
  });
  return steps;
}

export const normalizeSpace = (s: string) => s.replace(/\s+/g, ' ').trim();
