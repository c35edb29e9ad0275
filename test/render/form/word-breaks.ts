/**
 * Words broken across lines, checked against the source: a line may end inside a word only at one of
 * its hyphenation points by the Indonesian TeX patterns (the `hyphen` package), or just after a hyphen
 * the word has ("Perundang-|undangan"), and shows a hyphen there. The words are the source's: a line
 * that ends in a piece of no word of the SOP is a word broken, with or without a hyphen shown.
 */
import hyphenator from 'hyphen/id/index.js';

const MARK = '\u0001';
/** Punctuation around a word ("(hilang)", "Permohonan,") that is not part of it. */
const EDGES = /^[(["'“‘]+|[)\]"'”’,;:.!?]+$/g;

/** What the form prints besides the source's words: the table's headers and the notes it adds. */
const FORM_WORDS =
  'No Kegiatan Pelaksana Mutu Baku Kelengkapan Waktu Output Keterangan Catatan hilang dari sumber Langkah dan seterusnya selesai → ? Bagan prosedur pada dokumen Lembar identitas SOP tidak ada dalam';

export class Lexicon {
  private readonly words = new Set<string>();

  /** The words of `source` (the .sop text), of the form's own texts and of `shown` (texts the form prints whole). */
  constructor(source: string, shown: string[] = []) {
    for (const text of [source, FORM_WORDS, ...shown]) for (const word of text.split(/\s+/)) this.add(word);
  }

  private add(word: string): void {
    const clean = bare(word);
    if (!clean) return;
    this.words.add(clean);
    // A range of steps is printed with an en dash ("Langkah 1–11"), written with a hyphen.
    this.words.add(clean.replace(/(\d)-(\d)/g, '$1–$2'));
  }

  has(word: string): boolean {
    const clean = bare(word);
    return clean === '' || this.words.has(clean);
  }
}

const bare = (word: string) => word.replace(EDGES, '');

/** The places (character offsets) where `word` may be broken: its pattern points and after its own hyphens. */
export function breakPoints(word: string): Set<number> {
  const points = new Set<number>();
  let at = 0;
  for (const part of word.split(/(?<=-)/)) {
    const pieces = hyphenator.hyphenateSync(part, { hyphenChar: MARK, minWordLength: 1 }).split(MARK);
    let offset = at;
    for (const piece of pieces.slice(0, -1)) {
      offset += piece.length;
      points.add(offset);
    }
    at += part.length;
    if (part.endsWith('-')) points.add(at);
  }
  return points;
}

/** One reading of a word broken across lines: the word, and per break whether a hyphen was shown, and where. */
interface Reading {
  word: string;
  breaks: Array<{ at: number; hyphen: 'added' | 'own' | 'none' }>;
}

/** Every way the pieces of a broken word may join: a piece's final hyphen added at the break, or the word's own. */
function readings(pieces: string[]): Reading[] {
  let result: Reading[] = [{ word: pieces[0], breaks: [] }];
  for (const piece of pieces.slice(1)) {
    const next: Reading[] = [];
    for (const r of result) {
      if (r.word.endsWith('-') && r.word.length > 1) {
        const stem = r.word.slice(0, -1);
        next.push({ word: stem + piece, breaks: [...r.breaks, { at: stem.length, hyphen: 'added' }] });
        next.push({ word: r.word + piece, breaks: [...r.breaks, { at: r.word.length, hyphen: 'own' }] });
      } else next.push({ word: r.word + piece, breaks: [...r.breaks, { at: r.word.length, hyphen: 'none' }] });
    }
    result = next;
  }
  return result;
}

/** Why a word broken into `pieces` (one per line) is broken wrongly; [] when every break is right. */
function brokenWordProblems(pieces: string[], lexicon: Lexicon): string[] {
  const shown = pieces.join('|');
  const known = readings(pieces).filter((r) => lexicon.has(r.word));
  if (known.length === 0) {
    const hyphenated = pieces.slice(0, -1).every((p) => p.endsWith('-'));
    return [`'${shown}': a line ends inside a word${hyphenated ? '' : ' without a hyphen'} that the source does not have`];
  }
  const wrong = (r: Reading) =>
    r.breaks.flatMap((b) => {
      if (b.hyphen === 'none') return [`'${shown}' (${r.word}): broken after '${r.word.slice(0, b.at)}' without a hyphen`];
      if (b.hyphen === 'added' && !breakPoints(r.word).has(b.at))
        return [`'${shown}' (${r.word}): broken after '${r.word.slice(0, b.at)}', not a hyphenation point`];
      return [];
    });
  // The reading with the fewest wrong breaks: a word that has a reading with none is broken right.
  return known.map(wrong).sort((a, b) => a.length - b.length)[0];
}

/** The words a text of several lines breaks across lines, each as its pieces ("Pem-", "berdayaan"). */
export function brokenWords(lines: string[], lexicon: Lexicon): string[][] {
  const broken: string[][] = [];
  let open: string[] | null = null;
  lines.forEach((line, i) => {
    const tokens = line.split(' ').filter(Boolean);
    tokens.forEach((token, j) => {
      if (open && j === 0) open.push(token);
      else {
        if (open && open.length > 1) broken.push(open);
        open = [token];
      }
      // At a line's end, a word goes on to the next line unless what is written so far is a whole word.
      const lineEnd = j === tokens.length - 1 && i < lines.length - 1;
      if (lineEnd && readings(open).some((r) => lexicon.has(r.word))) {
        if (open.length > 1) broken.push(open);
        open = null;
      }
    });
  });
  if (open && (open as string[]).length > 1) broken.push(open);
  return broken;
}

/** What is wrong with the line breaks of one text block: each word broken off its hyphenation points. */
export function lineBreakProblems(lines: string[], lexicon: Lexicon): string[] {
  return brokenWords(lines, lexicon).flatMap((pieces) => brokenWordProblems(pieces, lexicon));
}
