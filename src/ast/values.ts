/** Reading the values written in cells: dates, time standards, "A, B dan C" lists, SOP references. */
import { enumerationSeparators, isSpace, splitAlternatives, trailingConjunction, trailingParenthesis, trimEndWhere } from '../util/text-scan.js';
import type { Duration, Marker, Reference, Span, SymbolKind, TextNode, TimeUnit, WaktuAlternative, WaktuField } from './types.js';

const MONTHS: Record<string, number> = {
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

export const MONTH_NAMES = Object.keys(MONTHS);

function isoIfValid(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "13 Oktober 2015" or "2015-10-13" → "2015-10-13"; anything else (or 31 Februari) → null. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) return isoIfValid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const written = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(trimmed);
  if (written) {
    const month = MONTHS[written[2].toLowerCase()];
    return month ? isoIfValid(Number(written[3]), month, Number(written[1])) : null;
  }
  return null;
}

/**
 * "31 Februari 2024": a written date whose month and year are right but whose day that month does not
 * have. Its month as written and the number of days the month has; null for anything else.
 */
export function impossibleDay(text: string): { month: string; days: number } | null {
  const written = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(text.trim());
  const month = written ? MONTHS[written[2].toLowerCase()] : undefined;
  if (!written || !month || parseDate(text) !== null) return null;
  const days = new Date(Date.UTC(Number(written[3]), month, 0)).getUTCDate();
  return Number(written[1]) > days ? { month: written[2], days } : null;
}

export const TIME_UNITS: TimeUnit[] = ['menit', 'jam', 'jam kerja', 'hari', 'hari kerja', 'minggu', 'bulan'];

/** "30 menit", "1 hari kerja", "1/2 hari kerja", "1 x 24 jam", "Seketika", "Menyesuaikan"; null when it does not parse. */
export function parseDuration(text: string): Duration | null {
  const trimmed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (trimmed === 'seketika') return { special: 'seketika' };
  if (trimmed === 'menyesuaikan') return { special: 'menyesuaikan' };
  const match = /^(\d+(?:[.,]\d+)?)(?:\/(\d+)|(?: ?[x\u00d7] ?(\d+(?:[.,]\d+)?)))? ?(menit|jam kerja|jam|hari kerja|hari|minggu|bulan)$/.exec(trimmed);
  if (!match) return null;
  const number = (n: string) => Number(n.replace(',', '.'));
  let amount = number(match[1]);
  if (match[2] !== undefined) {
    // "1/2 hari kerja": a fraction.
    if (Number(match[2]) === 0) return null;
    amount /= Number(match[2]);
  } else if (match[3] !== undefined) amount *= number(match[3]); // "1 x 24 jam"
  return { amount, unit: match[4] as TimeUnit };
}

/** Words before a time that qualify it: "paling lama 3 hari", "maks. 1 jam", "± 30 menit". */
const LEADING_QUALIFIER = /^(paling lama|paling cepat|selambat-lambatnya|maksimal|maksimum|maks\.?|minimal|kurang lebih|sekitar|\u00b1)\s*/i;
// A qualifier in parentheses after the time ("Seketika (otomatis)", "1/2 hari kerja (paling lama)") and
// alternatives ("120 menit / 3 hari", "1 jam atau 1 hari"; a slash without spaces, "1/2", is a
// fraction) are found by hand scans (trailingParenthesis, splitAlternatives): as expressions they
// backtracked on a long run of spaces.

/**
 * A Waktu as offices write it: one or more alternatives, each a duration with an optional qualifier.
 * `duration` is the first alternative's (what totals add up), null when any alternative does not
 * read as a duration; `alternatives` is there only when there are several.
 */
export function parseWaktu(text: string): Pick<WaktuField, 'duration' | 'qualifier' | 'alternatives'> {
  const parts = splitAlternatives(text).map((part) => parseAlternative(part));
  const [first] = parts;
  const result: Pick<WaktuField, 'duration' | 'qualifier' | 'alternatives'> = {
    duration: parts.every((p) => p.duration !== null) ? first.duration : null,
  };
  if (first.qualifier) result.qualifier = first.qualifier;
  if (parts.length > 1) result.alternatives = parts;
  return result;
}

function parseAlternative(written: string): WaktuAlternative {
  const text = written.trim();
  let rest = text;
  let qualifier: string | undefined;
  const trailing = trailingParenthesis(rest);
  if (trailing && trailing.index > 0) {
    qualifier = trailing.inner.trim();
    rest = rest.slice(0, trailing.index);
  }
  const leading = LEADING_QUALIFIER.exec(rest);
  if (leading && leading[0].length < rest.length) {
    qualifier = qualifier ? `${leading[1]}; ${qualifier}` : leading[1];
    rest = rest.slice(leading[0].length);
  }
  const alternative: WaktuAlternative = { text, duration: parseDuration(rest) };
  if (qualifier) alternative.qualifier = qualifier;
  return alternative;
}

/**
 * A duration in minutes when its unit adds up on a clock (menit, jam, jam kerja); undefined for
 * days, weeks and months, which Waktu totals keep in their own units: an office day is not 24 hours.
 */
export function clockMinutes(amount: number, unit: TimeUnit): number | undefined {
  if (unit === 'menit') return amount;
  if (unit === 'jam' || unit === 'jam kerja') return amount * 60;
  return undefined;
}

/** A run that stands for a value not filled in: dots, underscores, an ellipsis. */
const BLANK_RUN = /^(?:[._]{3,}|\u2026+|[.\u2026_]*\u2026[.\u2026_]*)$/;
/** Only blanks, dashes and separators: "-", "…", "___", "--/--", "...., ...." */
const ONLY_BLANKS = /^[\s\-\u2013\u2014_.\u2026/,:]+$/;

/**
 * A placeholder written where a value belongs, which counts as empty: only dashes, dots,
 * underscores or ellipses ("-", "…", "___"), or a number pattern whose parts are such runs and at
 * most three fixed words ("......./SOP/PROKOPIM/.........").
 */
export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  if (ONLY_BLANKS.test(trimmed)) return true;
  if (!trimmed.includes('/')) return false;
  const parts = trimmed.split('/').map((part) => part.trim());
  const blanks = parts.filter((part) => part === '' || BLANK_RUN.test(part));
  const words = parts.filter((part) => part !== '' && !BLANK_RUN.test(part));
  return blanks.some((part) => part !== '') && words.length <= 3 && words.every((word) => !/\s/.test(word));
}

/**
 * A cell whose content is partly lost in the source: it ends with "…" ("Informasi P…") or holds
 * "(…)" / "(...)" where text is missing. A cell of nothing but an ellipsis is a placeholder instead.
 */
export function isPartlyLost(text: string): boolean {
  // Called on every cell: a lost part is marked with an ellipsis, written '…' or '...'.
  if (!text.includes('\u2026') && !text.includes('...')) return false;
  const trimmed = text.trim();
  if (ONLY_BLANKS.test(trimmed)) return false;
  return /\u2026$/.test(trimmed) || /\((?:\u2026|\.{3})\)/.test(trimmed);
}

export function parseMarker(text: string): Marker | undefined {
  // Called on every cell: most are not markers, and a marker has a '(' in it.
  if (!text.includes('(')) return undefined;
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '(kosong)') return 'kosong';
  if (trimmed === '(hilang)') return 'hilang';
  return undefined;
}

const SYMBOLS: Record<string, SymbolKind> = {
  kapsul: 'terminator',
  terminator: 'terminator',
  mulai: 'terminator',
  selesai: 'terminator',
  kotak: 'process',
  proses: 'process',
  process: 'process',
  'belah ketupat': 'decision',
  keputusan: 'decision',
  decision: 'decision',
};

export const SYMBOL_SPELLINGS = Object.keys(SYMBOLS);

export function parseSymbol(text: string): SymbolKind | undefined {
  return SYMBOLS[text.trim().toLowerCase().replace(/\s+/g, ' ')];
}

/** `12-?`, `1-11`, `5` (one step), each optionally followed by a note. */
export function parseMissingRange(text: string): { from: number; to: number | null; note: string | null } | null {
  const match = /^(\d+)(?:\s*-\s*(\d+|\?))?(?:\s+(.*))?$/.exec(text.trim());
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : match[2] === '?' ? null : Number(match[2]);
  if (to !== null && to < from) return null;
  return { from, to, note: match[3]?.trim() || null };
}

// Cheap tests that let most cells skip the full scans below.
const MAY_JOIN = /dan|serta/i;
const MAY_REFER = /sop/i;

/** Split a TextNode at the separators of an Indonesian enumeration: commas, " dan ", " serta ". */
export function splitEnumeration(node: TextNode, offsetOf: (index: number) => number): TextNode[] {
  // Most cells hold one item: no comma and no "dan"/"serta" at all.
  if (!node.text.includes(',') && !MAY_JOIN.test(node.text)) {
    const item = enumerationItem(node.text, 0, node.text.length, offsetOf);
    return item ? [item] : [];
  }
  const parts: TextNode[] = [];
  let last = 0;
  const push = (from: number, to: number) => {
    const item = enumerationItem(node.text, from, to, offsetOf);
    if (item) parts.push(item);
  };
  for (const [start, end] of enumerationSeparators(node.text)) {
    push(last, start);
    last = end;
  }
  push(last, node.text.length);
  return parts;
}

/** One item of an enumeration: text[from, to) trimmed, a trailing '.' or ';' dropped; null if empty. */
function enumerationItem(text: string, from: number, to: number, offsetOf: (index: number) => number): TextNode | null {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const value = trimEndWhere(raw.trim(), (c) => c === '.' || c === ';').trim();
  return value ? { text: value, span: { start: offsetOf(from + lead), end: offsetOf(from + lead + value.length) } } : null;
}

/**
 * The SOP references in a text: "SOP Surat Keluar, SOP SPPD", "SOP Surat Keluar dan SOP Penetapan
 * produk Hukum", "SOP-405/BKBPM", "SOP 4", "SOP 1 — Penyusunan Jadwal". A reference runs from "SOP"
 * to the next reference, comma, semicolon, "dan"/"serta", the end of its sentence ("SOP 6.
 * Penugasan ..."), a closing bracket it did not open, a spaced slash, or the end.
 */
export function findReferences(node: TextNode, offsetOf: (index: number) => number): Reference[] {
  const references: Reference[] = [];
  if (!MAY_REFER.test(node.text)) return references;
  const pattern = /\bSOP\b[\s-]*/gi;
  const starts = [...node.text.matchAll(pattern)].map((m) => m.index!);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const limit = starts[i + 1] ?? node.text.length;
    let chunk = node.text.slice(start, limit);
    // One pass each (a run of spaces made regular expressions for these backtrack).
    chunk = chunk.slice(0, referenceEnd(chunk));
    for (let twice = 0; twice < 2; twice++) {
      const conjunction = trailingConjunction(chunk);
      if (conjunction >= 0) chunk = chunk.slice(0, conjunction);
    }
    chunk = trimEndWhere(chunk, (c) => c === '.' || c === '/' || isSpace(c));
    if (!/^SOP[\s-]*\S/i.test(chunk)) continue;
    const kind = NUMBERED_REFERENCE.test(chunk) ? 'number' : 'title';
    references.push({ text: chunk, kind, span: { start: offsetOf(start), end: offsetOf(start + chunk.length) } });
  }
  return references;
}

/** "SOP-405/BKBPM", "SOP 4", "SOP 1 — Penyusunan Jadwal": a reference that starts with a number. */
const NUMBERED_REFERENCE = /^SOP[\s.-]*(?:No\.?\s*|Nomor\s+)?\d/i;
/** What follows a full stop that ends a sentence: a space, then a capital or a digit. */
const SENTENCE_START = /^\s[\p{Lu}\d]/u;
/** A word ending in '.' that does not end a sentence ("No. 5", "Pj. Walikota", initials): tested on the five letters before the dot. */
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}|no|kab|kec|kel|prov|pj|plt|plh|dr|drs|ir|hj|jl|tgl|sdr|bpk|dll|dsb|dst)$/iu;

const NUMBER_PREFIX = /^SOP[\s-]*(?:\d+(?:\/[^\s,;()[\]]+)?)?/i;

/** Where the reference at the start of `chunk` ends (the next reference has already cut it). */
function referenceEnd(chunk: string): number {
  // The number, with its unit code ("SOP-405/BKBPM"), is never cut.
  const from = NUMBER_PREFIX.exec(chunk)![0].length;
  let depth = 0;
  for (let i = from; i < chunk.length; i++) {
    const c = chunk[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      // "(lihat SOP Surat Keluar) dan ...": a bracket opened before the reference closes it.
      if (depth === 0) return i;
      depth--;
    } else if (c === ',' || c === ';') return i;
    else if (c === '/' && (isSpace(chunk[i - 1]) || isSpace(chunk[i + 1]))) return i;
    // Only the few letters before the dot are looked at: a text of many dots stays linear.
    else if (
      (c === '.' || c === '!' || c === '?') &&
      SENTENCE_START.test(chunk.slice(i + 1, i + 3)) &&
      !(c === '.' && ABBREVIATION.test(chunk.slice(Math.max(0, i - 5), i)))
    )
      return i;
  }
  return chunk.length;
}

/** Text pieces from several source lines, joined by single spaces, with a map back to offsets. */
export class JoinedText {
  private readonly pieces: { text: string; offset: number; at: number }[] = [];
  private joined = '';

  add(text: string, offset: number): void {
    const trimmedStart = text.length - text.trimStart().length;
    const value = text.trim();
    if (!value) return;
    if (this.joined) this.joined += ' ';
    this.pieces.push({ text: value, offset: offset + trimmedStart, at: this.joined.length });
    this.joined += value;
  }

  get text(): string {
    return this.joined;
  }

  get isEmpty(): boolean {
    return this.pieces.length === 0;
  }

  /** The source offset of a character of the joined text (or just past the end). */
  offsetOf = (index: number): number => {
    let piece = this.pieces[0];
    for (const p of this.pieces) {
      if (p.at <= index) piece = p;
      else break;
    }
    if (!piece) return 0;
    return piece.offset + Math.min(index - piece.at, piece.text.length);
  };

  node(): TextNode | null {
    if (this.isEmpty) return null;
    return { text: this.joined, span: this.span() };
  }

  span(): Span {
    const first = this.pieces[0];
    const last = this.pieces[this.pieces.length - 1];
    return { start: first.offset, end: last.offset + last.text.length };
  }
}

/**
 * Whether a value stands in the source exactly as its node's text: on one line, nothing joined or
 * dropped. Only such a value can be replaced by a fix without touching what surrounds it.
 */
export function writtenAsIs(sourceText: string, node: TextNode): boolean {
  return sourceText.slice(node.span.start, node.span.end) === node.text;
}

/**
 * The source offset of a character of a node's text, for a node whose text joins lines with single
 * spaces (a Kegiatan over several lines): the text is walked against the source from the node's
 * start. Falls back to the node's start where they part (a comment line inside the value).
 */
export function sourceOffsetOf(sourceText: string, node: TextNode, index: number): number {
  let j = node.span.start;
  for (let i = 0; i < index && i < node.text.length; i++) {
    if (sourceText[j] === node.text[i]) j++;
    else if (node.text[i] === ' ' && /\s/.test(sourceText[j] ?? '')) while (j < node.span.end && /\s/.test(sourceText[j])) j++;
    else return node.span.start;
  }
  return j;
}
