/** Descriptions of every finding id a report can carry: the rules plus the pipeline's own findings. */
import type { Localized, Severity } from '../diagnostics/diagnostic.js';
import { localized } from '../diagnostics/diagnostic.js';
import type { Rule } from '../checker/rule.js';

export interface CatalogueEntry {
  id: string;
  description: Localized;
  rationale: Localized;
  defaultSeverity: Severity;
}

const BUILTIN: CatalogueEntry[] = [
  ['syntax/error', 'Kesalahan sintaks.', 'A syntax error.'],
  ['syntax/misplaced-line', 'Baris di tempat yang salah.', 'A line where it cannot stand.'],
  ['syntax/duplicate-field', 'Kolom ditulis dua kali.', 'A field written twice.'],
  ['syntax/invalid-value', 'Nilai yang tidak sah.', 'An invalid value.'],
  ['syntax/unknown-label', 'Label yang tidak dikenal.', 'An unknown label.'],
  ['suppression/unused', 'Penekanan yang tidak menekan apa pun.', 'A suppression that suppresses nothing.'],
  ['suppression/missing-reason', 'Penekanan tanpa alasan.', 'A suppression without a reason.'],
  ['baseline/stale', 'Entri baseline yang sudah usang.', 'A stale baseline entry.'],
  ['io/unreadable', 'Berkas tidak dapat dibaca.', 'An unreadable file.'],
  ['internal/rule-error', 'Aturan gagal dijalankan.', 'A rule failed.'],
].map(([id, idText, en]) => ({
  id,
  description: localized(idText, en),
  rationale: localized(idText, en),
  defaultSeverity: id.startsWith('suppression') || id.startsWith('baseline') ? 'warning' : 'error',
}));

export function catalogue(rules: Rule[]): CatalogueEntry[] {
  return [
    ...rules.map((r) => ({ id: r.meta.id, description: r.meta.description, rationale: r.meta.rationale, defaultSeverity: r.meta.defaultSeverity })),
    ...BUILTIN,
  ];
}
