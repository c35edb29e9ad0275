/**
 * "Did you mean" for cell values that do not parse: the date or Waktu the author most likely meant,
 * written the way the form writes it. Suggestions only; what is accepted stays in values.ts.
 */
import { closest } from '../util/similarity.js';
import { MONTH_NAMES, parseDate, parseDuration, TIME_UNITS } from './values.js';
import type { TimeUnit } from './types.js';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** English month names that differ from the Indonesian ones. */
const ENGLISH_MONTHS: Record<string, number> = { january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10, december: 12 };

/** The month meant by a written name: Indonesian or English, abbreviated ("Okt", "Agt", "Sept") or misspelt. */
function monthOf(written: string): number | undefined {
  const word = written.toLowerCase().replace(/\.$/, '');
  if (ENGLISH_MONTHS[word]) return ENGLISH_MONTHS[word];
  const index = (name: string) => MONTHS.findIndex((m) => m.toLowerCase() === name) + 1 || undefined;
  if (word.length >= 3) {
    const abbreviation = { agt: 'agustus', ags: 'agustus', nop: 'november', pebruari: 'februari', nopember: 'november' }[word];
    if (abbreviation) return index(abbreviation);
    const prefixed = MONTHS.filter((m) => m.toLowerCase().startsWith(word));
    if (prefixed.length === 1) return index(prefixed[0].toLowerCase());
  }
  const near = closest(word, MONTH_NAMES);
  return near ? index(near === 'pebruari' ? 'februari' : near === 'nopember' ? 'november' : near) : undefined;
}

/** "13-10-2015", "13/10/2015", "4 Jan 2016", "13 Oktber 2015" → "13 Oktober 2015"; null if no date is recognisable. */
export function suggestDate(text: string): string | null {
  const trimmed = text.trim();
  const written = (day: string, month: number | undefined, year: string) => {
    if (!month) return null;
    const suggestion = `${day} ${MONTHS[month - 1]} ${year}`;
    return parseDate(suggestion) ? suggestion : null;
  };
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (numeric) return written(numeric[1], Number(numeric[2]), numeric[3]);
  const yearFirst = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(trimmed);
  if (yearFirst) return written(yearFirst[3], Number(yearFirst[2]), yearFirst[1]);
  const named = /^(\d{1,2})[\s-]+([A-Za-z]+\.?)[\s-]+(\d{4})$/.exec(trimmed);
  if (named) return written(named[1], monthOf(named[2]), named[3]);
  return null;
}

/** Short and English forms of the units. */
const UNIT_SPELLINGS: Record<string, TimeUnit> = {
  mnt: 'menit',
  mnit: 'menit',
  min: 'menit',
  mins: 'menit',
  minute: 'menit',
  minutes: 'menit',
  jm: 'jam',
  hour: 'jam',
  hours: 'jam',
  hr: 'hari',
  hri: 'hari',
  day: 'hari',
  days: 'hari',
  hk: 'hari kerja',
  'hr kerja': 'hari kerja',
  'working day': 'hari kerja',
  'working days': 'hari kerja',
  mgg: 'minggu',
  mg: 'minggu',
  week: 'minggu',
  weeks: 'minggu',
  pekan: 'minggu',
  bln: 'bulan',
  bl: 'bulan',
  month: 'bulan',
  months: 'bulan',
};

/** Numbers written in words: "satu hari", "setengah jam"; and "sehari", "sejam", "seminggu", "sebulan". */
const NUMBER_WORDS: Record<string, string> = {
  setengah: '0,5',
  satu: '1',
  dua: '2',
  tiga: '3',
  empat: '4',
  lima: '5',
  enam: '6',
  tujuh: '7',
  delapan: '8',
  sembilan: '9',
  sepuluh: '10',
  sebelas: '11',
  'dua belas': '12',
  'lima belas': '15',
  'dua puluh': '20',
  'tiga puluh': '30',
  'empat puluh lima': '45',
};
const ONE_UNIT: Record<string, string> = { sehari: '1 hari', sejam: '1 jam', seminggu: '1 minggu', sebulan: '1 bulan', semenit: '1 menit' };
const NUMBER_WORD_PATTERN = new RegExp(
  `^(${Object.keys(NUMBER_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')}) `,
);

/** "30 mnt" → "30 menit", "1 (satu) hari" → "1 hari", "dua hari" → "2 hari"; null if no Waktu is recognisable. */
export function suggestDuration(text: string): string | null {
  // "1 (satu) hari": the number spelt out in brackets, as official letters write it.
  let plain = text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[.]$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  plain = ONE_UNIT[plain] ?? plain.replace(NUMBER_WORD_PATTERN, (_, word: string) => `${NUMBER_WORDS[word]} `);
  const match = /^(\d+(?:[.,]\d+)?) ?([a-z ]+)$/.exec(plain);
  if (!match) return null;
  const [, amount, writtenUnit] = match;
  const unit = UNIT_SPELLINGS[writtenUnit] ?? (TIME_UNITS as string[]).find((u) => u === writtenUnit) ?? closest(writtenUnit, TIME_UNITS);
  if (!unit) return null;
  const suggestion = `${amount} ${unit}`;
  return parseDuration(suggestion) ? suggestion : null;
}
