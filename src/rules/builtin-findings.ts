/**
 * Findings of the pipeline itself rather than of a rule module: always on, not configurable. One
 * list for the config loader ("not a configurable rule"), the SARIF rule catalogue and the docs.
 */
import { localized, type Localized, type Severity } from '../diagnostics/diagnostic.js';

export interface BuiltinFinding {
  id: string;
  description: Localized;
  defaultSeverity: Severity;
  /** Some of its findings carry a fix: those where the line meant is certain. */
  fixable: boolean;
}

const finding = (id: string, idText: string, en: string, defaultSeverity: Severity = 'error', fixable = false): BuiltinFinding => ({
  id,
  description: localized(idText, en),
  defaultSeverity,
  fixable,
});

export const BUILTIN_FINDINGS: BuiltinFinding[] = [
  finding('syntax/error', 'Kesalahan sintaks.', 'A syntax error.'),
  finding('syntax/misplaced-line', 'Baris di tempat yang salah.', 'A line where it cannot stand.', 'error', true),
  finding('syntax/duplicate-field', 'Kolom ditulis dua kali.', 'A field written twice.'),
  finding('syntax/invalid-value', 'Nilai yang tidak sah.', 'An invalid value.'),
  finding(
    'syntax/unknown-label',
    "Baris berbentuk label ('Hasil:') yang bukan label bahasa SOP; tidak dibaca.",
    "A line shaped like a label ('Hasil:') that is no label of the language; it is not read.",
    'error',
    true,
  ),
  finding(
    'syntax/partly-lost',
    "Isi sel sebagian hilang di sumber ('Informasi P…'); ditulis apa adanya.",
    "A cell partly lost in the source ('Informasi P…'); kept as written.",
    'info',
  ),
  finding('suppression/unused', 'Penekanan yang tidak menekan apa pun.', 'A suppression that suppresses nothing.', 'warning'),
  finding('suppression/missing-reason', 'Penekanan tanpa alasan.', 'A suppression without a reason.', 'warning'),
  finding('baseline/stale', 'Entri baseline yang sudah usang.', 'A stale baseline entry.', 'warning'),
  finding('io/unreadable', 'Berkas tidak dapat dibaca.', 'An unreadable file.'),
  finding('io/encoding', 'Berkas yang bukan UTF-8.', 'A file that is not UTF-8.'),
  finding('internal/rule-error', 'Aturan gagal dijalankan.', 'A rule failed.'),
];

export const BUILTIN_FINDING_IDS = BUILTIN_FINDINGS.map((f) => f.id);

/** The heading of their section in docs/rules/README.md, as a Markdown anchor. */
export const BUILTIN_FINDINGS_HEADING = 'Findings of the pipeline itself';
export const BUILTIN_FINDINGS_ANCHOR = 'findings-of-the-pipeline-itself';
