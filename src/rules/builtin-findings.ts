/**
 * Findings of the pipeline itself rather than of a rule module: always on, not configurable. One
 * list for the config loader ("not a configurable rule"), the SARIF rule catalogue and the docs.
 */
import { localized, type Localized, type Severity } from '../diagnostics/diagnostic.js';
import { PIPELINE_FINDING, type PipelineFindingId } from '../diagnostics/pipeline-findings.js';

export interface BuiltinFinding {
  id: string;
  description: Localized;
  defaultSeverity: Severity;
  /** Some of its findings carry a fix: those where the line meant is certain. */
  fixable: boolean;
}

const finding = (id: PipelineFindingId, idText: string, en: string, defaultSeverity: Severity = 'error', fixable = false): BuiltinFinding => ({
  id,
  description: localized(idText, en),
  defaultSeverity,
  fixable,
});

export const BUILTIN_FINDINGS: BuiltinFinding[] = [
  finding(PIPELINE_FINDING.syntaxError, 'Kesalahan sintaks.', 'A syntax error.'),
  finding(PIPELINE_FINDING.misplacedLine, 'Baris di tempat yang salah.', 'A line where it cannot stand.', 'error', true),
  finding(PIPELINE_FINDING.duplicateField, 'Kolom ditulis dua kali.', 'A field written twice.'),
  finding(PIPELINE_FINDING.invalidValue, 'Nilai yang tidak sah.', 'An invalid value.'),
  finding(
    PIPELINE_FINDING.unknownLabel,
    "Baris berbentuk label ('Hasil:') yang bukan label bahasa SOP; tidak dibaca.",
    "A line shaped like a label ('Hasil:') that is no label of the language; it is not read.",
    'error',
    true,
  ),
  finding(
    PIPELINE_FINDING.partlyLost,
    "Isi sel sebagian hilang di sumber ('Informasi P…'); ditulis apa adanya.",
    "A cell partly lost in the source ('Informasi P…'); kept as written.",
    'info',
  ),
  finding(PIPELINE_FINDING.unusedSuppression, 'Penekanan yang tidak menekan apa pun.', 'A suppression that suppresses nothing.', 'warning'),
  finding(PIPELINE_FINDING.suppressionWithoutReason, 'Penekanan tanpa alasan.', 'A suppression without a reason.', 'warning'),
  finding(PIPELINE_FINDING.staleBaseline, 'Entri baseline yang sudah usang.', 'A stale baseline entry.', 'warning'),
  finding(PIPELINE_FINDING.unreadableFile, 'Berkas tidak dapat dibaca.', 'An unreadable file.'),
  finding(PIPELINE_FINDING.encoding, 'Berkas yang bukan UTF-8.', 'A file that is not UTF-8.'),
  finding(PIPELINE_FINDING.tooLarge, 'Berkas yang terlalu besar (ukuran atau jumlah langkah).', 'A file too large to check (its size or its steps).'),
  finding(PIPELINE_FINDING.ruleError, 'Aturan gagal dijalankan.', 'A rule failed.'),
];

export const BUILTIN_FINDING_IDS = BUILTIN_FINDINGS.map((f) => f.id);

/** The heading of their section in docs/rules/README.md, as a Markdown anchor. */
export const BUILTIN_FINDINGS_HEADING = 'Findings of the pipeline itself';
export const BUILTIN_FINDINGS_ANCHOR = 'findings-of-the-pipeline-itself';
