import type { DateField } from '../../ast/types.js';
import { suggestDate } from '../../ast/value-suggestions.js';
import { impossibleDay, writtenAsIs } from '../../ast/values.js';
import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

const MONTH_NUMBERS: Record<string, number> = {
  januari: 1,
  februari: 2,
  pebruari: 2,
  maret: 3,
  april: 4,
  mei: 5,
  juni: 6,
  juli: 7,
  agustus: 8,
  september: 9,
  oktober: 10,
  november: 11,
  nopember: 11,
  desember: 12,
};

/**
 * "April 2014": a month and a year, the precision many offices date their SOPs with (Tanggal
 * Pembuatan above all). Accepted as a date of that precision: 'YYYY-MM', or null for anything else.
 */
export function monthOfYear(text: string): string | null {
  const written = /^([A-Za-z]+)\s+(\d{4})$/.exec(text.trim());
  const month = written ? MONTH_NUMBERS[written[1].toLowerCase()] : undefined;
  return written && month ? `${written[2]}-${String(month).padStart(2, '0')}` : null;
}

/** Dates that are not dates, and dates in an impossible order. */
export const dateRule: FileRule = {
  meta: {
    id: 'identity/date',
    description: localized('Tanggal tidak sah, atau urutan tanggal tidak mungkin.', 'An invalid date, or dates in an impossible order.'),
    rationale: localized(
      'Tanggal Efektif (tanggal pengesahan) tidak boleh sebelum Tanggal Pembuatan, dan revisi tidak mungkin sebelum SOP dibuat.',
      'Tanggal Efektif (the signing date) cannot come before Tanggal Pembuatan, and a revision cannot come before creation.',
    ),
    defaultSeverity: 'error',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: true,
  },
  create(context) {
    const invalid = (field: DateField | undefined, label: string) => {
      if (!field?.text || field.date || monthOfYear(field.text.text)) return;
      const meant = suggestDate(field.text.text);
      const impossible = impossibleDay(field.text.text);
      context.report({
        span: field.text.span,
        message: impossible
          ? localized(
              `'${label}' bukan tanggal yang sah: ${impossible.month} hanya punya ${impossible.days} hari, ditemukan '${field.text.text}'.`,
              `'${label}' is not a valid date: ${impossible.month} has only ${impossible.days} days, found '${field.text.text}'.`,
            )
          : localized(
              `'${label}' bukan tanggal yang sah: diharapkan tanggal seperti '13 Oktober 2015', ditemukan '${field.text.text}'.`,
              `'${label}' is not a valid date: a date such as '13 Oktober 2015' is expected, found '${field.text.text}'.`,
            ),
        hint: impossible
          ? localized(
              `periksa tanggalnya di dokumen asli: ${impossible.month} berakhir pada tanggal ${impossible.days}`,
              `check the day in the original document: ${impossible.month} ends on day ${impossible.days}`,
            )
          : meant
            ? localized(`maksudnya '${meant}'?`, `did you mean '${meant}'?`)
            : label === 'Tanggal Revisi'
              ? // Not revised yet ('-'): the form then holds the planned review date.
                localized(
                  "tulis tanggal revisi terakhir, atau bila belum pernah direvisi tanggal rencana peninjauannya, mis. '13 Oktober 2017'",
                  "write the date of the last revision, or when there has been none the planned review date, e.g. '13 Oktober 2017'",
                )
              : localized("tulis seperti '13 Oktober 2015' atau '2015-10-13'", "write it as '13 Oktober 2015' or '2015-10-13'"),
        fix: meant && writtenAsIs(context.source.text, field.text) ? { span: field.text.span, text: meant } : undefined,
      });
    };
    // A month-year date is compared at the month: 'April 2014' is not before '12 April 2014'.
    const dated = (field: DateField | undefined): string | null => (field?.text ? (field.date ?? monthOfYear(field.text.text)) : null);
    const order = (later: DateField | undefined, laterLabel: string, earlier: DateField | undefined, earlierLabel: string) => {
      const laterDate = dated(later);
      const earlierDate = dated(earlier);
      if (!laterDate || !earlierDate) return;
      const precision = Math.min(laterDate.length, earlierDate.length);
      if (laterDate.slice(0, precision) >= earlierDate.slice(0, precision)) return;
      context.report({
        span: later!.text!.span,
        message: localized(
          `'${laterLabel}' (${later!.text!.text}) sebelum '${earlierLabel}' (${earlier!.text!.text}); diharapkan sesudahnya.`,
          `'${laterLabel}' (${later!.text!.text}) is before '${earlierLabel}' (${earlier!.text!.text}); expected on or after it.`,
        ),
        hint: localized('periksa kedua tanggal itu pada dokumen asli', 'check both dates against the signed document'),
        related: [{ span: earlier!.text!.span, message: localized(`'${earlierLabel}' di sini`, `'${earlierLabel}' here`) }],
      });
    };
    return {
      document({ identity }) {
        invalid(identity.tanggalPembuatan, 'Tanggal Pembuatan');
        invalid(identity.tanggalRevisi, 'Tanggal Revisi');
        invalid(identity.tanggalEfektif, 'Tanggal Efektif');
        order(identity.tanggalEfektif, 'Tanggal Efektif', identity.tanggalPembuatan, 'Tanggal Pembuatan');
        order(identity.tanggalRevisi, 'Tanggal Revisi', identity.tanggalPembuatan, 'Tanggal Pembuatan');
      },
    };
  },
};
