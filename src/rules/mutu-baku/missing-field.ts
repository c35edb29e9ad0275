import type { FieldValue, Step } from '../../ast/types.js';
import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

const CELLS = [
  { key: 'kelengkapan', label: 'Kelengkapan', example: 'Telaahan kegiatan' },
  { key: 'waktu', label: 'Waktu', example: '30 menit' },
  { key: 'output', label: 'Output', example: 'Telaahan berparaf' },
] as const;

/** A step whose Mutu Baku (Kelengkapan, Waktu, Output) is missing or empty. */
export const missingField: FileRule = {
  meta: {
    id: 'mutu-baku/missing-field',
    description: localized('Kelengkapan, Waktu atau Output sebuah langkah tidak diisi.', "A step's Kelengkapan, Waktu or Output is missing."),
    rationale: localized(
      'Mutu baku adalah kendali mutu SOP: tanpa Kelengkapan, Waktu dan Output sebuah langkah tidak dapat diukur maupun dirangkai dengan langkah lain.',
      'The Mutu Baku is the quality control of an SOP: without Kelengkapan, Waktu and Output a step can be neither measured nor chained to the others.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      step({ step }) {
        const missing = CELLS.map((cell) => ({ cell, field: step[cell.key] as FieldValue | undefined })).filter(
          // A cell declared lost ('(hilang)') is reported once, at info, by lost/field.
          ({ field }) => !field || (field.marker !== 'hilang' && !field.text && field.items.length === 0),
        );
        if (missing.length === 0) return;
        const describe = ({ cell, field }: (typeof missing)[number]) => {
          const state = !field
            ? localized('tidak ditulis', 'not written')
            : field.placeholder
              ? localized(`kosong (hanya tanda isian '${field.placeholder.text}')`, `empty (only the placeholder '${field.placeholder.text}')`)
              : localized('kosong', 'empty');
          return localized(`${cell.label} ${state.id}`, `${cell.label} ${state.en}`);
        };
        const parts = missing.map(describe);
        const first = missing[0];
        context.report({
          span: missing.find((m) => m.field)?.field?.span ?? headSpan(step),
          message: localized(
            `Mutu baku langkah ${step.number ?? '?'} tidak lengkap: ${parts.map((p) => p.id).join(', ')}.`,
            `The Mutu Baku of step ${step.number ?? '?'} is incomplete: ${parts.map((p) => p.en).join(', ')}.`,
          ),
          hint: localized(
            `isi ${missing.map((m) => `'${m.cell.label}:'`).join(', ')}, mis. '${first.cell.label}: ${first.cell.example}'`,
            `fill in ${missing.map((m) => `'${m.cell.label}:'`).join(', ')}, e.g. '${first.cell.label}: ${first.cell.example}'`,
          ),
        });
      },
    };
  },
};

function headSpan(step: Step) {
  return { start: step.numberSpan.start, end: step.numberSpan.end };
}
