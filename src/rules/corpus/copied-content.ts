import { localized, type Localized } from '../../diagnostics/diagnostic.js';
import type { Location, IndexEntry } from '../../resolve/corpus-index.js';
import type { ContentCell } from '../../resolve/sop-content.js';
import { stemIndonesian } from '../../util/indonesian-stem.js';
import { editDistance } from '../../util/similarity.js';
import type { CorpusRule, CorpusReport } from '../rule.js';

/** Related locations shown besides the other SOP's; the message counts every place. */
const MAX_RELATED = 5;

/** Titles of a sub-division's people: a label such as "Kasubbid PE & PKM" names the sub-division after them. */
const SUBDIVISION_TITLES = new Set(['kasubbid', 'kabid', 'kasi', 'kasie', 'kabag', 'kasubag', 'kasubbag', 'jfu', 'pu']);
/** Words of a label that are not the sub-division's name ("JFU Subbid PPA" is of "PPA"). */
const LABEL_FILLER = new Set(['subbid', 'bidang', 'seksi', 'dan']);

const FIELD = {
  kegiatan: localized('Kegiatan', 'Kegiatan'),
  kelengkapan: localized('Kelengkapan', 'Kelengkapan'),
  output: localized('Output', 'Output'),
};

/** A cell with its words split and stemmed (in the index it is one string). */
interface Cell {
  source: ContentCell;
  words: string[];
  /** Where each word starts in the cell's text. */
  starts: number[];
  stems: string[];
}

function splitCell(source: ContentCell): Cell {
  const words: string[] = [];
  const starts: number[] = [];
  for (const match of source.text.matchAll(/[\p{L}\p{N}]+/gu)) {
    words.push(match[0]);
    starts.push(match.index);
  }
  return { source, words, starts, stems: words.map(stemOf) };
}

interface Mention {
  cell: Cell;
  from: number;
  to: number;
  /** What the mention names: the other SOP's subject, or one of its actor columns. */
  kind: 'subject' | 'actor';
  /** The other SOP's title, or its actor column's label. */
  theirs: { text: string; location: Location };
}

interface Phrase {
  entry: IndexEntry;
  stems: string[];
}

/** The sub-division a label names: "Kasubbid PE & PKM" → { title: 'kasubbid', key: 'pepkm' }. */
function subdivision(label: string): { title: string; key: string } | undefined {
  const words = [...label.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  if (words.length < 2 || !SUBDIVISION_TITLES.has(words[0])) return undefined;
  const key = words
    .slice(1)
    .filter((w) => !LABEL_FILLER.has(w))
    .join('');
  return key.length >= 2 ? { title: words[0], key } : undefined;
}

/** Whether a written sub-division is one of the own keys, or a slip of one ("PI & PSM" for "PSM & PI" is another order). */
function isOwn(key: string, own: string[]): boolean {
  return own.some((o) => o === key || (o.length >= 4 && key.length >= 4 && editDistance(o, key, 2) <= 2) || sameLetters(o, key));
}

const sameLetters = (a: string, b: string) => a.length === b.length && [...a].sort().join('') === [...b].sort().join('');

/** The smallest run of the cell's words that holds every stem of the phrase, if it is short enough to read as the phrase. */
function findPhrase(cell: Cell, stems: string[]): { from: number; to: number } | undefined {
  const want = new Set(stems);
  let best: { from: number; to: number } | undefined;
  for (let from = 0; from < cell.stems.length; from++) {
    if (!want.has(cell.stems[from])) continue;
    const seen = new Set<string>();
    for (let to = from; to < cell.stems.length && to - from <= want.size + 1; to++) {
      if (want.has(cell.stems[to])) seen.add(cell.stems[to]);
      if (seen.size === want.size) {
        if (!best || to - from < best.to - best.from) best = { from, to };
        break;
      }
    }
  }
  return best;
}

function sopName(entry: IndexEntry): string {
  const number = entry.number?.text;
  const title = entry.title?.text;
  if (number && title) return `${number} '${title}'`;
  return number ?? (title ? `'${title}'` : entry.file);
}

/** Where a character of a cell is: its line, and its column on that line. */
function position(cell: ContentCell, at: number): { line: number; column: number } {
  const before = cell.text.slice(0, at);
  const breaks = before.split('\n').length - 1;
  if (breaks === 0) return { line: cell.line, column: cell.column + at };
  return { line: cell.line + breaks, column: at - before.lastIndexOf('\n') };
}

/** Where a mention is: from its first word to the end of its last. */
function mentionLocation(mention: Mention): Location {
  const { cell, from, to } = mention;
  const startAt = cell.starts[from];
  const endAt = cell.starts[to] + cell.words[to].length;
  const start = position(cell.source, startAt);
  const end = position(cell.source, endAt);
  return {
    offset: cell.source.offset + startAt,
    endOffset: cell.source.offset + endAt,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

const stems = new Map<string, string>();
/** The stem of a word as written (the same words recur across a book: stemmed once). */
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemIndonesian(word.toLowerCase());
    if (stems.size < 100_000) stems.set(word, stem);
  }
  return stem;
}

/** The mention as written ("Kasubbid PE & PKM"), on one line. */
const quoted = (mention: Mention) =>
  mention.cell.source.text
    .slice(mention.cell.starts[mention.from], mention.cell.starts[mention.to] + mention.cell.words[mention.to].length)
    .replace(/\s+/g, ' ');

/**
 * A step whose Kegiatan, Kelengkapan or Output names the subject of another SOP of the book and not
 * of its own ("Hasil Penilaian lomba Keluarga Sejahtera" in the SOP of Lomba Kelurahan), or an actor
 * column of another sub-division ("Kasubbid PEPKM" where this SOP's Kasubbid is "Kasubbid PSM & PI"):
 * the row was copied from that SOP and not rewritten. One finding per pair of SOPs, at the first place,
 * with the others and the other SOP's title or column as related locations.
 */
export const copiedContent: CorpusRule = {
  meta: {
    id: 'corpus/copied-content',
    description: localized(
      'Langkah yang menyebut pokok SOP lain di buku ini, atau pelaksana subbidang lain: disalin dari SOP itu.',
      'A step that names the subject of another SOP of the book, or an actor of another sub-division: copied from that SOP.',
    ),
    rationale: localized(
      'Buku SOP sering disusun dengan menyalin tabel SOP yang mirip. Baris yang tidak ditulis ulang masih menyebut pokok SOP asalnya ("lomba Keluarga Sejahtera" di SOP Lomba Kelurahan) atau subbidang asalnya ("Kasubbid PEPKM" padahal Kasubbid SOP ini "Kasubbid PSM & PI"): pelaksana mengikuti langkah yang salah, dan dokumen yang dihasilkan bernama keliru.',
      'SOP books are often written by copying the table of a similar SOP. A row that was not rewritten still names the subject of the SOP it came from ("lomba Keluarga Sejahtera" in the SOP of Lomba Kelurahan) or its sub-division ("Kasubbid PEPKM" where this SOP\'s Kasubbid is "Kasubbid PSM & PI"): the people following it do the wrong thing, and the documents it makes carry the wrong name.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'corpus',
    fixable: false,
  },
  check(context) {
    const entries = context.index.entries.filter((e) => e.content);
    // Each SOP's subject phrases, indexed by their rarest stem: a cell is compared only with the
    // phrases whose rarest word it holds.
    const frequency = new Map<string, number>();
    for (const entry of entries) for (const stem of new Set(entry.content!.subjects.flat())) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
    const byRarest = new Map<string, Phrase[]>();
    for (const entry of entries) {
      const seen = new Set<string>();
      for (const subject of entry.content!.subjects) {
        const stems = [...new Set(subject)];
        const key = [...stems].sort().join(' ');
        if (stems.length < 2 || seen.has(key)) continue;
        seen.add(key);
        const rarest = stems.reduce((a, b) => ((frequency.get(b) ?? 0) < (frequency.get(a) ?? 0) ? b : a));
        const list = byRarest.get(rarest) ?? [];
        if (list.length === 0) byRarest.set(rarest, list);
        list.push({ entry, stems });
      }
    }
    // Every SOP that declares a sub-division, by title and sub-division, in the book's order.
    const declaring = new Map<string, SubdivisionHolders>();
    for (const entry of entries)
      for (const label of subdivisionLabels(entry)) {
        const key = `${label.title} ${label.key}`;
        let holders = declaring.get(key);
        if (!holders) declaring.set(key, (holders = { entries: [], labels: [] }));
        holders.entries.push(entry);
        holders.labels.push(label);
      }
    const unitCodes = new Set(entries.flatMap((e) => (e.unitCode ? [e.unitCode.text.toLowerCase()] : [])));

    for (const entry of entries) {
      if (!context.isEnabledFor(entry.file)) continue;
      // An SOP this one refers to may well be named in its steps.
      const referred = new Set(entry.references.map((r) => context.references.resolve(r.text)?.entry).filter((e): e is IndexEntry => !!e));
      // This SOP's own subject words and phrases, and its own sub-divisions (only this SOP's are
      // needed at a time: nothing of the kind is kept per SOP over the whole book).
      const subjects = entry.content!.subjects;
      const own = new Set(subjects.flat());
      const mine = new Set(subjects.map((s) => [...new Set(s)].sort().join(' ')));
      const ownLabels = subdivisionLabels(entry);
      const found = new Map<IndexEntry, Mention[]>();
      // A Kegiatan's words around a title and around a subject word may overlap: each place once.
      const places = new Set<number>();
      const add = (other: IndexEntry, mention: Mention) => {
        const place = mention.cell.source.offset + mention.cell.starts[mention.from];
        if (places.has(place)) return;
        places.add(place);
        const list = found.get(other) ?? [];
        if (list.length === 0) found.set(other, list);
        list.push(mention);
      };
      const isOther = (other: IndexEntry) => other !== entry && !referred.has(other);
      const actorMentions: { cell: Cell; from: number; to: number; theirs: SubdivisionHolders }[] = [];
      for (const written of entry.content!.cells) {
        const cell = splitCell(written);
        // The other SOP's subject: its whole phrase, nearly contiguous, with a word that is not this SOP's.
        const candidates = new Map<Phrase, { from: number; to: number }>();
        // Of a Kegiatan, only the words around its sub-division titles and own subject words are kept (see sop-content.ts).
        for (const stem of new Set(cell.stems)) {
          for (const phrase of byRarest.get(stem) ?? []) {
            const other = phrase.entry;
            if (other === entry || referred.has(other) || candidates.has(phrase)) continue;
            if (mine.has([...phrase.stems].sort().join(' '))) continue;
            if (!phrase.stems.some((s) => !own.has(s) && s.length >= 3 && !/^\d+$/.test(s))) continue;
            const at = findPhrase(cell, phrase.stems);
            if (at) candidates.set(phrase, at);
          }
        }
        // Only when one SOP is clearly meant: the longest phrase, unless another SOP's is as long.
        const ranked = [...candidates].sort((a, b) => b[0].stems.length - a[0].stems.length);
        if (ranked.length > 0 && (ranked.length === 1 || ranked[1][0].stems.length < ranked[0][0].stems.length || ranked[1][0].entry === ranked[0][0].entry)) {
          const [phrase, at] = ranked[0];
          const title = phrase.entry.title;
          add(phrase.entry, {
            cell,
            ...at,
            kind: 'subject',
            theirs: { text: title?.text ?? sopName(phrase.entry), location: title?.location ?? phrase.entry.fileStart },
          });
        }
        // Another sub-division's actor: a title followed by a sub-division this SOP does not have,
        // where this SOP has a sub-division of its own under that title.
        for (let i = 0; i < cell.words.length - 1; i++) {
          const title = cell.words[i].toLowerCase();
          if (!SUBDIVISION_TITLES.has(title)) continue;
          const ownKeys = ownLabels.filter((l) => l.title === title).map((l) => l.key);
          if (ownKeys.length === 0) continue;
          let key = '';
          for (let j = i + 1; j < Math.min(cell.words.length, i + 4); j++) {
            const word = cell.words[j].toLowerCase();
            if (LABEL_FILLER.has(word)) continue;
            key += word;
            // The cheap tests first: a sub-division may be declared by every SOP of the book.
            if (isOwn(key, ownKeys) || unitCodes.has(key)) continue;
            const theirs = declaring.get(`${title} ${key}`);
            if (!theirs?.entries.some(isOther)) continue;
            actorMentions.push({ cell, from: i, to: j, theirs });
            break;
          }
        }
      }
      // A sub-division is declared by several SOPs: the rows came from the one whose subject they
      // also name, else from the first that declares it.
      for (const { theirs, ...at } of actorMentions) {
        const source = sourceOf(theirs, found, isOther);
        add(theirs.entries[source], { ...at, kind: 'actor', theirs: { text: theirs.labels[source].label, location: theirs.labels[source].location } });
      }
      for (const [other, mentions] of found) report(context.report, entry, other, mentions);
    }
  },
};

/** The SOPs that declare one sub-division under one title, with their labels, in the book's order. */
interface SubdivisionHolders {
  entries: IndexEntry[];
  labels: { label: string; location: Location }[];
  /** Each SOP's first place in `entries`, built when first needed. */
  positions?: Map<IndexEntry, number>;
}

/** The sub-divisions an SOP's actor columns name. */
function subdivisionLabels(entry: IndexEntry): { title: string; key: string; label: string; location: Location }[] {
  return entry.content!.actorLabels.flatMap((a) => {
    const sub = subdivision(a.label);
    return sub ? [{ ...sub, label: a.label, location: a.location }] : [];
  });
}

/**
 * Of the other SOPs that declare a sub-division, the first (in the book's order) of those already
 * found in the cells, else the first: its place in `holders`. The SOPs found are few, the holders
 * may be the whole book: each found SOP is looked up, not each holder.
 */
function sourceOf(holders: SubdivisionHolders, found: Map<IndexEntry, Mention[]>, isOther: (e: IndexEntry) => boolean): number {
  if (!holders.positions) {
    holders.positions = new Map();
    holders.entries.forEach((entry, at) => holders.positions!.has(entry) || holders.positions!.set(entry, at));
  }
  let best = -1;
  for (const entry of found.keys()) {
    const at = isOther(entry) ? holders.positions.get(entry) : undefined;
    if (at !== undefined && (best < 0 || at < best)) best = at;
  }
  return best >= 0 ? best : holders.entries.findIndex(isOther);
}

function report(emit: (report: CorpusReport) => void, entry: IndexEntry, other: IndexEntry, mentions: Mention[]): void {
  mentions.sort((a, b) => a.cell.source.offset + a.cell.starts[a.from] - (b.cell.source.offset + b.cell.starts[b.from]));
  const [first, ...rest] = mentions;
  const step = first.cell.source.stepNumber ?? '?';
  const field = FIELD[first.cell.source.field];
  const them = sopName(other);
  const us = entry.title ? ` ('${entry.title.text}')` : '';
  const what: Localized =
    first.kind === 'subject'
      ? localized(`pokok ${them}, bukan pokok SOP ini${us}`, `the subject of ${them}, not of this SOP${us}`)
      : localized(
          `pelaksana ${them} ('${first.theirs.text}'), subbidang yang bukan pelaksana SOP ini`,
          `an actor of ${them} ('${first.theirs.text}'), a sub-division that is none of this SOP's actors`,
        );
  const more = rest.length === 0 ? localized('', '') : localized(`; ${rest.length} tempat lain juga`, `; so do ${rest.length} more places`);
  const theirs = new Map<string, Mention['theirs']>();
  for (const m of mentions) theirs.set(`${m.theirs.location.offset}`, m.theirs);
  emit({
    file: entry.file,
    location: mentionLocation(first),
    message: localized(
      `${field.id} langkah ${step} menyebut '${quoted(first)}', ${what.id}${more.id}: disalin dari SOP itu?`,
      `The ${field.en} of step ${step} names '${quoted(first)}', ${what.en}${more.en}: copied from that SOP?`,
    ),
    hint: localized(
      'tulis ulang langkah itu untuk pokok dan pelaksana SOP ini sendiri; bila langkah itu memang memakai SOP tersebut, rujuk SOP itu di Keterangan dan cantumkan di Keterkaitan',
      "rewrite the step for this SOP's own subject and actors; if the step really uses that SOP, refer to it in Keterangan and list it under Keterkaitan",
    ),
    related: [
      ...rest.slice(0, MAX_RELATED).map((m) => ({
        file: entry.file,
        location: mentionLocation(m),
        message: localized(`juga di sini: '${quoted(m)}'`, `also here: '${quoted(m)}'`),
      })),
      ...[...theirs.values()].map((t) => ({
        file: other.file,
        location: t.location,
        message: localized(`'${t.text}' di ${them}`, `'${t.text}' in ${them}`),
      })),
    ],
  });
}
