/** The text of a table cell from the AST, as the official form prints it. */
import type { FieldValue, MissingSteps, Step } from '../../../ast/types.js';

/** A field's text: `(kosong)` prints as an empty cell, `(hilang)` as "(hilang)"; list items joined by commas. */
export function fieldText(field: FieldValue | undefined): string {
  if (!field) return '';
  if (field.marker === 'kosong') return '';
  if (field.marker === 'hilang') return '(hilang)';
  if (field.text) return field.text.text;
  return field.items.map((item) => item.text).join(', ');
}

/** The Keterangan cell: the step's Keterangan, then its note ('Catatan:'), as the offices' forms print it. */
export function keteranganText(step: Step): string {
  const note = fieldText(step.catatan);
  return [fieldText(step.keterangan), note && `Catatan: ${note}`].filter(Boolean).join('; ');
}

export function stepNumberText(step: Step): string {
  return step.number === null ? '' : String(step.number);
}

/** "Langkah 1–11 hilang dari sumber", "Langkah 12 dan seterusnya hilang dari sumber". */
export function missingStepsText(missing: MissingSteps): string {
  const range = missing.to === null ? `${missing.from} dan seterusnya` : missing.to === missing.from ? `${missing.from}` : `${missing.from}–${missing.to}`;
  const note = missing.note ? ` (${missing.note})` : '';
  return `Langkah ${range} hilang dari sumber${note}`;
}
