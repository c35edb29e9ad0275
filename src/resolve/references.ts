/**
 * SOP references: collecting those a document writes (`documentReferences`, the one collector), and
 * resolving them (`ReferenceTable`): by title against the book and its declared external SOPs, by
 * number against the book. The engine builds one table per book before the corpus rules run and
 * hands it to them (CorpusRuleContext.references); the corpus renderers build one per render.
 */
import type { SopDocument } from '../ast/types.js';
import { lineEndOf, type SourceFile, type Span } from '../diagnostics/source.js';
import { characterCounts, editDistance, editDistanceLowerBound, normalizeWords } from '../util/similarity.js';
import { locate, type CorpusIndex, type IndexedReference, type IndexEntry } from './corpus-index.js';

/** Every SOP reference a document writes: the Keterkaitan list first, then each step's Keterangan. */
export function documentReferences(document: SopDocument, source: SourceFile): IndexedReference[] {
  const references: IndexedReference[] = [];
  for (const ref of document.identity.keterkaitan?.references ?? []) {
    references.push({ text: ref.text, kind: ref.kind, location: locate(source, referenceSpan(ref, source)), origin: { kind: 'keterkaitan' } });
  }
  for (const procedure of document.procedures) {
    for (const step of procedure.steps) {
      for (const ref of step.keterangan?.references ?? []) {
        references.push({
          text: ref.text,
          kind: ref.kind,
          location: locate(source, referenceSpan(ref, source)),
          origin: { kind: 'step', stepNumber: step.number },
        });
      }
    }
  }
  return references;
}

const isLineBreak = (c: number) => c === 10 || c === 13;
const isBlank = (c: number) => c === 32 || c === 9 || isLineBreak(c);

/**
 * Where a reference is written in the file. A reference in a list item that goes on over continuation
 * lines is found in the item's text joined by single spaces, and its span counts offsets in that
 * joined text from the item's start: past the first line break it falls short by the line end and
 * the indentation skipped (issue 19: columns outside their line). The written text is looked for
 * from there on, a joined space matching a line break with the blanks around it; a span that is
 * found unchanged (a reference on one line) is returned as it is.
 */
export function referenceSpan(ref: { text: string; span: Span }, source: SourceFile): Span {
  const text = source.text;
  if (ref.text.length === 0) return ref.span;
  const first = ref.text.charCodeAt(0);
  // The joined text is never longer than what it was joined from: the true start is at or after the span's.
  for (let at = ref.span.start; at >= 0 && at < text.length; at = text.indexOf(ref.text[0], at + 1)) {
    if (text.charCodeAt(at) !== first) continue;
    const end = matchJoined(ref.text, text, at);
    if (end >= 0) return { start: at, end };
    // A written reference never starts past the end of the line after its joined text's length.
    if (at - ref.span.start > ref.text.length + (ref.span.end - ref.span.start) + 4096) break;
  }
  // Not found (a text the parser changed otherwise): kept on its first line, so its columns stay on it
  // (an offset between the CR and the LF of a line end is the line's end).
  let start = Math.min(ref.span.start, lineEndOf(text, Math.min(ref.span.start, text.length)));
  if (start > 0 && text.charCodeAt(start) === 10 && text.charCodeAt(start - 1) === 13) start--;
  return { start, end: Math.max(start, Math.min(ref.span.end, lineEndOf(text, start))) };
}

/** Where `joined` ends when matched at `at` in `text` (a space may stand for a line break and the blanks around it), or -1. */
function matchJoined(joined: string, text: string, at: number): number {
  let i = 0;
  let j = at;
  // The end of a blank run already seen to hold no line break: its rest is matched blank for blank
  // without scanning it again (a scan per blank made a long run quadratic).
  let unbrokenUntil = -1;
  while (i < joined.length) {
    const c = joined.charCodeAt(i);
    if (isBlank(c) && j >= unbrokenUntil && j < text.length && isBlank(text.charCodeAt(j))) {
      // A run of blanks holding a line break is one joined space (or blank run); without one, it matches blank for blank.
      let k = j;
      let broken = false;
      while (k < text.length && isBlank(text.charCodeAt(k))) broken = isLineBreak(text.charCodeAt(k++)) || broken;
      if (broken) {
        j = k;
        while (i < joined.length && isBlank(joined.charCodeAt(i))) i++;
        continue;
      }
      unbrokenUntil = k;
    }
    if (j >= text.length || text.charCodeAt(j) !== c) return -1;
    i++;
    j++;
  }
  return j;
}

/** What a reference names: its number (leading zeros dropped), its title, or both ("SOP 1 — Penyusunan Jadwal"). */
export interface ReferenceParts {
  number?: string;
  title?: string;
  /** Everything after "SOP", normalised: how a number such as "800/124/TU/IV/2015" is matched whole. */
  whole?: string;
}

const NUMBERED = /^(?:No\.?\s*|Nomor\s+)?(\d+)(?:\/\S*)?/i;

/** "SOP", also spelt "S.O.P", before a name or number. */
const SOP_WORD = /^S\.?O\.?P\.?(?![\p{L}\p{N}])[\s.-]*/iu;

export function referenceParts(text: string): ReferenceParts {
  const body = text.trim().replace(SOP_WORD, '');
  const whole = normalizeWords(body) || undefined;
  const numbered = NUMBERED.exec(body);
  if (!numbered) return { title: whole, whole };
  const title = normalizeWords(body.slice(numbered[0].length).replace(/^[\s\u2014\u2013:-]+/, '')) || undefined;
  return { number: numbered[1].replace(/^0+(?=\d)/, ''), title, whole };
}

/** Why a reference names no SOP that can be identified; see vagueReference. */
export type Vagueness = { kind: 'abbreviation' | 'word'; word: string };

/**
 * Whether a reference is too vague to identify one SOP: after "SOP" comes a single word that is an
 * abbreviation of at most three letters ("SOP SK": which decree, of which office?) or an ordinary
 * word ("SOP Keuangan", "SOP Administrasi": a field of work, not a procedure). A number identifies
 * ("SOP 4", "SOP-405/BKBPM"), and so does a longer abbreviation that names one document or programme
 * ("SOP SPPD", "SOP BBGRM"). Undefined when the reference is not vague.
 */
export function vagueReference(text: string): Vagueness | undefined {
  const body = text.trim().replace(SOP_WORD, '');
  if (NUMBERED.test(body)) return undefined;
  const words = body
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '');
  if (words.length !== 1) return undefined;
  const word = words[0];
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters === '') return undefined;
  if (letters === letters.toUpperCase() && letters.length >= 2) return letters.length <= 3 ? { kind: 'abbreviation', word } : undefined;
  return { kind: 'word', word };
}

/** "SOP Surat keluar." → "surat keluar"; "SOP-405/BKBPM" → "405"; "SOP 1 — Penyusunan Jadwal" → "1". */
export function referenceKey(text: string): string {
  const parts = referenceParts(text);
  return parts.number ?? parts.title ?? '';
}

/** How an SOP of the book is named in a reference: "SOP <title>" (a title may already start with "SOP"). */
export function sopName(title: string): string {
  return SOP_WORD.test(title.trim()) ? title.trim() : `SOP ${title.trim()}`;
}

/** Every key a reference can be matched by, for comparing two references of one file. */
export function referenceKeys(text: string): string[] {
  const { number, title } = referenceParts(text);
  return [...(number === undefined ? [] : [`#${number}`]), ...(title === undefined ? [] : [title])];
}

/** Whether two references name the same SOP by what they write (same number, or same title). */
export function sameReference(a: string, b: string): boolean {
  const keys = new Set(referenceKeys(a));
  return referenceKeys(b).some((key) => keys.has(key));
}

/** The declared external SOP a reference names, as the configuration spells it ("SOP surat keluar" → "SOP Surat Keluar"). */
export function declaredName(text: string, externalSops: string[]): string | undefined {
  return externalSops.find((name) => sameReference(text, name));
}

/**
 * How a file rule's hint writes a reference: as a declared external SOP is spelt when it is one,
 * else as written (corpus titles are known only to corpus rules).
 */
export function declaredSpelling(text: string, externalSops: string[]): string {
  return declaredName(text, externalSops) ?? text;
}

export interface ReferenceTarget {
  /** The name as it should be written: "SOP <title>" for the corpus, as declared for external SOPs. */
  canonical: string;
  kind: 'corpus' | 'external';
  entry?: IndexEntry;
}

/** A candidate name for "did you mean", with what the scan needs computed once. */
interface NameCandidate {
  key: string;
  target: ReferenceTarget;
  /** Position in the table: on a tie, the first name wins. */
  index: number;
  counts: Uint8Array;
}

export class ReferenceTable {
  /** Titles (and external names) by their normalised words. */
  private readonly byKey = new Map<string, ReferenceTarget>();
  /** By number, leading zeros dropped: "SOP 4" and "SOP-004/BKBPM". */
  private readonly byNumber = new Map<string, ReferenceTarget>();
  /** By the whole Nomor SOP, normalised, for numbers that are not "SOP-N" ("800/124/TU/IV/2015"). */
  private readonly byWhole = new Map<string, ReferenceTarget>();
  private candidates: NameCandidate[] | undefined;
  /** Candidates by the words of their names. */
  private byWord: Map<string, Set<NameCandidate>> | undefined;
  /** The lengths of the candidates' keys. */
  private keyLengths: Set<number> | undefined;
  // The same unresolved name recurs across a corpus ("SOP Surat Keluar" in every file): look it up once.
  private readonly suggestions = new Map<string, string | undefined>();
  private readonly nearMisses = new Map<string, string | undefined>();

  constructor(index: CorpusIndex, externalSops: string[]) {
    for (const entry of index.entries) {
      if (entry.title) add(this.byKey, referenceParts(entry.title.text).whole, { canonical: sopName(entry.title.text), kind: 'corpus', entry });
      if (!entry.number) continue;
      const byNumber: ReferenceTarget = { canonical: entry.number.text, kind: 'corpus', entry };
      if (entry.numberDigits) add(this.byNumber, entry.numberDigits.replace(/^0+(?=\d)/, ''), byNumber);
      add(this.byWhole, referenceParts(entry.number.text).whole, byNumber);
    }
    for (const name of externalSops) {
      // "SOP SK" identifies nothing: the configuration refuses it, and a table built in code ignores it.
      if (vagueReference(name)) continue;
      const parts = referenceParts(name);
      const target: ReferenceTarget = { canonical: name, kind: 'external' };
      add(this.byKey, parts.whole, target);
      if (parts.number === undefined) continue;
      add(this.byNumber, parts.number, target);
      add(this.byWhole, parts.whole, target);
    }
  }

  /**
   * The SOP a reference names: by its whole number or name as written, by its number, by its
   * title; a "number — title" reference by either.
   */
  resolve(text: string): ReferenceTarget | undefined {
    const { whole, number, title } = referenceParts(text);
    if (whole === undefined) return undefined;
    return (
      this.byWhole.get(whole) ??
      this.byKey.get(whole) ??
      (number === undefined ? undefined : this.byNumber.get(number)) ??
      (title === undefined || title === whole ? undefined : this.byKey.get(title))
    );
  }

  /** The SOP itself: the corpus file, or the external name (a number and a title of one SOP are one). */
  static sopOf(target: ReferenceTarget): IndexEntry | string {
    return target.entry ?? target.canonical;
  }

  /** The closest known name, for "did you mean". */
  suggest(text: string): string | undefined {
    // A number alone is looked up, not guessed.
    const { whole: key, title } = referenceParts(text);
    if (key === undefined || title === undefined) return undefined;
    if (this.suggestions.has(key)) return this.suggestions.get(key);
    this.candidates ??= [...this.byKey]
      .filter(([candidate]) => !/^\d+$/.test(candidate))
      .map(([candidate, target], index) => ({ key: candidate, target, index, counts: characterCounts(candidate) }));
    const counts = characterCounts(key);
    // Most misspellings are one edit away: look among the names that share the key's other words
    // first; only when none is that close, scan every name.
    const suggestion = this.closest(key, counts, this.oneEditCandidates(key), 1) ?? this.closest(key, counts, this.candidates, Infinity);
    this.suggestions.set(key, suggestion?.canonical);
    return suggestion?.canonical;
  }

  /**
   * The known name a reference misspells: the closest name (see `suggest`) when it is a slip of the
   * pen, a few characters apart ("SOP Pembentukn Tim") or the same words with one added or left out
   * ("SOP Penetapan Keputusan Produk Hukum"); undefined for another SOP's name that merely looks
   * alike ("SOP Administrasi Surat Keluar" is not "SOP Administrasi Surat Masuk").
   */
  nearMiss(text: string): string | undefined {
    const written = referenceParts(text).whole;
    if (!written) return undefined;
    if (this.nearMisses.has(written)) return this.nearMisses.get(written);
    const meant = this.findNearMiss(text, written);
    this.nearMisses.set(written, meant);
    return meant;
  }

  private findNearMiss(text: string, written: string): string | undefined {
    const suggestion = this.suggest(text);
    const known = suggestion === undefined ? undefined : this.resolve(suggestion);
    const meant = known?.entry?.title ? referenceParts(known.entry.title.text).whole : suggestion && referenceParts(suggestion).whole;
    if (suggestion && meant) {
      const slip = Math.max(2, Math.floor(Math.max(written.length, meant.length) * 0.12));
      if (editDistance(written, meant, slip) <= slip) return suggestion;
    }
    for (const [key, target] of this.byKey) if (oneWordApart(written, key)) return target.canonical;
    return undefined;
  }

  /**
   * The nearest of `candidates` (given in table order: on a tie, the first wins), or undefined. Only
   * a candidate within `within` edits counts.
   */
  private closest(key: string, counts: Uint8Array, candidates: Iterable<NameCandidate>, within: number): ReferenceTarget | undefined {
    let best: ReferenceTarget | undefined;
    let bestDistance = within + 1;
    for (const candidate of candidates) {
      const limit = Math.max(2, Math.floor(Math.max(key.length, candidate.key.length) * 0.3));
      // A candidate must beat the best so far; a cheap bound skips most that cannot.
      const cap = Math.min(limit, bestDistance - 1);
      const near = Math.abs(key.length - candidate.key.length) <= cap && editDistanceLowerBound(counts, candidate.counts) <= cap;
      let distance = near ? editDistance(key, candidate.key, cap) : cap + 1;
      // A name that contains the written one, or the reverse ("SOP Penetapan Keputusan Produk Hukum").
      if (
        distance > cap &&
        limit < bestDistance &&
        Math.min(key.length, candidate.key.length) >= 4 &&
        (candidate.key.includes(key) || key.includes(candidate.key))
      )
        distance = limit;
      if (distance <= limit && distance < bestDistance) {
        best = candidate.target;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * Every name at most one edit from `key`. One edit changes one word, or joins or splits two
   * neighbours, so such a name holds all of the key's words but two adjacent ones. Keys of fewer
   * than three words would match on too little: they get the full scan.
   */
  private oneEditCandidates(key: string): NameCandidate[] {
    // A name one edit away is at most one character longer or shorter: a long text (a whole paragraph
    // after "SOP") has none, and is not split into words for every pair it could skip.
    this.keyLengths ??= new Set(this.candidates!.map((candidate) => candidate.key.length));
    if (![key.length - 1, key.length, key.length + 1].some((length) => this.keyLengths!.has(length))) return [];
    const words = key.split(' ');
    if (words.length < 3) return [];
    if (!this.byWord) {
      this.byWord = new Map();
      this.candidates!.forEach((candidate) => {
        for (const word of new Set(candidate.key.split(' '))) {
          let holders = this.byWord!.get(word);
          if (!holders) this.byWord!.set(word, (holders = new Set()));
          holders.add(candidate);
        }
      });
    }
    const found = new Set<NameCandidate>();
    for (let skipped = 0; skipped < words.length - 1; skipped++) {
      const kept = words.filter((_, i) => i !== skipped && i !== skipped + 1).map((w) => this.byWord!.get(w) ?? new Set<NameCandidate>());
      kept.sort((a, b) => a.size - b.size);
      for (const candidate of kept[0]) if (kept.every((holders) => holders.has(candidate))) found.add(candidate);
    }
    return [...found].sort((a, b) => a.index - b.index);
  }

  get names(): string[] {
    return [...new Set([...this.byKey.values(), ...this.byNumber.values()].map((t) => t.canonical))];
  }
}

/** The same words but one, added or left out, in two names of at least three words: "penetapan (keputusan) produk hukum". */
function oneWordApart(a: string, b: string): boolean {
  const [shorter, longer] = [a.split(' '), b.split(' ')].sort((x, y) => x.length - y.length);
  if (longer.length - shorter.length !== 1 || shorter.length < 3) return false;
  for (let skipped = 0; skipped < longer.length; skipped++) {
    if (longer.every((word, i) => i === skipped || word === shorter[i < skipped ? i : i - 1])) return true;
  }
  return false;
}

function add(map: Map<string, ReferenceTarget>, key: string | undefined, target: ReferenceTarget): void {
  if (key && !map.has(key)) map.set(key, target);
}
