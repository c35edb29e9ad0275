/**
 * The total Waktu of an SOP: every step's time standard added up. Minutes and hours add into hours
 * and minutes ("jam kerja" counts as "jam"); days ("hari" and "hari kerja"), weeks and months stay
 * in their own units, since an office day is not 24 hours and a week not always 7 days. A Waktu
 * with alternatives ("120 menit / 3 hari") adds its first, and the total says how many did.
 */
import type { SopDocument } from '../../../ast/types.js';
import { clockMinutes } from '../../../ast/values.js';

export interface WaktuTotal {
  minutes: number;
  days: number;
  weeks: number;
  months: number;
  /** Steps whose Waktu is "Seketika" (adds nothing) or "Menyesuaikan" (cannot be added). */
  seketika: number;
  menyesuaikan: number;
  /** Steps with no Waktu, an empty one, or one that does not read as a duration. */
  unknown: number;
  /** Steps whose Waktu offers alternatives: the first is added. */
  firstOfAlternatives: number;
  /** Ranges of steps the source has lost (`Hilang: 12-?`): their Waktu is not in the total. */
  lostRanges: number;
}

export function waktuTotal(document: SopDocument): WaktuTotal {
  const total: WaktuTotal = { minutes: 0, days: 0, weeks: 0, months: 0, seketika: 0, menyesuaikan: 0, unknown: 0, firstOfAlternatives: 0, lostRanges: 0 };
  for (const procedure of document.procedures) {
    total.lostRanges += procedure.missing.length;
    for (const step of procedure.steps) {
      const duration = step.waktu?.duration;
      if (duration && step.waktu?.alternatives) total.firstOfAlternatives++;
      if (!duration) total.unknown++;
      else if ('special' in duration) total[duration.special]++;
      else if (clockMinutes(duration.amount, duration.unit) !== undefined) total.minutes += clockMinutes(duration.amount, duration.unit)!;
      else if (duration.unit === 'hari' || duration.unit === 'hari kerja') total.days += duration.amount;
      else if (duration.unit === 'minggu') total.weeks += duration.amount;
      else total.months += duration.amount;
    }
  }
  return total;
}

function amount(n: number): string {
  return String(Math.round(n * 10) / 10).replace('.', ',');
}

/**
 * "3 hari 7 jam 30 menit", with "+ 2 langkah menyesuaikan" when some steps cannot be added, and
 * "(1 langkah: pilihan waktu pertama)" when some offer alternatives; "—" for none; "≥ …, sebagian
 * langkah hilang (incomplete: some steps are lost)" when the source has lost steps.
 */
export function formatWaktuTotal(total: WaktuTotal): string {
  const parts: string[] = [];
  if (total.months) parts.push(`${amount(total.months)} bulan`);
  if (total.weeks) parts.push(`${amount(total.weeks)} minggu`);
  if (total.days) parts.push(`${amount(total.days)} hari`);
  const hours = Math.floor(total.minutes / 60);
  const minutes = total.minutes - hours * 60;
  if (hours) parts.push(`${hours} jam`);
  if (minutes) parts.push(`${amount(minutes)} menit`);
  let text = parts.join(' ');
  if (!text) text = total.seketika ? 'seketika' : '—';
  if (total.menyesuaikan) text += ` + ${total.menyesuaikan} langkah menyesuaikan`;
  if (total.firstOfAlternatives) text += ` (${total.firstOfAlternatives} langkah: pilihan waktu pertama)`;
  // Steps lost in the source take time too: what is known is a lower bound.
  if (total.lostRanges) text = `${text === '—' ? '' : '≥ '}${text}, sebagian langkah hilang (incomplete: some steps are lost)`;
  return text;
}

export function stepCount(document: SopDocument): number {
  return document.procedures.reduce((sum, p) => sum + p.steps.length, 0);
}
