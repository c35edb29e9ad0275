/** Identity-sheet values as HTML: text as a paragraph, `- ` items as a numbered list, markers spelled out. */
import type { FieldValue } from '../../../ast/types.js';
import { markup } from '../text/escape.js';

export function fieldHtml(field: FieldValue | undefined): string {
  if (!field) return '';
  if (field.marker === 'kosong') return '';
  if (field.marker === 'hilang') return '<p class="marker">(hilang dari sumber)</p>';
  const parts: string[] = [];
  if (field.text) parts.push(`<p>${markup(field.text.text)}</p>`);
  if (field.items.length && !(field.text && isSplitOfText(field))) {
    if (field.items.length === 1) parts.push(`<p>${markup(field.items[0].text)}</p>`);
    else parts.push(`<ol>${field.items.map((item) => `<li>${markup(item.text)}</li>`).join('')}</ol>`);
  }
  return parts.join('');
}

/** Items that are only the parts of the text ("A, B dan C"), not a list of their own. */
function isSplitOfText(field: FieldValue): boolean {
  return field.items.every((item) => item.span.start >= field.text!.span.start && item.span.end <= field.text!.span.end);
}

/** A field's value as plain text, for one-line cells (dates, number, title). */
export function fieldPlain(field: FieldValue | undefined): string {
  if (!field || field.marker === 'kosong') return '';
  if (field.marker === 'hilang') return '(hilang dari sumber)';
  return field.text?.text ?? field.items.map((item) => item.text).join(', ');
}
